"""A person's shifts as an iCalendar feed behind a secret URL token.

The token is the only credential: long and random (secrets.token_urlsafe), one per person,
replaced on request so an old link stops working.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.rosters import Assignment, HoldStatus, Roster, RosterFeed, Shift, ShiftStatus
from services.clock import Clock

PAST = timedelta(days=30)
TOKEN_BYTES = 24


async def token_for(session: AsyncSession, clock: Clock, person_id: int, *,
                    renew: bool = False) -> str:
    """The person's feed token, made on first use (or replaced with `renew`). Commits."""
    feed = await session.get(RosterFeed, person_id)
    if feed is not None and not renew:
        return feed.token
    token = secrets.token_urlsafe(TOKEN_BYTES)
    if feed is None:
        session.add(RosterFeed(person_id=person_id, token=token, created_at=clock.now()))
    else:
        feed.token, feed.created_at = token, clock.now()
    await session.commit()
    return token


async def person_for(session: AsyncSession, token: str) -> Person | None:
    if not token or len(token) > 64:
        return None
    row = await session.execute(
        select(Person).join(RosterFeed, RosterFeed.person_id == Person.id)
        .where(RosterFeed.token == token)
    )
    return row.scalar_one_or_none()


@dataclass(frozen=True)
class FeedShift:
    shift: Shift
    roster: Roster


async def shifts_for(session: AsyncSession, person_id: int, now: datetime) -> list[FeedShift]:
    rows = await session.execute(
        select(Shift, Roster).join(Assignment, Assignment.shift_id == Shift.id)
        .join(Roster, Roster.id == Shift.roster_id)
        .where(Assignment.person_id == person_id, Assignment.status == HoldStatus.HELD.value,
               Shift.status == ShiftStatus.OPEN.value, Shift.ends_at > now - PAST)
        .order_by(Shift.starts_at)
    )
    return [FeedShift(s, r) for s, r in rows]


def calendar_bytes(title: str, shifts: list[FeedShift], person_id: int, now: datetime,
                   host: str) -> bytes:
    # Imported here: only a calendar app's fetch needs it, and it costs every process 4 MB.
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//Red Steward//rosters//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", title)
    for item in shifts:
        event = Event()
        event.add("uid", f"shift-{item.shift.id}-{person_id}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", item.shift.starts_at)
        event.add("dtend", item.shift.ends_at)
        event.add("summary", item.roster.name)
        event.add("location", item.roster.place)
        cal.add_component(event)
    return cal.to_ical()
