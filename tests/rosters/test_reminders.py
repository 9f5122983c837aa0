"""Reminders come from rows: each (shift, person, lead) once, across restarts, late sweeps
and time zones, and always to whoever holds the place at that moment."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from models.outbox import Outbox
from models.person import Person
from models.rosters import ShiftReminder
from services.clock import FrozenClock
from services.rosters import filling, reminders, swaps
from tests.rosters import factories as f
from tests.rosters.conftest import TZ


async def _notes(session: AsyncSession, key: str) -> list[tuple[int, str]]:
    rows = await session.execute(select(Outbox.chat_id, Outbox.idem_key)
                                 .where(Outbox.text_key == key).order_by(Outbox.id))
    return [(chat_id, idem) for chat_id, idem in rows]


async def _setup(session: AsyncSession, clock: FrozenClock, cast: f.Cast) -> int:
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer,
                            leads=["eve@20:00", "30m"])
    await f.join(session, clock, roster.id, *cast.parents)
    await session.commit()
    shift = await f.shift_at(session, roster.id, f.local(TZ, 2025, 9, 29, 7, 30))
    for p in cast.parents[:2]:
        await filling.take(session, clock, shift.id, p)
    return shift.id


async def test_each_lead_once_even_across_a_restart(
    session: AsyncSession, engine: AsyncEngine, clock: FrozenClock, cast: f.Cast
) -> None:
    await _setup(session, clock, cast)
    ann, bo = cast.parents[0].tg_id, cast.parents[1].tg_id
    assert await reminders.sweep_reminders(session, f.local(TZ, 2025, 9, 28, 19, 59)) == 0
    assert await reminders.sweep_reminders(session, f.local(TZ, 2025, 9, 28, 20, 0)) == 2
    assert await reminders.sweep_reminders(session, f.local(TZ, 2025, 9, 28, 20, 0)) == 0
    # A new process: nothing in memory, a fresh session, a sweep a bit late.
    async with db.session_factory(engine)() as fresh:
        assert await reminders.sweep_reminders(fresh, f.local(TZ, 2025, 9, 28, 20, 7)) == 0
        assert await reminders.sweep_reminders(fresh, f.local(TZ, 2025, 9, 29, 7, 0)) == 2
        assert await reminders.sweep_reminders(fresh, f.local(TZ, 2025, 9, 29, 7, 5)) == 0
    assert sorted(c for c, _ in await _notes(session, "ro-note-remind-eve")) == sorted([ann, bo])
    assert sorted(c for c, _ in await _notes(session, "ro-note-remind-soon")) == sorted([ann, bo])
    assert await reminders.sweep_reminders(session, f.local(TZ, 2025, 9, 29, 7, 31)) == 0


async def test_a_late_sweep_sends_only_the_latest_lead(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    await _setup(session, clock, cast)
    # down from 19:00 until 07:05: the "tomorrow" reminder would be stale now
    assert await reminders.sweep_reminders(session, f.local(TZ, 2025, 9, 29, 7, 5)) == 2
    assert await _notes(session, "ro-note-remind-eve") == []
    rows = (await session.execute(select(ShiftReminder.lead, ShiftReminder.sent))).all()
    assert sorted(rows) == [("30m", True), ("30m", True), ("eve@20:00", False),
                            ("eve@20:00", False)]


async def test_reminders_follow_whoever_holds_the_place(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    shift_id = await _setup(session, clock, cast)
    ann, bo, cai, dee = cast.parents
    ids = {p.id: p.tg_id for p in cast.parents}
    await reminders.sweep_reminders(session, f.local(TZ, 2025, 9, 28, 20, 0))
    clock.set(f.local(TZ, 2025, 9, 28, 21, 0))
    request = (await swaps.ask(session, clock, shift_id, ann)).request
    await swaps.take_over(session, clock, request.id, cai)
    await reminders.sweep_reminders(session, f.local(TZ, 2025, 9, 28, 21, 1))
    await reminders.sweep_reminders(session, f.local(TZ, 2025, 9, 29, 7, 0))
    eve = [c for c, _ in await _notes(session, "ro-note-remind-eve")]
    soon = [c for c, _ in await _notes(session, "ro-note-remind-soon")]
    assert sorted(eve) == sorted([ids[ann.id], ids[bo.id]])
    # Cai took over after the evening reminder: only the last one, Ann none any more
    assert sorted(soon) == sorted([ids[bo.id], ids[cai.id]])
    assert dee.tg_id not in eve + soon


async def test_a_run_in_new_york_across_the_end_of_daylight_saving(
    session: AsyncSession, clock: FrozenClock
) -> None:
    ny = "America/New_York"
    clock.set(datetime(2025, 10, 30, 15, 0, tzinfo=UTC))
    compound = await f.compound(session, clock, tz=ny)
    organizer = await f.person(session, clock, "Org", tg_id=6001)
    guard = await f.person(session, clock, "Guard", tg_id=6002, locale="en")
    roster = await f.roster(session, clock, compound.id, organizer, recurrence="days:1",
                            times=[["07:30", "08:10"]], leads=["eve@20:00", "30m"])
    await f.join(session, clock, roster.id, guard)
    await session.commit()
    monday = await f.shift_at(session, roster.id, datetime(2025, 11, 3, 12, 30, tzinfo=UTC))
    assert monday.day.isoformat() == "2025-11-03"  # 07:30 EST, the day after clocks went back
    guard = await session.get(Person, guard.id)
    assert guard is not None
    await filling.take(session, clock, monday.id, guard)
    # 20:00 on Sunday in New York is 01:00 UTC on Monday (EST, UTC-5), not 00:00 (EDT)
    assert await reminders.sweep_reminders(session, datetime(2025, 11, 3, 0, 30, tzinfo=UTC)) == 0
    assert await reminders.sweep_reminders(session, datetime(2025, 11, 3, 1, 0, tzinfo=UTC)) == 1
    assert await reminders.sweep_reminders(session, datetime(2025, 11, 3, 12, 0, tzinfo=UTC)) == 1
    assert await reminders.sweep_reminders(session, datetime(2025, 11, 3, 12, 1, tzinfo=UTC)) == 0
