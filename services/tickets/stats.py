"""/stats for a compound: open per holder, overdue, medians, satisfaction, this month vs last.

A figure belongs to whoever held the ticket: its team while it is at the team's level, the
party branch's desk once it climbed to level 2 (or when it never had a team), the community
office at level 3. A steward sees only his own teams' tickets (`teams`).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import Compound
from models.roles import Team, TeamMember
from models.tickets import Ticket, TicketRating
from services.outbox import fragment
from services.tickets import context as tc
from services.tickets import sla
from services.tickets.categories import Category
from services.tickets.lifecycle import OPEN

_OPEN = [s.value for s in OPEN]
DESK, OFFICE = "desk", "office"
Holder = int | str  # a team id, DESK or OFFICE


def holder(level: int, team_id: int | None) -> Holder:
    """Who a ticket (or a rating given at `level`) is counted under."""
    if level >= 3:
        return OFFICE
    if level == 2 or team_id is None:
        return DESK
    return team_id


def _month_start(now: datetime, tz: ZoneInfo, back: int = 0) -> datetime:
    local = now.astimezone(tz).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    for _ in range(back):
        local = (local - timedelta(days=1)).replace(day=1)
    return local


def median_hours(values: list[timedelta]) -> float | None:
    if not values:
        return None
    return statistics.median(v.total_seconds() for v in values) / 3600


def _hours(values: list[timedelta]) -> dict[str, Any]:
    median = median_hours(values)
    if median is None:
        return fragment("tk-stats-no-hours")
    return fragment("tk-stats-hours", hours=f"{median:.1f}")


@dataclass
class Tally:
    """Stars given and how many ratings gave them."""

    total: int = 0
    count: int = 0

    def add(self, total: int, count: int) -> None:
        self.total += total
        self.count += count


def rating(tally: Tally) -> dict[str, Any]:
    """"4.5 星（2 个评价）", or "暂无评价" when nobody rated: never a bare dash."""
    if not tally.count:
        return fragment("tk-stats-unrated")
    return fragment("tk-stats-rated", stars=f"{tally.total / tally.count:.1f}",
                    count=tally.count)


async def _tickets(session: AsyncSession, compound_id: int, since: datetime,
                   teams: list[int] | None) -> list[Ticket]:
    stmt = select(Ticket).where(Ticket.compound_id == compound_id,
                                or_(Ticket.status.in_(_OPEN), Ticket.created_at >= since))
    if teams is not None:
        stmt = stmt.where(Ticket.team_id.in_(teams))
    return list((await session.execute(stmt)).scalars())


@dataclass
class Ratings:
    overall: Tally = field(default_factory=Tally)
    holders: dict[Holder, Tally] = field(default_factory=lambda: defaultdict(Tally))
    stewards: dict[int, Tally] = field(default_factory=lambda: defaultdict(Tally))


async def _ratings(session: AsyncSession, compound_id: int, teams: list[int] | None) -> Ratings:
    """Summed in the database: a compound's ratings of years are a few rows here."""
    stmt = (select(TicketRating.level, TicketRating.team_id, TicketRating.steward_id,
                   func.sum(TicketRating.stars), func.count(TicketRating.stars))
            .join(Ticket, Ticket.id == TicketRating.ticket_id)
            .where(Ticket.compound_id == compound_id, TicketRating.stars.is_not(None))
            .group_by(TicketRating.level, TicketRating.team_id, TicketRating.steward_id))
    if teams is not None:
        stmt = stmt.where(TicketRating.team_id.in_(teams))
    found = Ratings()
    for level, team_id, steward_id, total, count in await session.execute(stmt):
        total, count = int(total or 0), int(count or 0)
        found.overall.add(total, count)
        found.holders[holder(level, team_id)].add(total, count)
        if steward_id is not None:
            found.stewards[steward_id].add(total, count)
    return found


