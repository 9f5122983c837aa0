"""What the lobby screen shows, as plain values (the web route adds the words).

Only what a compound's group may see: counts, category names, first names on duty rosters
(as the group board shows them), vote turnout and public activity titles. Never rooms,
phone numbers, ticket texts, or how anyone voted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import Activity, ActivityStatus
from models.activities import Audience as ActivityAudience
from models.polls import Poll, PollKind, PollStatus
from models.registry import Compound
from models.rosters import Roster, Shift, ShiftStatus
from models.tickets import Ticket
from services.assessment import indicators, periods
from services.polls.turnout import Turnout, turnout
from services.rosters.filling import holders
from services.tickets.lifecycle import OPEN

AGES = ("day", "days3", "older")
LIST_LIMIT = 8


@dataclass
class Duty:
    roster: str
    starts_at: datetime
    ends_at: datetime
    names: list[str]


@dataclass
class Upcoming:
    title: str
    starts_at: datetime
    left: int


@dataclass
class Vote:
    question: str
    turnout: Turnout


@dataclass
class Screen:
    tz: ZoneInfo
    open_tickets: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_age: dict[str, int] = field(default_factory=dict)
    accept_median: Decimal | None = None
    resolve_median: Decimal | None = None
    mean_rating: Decimal | None = None
    votes: list[Vote] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    activities: list[Upcoming] = field(default_factory=list)


def age_of(created_at: datetime, now: datetime) -> str:
    age = now - created_at
    if age < timedelta(days=1):
        return "day"
    return "days3" if age <= timedelta(days=3) else "older"


async def gather(session: AsyncSession, compound: Compound, now: datetime) -> Screen:
    tz = ZoneInfo(compound.timezone)
    out = Screen(tz=tz, by_age=dict.fromkeys(AGES, 0))
    await _tickets(session, out, compound.id, now)
    month = await indicators.compute(session, compound.id, periods.current_month(now, tz))
    out.accept_median, out.resolve_median = month.accept_median, month.resolve_median
    out.mean_rating = month.mean_rating
    out.votes = await _votes(session, compound.id)
    out.duties = await _duties(session, compound.id, now.astimezone(tz).date())
    out.activities = await _activities(session, compound.id, now)
    return out


async def _tickets(session: AsyncSession, out: Screen, compound_id: int, now: datetime) -> None:
    rows = await session.execute(
        select(Ticket.category, Ticket.created_at).where(
            Ticket.compound_id == compound_id, Ticket.status.in_([s.value for s in OPEN])))
    for category, created_at in rows:
        out.open_tickets += 1
        out.by_category[category] = out.by_category.get(category, 0) + 1
        out.by_age[age_of(created_at, now)] += 1


async def _votes(session: AsyncSession, compound_id: int) -> list[Vote]:
    # Council votes are the council's own business; the lobby sees residents' votes only.
    polls = await session.execute(
        select(Poll).where(Poll.compound_id == compound_id, Poll.status == PollStatus.OPEN,
                           Poll.kind != PollKind.COUNCIL)
        .order_by(Poll.closes_at, Poll.id).limit(LIST_LIMIT))
    return [Vote(p.question, await turnout(session, p)) for p in polls.scalars()]


async def _duties(session: AsyncSession, compound_id: int, today: date) -> list[Duty]:
    rows = await session.execute(
        select(Shift, Roster).join(Roster, Roster.id == Shift.roster_id).where(
            Roster.compound_id == compound_id, Roster.active.is_(True), Shift.day == today,
            Shift.status == ShiftStatus.OPEN.value)
        .order_by(Shift.starts_at, Roster.name).limit(LIST_LIMIT))
    duties = []
    for shift, roster in rows:
        names = [p.display_name for _, p in await holders(session, shift.id)]
        duties.append(Duty(roster.name, shift.starts_at, shift.ends_at, names))
    return duties


async def _activities(session: AsyncSession, compound_id: int, now: datetime) -> list[Upcoming]:
    rows = await session.execute(
        select(Activity).where(
            Activity.compound_id == compound_id, Activity.status == ActivityStatus.OPEN.value,
            Activity.audience == ActivityAudience.COMPOUND.value, Activity.starts_at > now)
        .order_by(Activity.starts_at, Activity.id).limit(LIST_LIMIT))
    return [Upcoming(a.title, a.starts_at, max(0, a.capacity - a.taken))
            for a in rows.scalars()]

