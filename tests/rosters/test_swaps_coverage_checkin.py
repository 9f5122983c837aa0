"""Swaps (one winner), uncovered shifts (alert, then escalate, once), check-in (points once)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from models.outbox import Outbox
from models.person import Person
from models.rosters import Assignment, Attendance
from services import ledger
from services.clock import FrozenClock
from services.rosters import checkin, coverage, filling, setup, swaps
from services.rosters.errors import RosterError
from tests.rosters import factories as f
from tests.rosters.conftest import TZ

PARTY_CHAT = -100777
ROSTER_CHAT = -100555


async def _roster(session: AsyncSession, clock: FrozenClock, cast: f.Cast) -> tuple[int, int]:
    await f.group(session, clock, ROSTER_CHAT, cast.compound.id)
    await f.group(session, clock, PARTY_CHAT, cast.compound.id, purpose="party_branch")
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer,
                            chat_id=ROSTER_CHAT)
    await f.join(session, clock, roster.id, *cast.parents)
    await session.commit()
    shift = await f.shift_at(session, roster.id, f.local(TZ, 2025, 9, 29, 7, 30))
    return roster.id, shift.id


async def _take_over(engine: AsyncEngine, clock: FrozenClock, swap_id: int, person_id: int
                     ) -> str:
    async with db.session_factory(engine)() as s:
        person = await s.get(Person, person_id)
        assert person is not None
        try:
            await swaps.take_over(s, clock, swap_id, person)
        except RosterError as err:
            return err.code
        return "took"


async def test_two_people_accepting_the_same_swap_at_once_one_wins(
    session: AsyncSession, engine: AsyncEngine, clock: FrozenClock, cast: f.Cast
) -> None:
    _, shift_id = await _roster(session, clock, cast)
    ann, _, cai, dee = cast.parents
    ids = [p.id for p in cast.parents]
    await filling.take(session, clock, shift_id, ann)
    asked = await swaps.ask(session, clock, shift_id, ann)
    assert asked.asked == 3
    again = await swaps.ask(session, clock, shift_id, ann)
    assert again.already and again.request.id == asked.request.id
    outcomes = await asyncio.gather(_take_over(engine, clock, asked.request.id, cai.id),
                                    _take_over(engine, clock, asked.request.id, dee.id))
    assert sorted(outcomes) == ["swap-taken", "took"]
    holders = await f.holder_ids(session, shift_id)
    assert len(holders) == 1 and holders <= {ids[2], ids[3]}
    done = (await session.execute(select(Outbox).where(
        Outbox.text_key == "ro-note-swap-done"))).scalar_one()
    assert done.chat_id == cast.parents[0].tg_id
    with pytest.raises(RosterError) as own:
        await swaps.take_over(session, clock, asked.request.id, await session.get(Person, ids[1]))
    assert own.value.code == "swap-taken"


async def test_a_short_shift_alerts_then_escalates_once(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    _, shift_id = await _roster(session, clock, cast)
    await filling.take(session, clock, shift_id, cast.parents[0])
    organizer_chat = cast.organizer.tg_id
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 5, 29)) == 0
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 5, 30)) == 2
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 5, 30)) == 0
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 6, 59)) == 0
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 7, 0)) == 1
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 7, 10)) == 0
    rows = (await session.execute(select(Outbox.chat_id, Outbox.text_key, Outbox.args)
                                  .order_by(Outbox.id))).all()
    alerts = [(c, k) for c, k, _ in rows if k in ("ro-note-short", "ro-note-escalate")]
    assert alerts == [(organizer_chat, "ro-note-short"), (ROSTER_CHAT, "ro-note-short"),
                      (PARTY_CHAT, "ro-note-escalate")]
    assert [a["missing"] for _, k, a in rows if k == "ro-note-escalate"] == [1]


async def test_a_pending_swap_counts_as_missing(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    _, shift_id = await _roster(session, clock, cast)
    await filling.take(session, clock, shift_id, cast.parents[0])
    await filling.take(session, clock, shift_id, cast.parents[1])
    await swaps.ask(session, clock, shift_id, cast.parents[0])
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 5, 30)) == 2


async def test_check_in_window_points_once_and_no_shows(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    _, shift_id = await _roster(session, clock, cast)
    ann, bo = cast.parents[0], cast.parents[1]
    ann_id, bo_id, compound_id = ann.id, bo.id, cast.compound.id
    await filling.take(session, clock, shift_id, ann)
    await filling.take(session, clock, shift_id, bo)
    clock.set(f.local(TZ, 2025, 9, 29, 7, 14))
    with pytest.raises(RosterError) as early:
        await checkin.check_in(session, clock, shift_id, ann)
    assert (early.value.code, early.value.args_) == ("checkin-early", {"opens": "07:15"})
    ann = await session.get(Person, ann_id)
    clock.set(f.local(TZ, 2025, 9, 29, 7, 15))
    assert (await checkin.check_in(session, clock, shift_id, ann)).points == 10
    again = await checkin.check_in(session, clock, shift_id, ann)
    assert again.already and again.points == 0
    assert await ledger.balance(session, compound_id, ann_id) == 10
    assert (await ledger.by_key(session, f"shift:{shift_id}:{ann_id}")) is not None
    clock.set(f.local(TZ, 2025, 9, 29, 8, 11))
    with pytest.raises(RosterError) as late:
        await checkin.check_in(session, clock, shift_id, await session.get(Person, bo_id))
    assert late.value.code == "checkin-late"
    assert await checkin.sweep_settle(session, clock.now()) == 1
    assert await checkin.sweep_settle(session, clock.now()) == 0
    marks = dict((await session.execute(select(Assignment.person_id, Assignment.attendance)
                                        .where(Assignment.shift_id == shift_id))).all())
    assert marks == {ann_id: Attendance.ATTENDED, bo_id: Attendance.NO_SHOW}
    note = (await session.execute(select(Outbox).where(
        Outbox.text_key == "ro-note-noshow"))).scalar_one()
    assert note.args["names"] == "Bo"
    assert await ledger.balance(session, compound_id, bo_id) == 0
    assert await ledger.check_invariants(session, compound_id) == []


async def test_no_shortage_alert_within_the_grace_of_a_new_roster_and_a_later_group_hears_it(
    session: AsyncSession, clock: FrozenClock, cast: f.Cast
) -> None:
    # Created at 06:00 for a 07:30 shift: nobody has seen the board yet.
    clock.set(f.local(TZ, 2025, 9, 29, 6, 0))
    await f.group(session, clock, PARTY_CHAT, cast.compound.id, purpose="party_branch")
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    await f.join(session, clock, roster.id, *cast.parents)
    await session.commit()
    roster_id = roster.id
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 6, 0, 2)) == 0
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 6, 29)) == 0
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 6, 30)) == 1
    # A residents' group bound afterwards is told of the shortage at once.
    await f.group(session, clock, ROSTER_CHAT, cast.compound.id)
    clock.set(f.local(TZ, 2025, 9, 29, 6, 40))
    await setup.change(session, clock, roster_id, cast.organizer.id, chat_id=ROSTER_CHAT)
    # Escalation at 07:00 says the real time left (and the change's grace holds it to 07:10).
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 7, 0)) == 0
    assert await coverage.sweep_coverage(session, f.local(TZ, 2025, 9, 29, 7, 10)) == 1
    rows = (await session.execute(select(Outbox.chat_id, Outbox.text_key, Outbox.args)
                                  .order_by(Outbox.id))).all()
    alerts = [(c, k) for c, k, _ in rows if k in ("ro-note-short", "ro-note-escalate")]
    assert alerts == [(cast.organizer.tg_id, "ro-note-short"), (ROSTER_CHAT, "ro-note-short"),
                      (PARTY_CHAT, "ro-note-escalate")]
    (escalation,) = [a for _, k, a in rows if k == "ro-note-escalate"]
    assert escalation["left"] == {"key": "ro-left-minutes", "args": {"minutes": 20}}