async def _teams(session: AsyncSession, compound_id: int,
                 teams: list[int] | None) -> list[tuple[Team, list[Person]]]:
    """The teams to list, with their members: a team nobody is in and no ticket ever went
    to says nothing, so it is left out."""
    stmt = select(Team).where(Team.compound_id == compound_id).order_by(Team.id)
    if teams is not None:
        stmt = stmt.where(Team.id.in_(teams))
    found = list((await session.execute(stmt)).scalars())
    rows = await session.execute(
        select(TeamMember.team_id, Person).join(Person, Person.id == TeamMember.person_id)
        .where(TeamMember.team_id.in_([t.id for t in found])).order_by(Person.id))
    members: dict[int, list[Person]] = defaultdict(list)
    for team_id, person in rows:
        members[team_id].append(person)
    worked = set((await session.execute(
        select(Ticket.team_id).where(Ticket.compound_id == compound_id,
                                     Ticket.team_id.is_not(None)).distinct())).scalars())
    return [(t, members[t.id]) for t in found if members[t.id] or t.id in worked]


def _holder_lines(
    teams: list[tuple[Team, list[Person]]], open_: Counter[Holder],
    stars: dict[Holder, Tally], by_steward: dict[int, Tally],
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for team, members in teams:
        out.append(fragment("tk-stats-team", team=tc.team_label(team), count=open_[team.id],
                            rating=rating(stars[team.id])))
        out += [fragment("tk-stats-steward", name=p.display_name,
                         rating=rating(by_steward[p.id])) for p in members]
    for key in (DESK, OFFICE):
        if open_[key] or stars[key].count:
            out.append(fragment("tk-stats-team", team=fragment(f"tk-stats-{key}"),
                                count=open_[key],
                                rating=rating(stars[key])))
    return out


def _scope(compound: Compound, teams: list[Team]) -> Any:
    """"幸福里", or "幸福里 · 维修服务队" for a steward's own figures."""
    title: Any = compound.name
    for team in teams:
        title = fragment("tk-stats-scope", compound=title, team=tc.team_label(team))
    return title


def _outcomes(recent: Iterable[Ticket]) -> Counter[str | None]:
    # A reporter nobody reached is no confirmed fix: counted apart from the silent ones.
    return Counter(t.outcome for t in recent if t.status == "closed")


async def compound_stats(
    session: AsyncSession, compound: Compound, now: datetime, teams: list[int] | None = None
) -> dict[str, Any]:
    tz = ZoneInfo(compound.timezone)
    this_month, last_month = _month_start(now, tz), _month_start(now, tz, 1)
    tickets = await _tickets(session, compound.id, last_month, teams)
    open_ = [t for t in tickets if t.status in _OPEN]
    ratings = await _ratings(session, compound.id, teams)
    listed = await _teams(session, compound.id, teams)
    lines = _holder_lines(listed,
                          Counter(holder(t.level, t.team_id) for t in open_),
                          ratings.holders, ratings.stewards)
    recent = [t for t in tickets if t.created_at >= last_month]
    cats_now = Counter(t.category for t in recent if t.created_at >= this_month)
    cats_before = Counter(t.category for t in recent if t.created_at < this_month)
    cat_lines = [fragment("tk-stats-category", category=fragment(f"tk-cat-{c.value}"),
                          now=cats_now[c.value], before=cats_before[c.value])
                 for c in Category if cats_now[c.value] or cats_before[c.value]]
    outcomes = _outcomes(recent)
    return {
        "confirmed": outcomes["confirmed"],
        "unconfirmed": outcomes["unconfirmed"],
        "unreached": outcomes["unreached"],
        "compound": _scope(compound, [t for t, _ in listed] if teams is not None else []),
        "open": len(open_),
        "overdue": sum(1 for t in open_ if sla.overdue(t, now)),
        "teams": {"lines": lines} if lines else fragment("tk-stats-none"),
        "accept": _hours([t.accepted_at - t.created_at for t in recent if t.accepted_at]),
        "resolve": _hours([t.resolved_at - t.created_at for t in recent if t.resolved_at]),
        "satisfaction": rating(ratings.overall),
        "categories": {"lines": cat_lines} if cat_lines else fragment("tk-stats-none"),
        "this_month": sum(cats_now.values()),
        "last_month": sum(cats_before.values()),
    }


async def steward_satisfaction(session: AsyncSession, person_id: int) -> tuple[float, int]:
    row = (await session.execute(
        select(func.avg(TicketRating.stars), func.count(TicketRating.stars))
        .where(TicketRating.steward_id == person_id, TicketRating.stars.is_not(None))
    )).one()
    return float(row[0] or 0), int(row[1] or 0)
