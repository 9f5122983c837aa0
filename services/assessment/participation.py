"""Residents' part in the period: duty shifts covered, volunteer hours, vote turnout."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.polls import Poll, PollStatus
from models.rosters import Assignment, Attendance, HoldStatus, Roster, Shift, ShiftStatus
from services.assessment.periods import Period
from services.polls.turnout import turnout


@dataclass(frozen=True)
class Participation:
    shifts: int
    covered: int
    volunteer_hours: Decimal
    votes: int  # ballots in the period's closed votes whose electorate the bot knows
    eligible: int


async def compute(session: AsyncSession, compound_id: int, period: Period) -> Participation:
    shifts = list((await session.execute(
        select(Shift.id, Shift.capacity, Shift.taken).join(Roster, Roster.id == Shift.roster_id)
        .where(Roster.compound_id == compound_id, Shift.status == ShiftStatus.OPEN,
               Shift.starts_at >= period.start, Shift.starts_at < period.end))).all())
    covered = sum(1 for s in shifts if s.taken >= s.capacity)
    # Hours of the shifts people were marked present at (the organizer's attendance).
    spans = (await session.execute(
        select(Shift.starts_at, Shift.ends_at).join(Assignment, Assignment.shift_id == Shift.id)
        .join(Roster, Roster.id == Shift.roster_id)
        .where(Roster.compound_id == compound_id, Assignment.attendance == Attendance.ATTENDED,
               Assignment.status == HoldStatus.HELD,
               Shift.starts_at >= period.start, Shift.starts_at < period.end))).all()
    seconds = sum((e - s).total_seconds() for s, e in spans)
    hours = (Decimal(int(seconds)) / 3600).quantize(Decimal("0.1"), ROUND_HALF_UP)
    votes = eligible = 0
    polls = (await session.scalars(select(Poll).where(
        Poll.compound_id == compound_id, Poll.status == PollStatus.CLOSED,
        Poll.closed_at >= period.start, Poll.closed_at < period.end))).all()
    for poll in polls:
        seen = await turnout(session, poll)
        if seen.eligible:
            votes, eligible = votes + seen.voted, eligible + seen.eligible
    return Participation(len(shifts), covered, hours, votes, eligible)
