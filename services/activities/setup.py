"""Creating, publishing and calling off activities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import (
    ACTIVE_SIGNUPS,
    Activity,
    ActivityBuilding,
    ActivityStatus,
    Audience,
    Requirement,
    Signup,
)
from models.registry import Building
from models.roles import Team
from services import audit
from services.activities import cards
from services.activities.access import may_manage
from services.activities.errors import ActivityError, unit_of_work
from services.activities.notify import tell
from services.activities.signups import open_activity
from services.clock import Clock
from services.policy import Action, Actor, can

TITLE_MAX = 80
PLACE_MAX = 100
DESCRIPTION_MAX = 600
CAPACITY_MAX = 500
POINTS_MAX = 200
LONGEST = timedelta(hours=24)


@dataclass(frozen=True)
class Draft:
    compound_id: int
    title: str
    place: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    signup_deadline: datetime
    cancel_cutoff: datetime
    points: int
    description: str = ""
    kind_code: str | None = None
    audience: str = Audience.COMPOUND
    building_ids: tuple[int, ...] = ()
    team_id: int | None = None
    requirement: str = Requirement.NONE


def text_problem(value: str, most: int, required: bool = True) -> str | None:
    """For one typed field: "empty", "too-long" or None."""
    if required and not value.strip():
        return "empty"
    return "too-long" if len(value.strip()) > most else None


def problem(draft: Draft, now: datetime) -> str | None:
    """The first thing wrong with a draft (an error code), or None."""
    checks = [
        (text_problem(draft.title, TITLE_MAX) is not None, "title"),
        (text_problem(draft.place, PLACE_MAX) is not None, "place"),
        (text_problem(draft.description, DESCRIPTION_MAX, False) is not None, "description"),
        (draft.starts_at <= now, "start-past"),
        (draft.ends_at <= draft.starts_at, "end-before-start"),
        (draft.ends_at - draft.starts_at > LONGEST, "too-long-event"),
        (not 1 <= draft.capacity <= CAPACITY_MAX, "capacity"),
        (not now < draft.signup_deadline <= draft.starts_at, "deadline-range"),
        (not now <= draft.cancel_cutoff <= draft.starts_at, "cutoff-range"),
        (not 0 <= draft.points <= POINTS_MAX, "points"),
        (draft.audience == Audience.BUILDINGS and not draft.building_ids, "audience"),
        (draft.audience == Audience.TEAM and draft.team_id is None, "audience"),
    ]
    return next((code for failed, code in checks if failed), None)


async def _check_audience(session: AsyncSession, draft: Draft) -> None:
    if draft.building_ids:
        rows = await session.execute(select(Building.id).where(
            Building.id.in_(draft.building_ids), Building.compound_id == draft.compound_id))
        if len(set(rows.scalars())) != len(set(draft.building_ids)):
            raise ActivityError("audience")
    if draft.team_id is not None:
        team = await session.get(Team, draft.team_id)
        if team is None or team.compound_id != draft.compound_id:
            raise ActivityError("audience")


async def _create(
    session: AsyncSession, clock: Clock, draft: Draft, actor: Actor
) -> tuple[Activity, int]:
    if not await can(session, actor, Action.ACTIVITY_CREATE, draft.compound_id):
        raise ActivityError("not-allowed")
    if (code := problem(draft, clock.now())) is not None:
        raise ActivityError(code)
    await _check_audience(session, draft)
    activity = Activity(
        compound_id=draft.compound_id, organizer_id=actor.person.id, title=draft.title.strip(),
        description=draft.description.strip(), place=draft.place.strip(),
        kind_code=draft.kind_code, starts_at=draft.starts_at, ends_at=draft.ends_at,
        capacity=draft.capacity, taken=0, signup_deadline=draft.signup_deadline,
        cancel_cutoff=draft.cancel_cutoff, points=draft.points, audience=draft.audience,
        team_id=draft.team_id if draft.audience == Audience.TEAM else None,
        requirement=draft.requirement, status=ActivityStatus.OPEN.value,
        reminded_day=False, reminded_hour=False, created_at=clock.now(),
    )
    session.add(activity)
    await session.flush()
    if draft.audience == Audience.BUILDINGS:
        session.add_all(ActivityBuilding(activity_id=activity.id, building_id=b)
                        for b in sorted(set(draft.building_ids)))
        await session.flush()
    groups = await cards.publish(session, clock, activity)
    audit.record(session, clock, "activity.create", actor_id=actor.person.id,
                 compound_id=activity.compound_id, activity=activity.id, groups=groups)
    return activity, groups


async def create(
    session: AsyncSession, clock: Clock, draft: Draft, actor: Actor
) -> tuple[Activity, int]:
    """Store the activity and post its card; returns it and how many groups got the card."""
    return await unit_of_work(session, _create(session, clock, draft, actor))


async def _call_off(
    session: AsyncSession, clock: Clock, activity_id: int, actor: Actor
) -> Activity:
    activity = await open_activity(session, activity_id)
    if not await may_manage(session, actor, activity):
        raise ActivityError("not-organizer")
    activity.status = ActivityStatus.CANCELLED.value
    people = await session.execute(select(Signup.person_id).where(
        Signup.activity_id == activity.id, Signup.status.in_([s.value for s in ACTIVE_SIGNUPS])))
    for person_id in people.scalars():
        await tell(session, clock, person_id, f"act:{activity.id}:off:{person_id}",
                   "act-note-called-off", title=activity.title)
    await session.flush()
    audit.record(session, clock, "activity.cancel", actor_id=actor.person.id,
                 compound_id=activity.compound_id, activity=activity.id)
    await cards.refresh(session, clock, activity)
    return activity


async def call_off(session: AsyncSession, clock: Clock, activity_id: int, actor: Actor) -> Activity:
    """Cancel the whole activity; everyone signed up is told privately."""
    return await unit_of_work(session, _call_off(session, clock, activity_id, actor))
