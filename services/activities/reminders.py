"""Reminders the day before and an hour before, to everyone holding a seat.

Whether a reminder went out lives in the activity row (reminded_day / reminded_hour) and
in the outbox keys, so running the sweep twice for the same instant sends nothing twice.
A reminder whose moment passed while the bot was down is dropped, not sent late.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import Activity, ActivityStatus, Signup, SignupStatus
from services.activities import cards
from services.activities.locking import lock_activity
from services.activities.notify import tell
from services.activities.timeparse import span_fragment
from services.clock import Clock, FrozenClock
from services.outbox import Button
from services.time_left import left_fragment

DAY = timedelta(hours=24)
HOUR = timedelta(hours=1)


async def _seated(session: AsyncSession, activity_id: int) -> list[int]:
    rows = await session.execute(select(Signup.person_id).where(
        Signup.activity_id == activity_id, Signup.status == SignupStatus.CONFIRMED.value))
    return list(rows.scalars())


def planned(activity: Activity, now: datetime) -> list[str]:
    """The reminders a person signing up now will still get, as the sweep will send them."""
    out = []
    if (not activity.reminded_day and activity.created_at <= activity.starts_at - DAY
            and now < activity.starts_at - HOUR):
        out.append("day")
    if (not activity.reminded_hour and activity.created_at <= activity.starts_at - HOUR
            and now < activity.starts_at):
        out.append("hour")
    return out


async def _remind(
    session: AsyncSession, clock: Clock, activity: Activity, which: str
) -> int:
    tz = await cards.zone(session, activity.compound_id)
    buttons = None
    extra: dict[str, object] = {}
    if which == "hour":
        buttons = [[Button("act-btn-checkin", (cards.CB, "in", activity.id))]]
        extra["left"] = left_fragment(activity.starts_at, clock.now())
    sent = 0
    for person_id in await _seated(session, activity.id):
        sent += await tell(
            session, clock, person_id, f"act:{activity.id}:rem:{which}:{person_id}",
            f"act-note-remind-{which}", buttons=buttons, title=activity.title,
            place=activity.place, when=span_fragment(activity.starts_at, activity.ends_at, tz),
            **extra,
        )
    return sent


def _due(activity: Activity, now: datetime) -> list[str]:
    """Which reminders to send now; a reminder whose moment passed (while the bot was down,
    or already when the activity was published) is marked, not sent."""
    due = []
    if not activity.reminded_day:
        activity.reminded_day = True
        fresh = activity.created_at <= activity.starts_at - DAY
        if fresh and activity.starts_at - DAY <= now < activity.starts_at - HOUR:
            due.append("day")
    if not activity.reminded_hour and now >= activity.starts_at - HOUR:
        activity.reminded_hour = True
        fresh = activity.created_at <= activity.starts_at - HOUR
        if fresh and now < activity.starts_at:
            due.append("hour")
    return due


async def sweep_reminders(session: AsyncSession, now: datetime) -> int:
    candidates = await session.execute(select(Activity.id).where(
        Activity.status == ActivityStatus.OPEN.value,
        Activity.starts_at <= now + DAY,
        or_(Activity.reminded_day.is_(False), Activity.reminded_hour.is_(False)),
    ))
    clock = FrozenClock(now)
    sent = 0
    for activity_id in list(candidates.scalars()):
        activity = await lock_activity(session, activity_id)
        if activity is None or activity.status != ActivityStatus.OPEN:
            continue
        for which in _due(activity, now):
            sent += await _remind(session, clock, activity, which)
        await session.commit()
    return sent
