"""An organizer fills a period's free places by rotating over the roster's members.

Each free place goes to the member with the fewest shifts in the period so far (ties: whoever
comes next in the cycle), skipping people already on that shift or busy at that time. Each
person assigned hears once, with the list of their shifts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.rosters import Assignment, HoldSource, HoldStatus, Shift, ShiftStatus
from services import audit
from services.clock import Clock
from services.outbox import lines
from services.rosters import members
from services.rosters.display import shift_fragment, zone
from services.rosters.errors import RosterError
from services.rosters.filling import hold
from services.rosters.locking import lock_person, lock_roster, lock_shift
from services.rosters.notify import tell

Busy = dict[int, list[tuple[datetime, datetime, date]]]


@dataclass
class Rotation:
    assigned: dict[int, list[Shift]] = field(default_factory=dict)
    short: int = 0  # places nobody could fill
    shifts: int = 0


async def _busy(session: AsyncSession, person_ids: list[int]) -> Busy:
    rows = await session.execute(
        select(Assignment.person_id, Shift.starts_at, Shift.ends_at, Shift.day)
        .join(Shift, Shift.id == Assignment.shift_id)
        .where(Assignment.person_id.in_(person_ids), Assignment.status == HoldStatus.HELD.value,
               Shift.status == ShiftStatus.OPEN.value)
    )
    busy: Busy = defaultdict(list)
    for person_id, starts_at, ends_at, day in rows:
        busy[person_id].append((starts_at, ends_at, day))
    return busy


def _free_at(busy: Busy, person_id: int, shift: Shift) -> bool:
    return all(not (s < shift.ends_at and e > shift.starts_at) for s, e, _ in busy[person_id])


def _pick(order: list[int], counts: dict[int, int], cursor: int, taken: set[int],
          busy: Busy, shift: Shift) -> int | None:
    n = len(order)
    candidates = [i for i, pid in enumerate(order)
                  if pid not in taken and _free_at(busy, pid, shift)]
    if not candidates:
        return None
    return min(candidates, key=lambda i: (counts[order[i]], (i - cursor) % n))


async def _period_shifts(session: AsyncSession, roster_id: int, first: date, last: date,
                         now: datetime) -> list[int]:
    rows = await session.execute(
        select(Shift.id).where(Shift.roster_id == roster_id, Shift.status == ShiftStatus.OPEN.value,
                               Shift.day >= first, Shift.day <= last, Shift.starts_at > now)
        .order_by(Shift.starts_at)
    )
    return list(rows.scalars())


async def _fill(session: AsyncSession, clock: Clock, shift: Shift, order: list[int],
                counts: dict[int, int], busy: Busy, cursor: int, out: Rotation) -> int:
    taken = {a.person_id for a in (await session.execute(
        select(Assignment).where(Assignment.shift_id == shift.id,
                                 Assignment.status == HoldStatus.HELD.value))).scalars()}
    while shift.taken < shift.capacity:
        index = _pick(order, counts, cursor, taken, busy, shift)
        if index is None:
            break
        pid = order[index]
        hold(session, clock, shift, pid, HoldSource.ASSIGN)
        shift.taken += 1
        counts[pid] += 1
        taken.add(pid)
        busy[pid].append((shift.starts_at, shift.ends_at, shift.day))
        out.assigned.setdefault(pid, []).append(shift)
        cursor = (index + 1) % len(order)
    out.short += shift.capacity - shift.taken
    return cursor


async def rotate(session: AsyncSession, clock: Clock, roster_id: int, first: date, last: date,
                 actor_id: int) -> Rotation:
    """Fill the period's free places. Flushes and queues the notices; the caller commits."""
    roster = await lock_roster(session, roster_id)
    if roster is None:
        raise RosterError("roster-gone")
    order = [p.id for p in await members.of(session, roster.id)]
    if not order:
        raise RosterError("no-members")
    for person_id in sorted(order):
        await lock_person(session, person_id)
    busy = await _busy(session, order)
    counts = {pid: sum(1 for *_, d in busy[pid] if first <= d <= last) for pid in order}
    out, cursor = Rotation(), 0
    for shift_id in await _period_shifts(session, roster.id, first, last, clock.now()):
        shift = await lock_shift(session, shift_id)
        if shift is None:
            continue
        out.shifts += 1
        cursor = await _fill(session, clock, shift, order, counts, busy, cursor, out)
    await session.flush()
    tz = await zone(session, roster.compound_id)
    stamp = int(clock.now().timestamp())
    for pid, shifts in out.assigned.items():
        await tell(session, clock, pid, f"ro:rot:{roster.id}:{stamp}:{pid}", "ro-note-assigned",
                   roster=roster.name,
                   shifts=lines(*(shift_fragment(s, roster, tz) for s in shifts)))
    audit.record(session, clock, "roster.rotate", actor_id=actor_id,
                 compound_id=roster.compound_id, roster_id=roster.id, first=first.isoformat(),
                 last=last.isoformat(), assigned=sum(len(v) for v in out.assigned.values()))
    return out
