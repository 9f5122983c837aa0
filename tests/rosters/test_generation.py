"""Shifts as dated rows: the rolling horizon, idempotent generation, rule changes."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.outbox import Outbox
from models.rosters import Shift
from services.clock import FrozenClock
from services.rosters import filling, generation, setup
from tests.rosters import factories as f
from tests.rosters.conftest import TZ


async def test_a_school_roster_over_national_day(session: AsyncSession, clock: FrozenClock,
                                                 cast: f.Cast) -> None:
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    rows = await f.shifts(session, roster.id)
    per_day = Counter(s.day for s in rows)
    # Today's 07:30 shift has passed; Sunday 28 Sep is a make-up day; 1-8 Oct are off.
    assert per_day[date(2025, 9, 26)] == 1
    assert date(2025, 9, 27) not in per_day
    week = [d for d in per_day if date(2025, 9, 28) <= d <= date(2025, 10, 4)]
    assert sorted(week) == [date(2025, 9, 28), date(2025, 9, 29), date(2025, 9, 30)]
    assert not [d for d in per_day if date(2025, 10, 1) <= d <= date(2025, 10, 8)]
    assert per_day[date(2025, 10, 11)] == 2  # Saturday make-up day
    assert max(per_day) == date(2025, 10, 23)  # 28 days from today
    assert len(rows) == 31
    first = rows[1]
    assert first.starts_at == f.local(TZ, 2025, 9, 28, 7, 30)
    assert first.ends_at == f.local(TZ, 2025, 9, 28, 8, 10)
    assert first.capacity == 2


async def test_generating_twice_never_duplicates(session: AsyncSession, clock: FrozenClock,
                                                 cast: f.Cast) -> None:
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    again = await generation.generate(session, clock, roster.id)
    await session.commit()
    assert (again.created, again.updated, again.cancelled) == (0, 0, 0)
    assert await generation.sweep_generate(session, clock.now()) == 0
    # A day later the horizon moves by one day, once.
    clock.advance(days=1)
    await generation.sweep_generate(session, clock.now())
    await generation.sweep_generate(session, clock.now())
    count = (await session.execute(select(func.count()).select_from(Shift).where(
        Shift.roster_id == roster.id, Shift.day == date(2025, 10, 24)))).scalar_one()
    assert count == 2


async def test_a_rule_change_touches_only_future_empty_shifts(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    ann = cast.parents[0]
    await f.join(session, clock, roster.id, ann)
    held = await f.shift_at(session, roster.id, f.local(TZ, 2025, 9, 29, 7, 30))
    await filling.take(session, clock, held.id, ann)
    clock.set(f.local(TZ, 2025, 9, 29, 12, 0))  # the morning shift of the 29th has passed
    done = await setup.change(session, clock, roster.id, cast.organizer.id,
                              times=[["07:45", "08:20"]], per_shift=3)
    rows = await f.shifts(session, roster.id)
    by_start = {s.starts_at: s for s in rows}
    # the held shift keeps its times and people, and takes the new capacity
    assert by_start[f.local(TZ, 2025, 9, 29, 7, 30)].taken == 1
    # empty future mornings moved to 07:45; afternoons went away
    assert f.local(TZ, 2025, 9, 30, 7, 45) in by_start
    assert by_start[f.local(TZ, 2025, 9, 30, 7, 45)].capacity == 3
    assert not [s for s in rows if s.slot == 1 and s.starts_at > clock.now()]
    assert done.cancelled > 0 and done.updated > 0


async def test_a_closure_day_cancels_held_shifts_and_tells_the_holders(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    ann = cast.parents[0]
    await f.join(session, clock, roster.id, ann)
    held = await f.shift_at(session, roster.id, f.local(TZ, 2025, 10, 10, 7, 30))
    await filling.take(session, clock, held.id, ann)
    _, told = await setup.add_skip(session, clock, roster.id, date(2025, 10, 10),
                                   cast.organizer.id)
    assert told == 1
    assert not [s for s in await f.shifts(session, roster.id) if s.day == date(2025, 10, 10)]
    notice = (await session.execute(select(Outbox).where(
        Outbox.text_key == "ro-note-cancelled"))).scalar_one()
    assert notice.chat_id == ann.tg_id
    # generation keeps respecting the closure
    await generation.generate(session, clock, roster.id)
    assert not [s for s in await f.shifts(session, roster.id) if s.day == date(2025, 10, 10)]


async def test_terms_limit_the_roster(session: AsyncSession, clock: FrozenClock,
                                      cast: f.Cast) -> None:
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    await setup.add_term(session, clock, roster.id, date(2025, 10, 9), date(2025, 10, 17),
                         cast.organizer.id)
    days = {s.day for s in await f.shifts(session, roster.id)}
    assert min(days) == date(2025, 10, 9) and max(days) == date(2025, 10, 17)


async def test_the_organizer_is_told_once_about_an_unknown_year(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    clock.set(f.local(TZ, 2026, 12, 20, 9, 0))
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    days = {s.day for s in await f.shifts(session, roster.id)}
    assert date(2027, 1, 4) in days  # plain Monday in a year the calendar does not know
    for _ in range(3):
        clock.advance(days=1)
        await generation.sweep_generate(session, clock.now())
    notes = (await session.execute(select(Outbox).where(
        Outbox.text_key == "ro-note-calendar-unknown"))).scalars().all()
    assert [(n.chat_id, n.args["year"]) for n in notes] == [(cast.organizer.tg_id, "2027")]
    assert roster.calendar_noted == [2027]
