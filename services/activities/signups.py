"""Sign-ups: seats, the waitlist, promotion, and approval after too many no-shows.

Each operation locks the activity row first (services.activities.locking), so two people
pressing for the last seat are served one after the other: one gets it, one is waitlisted.
The seat counter `taken` is also bounded by a CHECK constraint in the database.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import (
    ACTIVE_SIGNUPS,
    Activity,
    ActivityStatus,
    Signup,
    SignupStatus,
    VolunteerStanding,
)
from models.person import Person
from services.activities import cards, reminders
from services.activities.access import may_manage
from services.activities.audience import refusal
from services.activities.earning import settings_for
from services.activities.errors import ActivityError
from services.activities.locking import lock_activity
from services.activities.notify import tell
from services.activities.timeparse import moment_fragment, span_fragment
from services.clock import Clock
from services.outbox import Button, fragment
from services.policy import Actor

S = SignupStatus


class Outcome(enum.StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    PENDING = "pending"
    ALREADY_CONFIRMED = "already-confirmed"
    ALREADY_WAITLISTED = "already-waitlisted"
    ALREADY_PENDING = "already-pending"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    DECIDED = "decided"  # someone else decided first


ALREADY = {S.CONFIRMED: Outcome.ALREADY_CONFIRMED, S.WAITLISTED: Outcome.ALREADY_WAITLISTED,
           S.PENDING: Outcome.ALREADY_PENDING}


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    activity: Activity
    position: int = 0  # place on the waitlist, from 1


async def open_activity(session: AsyncSession, activity_id: int) -> Activity:
    activity = await lock_activity(session, activity_id)
    if activity is None:
        raise ActivityError("not-found")
    if activity.status != ActivityStatus.OPEN:
        raise ActivityError(activity.status)  # "cancelled" or "finished"
    return activity


async def signup_of(session: AsyncSession, activity_id: int, person_id: int) -> Signup | None:
    stmt = select(Signup).where(Signup.activity_id == activity_id, Signup.person_id == person_id)
    result = await session.execute(stmt.execution_options(populate_existing=True))
    return result.scalar_one_or_none()


async def position(session: AsyncSession, signup: Signup) -> int:
    ahead = select(func.count()).select_from(Signup).where(
        Signup.activity_id == signup.activity_id, Signup.status == S.WAITLISTED.value,
        (Signup.queued_at < signup.queued_at)
        | ((Signup.queued_at == signup.queued_at) & (Signup.id < signup.id)),
    )
    return int((await session.execute(ahead)).scalar_one()) + 1


def _set(signup: Signup, status: SignupStatus, clock: Clock) -> None:
    signup.status = status.value
    signup.seq += 1
    signup.updated_at = clock.now()


async def needs_approval(session: AsyncSession, compound_id: int, person_id: int) -> bool:
    standing = await session.get(VolunteerStanding, (compound_id, person_id))
    if standing is None:
        return False
    return standing.no_shows >= (await settings_for(session, compound_id)).noshow_limit


async def _take_seat(session: AsyncSession, activity: Activity, person: Person) -> S:
    if await needs_approval(session, activity.compound_id, person.id):
        return S.PENDING
    if activity.taken < activity.capacity:
        activity.taken += 1
        return S.CONFIRMED
    return S.WAITLISTED


async def _join(
    session: AsyncSession, clock: Clock, activity_id: int, person: Person
) -> tuple[Activity, Signup, bool]:
    activity = await open_activity(session, activity_id)
    now = clock.now()
    if now >= activity.starts_at:
        raise ActivityError("started")
    if now > activity.signup_deadline:
        tz = await cards.zone(session, activity.compound_id)
        raise ActivityError("deadline", deadline=moment_fragment(activity.signup_deadline, tz))
    signup = await signup_of(session, activity.id, person.id)
    if signup is not None and signup.status in ACTIVE_SIGNUPS:
        return activity, signup, False
    if signup is not None and signup.status == S.DECLINED:
        raise ActivityError("declined")
    if (reason := await refusal(session, activity, person)) is not None:
        raise ActivityError(reason)
    status = await _take_seat(session, activity, person)
    if signup is None:
        signup = Signup(activity_id=activity.id, person_id=person.id, status=status.value,
                        queued_at=now, seq=0, created_at=now, updated_at=now)
        session.add(signup)
    else:
        _set(signup, status, clock)
        signup.queued_at, signup.attended, signup.checked_in_at = now, None, None
    await session.flush()
    return activity, signup, True


async def sign_up(
    session: AsyncSession, clock: Clock, activity_id: int, person: Person,
    *, notify_privately: bool = False,
) -> Result:
    """Take a seat, else join the waitlist (or ask the organizer, after many no-shows).

    Pressing again changes nothing and says where the person stands.
    """
    try:
        activity, signup, changed = await _join(session, clock, activity_id, person)
    except ActivityError:
        await session.rollback()
        raise
    if changed:
        await _after_join(session, clock, activity, signup, person, notify_privately)
    await session.commit()
    outcome = Outcome(signup.status) if changed else ALREADY[S(signup.status)]
    return Result(outcome, activity, await _waiting_place(session, signup))


async def _waiting_place(session: AsyncSession, signup: Signup) -> int:
    return await position(session, signup) if signup.status == S.WAITLISTED else 0


async def _after_join(
    session: AsyncSession, clock: Clock, activity: Activity, signup: Signup, person: Person,
    notify_privately: bool,
) -> None:
    tz = await cards.zone(session, activity.compound_id)
    key = f"act:{activity.id}:s:{signup.id}:{signup.seq}"
    when = span_fragment(activity.starts_at, activity.ends_at, tz)
    if signup.status == S.PENDING:
        await tell(session, clock, activity.organizer_id, f"{key}:org", "act-note-approve-ask",
                   buttons=[[Button("act-btn-approve", ("ap", "ok", signup.id)),
                             Button("act-btn-decline", ("ap", "no", signup.id))]],
                   name=person.display_name, title=activity.title)
    elif notify_privately:
        text_key = ("act-note-joined" if signup.status == S.CONFIRMED
                    else "act-note-waitlisted")
        coming = reminders.planned(activity, clock.now())
        told = "both" if len(coming) == 2 else (coming[0] if coming else "none")
        await tell(session, clock, person.id, key, text_key, title=activity.title, when=when,
                   place=activity.place, position=await _waiting_place(session, signup),
                   reminders=fragment(f"act-remind-{told}"))
    await cards.refresh(session, clock, activity)


async def promote(session: AsyncSession, clock: Clock, activity: Activity) -> list[Signup]:
    """Fill free seats from the head of the waitlist; each promoted person is told privately."""
    promoted: list[Signup] = []
    tz = await cards.zone(session, activity.compound_id)
    while activity.taken < activity.capacity and clock.now() < activity.starts_at:
        head = (await session.execute(
            select(Signup).where(Signup.activity_id == activity.id,
                                 Signup.status == S.WAITLISTED.value)
            .order_by(Signup.queued_at, Signup.id).limit(1)
            .execution_options(populate_existing=True)
        )).scalar_one_or_none()
        if head is None:
            break
        _set(head, S.CONFIRMED, clock)
        activity.taken += 1
        promoted.append(head)
        await tell(session, clock, head.person_id, f"act:{activity.id}:s:{head.id}:{head.seq}",
                   "act-note-promoted", title=activity.title, place=activity.place,
                   when=span_fragment(activity.starts_at, activity.ends_at, tz))
    return promoted


async def _leave(session: AsyncSession, clock: Clock, activity_id: int, person: Person) -> Activity:
    activity = await open_activity(session, activity_id)
    signup = await signup_of(session, activity.id, person.id)
    if signup is None or signup.status not in ACTIVE_SIGNUPS:
        raise ActivityError("not-signed-up")
    if clock.now() >= activity.starts_at:
        raise ActivityError("started")
    if signup.status == S.CONFIRMED:
        if clock.now() > activity.cancel_cutoff:
            tz = await cards.zone(session, activity.compound_id)
            raise ActivityError("cutoff", cutoff=moment_fragment(activity.cancel_cutoff, tz))
        activity.taken -= 1
    _set(signup, S.CANCELLED, clock)
    await session.flush()
    await promote(session, clock, activity)
    await session.flush()
    await cards.refresh(session, clock, activity)
    return activity


async def cancel(session: AsyncSession, clock: Clock, activity_id: int, person: Person) -> Result:
    """Give the seat (or the waitlist place) back; the first in line moves up."""
    try:
        activity = await _leave(session, clock, activity_id, person)
    except ActivityError:
        await session.rollback()
        raise
    await session.commit()
    return Result(Outcome.CANCELLED, activity)


async def decide(
    session: AsyncSession, clock: Clock, signup_id: int, actor: Actor, approve: bool
) -> Result:
    """An organizer lets a person with many no-shows in again (or not)."""
    try:
        result = await _decide(session, clock, signup_id, actor, approve)
    except ActivityError:
        await session.rollback()
        raise
    await session.commit()
    return result


async def _decide(
    session: AsyncSession, clock: Clock, signup_id: int, actor: Actor, approve: bool
) -> Result:
    found = await session.get(Signup, signup_id)
    if found is None:
        raise ActivityError("not-found")
    activity = await open_activity(session, found.activity_id)
    if not await may_manage(session, actor, activity):
        raise ActivityError("not-organizer")
    signup = await signup_of(session, activity.id, found.person_id)
    assert signup is not None
    if signup.status != S.PENDING:
        return Result(Outcome.DECIDED, activity)
    key = f"act:{activity.id}:s:{signup.id}:{signup.seq + 1}"
    if not approve:
        _set(signup, S.DECLINED, clock)
        await tell(session, clock, signup.person_id, key, "act-note-declined",
                   title=activity.title)
        return Result(Outcome.DECLINED, activity)
    standing = await session.get(VolunteerStanding, (activity.compound_id, signup.person_id))
    if standing is not None:
        standing.no_shows, standing.approved_at = 0, clock.now()
        standing.updated_at = clock.now()
    seat = activity.taken < activity.capacity
    if seat:
        activity.taken += 1
    _set(signup, S.CONFIRMED if seat else S.WAITLISTED, clock)
    await session.flush()
    await tell(session, clock, signup.person_id, key, "act-note-approved",
               title=activity.title, seated=str(seat).lower(),
               position=await _waiting_place(session, signup))
    await cards.refresh(session, clock, activity)
    return Result(Outcome(signup.status), activity, await _waiting_place(session, signup))
