"""Taking places: capacity, double presses, overlaps, the past, and two people at once."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from models.person import Person
from services.clock import FrozenClock
from services.rosters import filling, rotation
from services.rosters.errors import RosterError
from tests.rosters import factories as f
from tests.rosters.conftest import TZ


async def _roster_with_team(session: AsyncSession, clock: FrozenClock, cast: f.Cast,
                            per_shift: int = 2) -> int:
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer,
                            per_shift=per_shift)
    await f.join(session, clock, roster.id, *cast.parents)
    await session.commit()
    return roster.id


async def test_two_take_a_shift_the_third_hears_it_is_full(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    roster_id = await _roster_with_team(session, clock, cast)
    starts = f.local(TZ, 2025, 9, 29, 7, 30)
    shift_id = (await f.shift_at(session, roster_id, starts)).id
    ann, bo, cai, _ = cast.parents
    ids = (ann.id, bo.id)
    assert (await filling.take(session, clock, shift_id, ann)).outcome is filling.Taken.DONE
    assert (await filling.take(session, clock, shift_id, ann)).outcome is filling.Taken.ALREADY
    await filling.take(session, clock, shift_id, bo)
    with pytest.raises(RosterError) as full:
        await filling.take(session, clock, shift_id, cai)
    assert full.value.code == "full"
    assert await f.holder_ids(session, shift_id) == set(ids)
    assert (await f.shift_at(session, roster_id, starts)).taken == 2


async def test_past_shifts_overlaps_and_strangers_are_refused(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    roster_id = await _roster_with_team(session, clock, cast)
    ann, bo = cast.parents[0], cast.parents[1]
    ann_id, bo_id, compound_id = ann.id, bo.id, cast.compound.id
    morning = (await f.shift_at(session, roster_id, f.local(TZ, 2025, 9, 29, 7, 30))).id
    other = await f.roster(session, clock, cast.compound.id, cast.organizer, name="Patrol",
                           times=[["08:00", "09:00"]])
    await f.join(session, clock, other.id, ann)
    await session.commit()
    patrol = (await f.shift_at(session, other.id, f.local(TZ, 2025, 9, 29, 8, 0))).id
    await filling.take(session, clock, morning, ann)
    with pytest.raises(RosterError) as overlap:
        await filling.take(session, clock, patrol, ann)
    assert overlap.value.code == "overlap"
    stranger = await f.person(session, clock, "Stranger", tg_id=7777)
    stranger_id = stranger.id
    await session.commit()
    with pytest.raises(RosterError) as outsider:
        await filling.take(session, clock, morning, stranger)
    assert outsider.value.code == "not-member"
    # a person pressing in one of the compound's groups may take a place
    stranger = await session.get(Person, stranger_id)
    assert stranger is not None
    await filling.take(session, clock, morning, stranger, here_compound_id=compound_id)
    clock.set(f.local(TZ, 2025, 9, 29, 7, 31))
    with pytest.raises(RosterError) as past:
        await filling.take(session, clock, morning, await session.get(Person, bo_id))
    assert past.value.code == "shift-past"
    assert await f.holder_ids(session, morning) == {ann_id, stranger_id}
    assert await f.holder_ids(session, patrol) == set()


async def _take_in_own_session(engine: AsyncEngine, clock: FrozenClock, shift_id: int,
                               person_id: int) -> str:
    async with db.session_factory(engine)() as s:
        person = await s.get(Person, person_id)
        assert person is not None
        try:
            result = await filling.take(s, clock, shift_id, person)
        except RosterError as err:
            return err.code
        return result.outcome.value


async def test_the_last_place_goes_to_exactly_one_of_two_at_once(
    session: AsyncSession, engine: AsyncEngine, clock: FrozenClock, cast: f.Cast
) -> None:
    roster_id = await _roster_with_team(session, clock, cast, per_shift=1)
    shift = await f.shift_at(session, roster_id, f.local(TZ, 2025, 9, 29, 7, 30))
    ann, bo, *_ = cast.parents
    outcomes = await asyncio.gather(
        _take_in_own_session(engine, clock, shift.id, ann.id),
        _take_in_own_session(engine, clock, shift.id, bo.id),
    )
    assert sorted(outcomes) == ["done", "full"]
    assert len(await f.holder_ids(session, shift.id)) == 1


async def test_a_double_press_at_once_holds_one_place(
    session: AsyncSession, engine: AsyncEngine, clock: FrozenClock, cast: f.Cast
) -> None:
    roster_id = await _roster_with_team(session, clock, cast)
    shift = await f.shift_at(session, roster_id, f.local(TZ, 2025, 9, 29, 7, 30))
    ann = cast.parents[0]
    outcomes = await asyncio.gather(
        _take_in_own_session(engine, clock, shift.id, ann.id),
        _take_in_own_session(engine, clock, shift.id, ann.id),
    )
    assert sorted(outcomes) == ["already", "done"]
    assert (await f.shift_at(session, roster_id, shift.starts_at)).taken == 1


async def test_a_rotation_shares_the_places_fairly(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    roster_id = await _roster_with_team(session, clock, cast)
    ann = cast.parents[0]
    first = await f.shift_at(session, roster_id, f.local(TZ, 2025, 9, 29, 7, 30))
    await filling.take(session, clock, first.id, ann)
    from datetime import date

    done = await rotation.rotate(session, clock, roster_id, date(2025, 9, 29),
                                 date(2025, 9, 30), cast.organizer.id)
    await session.commit()
    # 4 shifts x 2 places, one already held: 7 places over 4 people
    assert done.shifts == 4 and done.short == 0
    counts = {p.id: 0 for p in cast.parents}
    for shift in await f.shifts(session, roster_id):
        if shift.day.isoformat() in ("2025-09-29", "2025-09-30"):
            assert shift.taken == 2
            for pid in await f.holder_ids(session, shift.id):
                counts[pid] += 1
    assert sorted(counts.values()) == [2, 2, 2, 2]
