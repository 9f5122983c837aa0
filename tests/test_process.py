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

from bot import db
from models.outbox import Outbox, OutboxStatus
from services.clock import SystemClock
from services.outbox import Notice, enqueue
from tests.emulator import BotApiEmulator
from tests.figures import record
from tests.harness import TOKEN

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
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=cwd, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
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


async def test_500_notices_survive_sigkill_and_flaky_telegram(
    emu: BotApiEmulator, tmp_path: Path
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/crash.db"
    engine = db.create_engine(url)
    await db.migrate(engine)
    users = [emu.add_user(f"U{i}", language_code="en", started=True) for i in range(500)]
    clock = SystemClock()
    async with db.session_factory(engine)() as s:
        for i, u in enumerate(users):
            await enqueue(s, clock, Notice(key=f"crash:{i}", chat_id=u.id, text_key="slow-down"))
        await s.commit()
    await engine.dispose()

    env = _env(BOT_TOKEN=TOKEN, BOT_API_BASE=emu.base_url, DATABASE_URL=url,
               PYTHONPATH=str(ROOT), OUTBOX_RATE_PER_SECOND="200", OUTBOX_CONCURRENCY="8",
               OUTBOX_POLL_SECONDS="0.2")

    def delivered() -> int:
        return sum(1 for u in users if emu.sent(u.id))

    first = await _start(tmp_path, env)
    await emu.wait_for(lambda: delivered() >= 150, timeout=60)
    first.send_signal(signal.SIGKILL)
    await first.wait()
    assert delivered() < 500, "the kill came too late to prove anything"

    # Telegram misbehaves while the second process finishes the job.
    emu.fail_ratio("sendMessage", 0.1, status=500, seed=7)
    emu.fail("sendMessage", 429, times=3, retry_after=1)
    second = await _start(tmp_path, env)
    await emu.wait_for(lambda: delivered() == 500, timeout=120)
    second.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(second.wait(), timeout=30) == 0

    counts = [len(emu.sent(u.id)) for u in users]
    assert min(counts) == 1
    twice = [u.id for u, n in zip(users, counts, strict=True) if n > 1]
    assert len(twice) <= 8, f"sent twice: {twice}"  # at most what was in flight at the kill


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
