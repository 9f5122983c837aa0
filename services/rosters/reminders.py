"""Reminders before each shift, computed from rows: each (shift, person, lead) exactly once.

Nothing is scheduled in memory. Every sweep looks at the shifts starting within the next two
days, at who holds each place right now, and at each lead's moment ("eve@20:00": 20:00 local
the day before; "30m": thirty minutes before the start). A reminder is due once its moment
has passed and the shift has not started, for holders who had the place before that moment
(someone taking a place later already knows), and only when the roster had its current rule
by then: a lead added after its moment has passed is not sent late.

Inserting the (shift, person, lead) row is the claim: its primary key makes a second sweep,
a late sweep after a restart, or a concurrent one do nothing more. When a sweep comes so
late that several leads are due at once, only the latest goes out and the earlier ones are
recorded as superseded, so nobody gets a stale "tomorrow" at dawn. Each text says the time
really left when it is sent ("in 20 min", "today 07:30"), not the lead it was planned for;
the evening reminder says "tomorrow" only while the shift is tomorrow.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.rosters import Assignment, HoldStatus, Roster, Shift, ShiftReminder, ShiftStatus
from services.clock import Clock, FrozenClock
from services.rosters import buttons
from services.rosters.display import left_fragment, shift_fragment, zone
from services.rosters.generation import local_moment
from services.rosters.notify import tell
from services.upsert import insert_for

WINDOW = timedelta(days=2)  # no lead reaches further back than the day before


def fire_time(lead: str, shift: Shift, tz: ZoneInfo) -> datetime:
    if lead.startswith("eve@"):
        return local_moment(shift.day - timedelta(days=1), lead.removeprefix("eve@"), tz)
    return shift.starts_at - timedelta(minutes=int(lead.removesuffix("m")))


def due_leads(leads: list[str], shift: Shift, held_since: datetime, now: datetime,
              tz: ZoneInfo) -> list[tuple[str, bool]]:
    """(lead, send?) for every lead due now; only the latest of them is sent."""
    if now >= shift.starts_at:
        return []
    moments = {lead: fire_time(lead, shift, tz) for lead in leads}
    due = sorted((m, lead) for lead, m in moments.items() if held_since < m <= now)
    return [(lead, i == len(due) - 1) for i, (_, lead) in enumerate(due)]


async def _claim(session: AsyncSession, shift_id: int, person_id: int, lead: str, sent: bool,
                 now: datetime) -> bool:
    insert = insert_for(session)
    result = await session.execute(
        insert(ShiftReminder).values(shift_id=shift_id, person_id=person_id, lead=lead,
                                     sent=sent, at=now)
        .on_conflict_do_nothing().returning(ShiftReminder.lead)
    )
    return result.scalar_one_or_none() is not None


def coming(leads: list[str], shift: Shift, now: datetime, tz: ZoneInfo) -> list[str]:
    """The leads that will still remind someone who takes the place now."""
    return [lead for lead in leads if now < fire_time(lead, shift, tz) < shift.starts_at]


def _text(lead: str, shift: Shift, now: datetime, tz: ZoneInfo) -> tuple[str, dict[str, object]]:
    tomorrow = now.astimezone(tz).date() + timedelta(days=1)
    if lead.startswith("eve@") and shift.day == tomorrow:
        return "ro-note-remind-eve", {}
    return "ro-note-remind-soon", {"left": left_fragment(shift.starts_at, now, tz)}


async def remind_shift(session: AsyncSession, clock: Clock, shift: Shift, roster: Roster,
                       tz: ZoneInfo) -> int:
    now = clock.now()
    held = await session.execute(select(Assignment).where(
        Assignment.shift_id == shift.id, Assignment.status == HoldStatus.HELD.value))
    sent = 0
    for assignment in held.scalars():
        since = max(assignment.created_at, roster.updated_at)
        for lead, send in due_leads(roster.leads, shift, since, now, tz):
            if not await _claim(session, shift.id, assignment.person_id, lead, send, now):
                continue
            if send:
                key, args = _text(lead, shift, now, tz)
                sent += await tell(
                    session, clock, assignment.person_id,
                    f"ro:rem:{shift.id}:{assignment.person_id}:{lead}", key,
                    buttons=buttons.reminder_rows(shift.id), ref=f"shift:{shift.id}",
                    shift=shift_fragment(shift, roster, tz), **args,
                )
    return sent


async def sweep_reminders(session: AsyncSession, now: datetime) -> int:
    rows = await session.execute(
        select(Shift, Roster).join(Roster, Roster.id == Shift.roster_id)
        .where(Shift.status == ShiftStatus.OPEN.value, Shift.taken > 0,
               Shift.starts_at > now, Shift.starts_at <= now + WINDOW, Roster.active.is_(True))
        .order_by(Shift.starts_at)
    )
    clock = FrozenClock(now)
    zones: dict[int, ZoneInfo] = {}
    sent = 0
    for shift, roster in list(rows):
        if roster.compound_id not in zones:
            zones[roster.compound_id] = await zone(session, roster.compound_id)
        sent += await remind_shift(session, clock, shift, roster, zones[roster.compound_id])
        await session.commit()
    return sent
