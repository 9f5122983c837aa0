"""The real process: exit codes, SIGKILL in the middle of delivery, SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot import db
from models.outbox import Outbox, OutboxStatus
from services.clock import SystemClock
from services.outbox import Notice, enqueue
from tests import db as testdb
from tests.emulator import BotApiEmulator
from tests.figures import record
from tests.harness import TOKEN
from tests.tcp_proxy import TcpProxy

ROOT = Path(__file__).resolve().parent.parent


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("BOT_", "DATABASE_", "REDIS_", "WEBHOOK_", "OUTBOX_"))}
    env.update(values)
    return env


async def _run(cwd: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=cwd, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    return proc.returncode or 0, err.decode()


async def _start(cwd: Path, env: dict[str, str]) -> asyncio.subprocess.Process:
    # The log goes to a file: an unread pipe fills up during an outage's tracebacks and
    # blocks the bot on its next log line, which no deployment would do.
    with open(cwd / "bot.log", "ab") as log_file:  # noqa: ASYNC230 (a local file, once)
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=cwd, env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=log_file,
        )


async def test_token_rejected_by_telegram_exits_2_with_one_line(
    emu: BotApiEmulator, tmp_path: Path
) -> None:
    env = _env(BOT_TOKEN="999:WRONG-token-abcdefghijklmnopqrstuvwxyz0",
               BOT_API_BASE=emu.base_url, PYTHONPATH=str(ROOT),
               DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/x.db")
    code, err = await _run(tmp_path, env)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "BOT_TOKEN" in lines[0] and "Traceback" not in err


async def test_unreachable_database_exits_2_with_one_line(tmp_path: Path) -> None:
    env = _env(BOT_TOKEN=TOKEN, PYTHONPATH=str(ROOT),
               DATABASE_URL="postgresql+asyncpg://nobody@127.0.0.1:1/none")
    code, err = await _run(tmp_path, env)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("red-steward: DATABASE_URL")


async def test_malformed_url_exits_2(tmp_path: Path) -> None:
    env = _env(BOT_TOKEN=TOKEN, PYTHONPATH=str(ROOT), DATABASE_URL="::not a url::")
    code, err = await _run(tmp_path, env)
    assert code == 2 and "DATABASE_URL" in err and "Traceback" not in err


async def test_check_prints_masked_settings(emu: BotApiEmulator, tmp_path: Path) -> None:
    env = _env(BOT_TOKEN=TOKEN, PYTHONPATH=str(ROOT),
               DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/c.db")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "check", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    assert proc.returncode == 0
    assert TOKEN not in out.decode() and out.decode().strip().endswith("ok")


async def _broadcast(url: str, users: list, groups: list, per_group: int) -> None:  # type: ignore[type-arg]
    """One notice to each person and `per_group` numbered ones to each group, committed."""
    engine = db.create_engine(url)
    await db.migrate(engine)
    clock = SystemClock()
    async with db.session_factory(engine)() as s:
        for i, u in enumerate(users):
            await enqueue(s, clock, Notice(key=f"b:{i}", chat_id=u.id, text_key="slow-down"))
        for g in groups:
            for n in range(per_group):
                await enqueue(s, clock, Notice(
                    key=f"g:{g.id}:{n}", chat_id=g.id, text_key="help-line",
                    args={"command": f"n{n}", "description": "order"}))
        await s.commit()
    await engine.dispose()


def _tally(emu: BotApiEmulator, users: list, groups: list, per_group: int  # type: ignore[type-arg]
           ) -> dict[str, int]:
    counts = [len(emu.sent(u.id)) for u in users]
    group_texts = [[(m.text or "").split(" ")[0] for m in emu.sent(g.id)] for g in groups]
    in_order = sum(1 for t in group_texts
                   if list(dict.fromkeys(t)) == [f"/n{n}" for n in range(per_group)])
    return {"sent": sum(1 for n in counts if n) + sum(len(set(t)) for t in group_texts),
            "duplicated": sum(n - 1 for n in counts if n > 1)
            + sum(len(t) - len(set(t)) for t in group_texts),
            "lost": counts.count(0) + sum(per_group - len(set(t)) for t in group_texts),
            "groups_in_order": in_order}


@pytest.mark.parametrize("kill_at", [40, 150, 400])
async def test_sigkill_mid_broadcast_then_a_flaky_telegram_loses_nothing(
    emu: BotApiEmulator, tmp_path: Path, kill_at: int
) -> None:
    """SIGKILL at several moments of a broadcast; the next process meets 10 % 500s and 429
    storms. Everything arrives, groups in order, at most what was in flight twice."""
    url = f"sqlite+aiosqlite:///{tmp_path}/crash.db"
    users = [emu.add_user(f"U{i}", language_code="en", started=True) for i in range(500)]
    groups = [emu.add_group(f"G{i}", bot_status="member") for i in range(3)]
    per_group = 4
    await _broadcast(url, users, groups, per_group)
    env = _env(BOT_TOKEN=TOKEN, BOT_API_BASE=emu.base_url, DATABASE_URL=url,
               PYTHONPATH=str(ROOT), OUTBOX_RATE_PER_SECOND="200", OUTBOX_CONCURRENCY="8",
               OUTBOX_POLL_SECONDS="0.2", OUTBOX_GROUP_PER_MINUTE="600")

    def delivered() -> int:
        return sum(1 for u in users if emu.sent(u.id))

    started = time.monotonic()
    first = await _start(tmp_path, env)
    await emu.wait_for(lambda: delivered() >= kill_at, timeout=60)
    first.send_signal(signal.SIGKILL)
    await first.wait()
    at_kill = delivered()
    assert at_kill < 500, "the kill came too late to prove anything"

    # Telegram misbehaves while the second process finishes the job.
    emu.fail_ratio("sendMessage", 0.1, status=500, seed=kill_at)
    emu.fail("sendMessage", 429, times=3, retry_after=1)
    second = await _start(tmp_path, env)
    total = 500 + len(groups) * per_group
    await emu.wait_for(lambda: _tally(emu, users, groups, per_group)["sent"] == total,
                       timeout=120)
    second.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(second.wait(), timeout=30) == 0

    seen = _tally(emu, users, groups, per_group)
    record(f"SIGKILL after {kill_at} of {total}", sent_before_kill=at_kill, **seen,
           seconds=round(time.monotonic() - started, 1))
    assert seen["lost"] == 0 and seen["groups_in_order"] == len(groups)
    assert seen["duplicated"] <= 8, seen  # at most what was in flight at the kill


async def _queue_private(url: str, users: list, prefix: str) -> None:  # type: ignore[type-arg]
    engine = db.create_engine(url)
    await db.migrate(engine)
    clock = SystemClock()
    async with db.session_factory(engine)() as s:
        for i, u in enumerate(users):
            # Rendered at send time in the recipient's language: needs the i18n core.
            await enqueue(s, clock, Notice(key=f"{prefix}:{i}", chat_id=u.id,
                                           text_key="slow-down"))
        await s.commit()
    await engine.dispose()


async def _statuses(url: str) -> dict[str, int]:
    engine = db.create_engine(url)
    try:
        async with db.session_factory(engine)() as s:
            rows = await s.execute(select(Outbox.status, func.count()).group_by(Outbox.status))
            return {status: n for status, n in rows.all()}
    finally:
        await engine.dispose()


@pytest.mark.parametrize("stop_after", [3, 20])
async def test_sigterm_while_50_notices_go_out_then_a_restart_sends_the_rest_once(
    emu: BotApiEmulator, tmp_path: Path, stop_after: int
) -> None:
    """A routine restart in the middle of a delivery: nothing dies, nothing is sent twice."""
    url = f"sqlite+aiosqlite:///{tmp_path}/term50.db"
    users = [emu.add_user(f"P{i}", language_code="zh-hans", started=True) for i in range(50)]
    await _queue_private(url, users, "term")
    env = _env(BOT_TOKEN=TOKEN, BOT_API_BASE=emu.base_url, DATABASE_URL=url,
               PYTHONPATH=str(ROOT), OUTBOX_POLL_SECONDS="0.2")
    emu.delay("sendMessage", 0.05)  # a delivery that takes a few seconds

    def delivered() -> int:
        return sum(1 for u in users if emu.sent(u.id))

    started = time.monotonic()
    first = await _start(tmp_path, env)
    await emu.wait_for(lambda: delivered() >= stop_after, timeout=60)
    first.terminate()
    assert await asyncio.wait_for(first.wait(), timeout=30) == 0
    at_stop = delivered()
    after_stop = await _statuses(url)
    assert after_stop.get(OutboxStatus.DEAD.value, 0) == 0, after_stop

    second = await _start(tmp_path, env)
    await emu.wait_for(lambda: delivered() == 50, timeout=60)
    second.terminate()
    assert await asyncio.wait_for(second.wait(), timeout=30) == 0
    counts = [len(emu.sent(u.id)) for u in users]
    assert all(m.text == "您操作太快了，请稍等几秒再试。" for u in users for m in emu.sent(u.id))
    record(f"SIGTERM after {stop_after} of 50", sent_before_stop=at_stop,
           sent=sum(1 for n in counts if n), duplicated=sum(n - 1 for n in counts if n > 1),
           lost=counts.count(0), seconds=round(time.monotonic() - started, 1))
    assert counts == [1] * 50
    assert await _statuses(url) == {OutboxStatus.SENT.value: 50}


@pytest.mark.skipif(not testdb.PG_URL, reason="cuts the way to a PostgreSQL server "
                    "(TEST_DATABASE_URL); a SQLite file cannot go away")
async def test_database_away_for_ten_seconds_mid_broadcast_loses_nothing(
    emu: BotApiEmulator, tmp_path: Path, db_url: str
) -> None:
    url = make_url(db_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    users = [emu.add_user(f"D{i}", language_code="en", started=True) for i in range(300)]
    groups = [emu.add_group(f"DG{i}", bot_status="member") for i in range(2)]
    per_group = 4
    await _broadcast(db_url, users, groups, per_group)
    env = _env(BOT_TOKEN=TOKEN, BOT_API_BASE=emu.base_url, DATABASE_URL=proxied,
               PYTHONPATH=str(ROOT), OUTBOX_RATE_PER_SECOND="60", OUTBOX_POLL_SECONDS="0.2",
               OUTBOX_GROUP_PER_MINUTE="600")
    total = 300 + len(groups) * per_group
    started = time.monotonic()
    proc = await _start(tmp_path, env)
    try:
        await emu.wait_for(lambda: sum(1 for u in users if emu.sent(u.id)) >= 60, timeout=60)
        await proxy.cut()
        at_cut = _tally(emu, users, groups, per_group)["sent"]
        await asyncio.sleep(10)
        during = _tally(emu, users, groups, per_group)["sent"] - at_cut
        await proxy.restore()
        await emu.wait_for(lambda: _tally(emu, users, groups, per_group)["sent"] == total,
                           timeout=120)
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), timeout=30) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
        await proxy.stop()
    seen = _tally(emu, users, groups, per_group)
    record("database away 10 s mid-broadcast", sent_before_cut=at_cut, sent_while_away=during,
           **seen, seconds=round(time.monotonic() - started, 1))
    assert seen["lost"] == 0 and seen["groups_in_order"] == len(groups)
    assert seen["duplicated"] <= 16, seen  # at most the notices in flight when it went
