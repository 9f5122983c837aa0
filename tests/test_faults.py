"""Faults: a flaky Telegram, a database that goes away for a while, SIGTERM mid-update."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot import db
from bot.app import App
from models.outbox import Outbox, OutboxStatus
from models.tickets import Ticket
from services.clock import SystemClock
from services.outbox import Notice, enqueue
from tests import db as testdb
from tests.emulator import BotApiEmulator
from tests.harness import WAIT, Harness, make_settings
from tests.tcp_proxy import TcpProxy
from tests.tickets.world import build as build_tickets

OUTAGE_SECONDS = 10


@pytest.fixture
async def live(emu: BotApiEmulator, db_url: str) -> AsyncIterator[Harness]:
    """The app with its own sender running on real time, as in production."""
    clock = SystemClock()
    app = App(make_settings(db_url, emu.base_url, outbox_sender=True, outbox_poll_seconds=0.1),
              clock)
    h = Harness(emu, app, clock)  # type: ignore[arg-type]
    await h.start()
    yield h
    await h.stop()


async def test_five_percent_500s_and_429_storms_lose_nothing(
    live: Harness, emu: BotApiEmulator
) -> None:
    people = [emu.add_user(f"P{i}", language_code="en", started=True) for i in range(120)]
    groups = [emu.add_group(f"G{i}", bot_status="member") for i in range(4)]
    emu.fail_ratio("sendMessage", 0.05, status=500, seed=11)
    emu.fail("sendMessage", 429, times=15, retry_after=1)
    expected: dict[int, list[str]] = {}
    async with live.app.sessions() as s:
        for i, p in enumerate(people):
            await enqueue(s, live.clock, Notice(key=f"p:{i}", chat_id=p.id,
                                                text_key="slow-down"))
            expected[p.id] = ["slow-down"]
        for g in groups:
            for n in range(5):
                await enqueue(s, live.clock, Notice(
                    key=f"g:{g.id}:{n}", chat_id=g.id, text_key="help-line",
                    args={"command": f"n{n}", "description": "order"}))
            expected[g.id] = [f"/n{n}" for n in range(5)]
        await s.commit()
    live.app.sender.wake()
    await asyncio.sleep(0.5)
    emu.fail("sendMessage", 429, times=15, retry_after=1)  # a second storm mid-way

    def done() -> bool:
        return all(len(emu.sent(c)) >= len(v) for c, v in expected.items())

    await emu.wait_for(done, timeout=WAIT * 2)
    await live.app.sender.drain_once()  # waits for the round in flight to record its results
    for p in people:
        assert len(emu.sent(p.id)) == 1, "lost or sent twice"
    for g in groups:
        texts = [m.text or "" for m in emu.sent(g.id)]
        assert [t.split(" ")[0] for t in texts] == expected[g.id], "out of order or doubled"
    async with live.app.sessions() as s:
        statuses = (await s.execute(select(Outbox.status, func.count()).group_by(Outbox.status)))
    assert dict(statuses.all()) == {OutboxStatus.SENT.value: 140}


@pytest.mark.skipif(not testdb.PG_URL, reason="stops a PostgreSQL server (TEST_DATABASE_URL)")
async def test_postgres_away_for_ten_seconds_then_back_without_a_restart(
    make_harness: object, emu: BotApiEmulator, db_url: str
) -> None:
    url = make_url(db_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    try:
        h: Harness = await make_harness(database_url=proxied)  # type: ignore[operator]
        w = await build_tickets(h, "en")
        await h.send(w.mei, "/start")
        before = len(emu.sent(w.mei.id))

        await proxy.cut()
        await h.send(w.mei, "#repair The lift in building 3 has stopped", chat=w.group)
        await h.send(w.mei, "#repair The gate will not close either", chat=w.group)
        await h.send(w.lan, "/mytickets")
        # Told once per chat that it is kept; nothing written, nothing lost.
        away = w.text("db-unavailable-kept")
        assert [m.text for m in emu.sent(w.group.id)] == [away]
        assert [m.text for m in emu.sent(w.lan.id)] == [away]
        assert len(h.app.parked) == 3
        await asyncio.sleep(OUTAGE_SECONDS)

        await proxy.restore()
        await emu.wait_for(lambda: len(h.app.parked) == 0 and len(emu.sent(w.lan.id)) >= 2,
                           timeout=WAIT)
        await h.deliver()
        async with h.app.sessions() as s:
            tickets = (await s.execute(select(Ticket.number).order_by(Ticket.number))).all()
        assert [n for (n,) in tickets] == [1, 2]
        replies = [m.text or "" for m in emu.sent(w.group.id)[1:]]
        assert any("#1" in t for t in replies) and any("#2" in t for t in replies)
        # And it goes on as before.
        await h.send(w.mei, "/start")
        assert len(emu.sent(w.mei.id)) == before + 1
    finally:
        await proxy.stop()


async def test_sigterm_finishes_the_update_in_flight_and_exits_0(
    emu: BotApiEmulator, tmp_path: Path
) -> None:
    from tests.test_process import ROOT, _env
    from tests.test_process import _start as start_process

    url = f"sqlite+aiosqlite:///{tmp_path}/term.db"
    engine = db.create_engine(url)
    await db.migrate(engine)
    await engine.dispose()
    env = _env(BOT_TOKEN=make_settings(url, "").bot_token, BOT_API_BASE=emu.base_url,
               DATABASE_URL=url, PYTHONPATH=str(ROOT))
    user = emu.add_user("Term", language_code="en", started=True)
    proc = await start_process(tmp_path, env)
    await emu.wait_for(lambda: any(m == "getUpdates" for m, _ in emu.calls), timeout=WAIT)
    emu.delay("sendMessage", 2.0)  # the greeting is still on its way when SIGTERM comes
    emu.send(user, "/start")
    await emu.wait_for(lambda: any(m == "sendMessage" for m, _ in emu.calls[-3:]), timeout=WAIT)
    proc.terminate()
    assert await asyncio.wait_for(proc.wait(), timeout=30) == 0
    assert "I am Red Steward" in (emu.last(user.id).text or "")
    # Confirmed before exit: a restart would not handle /start a second time.
    assert emu.state.updates.pending == []
