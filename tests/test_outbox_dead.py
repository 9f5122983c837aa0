"""A notice dies only for a reason retrying cannot fix; dead ones are listed and requeued once."""

from __future__ import annotations

import asyncio
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from bot import db
from models.outbox import Outbox, OutboxStatus
from services.clock import SystemClock
from services.outbox import Notice, enqueue
from tests.harness import Harness
from tests.test_process import ROOT, _env


async def _rows(h: Harness) -> list[Outbox]:
    async with h.app.sessions() as s:
        return list((await s.execute(select(Outbox).order_by(Outbox.id))).scalars())


async def test_a_failure_inside_the_bot_is_retried_not_dead_lettered(h: Harness) -> None:
    user = h.emu.add_user("Ren", language_code="zh-hans")
    await h.send(user, "/start")
    async with h.app.sessions() as s:
        await enqueue(s, h.clock, Notice(key="r:1", chat_id=user.id, text_key="slow-down"))
        await s.commit()
    saved = dict(h.app.core.locales)
    h.app.core.locales.clear()  # as when the translations were shut down under the sender
    try:
        await h.deliver()
    finally:
        h.app.core.locales.update(saved)
    row = (await _rows(h))[-1]
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    assert "KeyError" in (row.last_error or "")
    failed = h.app.metrics.registry.get_sample_value(
        "steward_outbox_failed_total", {"reason": "internal"})
    assert failed == 1
    h.clock.advance(seconds=2)
    await h.deliver()
    assert h.emu.last(user).text == "您操作太快了，请稍等几秒再试。"
    assert (await _rows(h))[-1].status == OutboxStatus.SENT


async def _cli(url: str, *args: str) -> str:
    env = _env(DATABASE_URL=url, PYTHONPATH=str(ROOT))
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "outbox", *args, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 0, err.decode()
    return out.decode()


async def test_dead_notices_are_listed_with_reasons_and_requeued_once(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/dead.db"
    engine = db.create_engine(url)
    await db.migrate(engine)
    clock = SystemClock()
    sessions = db.session_factory(engine)
    async with sessions() as s:
        for key, chat in (("d:old", 11), ("d:new", 12), ("d:gone", 13)):
            await enqueue(s, clock, Notice(key=key, chat_id=chat, text_key="slow-down"))
        await s.flush()
        await s.execute(update(Outbox).where(Outbox.idem_key == "d:old").values(
            status=OutboxStatus.DEAD.value, attempts=8, last_error="KeyError: 'zh-Hans'",
            created_at=clock.now() - timedelta(days=3)))
        await s.execute(update(Outbox).where(Outbox.idem_key == "d:new").values(
            status=OutboxStatus.DEAD.value, attempts=8, last_error="TelegramServerError: 502"))
        await s.execute(update(Outbox).where(Outbox.idem_key == "d:gone").values(
            status=OutboxStatus.UNREACHABLE.value, attempts=1,
            last_error="Forbidden: bot was blocked by the user"))
        await s.commit()
    try:
        listed = await _cli(url)
        assert "KeyError: 'zh-Hans'" in listed and "TelegramServerError: 502" in listed
        assert "Forbidden: bot was blocked by the user" in listed
        assert "3 notice(s) given up on" in listed
        recent = await _cli(url, "--since", "1d")
        assert "2 notice(s) given up on since" in recent and "KeyError" not in recent

        assert (await _cli(url, "retry", "--since", "1d")).startswith("requeued 1 dead")
        assert (await _cli(url, "retry")).startswith("requeued 1 dead")  # the older one
        assert (await _cli(url, "retry")).startswith("requeued 0 dead")  # idempotent
        async with sessions() as s:
            rows = {r.idem_key: r for r in (await s.execute(select(Outbox))).scalars()}
        for key in ("d:old", "d:new"):
            assert rows[key].status == OutboxStatus.PENDING and rows[key].attempts == 0
            assert rows[key].requeued_at is not None
        assert rows["d:gone"].status == OutboxStatus.UNREACHABLE  # a person must act
        # Dead again after its retry: left for a person, and said so.
        async with sessions() as s:
            await s.execute(update(Outbox).where(Outbox.idem_key == "d:new").values(
                status=OutboxStatus.DEAD.value))
            await s.commit()
        again = await _cli(url, "retry")
        assert again.startswith("requeued 0 dead") and "1 died again" in again
    finally:
        await engine.dispose()


async def test_a_notice_queued_before_its_text_gained_a_variable_still_goes_out(
    h: Harness,
) -> None:
    """Written by the code before an upgrade, sent by the code after: the card's text has
    since gained the contact line; the old row goes out with that part empty."""
    user = h.emu.add_user("Ren", language_code="zh-hans")
    await h.send(user, "/start")
    async with h.app.sessions() as s:
        await enqueue(s, h.clock, Notice(
            key="old:1", chat_id=user.id, text_key="tk-where-more",
            args={"where": {"key": "tk-where-building", "args": {"area": "楼道"}},
                  "place": {"key": "tk-where-place", "args": {"place": "3号楼后面"}}, "map": ""}))
        await s.commit()
    await h.deliver()
    row = (await _rows(h))[-1]
    assert row.status == OutboxStatus.SENT
    assert h.emu.last(user).text == " · 楼道 · 3号楼后面"
