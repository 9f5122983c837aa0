"""On my way, check-in and attendance.

Check-in works from 15 minutes before the start to the end of the shift and credits the
roster's points once (ledger key `shift:{id}:{person}`). After the end a sweep settles the
shift: whoever held a place without checking in is recorded as a no-show, open swap
requests close, and the organizer hears who did not come.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.rosters import (
    Assignment,
    Attendance,
    Roster,
    Shift,
    ShiftStatus,
    SwapRequest,
    SwapStatus,
)
from services import audit
from services.clock import Clock, FrozenClock
from services.rosters.display import hhmm, shift_fragment, zone
from services.rosters.errors import RosterError
from services.rosters.filling import holders, holding
from services.rosters.locking import lock_shift
from services.rosters.notify import tell
from services.rosters.points import credit_attendance

CHECKIN_OPENS = timedelta(minutes=15)


@dataclass(frozen=True)
class CheckIn:
    shift: Shift
    roster: Roster
    points: int
    already: bool = False


async def _held(session: AsyncSession, shift_id: int, person: Person
                ) -> tuple[Shift, Roster, Assignment]:
    shift = await lock_shift(session, shift_id)
    if shift is None or shift.status != ShiftStatus.OPEN:
        raise RosterError("shift-gone")
    roster = await session.get(Roster, shift.roster_id)
    assignment = await holding(session, shift.id, person.id)
    if roster is None or assignment is None:
        raise RosterError("not-yours")
    return shift, roster, assignment


async def _check_in(session: AsyncSession, clock: Clock, shift_id: int, person: Person
                    ) -> CheckIn:
    shift, roster, assignment = await _held(session, shift_id, person)
    now = clock.now()
    if now < shift.starts_at - CHECKIN_OPENS:
        tz = await zone(session, roster.compound_id)
        raise RosterError("checkin-early", opens=hhmm(shift.starts_at - CHECKIN_OPENS, tz))
    if now > shift.ends_at:
        raise RosterError("checkin-late")
    if assignment.checked_in_at is not None:
        return CheckIn(shift, roster, 0, already=True)
    assignment.checked_in_at = now
    assignment.attendance = Attendance.ATTENDED.value
    credited = await credit_attendance(
        session, clock, compound_id=roster.compound_id, shift_id=shift.id,
        person_id=person.id, amount=roster.points,
        # The posting's own date is the shift's (check-in opens on the day): not repeated.
        reason=roster.name,
    )
    audit.record(session, clock, "roster.checkin", actor_id=person.id,
                 compound_id=roster.compound_id, shift_id=shift.id)
    await session.flush()
    return CheckIn(shift, roster, roster.points if credited else 0)


async def check_in(session: AsyncSession, clock: Clock, shift_id: int, person: Person
                   ) -> CheckIn:
    try:
        result = await _check_in(session, clock, shift_id, person)
    except Exception:
        await session.rollback()
        raise
    await session.commit()
    return result


async def on_my_way(session: AsyncSession, clock: Clock, shift_id: int, person: Person
                    ) -> tuple[Shift, Roster, bool]:
    """Note that the person is coming; (shift, roster, already noted)."""
    try:
        shift, roster, assignment = await _held(session, shift_id, person)
        if clock.now() > shift.ends_at:
            raise RosterError("checkin-late")
    except Exception:
        await session.rollback()
        raise
    already = assignment.on_way_at is not None
    if not already:
        assignment.on_way_at = clock.now()
    await session.commit()
    return shift, roster, already


async def settle(session: AsyncSession, clock: Clock, shift_id: int) -> int:
    """Record no-shows for an ended shift; returns how many."""
    shift = await lock_shift(session, shift_id)
    if shift is None or shift.closed_at is not None or shift.status != ShiftStatus.OPEN:
        return 0
    now = clock.now()
    shift.closed_at = now
    absent = [(a, p) for a, p in await holders(session, shift.id) if a.checked_in_at is None]
    for assignment, _ in absent:
        assignment.attendance = Attendance.NO_SHOW.value
    await session.execute(
        update(SwapRequest).where(SwapRequest.shift_id == shift.id,
                                  SwapRequest.status == SwapStatus.OPEN.value)
        .values(status=SwapStatus.CLOSED.value, decided_at=now)
        .execution_options(synchronize_session=False)
    )
    roster = await session.get(Roster, shift.roster_id)
    if absent and roster is not None:
        tz = await zone(session, roster.compound_id)
        await tell(session, clock, roster.organizer_id, f"ro:noshow:{shift.id}",
                   "ro-note-noshow", shift=shift_fragment(shift, roster, tz),
                   names=", ".join(p.display_name for _, p in absent))
        for _, person in absent:
            audit.record(session, clock, "roster.noshow", actor_id=None, subject_id=person.id,
                         compound_id=roster.compound_id, shift_id=shift.id)
    return len(absent)


async def sweep_settle(session: AsyncSession, now: datetime) -> int:
    rows = await session.execute(
        select(Shift.id).where(Shift.status == ShiftStatus.OPEN.value, Shift.ends_at <= now,
                               Shift.closed_at.is_(None), Shift.taken > 0)
        .order_by(Shift.ends_at).limit(500)
    )
    clock = FrozenClock(now)
    no_shows = 0
    for shift_id in list(rows.scalars()):
        no_shows += await settle(session, clock, shift_id)
        await session.commit()
    return no_shows

