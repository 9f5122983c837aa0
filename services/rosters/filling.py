"""Taking places on shifts, race-free, and reading who holds what.

A take locks the person, then the shift: two people pressing for the last place are served
one after the other (one gets it, one hears it is full), and one person pressing twice, or
on two overlapping shifts at once, cannot end up double-booked. The database backs this with
CHECK (taken <= capacity) and one held place per person and shift.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.rosters import (
    Assignment,
    HoldSource,
    HoldStatus,
    Roster,
    Shift,
    ShiftStatus,
)
from services import audit
from services.clock import Clock
from services.rosters import members
from services.rosters.display import shift_fragment, zone
from services.rosters.errors import RosterError
from services.rosters.locking import lock_person, lock_shift


class Taken(enum.StrEnum):
    DONE = "done"
    ALREADY = "already"


@dataclass(frozen=True)
class TakeResult:
    outcome: Taken
    shift: Shift
    roster: Roster


async def holding(session: AsyncSession, shift_id: int, person_id: int) -> Assignment | None:
    stmt = select(Assignment).where(
        Assignment.shift_id == shift_id, Assignment.person_id == person_id,
        Assignment.status == HoldStatus.HELD.value,
    ).execution_options(populate_existing=True)
    return (await session.execute(stmt)).scalar_one_or_none()


async def holders(session: AsyncSession, shift_id: int) -> list[tuple[Assignment, Person]]:
    rows = await session.execute(
        select(Assignment, Person).join(Person, Person.id == Assignment.person_id)
        .where(Assignment.shift_id == shift_id, Assignment.status == HoldStatus.HELD.value)
        .order_by(Assignment.created_at, Assignment.id)
    )
    return [(a, p) for a, p in rows]


async def overlapping(session: AsyncSession, person_id: int, shift: Shift) -> Shift | None:
    """Another open shift the person holds that overlaps this one in time."""
    stmt = (
        select(Shift).join(Assignment, Assignment.shift_id == Shift.id)
        .where(Assignment.person_id == person_id, Assignment.status == HoldStatus.HELD.value,
               Shift.status == ShiftStatus.OPEN.value, Shift.id != shift.id,
               Shift.starts_at < shift.ends_at, Shift.ends_at > shift.starts_at)
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def open_shift(session: AsyncSession, clock: Clock, shift_id: int) -> tuple[Shift, Roster]:
    """The shift locked, still open and not started; else a refusal."""
    shift = await lock_shift(session, shift_id)
    if shift is None or shift.status != ShiftStatus.OPEN:
        raise RosterError("shift-gone")
    if shift.starts_at <= clock.now():
        raise RosterError("shift-past")
    roster = await session.get(Roster, shift.roster_id)
    if roster is None or not roster.active:
        raise RosterError("shift-gone")
    return shift, roster


async def refuse_overlap(session: AsyncSession, person_id: int, shift: Shift,
                         roster: Roster) -> None:
    other = await overlapping(session, person_id, shift)
    if other is not None:
        other_roster = await session.get(Roster, other.roster_id)
        tz = await zone(session, roster.compound_id)
        raise RosterError("overlap", other=shift_fragment(other, other_roster or roster, tz))


def hold(session: AsyncSession, clock: Clock, shift: Shift, person_id: int,
         source: HoldSource) -> Assignment:
    assignment = Assignment(shift_id=shift.id, person_id=person_id, status=HoldStatus.HELD.value,
                            source=source.value, created_at=clock.now())
    session.add(assignment)
    return assignment


async def _take(session: AsyncSession, clock: Clock, shift_id: int, person: Person,
                here_compound_id: int | None) -> TakeResult:
    await lock_person(session, person.id)
    shift, roster = await open_shift(session, clock, shift_id)
    if await holding(session, shift.id, person.id) is not None:
        return TakeResult(Taken.ALREADY, shift, roster)
    if not await members.may_take(session, roster, person.id, here_compound_id):
        raise RosterError("not-member")
    if shift.taken >= shift.capacity:
        raise RosterError("full")
    await refuse_overlap(session, person.id, shift, roster)
    hold(session, clock, shift, person.id, HoldSource.TAKE)
    shift.taken += 1
    await members.ensure(session, clock, roster.id, person.id)
    audit.record(session, clock, "roster.take", actor_id=person.id,
                 compound_id=roster.compound_id, shift_id=shift.id)
    await session.flush()
    return TakeResult(Taken.DONE, shift, roster)


async def take(session: AsyncSession, clock: Clock, shift_id: int, person: Person,
               here_compound_id: int | None = None) -> TakeResult:
    """Take a free place. Commits; on a refusal nothing is written and RosterError says why."""
    try:
        result = await _take(session, clock, shift_id, person, here_compound_id)
    except Exception:
        await session.rollback()
        raise
    await session.commit()
    return result


@dataclass(frozen=True)
class BoardRow:
    shift: Shift
    names: list[str]

    @property
    def free(self) -> int:
        return self.shift.capacity - self.shift.taken


async def upcoming(session: AsyncSession, roster_id: int, now: datetime, until: datetime,
                   limit: int) -> list[BoardRow]:
    rows = await session.execute(
        select(Shift).where(Shift.roster_id == roster_id, Shift.status == ShiftStatus.OPEN.value,
                            Shift.starts_at > now, Shift.starts_at <= until)
        .order_by(Shift.starts_at).limit(limit)
        .execution_options(populate_existing=True)
    )
    board = []
    for shift in rows.scalars():
        names = [p.display_name for _, p in await holders(session, shift.id)]
        board.append(BoardRow(shift, names))
    return board


async def mine(session: AsyncSession, person_id: int, now: datetime, limit: int = 15
               ) -> list[tuple[Shift, Roster, Assignment]]:
    """The person's places on shifts that have not ended, soonest first."""
    rows = await session.execute(
        select(Shift, Roster, Assignment)
        .join(Assignment, Assignment.shift_id == Shift.id)
        .join(Roster, Roster.id == Shift.roster_id)
        .where(Assignment.person_id == person_id, Assignment.status == HoldStatus.HELD.value,
               Shift.status == ShiftStatus.OPEN.value, Shift.ends_at > now)
        .order_by(Shift.starts_at).limit(limit)
    )
    return [(s, r, a) for s, r, a in rows]
