"""/stats for a compound: open per team, overdue, medians, satisfaction, this month vs last."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Compound
from models.roles import Team
from models.tickets import Ticket, TicketRating
from services.outbox import fragment
from services.tickets import context as tc
from services.tickets import sla
from services.tickets.categories import Category
from services.tickets.lifecycle import OPEN

_OPEN = [s.value for s in OPEN]


def _month_start(now: datetime, tz: ZoneInfo, back: int = 0) -> datetime:
    local = now.astimezone(tz).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    for _ in range(back):
        local = (local - timedelta(days=1)).replace(day=1)
    return local


def _hours(values: list[timedelta]) -> str:
    if not values:
        return "—"
    median = statistics.median(v.total_seconds() for v in values) / 3600
    return f"{median:.1f}"


async def compound_stats(
    session: AsyncSession, compound: Compound, now: datetime
) -> dict[str, Any]:
    tz = ZoneInfo(compound.timezone)
    this_month, last_month = _month_start(now, tz), _month_start(now, tz, 1)
    tickets = list((await session.execute(
        select(Ticket).where(Ticket.compound_id == compound.id,
                             or_(Ticket.status.in_(_OPEN), Ticket.created_at >= last_month))
    )).scalars())
    teams = {t.id: t for t in (await session.execute(
        select(Team).where(Team.compound_id == compound.id).order_by(Team.id))).scalars()}
    open_ = [t for t in tickets if t.status in _OPEN]
    per_team = Counter(t.team_id for t in open_)
    team_lines = []
    for team in teams.values():
        stars, rated = await team_satisfaction(session, team.id)
        team_lines.append(fragment("tk-stats-team", team=tc.team_label(team),
                                   count=per_team[team.id],
                                   stars=f"{stars:.1f}" if rated else "—"))
    if per_team[None]:
        team_lines.append(fragment("tk-stats-team", team=tc.team_label(None),
                                   count=per_team[None], stars="—"))
    recent = [t for t in tickets if t.created_at >= last_month]
    accept = [t.accepted_at - t.created_at for t in recent if t.accepted_at]
    resolve = [t.resolved_at - t.created_at for t in recent if t.resolved_at]
    cats_now = Counter(t.category for t in recent if t.created_at >= this_month)
    cats_before = Counter(t.category for t in recent if t.created_at < this_month)
    cat_lines = [fragment("tk-stats-category", category=fragment(f"tk-cat-{c.value}"),
                          now=cats_now[c.value], before=cats_before[c.value])
                 for c in Category if cats_now[c.value] or cats_before[c.value]]
    stars, count = await _satisfaction(session, compound.id)
    # A reporter nobody reached is no confirmed fix: counted apart from the silent ones.
    outcomes = Counter(t.outcome for t in recent if t.status == "closed")
    return {
        "confirmed": outcomes["confirmed"],
        "unconfirmed": outcomes["unconfirmed"],
        "unreached": outcomes["unreached"],
        "compound": compound.name,
        "open": len(open_),
        "overdue": sum(1 for t in open_ if sla.overdue(t, now)),
        "teams": {"lines": team_lines} if team_lines else fragment("tk-stats-none"),
        "accept": _hours(accept),
        "resolve": _hours(resolve),
        "stars": f"{stars:.1f}" if count else "—",
        "ratings": count,
        "categories": {"lines": cat_lines} if cat_lines else fragment("tk-stats-none"),
        "this_month": sum(cats_now.values()),
        "last_month": sum(cats_before.values()),
    }


async def _satisfaction(session: AsyncSession, compound_id: int) -> tuple[float, int]:
    row = (await session.execute(
        select(func.avg(TicketRating.stars), func.count(TicketRating.stars))
        .join(Ticket, Ticket.id == TicketRating.ticket_id)
        .where(Ticket.compound_id == compound_id, TicketRating.stars.is_not(None))
    )).one()
    return float(row[0] or 0), int(row[1] or 0)


async def team_satisfaction(session: AsyncSession, team_id: int) -> tuple[float, int]:
    row = (await session.execute(
        select(func.avg(TicketRating.stars), func.count(TicketRating.stars))
        .where(TicketRating.team_id == team_id, TicketRating.stars.is_not(None))
    )).one()
    return float(row[0] or 0), int(row[1] or 0)


async def steward_satisfaction(session: AsyncSession, person_id: int) -> tuple[float, int]:
    row = (await session.execute(
        select(func.avg(TicketRating.stars), func.count(TicketRating.stars))
        .where(TicketRating.steward_id == person_id, TicketRating.stars.is_not(None))
    )).one()
    return float(row[0] or 0), int(row[1] or 0)
