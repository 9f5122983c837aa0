"""Swaps: "Can't make it" asks the roster's members; the first to take over gets the place.

The person asking keeps the place (and its reminders) until someone takes over; the coverage
check counts such a place as missing. Taking over locks the taker, then the request, then
the shift, so of two people pressing at once exactly one gets it; the other hears it is gone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.rosters import HoldSource, HoldStatus, Roster, Shift, SwapRequest, SwapStatus
from services import audit
from services.clock import Clock
from services.outbox import Notice, enqueue, sent_message_id
from services.rosters import buttons, members
from services.rosters.display import shift_fragment, zone
from services.rosters.errors import RosterError
from services.rosters.filling import hold, holders, holding, open_shift, refuse_overlap
from services.rosters.locking import lock_person, lock_swap
from services.rosters.notify import tell


@dataclass(frozen=True)
class Asked:
    request: SwapRequest
    asked: int  # members asked; 0 means the organizer was told instead
    already: bool = False


async def open_request(session: AsyncSession, assignment_id: int) -> SwapRequest | None:
    stmt = select(SwapRequest).where(SwapRequest.assignment_id == assignment_id,
                                     SwapRequest.status == SwapStatus.OPEN.value)
    return (await session.execute(stmt)).scalar_one_or_none()


async def open_count(session: AsyncSession, shift_id: int) -> int:
    stmt = select(func.count()).select_from(SwapRequest).where(
        SwapRequest.shift_id == shift_id, SwapRequest.status == SwapStatus.OPEN.value)
    return int((await session.execute(stmt)).scalar_one())


async def _ask(session: AsyncSession, clock: Clock, shift_id: int, person: Person) -> Asked:
    await lock_person(session, person.id)
    shift, roster = await open_shift(session, clock, shift_id)
    assignment = await holding(session, shift.id, person.id)
    if assignment is None:
        raise RosterError("not-yours")
    existing = await open_request(session, assignment.id)
    if existing is not None:
        return Asked(existing, len(existing.asked), already=True)
    on_shift = {p.id for _, p in await holders(session, shift.id)}
    asked = [p.id for p in await members.of(session, roster.id) if p.id not in on_shift]
    request = SwapRequest(shift_id=shift.id, assignment_id=assignment.id, requester_id=person.id,
                          status=SwapStatus.OPEN.value, asked=asked, created_at=clock.now())
    session.add(request)
    await session.flush()
    tz = await zone(session, roster.compound_id)
    what = shift_fragment(shift, roster, tz)
    for pid in asked:
        await tell(session, clock, pid, f"ro:sw:{request.id}:{pid}", "ro-note-swap-ask",
                   buttons=[[buttons.take_over(request.id)]], ref=f"swap:{request.id}",
                   name=person.display_name, shift=what)
    if not asked:
        await tell(session, clock, roster.organizer_id, f"ro:sw:{request.id}:org",
                   "ro-note-swap-nobody", buttons=[[buttons.take(shift.id)]],
                   name=person.display_name, shift=what)
    audit.record(session, clock, "roster.swap.ask", actor_id=person.id,
                 compound_id=roster.compound_id, shift_id=shift.id, swap_id=request.id)
    return Asked(request, len(asked))


async def ask(session: AsyncSession, clock: Clock, shift_id: int, person: Person) -> Asked:
    """Open a swap request for the person's place. Commits, or refuses writing nothing."""
    try:
        result = await _ask(session, clock, shift_id, person)
    except Exception:
        await session.rollback()
        raise
    await session.commit()
    return result


@dataclass(frozen=True)
class TookOver:
    request: SwapRequest
    shift: Shift
    roster: Roster
    requester: Person


async def _checked_request(session: AsyncSession, swap_id: int, person: Person) -> SwapRequest:
    request = await lock_swap(session, swap_id)  # the shift is locked already
    if request is None:
        raise RosterError("swap-gone")
    if request.status == SwapStatus.TAKEN:
        raise RosterError("swap-taken")
    if request.status != SwapStatus.OPEN:
        raise RosterError("swap-gone")
    if request.requester_id == person.id:
        raise RosterError("swap-own")
    return request


async def _take_over(session: AsyncSession, clock: Clock, swap_id: int, person: Person
                     ) -> TookOver:
    await lock_person(session, person.id)
    shift_id = await session.scalar(select(SwapRequest.shift_id).where(SwapRequest.id == swap_id))
    if shift_id is None:
        raise RosterError("swap-gone")
    shift, roster = await open_shift(session, clock, shift_id)
    request = await _checked_request(session, swap_id, person)
    if await holding(session, shift.id, person.id) is not None:
        raise RosterError("already-on")
    old = await holding(session, shift.id, request.requester_id)
    if old is None or old.id != request.assignment_id:
        raise RosterError("swap-gone")
    await refuse_overlap(session, person.id, shift, roster)
    now = clock.now()
    old.status, old.released_at = HoldStatus.SWAPPED.value, now
    await session.flush()  # the old place is released before the new one is held
    hold(session, clock, shift, person.id, HoldSource.SWAP)
    request.status, request.taker_id, request.decided_at = SwapStatus.TAKEN.value, person.id, now
    await members.ensure(session, clock, roster.id, person.id)
    requester = await session.get(Person, request.requester_id)
    assert requester is not None
    await _tell_outcome(session, clock, request, shift, roster, person)
    audit.record(session, clock, "roster.swap.take", actor_id=person.id,
                 subject_id=requester.id, compound_id=roster.compound_id, shift_id=shift.id,
                 swap_id=request.id)
    await session.flush()
    return TookOver(request, shift, roster, requester)


async def _tell_outcome(session: AsyncSession, clock: Clock, request: SwapRequest,
                        shift: Shift, roster: Roster, taker: Person) -> None:
    """The requester hears who took over; the others' copies of the request are closed."""
    tz = await zone(session, roster.compound_id)
    what = shift_fragment(shift, roster, tz)
    await tell(session, clock, request.requester_id, f"ro:sw:{request.id}:done",
               "ro-note-swap-done", name=taker.display_name, shift=what)
    for pid in request.asked:
        if pid == taker.id:
            continue
        message_id = await sent_message_id(session, f"ro:sw:{request.id}:{pid}")
        other = await session.get(Person, pid)
        if message_id is None or other is None or other.tg_id is None:
            continue
        await enqueue(session, clock, Notice(
            key=f"ro:sw:{request.id}:{pid}:gone", chat_id=other.tg_id,
            text_key="ro-note-swap-gone", args={"shift": what},
            method="edit_message_text", target_message_id=message_id,
        ))


async def take_over(session: AsyncSession, clock: Clock, swap_id: int, person: Person
                    ) -> TookOver:
    """First taker wins the place. Commits, or refuses writing nothing."""
    try:
        result = await _take_over(session, clock, swap_id, person)
    except Exception:
        await session.rollback()
        raise
    await session.commit()
    return result
