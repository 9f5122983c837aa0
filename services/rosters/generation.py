"""Shifts as dated rows for a rolling horizon, generated idempotently from the roster's rule.

Generation compares the shifts the rule wants from today to the horizon with the open
shifts that exist, per (day, time slot): missing ones are added, unwanted empty ones are
cancelled, empty ones whose times changed are updated in place. Shifts that have started,
or that somebody holds, are never touched by a rule change (conditional UPDATEs make that
hold against a concurrent take). A partial unique index on open (roster, day, slot) backs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.rosters import Roster, RosterSkip, RosterTerm, Shift, ShiftStatus
from services.clock import Clock, FrozenClock
from services.rosters.calendar import NONE_LOADED, CalendarRule, duty_days
from services.rosters.display import zone
from services.rosters.locking import lock_roster
from services.rosters.notify import tell
from services.rosters.official import current

Slot = tuple[datetime, datetime]


@dataclass
class Generated:
    created: int = 0
    updated: int = 0
    cancelled: int = 0
    kept: int = 0  # unwanted by the new rule but held by someone, so left as they are
    unknown_years: list[int] = field(default_factory=list)


async def calendar_rule(session: AsyncSession, roster: Roster) -> CalendarRule:
    terms = await session.execute(
        select(RosterTerm.starts_on, RosterTerm.ends_on).where(RosterTerm.roster_id == roster.id)
    )
    skips = await session.execute(select(RosterSkip.day).where(RosterSkip.roster_id == roster.id))
    # The loaded arrangement matters only to a roster that follows the official calendar.
    official = await current(session) if roster.follow_holidays else NONE_LOADED
    return CalendarRule(roster.recurrence, roster.follow_holidays,
                        tuple((a, b) for a, b in terms), frozenset(skips.scalars()), official)


def local_moment(day: date, clock_time: str, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock_time), tzinfo=tz)


def wanted_slots(roster: Roster, days: list[date], tz: ZoneInfo, now: datetime
                 ) -> dict[tuple[date, int], Slot]:
    wanted: dict[tuple[date, int], Slot] = {}
    for day in days:
        for slot, (start, end) in enumerate(roster.times):
            starts_at = local_moment(day, start, tz)
            if starts_at > now:
                wanted[(day, slot)] = (starts_at, local_moment(day, end, tz))
    return wanted


async def _open_from(session: AsyncSession, roster_id: int, first: date) -> list[Shift]:
    rows = await session.execute(
        select(Shift).where(Shift.roster_id == roster_id, Shift.status == ShiftStatus.OPEN.value,
                            Shift.day >= first)
        .execution_options(populate_existing=True)
    )
    return list(rows.scalars())


async def _conditional(session: AsyncSession, shift_id: int, max_taken: int, **values: object
                       ) -> bool:
    result = await session.execute(
        update(Shift)
        .where(Shift.id == shift_id, Shift.status == ShiftStatus.OPEN.value,
               Shift.taken <= max_taken)
        .values(**values).execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def _reconcile(session: AsyncSession, roster: Roster, shift: Shift, want: Slot | None,
                     out: Generated) -> None:
    if want is None:
        done = await _conditional(session, shift.id, 0, status=ShiftStatus.CANCELLED.value)
        out.cancelled += done
        out.kept += not done
    elif (shift.starts_at, shift.ends_at) != want:
        done = await _conditional(session, shift.id, 0, starts_at=want[0], ends_at=want[1],
                                  capacity=roster.per_shift)
        out.updated += done
        out.kept += not done
    elif shift.capacity != roster.per_shift:
        # A bigger or equal capacity never strands anybody, so it applies to held shifts too.
        out.updated += await _conditional(session, shift.id, roster.per_shift,
                                          capacity=roster.per_shift)


async def generate(session: AsyncSession, clock: Clock, roster_id: int) -> Generated:
    """Bring the roster's shifts in line with its rule. Flushes; the caller commits."""
    out = Generated()
    roster = await lock_roster(session, roster_id)
    if roster is None or not roster.active:
        return out
    tz = await zone(session, roster.compound_id)
    now = clock.now()
    today = now.astimezone(tz).date()
    last = today + timedelta(days=roster.horizon_days - 1)
    days, unknown = duty_days(await calendar_rule(session, roster), today, last)
    wanted = wanted_slots(roster, days, tz, now)
    for shift in await _open_from(session, roster.id, today):
        want = wanted.pop((shift.day, shift.slot), None)
        if shift.starts_at <= now or shift.day > last:
            continue
        await _reconcile(session, roster, shift, want, out)
    for (day, slot), (starts_at, ends_at) in sorted(wanted.items()):
        session.add(Shift(roster_id=roster.id, day=day, slot=slot, starts_at=starts_at,
                          ends_at=ends_at, capacity=roster.per_shift, taken=0,
                          status=ShiftStatus.OPEN.value, created_at=now))
        out.created += 1
    roster.generated_until = last
    out.unknown_years = await _note_unknown_years(session, clock, roster, unknown)
    await session.flush()
    return out


async def _note_unknown_years(session: AsyncSession, clock: Clock, roster: Roster,
                              years: set[int]) -> list[int]:
    """Tell the organizer once per year that holidays are not known yet for it."""
    fresh = sorted(years - set(roster.calendar_noted or []))
    for year in fresh:
        await tell(session, clock, roster.organizer_id, f"ro:cal:{roster.id}:{year}",
                   "ro-note-calendar-unknown", roster=roster.name, year=str(year))
    if fresh:
        roster.calendar_noted = sorted({*(roster.calendar_noted or []), *fresh})
    return fresh


async def _due_rosters(session: AsyncSession, now: datetime) -> list[int]:
    rows = await session.execute(
        select(Roster.id, Roster.compound_id, Roster.generated_until, Roster.horizon_days)
        .where(Roster.active.is_(True))
    )
    due = []
    for roster_id, compound_id, until, horizon in rows:
        today = now.astimezone(await zone(session, compound_id)).date()
        if until is None or until < today + timedelta(days=horizon - 1):
            due.append(roster_id)
    return due


async def sweep_generate(session: AsyncSession, now: datetime) -> int:
    """Extend every roster's horizon as days pass; nothing to do until a new local day."""
    clock = FrozenClock(now)
    created = 0
    for roster_id in await _due_rosters(session, now):
        created += (await generate(session, clock, roster_id)).created
        await session.commit()
    return created
