"""Who came: self check-in around the start, the organizer's marks, and closing the
activity, which awards points to those who came and counts a no-show for the rest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import Activity, ActivityStatus, Signup, SignupStatus, VolunteerStanding
from models.person import Person
from services import audit, ledger
from services.activities import cards
from services.activities.access import may_manage
from services.activities.earning import settings_for
from services.activities.errors import ActivityError, unit_of_work
from services.activities.notify import tell
from services.activities.signups import open_activity, signup_of
from services.activities.timeparse import moment_fragment
from services.clock import Clock, FrozenClock
from services.policy import Actor

CHECKIN_OPENS = timedelta(minutes=30)  # before the start
CHECKIN_CLOSES = timedelta(hours=1)  # after the start
FINALIZE_AFTER = timedelta(hours=24)  # after the end, attendance closes by itself


def attend_key(activity_id: int, person_id: int) -> str:
    return f"activity:{activity_id}:attend:{person_id}"


async def _check_in(
    session: AsyncSession, clock: Clock, activity_id: int, person: Person
) -> tuple[Activity, bool]:
    activity = await open_activity(session, activity_id)
    signup = await signup_of(session, activity.id, person.id)
    if signup is None or signup.status != SignupStatus.CONFIRMED:
        raise ActivityError("not-confirmed")
    now = clock.now()
    if now < activity.starts_at - CHECKIN_OPENS:
        tz = await cards.zone(session, activity.compound_id)
        raise ActivityError("checkin-early",
                            opens=moment_fragment(activity.starts_at - CHECKIN_OPENS, tz))
    if now > activity.starts_at + CHECKIN_CLOSES:
        raise ActivityError("checkin-late")
    if signup.attended:
        return activity, False
    signup.attended, signup.checked_in_at, signup.updated_at = True, now, now
    return activity, True


async def check_in(
    session: AsyncSession, clock: Clock, activity_id: int, person: Person
) -> tuple[Activity, bool]:
    """Returns the activity and whether this press checked the person in (False: already)."""
    return await unit_of_work(session, _check_in(session, clock, activity_id, person))


async def roster(session: AsyncSession, activity_id: int) -> list[tuple[Signup, Person]]:
    rows = await session.execute(
        select(Signup, Person).join(Person, Person.id == Signup.person_id)
        .where(Signup.activity_id == activity_id,
               Signup.status == SignupStatus.CONFIRMED.value)
        .order_by(Signup.queued_at, Signup.id)
        .execution_options(populate_existing=True)
    )
    return [(s, p) for s, p in rows]


async def _managed(session: AsyncSession, actor: Actor, activity_id: int) -> Activity:
    activity = await open_activity(session, activity_id)
    if not await may_manage(session, actor, activity):
        raise ActivityError("not-organizer")
    return activity


async def _toggle(
    session: AsyncSession, clock: Clock, activity_id: int, signup_id: int, actor: Actor
) -> Signup:
    activity = await _managed(session, actor, activity_id)
    if clock.now() < activity.starts_at - CHECKIN_OPENS:
        raise ActivityError("marking-early")
    signup = await session.get(Signup, signup_id, populate_existing=True)
    if signup is None or signup.activity_id != activity.id \
            or signup.status != SignupStatus.CONFIRMED:
        raise ActivityError("not-found")
    signup.attended = not signup.attended
    signup.marked_by, signup.updated_at = actor.person.id, clock.now()
    return signup


async def toggle(
    session: AsyncSession, clock: Clock, activity_id: int, signup_id: int, actor: Actor
) -> Signup:
    """The organizer marks one person as came / did not come."""
    return await unit_of_work(session, _toggle(session, clock, activity_id, signup_id, actor))


@dataclass(frozen=True)
class Summary:
    activity: Activity
    attended: int
    no_shows: int
    points: int  # awarded in total


async def _standing(
    session: AsyncSession, clock: Clock, compound_id: int, person_id: int
) -> VolunteerStanding:
    found = await session.get(VolunteerStanding, (compound_id, person_id))
    if found is None:
        found = VolunteerStanding(compound_id=compound_id, person_id=person_id, no_shows=0,
                                  attended=0, updated_at=clock.now())
        session.add(found)
    return found


async def _settle_one(
    session: AsyncSession, clock: Clock, activity: Activity, signup: Signup, limit: int
) -> bool:
    """Award one attendee or count one no-show; True if they came."""
    standing = await _standing(session, clock, activity.compound_id, signup.person_id)
    standing.updated_at = clock.now()
    key = f"act:{activity.id}:done:{signup.person_id}"
    if signup.attended:
        standing.attended += 1
        if activity.points:
            await ledger.award(session, clock, compound_id=activity.compound_id,
                               person_id=signup.person_id, amount=activity.points,
                               key=attend_key(activity.id, signup.person_id),
                               reason=activity.title, ref=f"activity:{activity.id}")
        await tell(session, clock, signup.person_id, key, "act-note-earned",
                   title=activity.title, points=activity.points,
                   balance=await ledger.balance(session, activity.compound_id, signup.person_id))
        return True
    signup.attended = False
    standing.no_shows += 1
    await tell(session, clock, signup.person_id, key, "act-note-missed", title=activity.title,
               count=standing.no_shows, limit=limit)
    return False


async def _finalize(
    session: AsyncSession, clock: Clock, activity_id: int, actor: Actor | None
) -> Summary:
    if actor is None:
        activity = await open_activity(session, activity_id)
    else:
        activity = await _managed(session, actor, activity_id)
        if clock.now() < activity.starts_at:
            raise ActivityError("finish-early")
    limit = (await settings_for(session, activity.compound_id)).noshow_limit
    came = missed = 0
    for signup, _person in await roster(session, activity.id):
        if await _settle_one(session, clock, activity, signup, limit):
            came += 1
        else:
            missed += 1
    activity.status, activity.finished_at = ActivityStatus.FINISHED.value, clock.now()
    await session.flush()
    audit.record(session, clock, "activity.finish", compound_id=activity.compound_id,
                 actor_id=actor.person.id if actor else None, activity=activity.id,
                 attended=came, no_shows=missed)
    await cards.refresh(session, clock, activity)
    return Summary(activity, came, missed, came * activity.points)


async def finalize(
    session: AsyncSession, clock: Clock, activity_id: int, actor: Actor | None
) -> Summary:
    """Close attendance: points for who came, a no-show for who did not. Once only."""
    return await unit_of_work(session, _finalize(session, clock, activity_id, actor))


async def sweep_finalize(session: AsyncSession, now: datetime) -> int:
    """Close what organizers left open a day after the end."""
    due = await session.execute(
        select(Activity.id).where(Activity.status == ActivityStatus.OPEN.value,
                                  Activity.ends_at <= now - FINALIZE_AFTER)
    )
    done = 0
    for activity_id in list(due.scalars()):
        try:
            await finalize(session, FrozenClock(now), activity_id, None)
            done += 1
        except ActivityError:
            continue  # closed by its organizer meanwhile
    return done
