"""Loading a year's official arrangement and following it in every roster's future shifts.

A load replaces what was loaded for its years, then each roster that follows the official
calendar is brought in line in the same unit of work: a shift on a day that is now off is
cancelled, held or not, and its holders are told which shift is off and which make-up days
got new shifts; make-up working days get shifts; a shift on a day that still needs a guard
stays as it is, with whoever took it. Shifts that have started are never touched.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.official_calendar import OfficialDay, OfficialYear
from models.rosters import HoldStatus, Roster, Shift, ShiftStatus
from services import audit
from services.clock import Clock
from services.outbox import fragment, lines
from services.rosters.calendar import Arrangement, judge, official_kind
from services.rosters.display import day_fragment, shift_fragment, zone
from services.rosters.filling import holders
from services.rosters.generation import calendar_rule, generate
from services.rosters.locking import lock_roster, lock_shift
from services.rosters.notify import tell
from services.rosters.official import current, forget
from services.rosters.official_text import Parsed

# Rosters plan at most 90 days ahead; a day more on each side covers every time zone.
REACH_DAYS = 92


def years_text(years: list[int]) -> str:
    """"2027", or "2027–2028" for a text that held more than one year."""
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))


@dataclass
class RosterChange:
    roster_id: int
    name: str
    created: int = 0
    cancelled: int = 0
    told: int = 0


@dataclass
class Loaded:
    years: list[int]
    holidays: int
    workdays: int
    rosters: list[RosterChange] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(r.created for r in self.rosters)

    @property
    def cancelled(self) -> int:
        return sum(r.cancelled for r in self.rosters)

    @property
    def told(self) -> int:
        return sum(r.told for r in self.rosters)


async def load(session: AsyncSession, clock: Clock, parsed: Parsed, actor_id: int | None,
               source: str) -> Loaded:
    """Store the arrangement and regenerate the rosters that follow it. Commits."""
    try:
        before = await current(session)
        stamp = await _store(session, clock, parsed, actor_id, source)
        after = await current(session)
        changed = _changed_days(before, after, set(parsed.years | parsed.spill), clock.now())
        out = Loaded(sorted(parsed.years), sum(parsed.days.values()),
                     sum(not h for h in parsed.days.values()))
        for roster_id in await _following(session):
            change = await _follow(session, clock, roster_id, changed)
            if change is not None and (change.created or change.cancelled):
                out.rosters.append(change)
        await _tell_organizers(session, clock, out, actor_id, stamp)
        audit.record(session, clock, "calendar.load", actor_id=actor_id, source=source,
                     years=out.years, holidays=out.holidays, workdays=out.workdays,
                     created=out.created, cancelled=out.cancelled)
        await session.commit()
    except BaseException:
        await session.rollback()
        raise
    finally:
        forget(session)  # the kept copy may hold what was just rolled back, or is stale
    return out


async def _store(session: AsyncSession, clock: Clock, parsed: Parsed, actor_id: int | None,
                 source: str) -> int:
    whole = sorted(parsed.years)
    spilled = [d for d in parsed.days if d.year in parsed.spill]
    await session.execute(delete(OfficialDay).where(OfficialDay.year.in_(whole)))
    if spilled:
        await session.execute(delete(OfficialDay).where(OfficialDay.day.in_(spilled)))
    await session.execute(delete(OfficialYear).where(OfficialYear.year.in_(whole)))
    session.add_all(OfficialDay(day=d, year=d.year, holiday=h)
                    for d, h in sorted(parsed.days.items()))
    stamp = secrets.randbelow(2**31)
    session.add_all(OfficialYear(year=y, stamp=(stamp + y) % 2**31, holidays=parsed.count(y, True),
                                 workdays=parsed.count(y, False), source=source,
                                 loaded_by=actor_id, loaded_at=clock.now()) for y in whole)
    await session.flush()
    return stamp


def _changed_days(before: Arrangement, after: Arrangement, years: set[int], now: datetime
                  ) -> set[date]:
    first = now.date() - timedelta(days=1)
    days = (first + timedelta(days=i) for i in range(REACH_DAYS + 1))
    return {d for d in days if d.year in years
            and official_kind(d, before)[0] is not official_kind(d, after)[0]}


async def _following(session: AsyncSession) -> list[int]:
    rows = await session.execute(select(Roster.id).where(
        Roster.active.is_(True), Roster.follow_holidays.is_(True)).order_by(Roster.id))
    return list(rows.scalars())


async def _follow(session: AsyncSession, clock: Clock, roster_id: int, changed: set[date]
                  ) -> RosterChange | None:
    roster = await lock_roster(session, roster_id)
    if roster is None or not roster.active:
        return None
    out = RosterChange(roster.id, roster.name)
    if changed:
        rule = await calendar_rule(session, roster)
        tz = await zone(session, roster.compound_id)
        today = clock.now().astimezone(tz).date()
        last = today + timedelta(days=roster.horizon_days - 1)
        duty = {d for d in changed if judge(rule, d).duty}
        added = sorted(d for d in duty if today <= d <= last)
        out.cancelled, out.told = await _cancel_off_days(session, clock, roster,
                                                         changed - duty, added)
    generated = await generate(session, clock, roster.id)
    out.created = generated.created
    out.cancelled += generated.cancelled
    return out


async def _cancel_off_days(session: AsyncSession, clock: Clock, roster: Roster, off: set[date],
                           added: list[date]) -> tuple[int, int]:
    """Cancel the future shifts on days the arrangement made days off; tell their holders."""
    if not off:
        return 0, 0
    rows = await session.execute(select(Shift.id).where(
        Shift.roster_id == roster.id, Shift.status == ShiftStatus.OPEN.value,
        Shift.day.in_(sorted(off)), Shift.starts_at > clock.now()).order_by(Shift.id))
    tz = await zone(session, roster.compound_id)
    cancelled = told = 0
    more = fragment("ro-note-calendar-added", days=lines(*map(day_fragment, added))) if added \
        else ""
    for shift_id in rows.scalars().all():
        # Locked like a take locks it: a place taken meanwhile is seen, and its holder told.
        shift = await lock_shift(session, shift_id)
        if shift is None or shift.status != ShiftStatus.OPEN.value:
            continue
        for assignment, person in await holders(session, shift.id):
            assignment.status, assignment.released_at = HoldStatus.REMOVED.value, clock.now()
            told += await tell(session, clock, person.id, f"ro:cal:{shift.id}:{person.id}",
                               "ro-note-calendar-off", shift=shift_fragment(shift, roster, tz),
                               year=str(shift.day.year), day=day_fragment(shift.day),
                               added=more)
        shift.status, shift.taken = ShiftStatus.CANCELLED.value, 0
        cancelled += 1
    await session.flush()
    return cancelled, told


async def _tell_organizers(session: AsyncSession, clock: Clock, out: Loaded,
                           actor_id: int | None, stamp: int) -> None:
    """Whoever runs a roster that changed hears of it (the loader reads the answer)."""
    years = years_text(out.years)
    for change in out.rosters:
        roster = await session.get(Roster, change.roster_id)
        if roster is None or roster.organizer_id == actor_id:
            continue
        await tell(session, clock, roster.organizer_id, f"ro:calload:{roster.id}:{stamp}",
                   "ro-note-calendar-loaded", roster=roster.name, years=years,
                   created=change.created, cancelled=change.cancelled, told=change.told)
