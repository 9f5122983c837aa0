"""Per-compound ticket settings: which team a category goes to, its SLA, extra hashtags, hours."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.roles import Team
from models.tickets_config import TicketCategoryConfig, TicketTeamHours
from services import audit, facts
from services.clock import Clock
from services.tickets.categories import (
    DEFAULT_SLA,
    DESK,
    TEAM_PREFERENCE,
    URGENT,
    Category,
)
from services.tickets.errors import TicketError

_DURATION = re.compile(r"^(\d{1,5})\s*([mhd]?)$", re.IGNORECASE)
_HOURS = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")
_UNITS = {"": 1, "m": 1, "h": 60, "d": 1440}


@dataclass(frozen=True)
class Route:
    category: Category
    team: Team | None  # None: the party branch's desk
    accept_minutes: int
    resolve_minutes: int
    urgent: bool
    hours: tuple[int, int] | None  # the team's business hours, minutes after midnight
    tags: tuple[str, ...] = ()


async def _config(
    session: AsyncSession, compound_id: int, category: Category
) -> TicketCategoryConfig | None:
    return await session.get(TicketCategoryConfig, (compound_id, category.value))


async def _settings(session: AsyncSession, compound_id: int) -> dict[str, dict[str, Any]]:
    """Every category's settings of a compound, by category: one read, cached with the
    rules (any change to them drops it). Read by every report and every hashtag."""
    cached = facts.derived(session, "category_settings", compound_id)
    if cached is None:
        rows = await session.execute(
            select(TicketCategoryConfig).where(TicketCategoryConfig.compound_id == compound_id)
        )
        cached = {c.category: facts.snapshot(c) for c in rows.scalars()}
        facts.remember_derived(session, "category_settings", compound_id, cached)
    return cached  # type: ignore[no-any-return]


async def _team_codes(session: AsyncSession, compound_id: int) -> tuple[tuple[str, int], ...]:
    """(code, id) of the compound's teams in id order; cached with the rules."""
    cached = facts.derived(session, "team_codes", compound_id)
    if cached is None:
        cached = tuple((code, id_) for id_, code in (await session.execute(
            select(Team.id, Team.code).where(Team.compound_id == compound_id).order_by(Team.id)
        )).all())
        facts.remember_derived(session, "team_codes", compound_id, cached)
    return cached  # type: ignore[no-any-return]


async def _default_team(session: AsyncSession, compound_id: int, category: Category) -> Team | None:
    if category in DESK:
        return None
    teams = await _team_codes(session, compound_id)
    by_code = dict(teams)
    chosen = next((by_code[c] for c in TEAM_PREFERENCE.get(category, ()) if c in by_code),
                  teams[0][1] if teams else None)
    return None if chosen is None else await facts.get(session, Team, chosen)


async def team_hours(session: AsyncSession, team_id: int | None) -> tuple[int, int] | None:
    if team_id is None:
        return None
    row = await facts.get(session, TicketTeamHours, team_id)
    return (row.open_minute, row.close_minute) if row else None


async def route(session: AsyncSession, compound_id: int, category: Category) -> Route:
    cfg = (await _settings(session, compound_id)).get(category.value)
    team: Team | None
    if cfg is not None and cfg["desk"]:
        team = None
    elif cfg is not None and cfg["team_id"] is not None:
        team = await facts.get(session, Team, cfg["team_id"])
    else:
        team = await _default_team(session, compound_id, category)
    accept, resolve = DEFAULT_SLA[category]
    if cfg is not None:
        accept = cfg["accept_minutes"] or accept
        resolve = cfg["resolve_minutes"] or resolve
    return Route(
        category, team, accept, resolve, category in URGENT,
        await team_hours(session, team.id if team else None),
        tuple(cfg["tags"] or ()) if cfg else (),
    )


async def extra_tags(session: AsyncSession, compound_id: int) -> dict[str, Category]:
    settings = await _settings(session, compound_id)
    return {tag: Category(c) for c, cfg in settings.items() for tag in (cfg["tags"] or ())}


async def overview(session: AsyncSession, compound_id: int) -> list[Route]:
    return [await route(session, compound_id, c) for c in Category]


def parse_duration(text: str) -> int:
    """"90", "90m", "2h", "3d" -> minutes."""
    match = _DURATION.match(text.strip())
    if not match or int(match.group(1)) == 0:
        raise TicketError("tk-cfg-bad-duration", value=text[:20])
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def parse_hours(text: str) -> tuple[int, int]:
    match = _HOURS.match(text.strip())
    if not match:
        raise TicketError("tk-cfg-bad-hours", value=text[:20])
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if not (m1 < 60 and m2 < 60 and 0 <= start < end <= 1440):
        raise TicketError("tk-cfg-bad-hours", value=text[:20])
    return start, end


async def _row(session: AsyncSession, compound_id: int, category: Category) -> TicketCategoryConfig:
    cfg = await _config(session, compound_id, category)
    if cfg is None:
        cfg = TicketCategoryConfig(compound_id=compound_id, category=category.value, desk=False)
        session.add(cfg)
    return cfg


async def set_route(
    session: AsyncSession, clock: Clock, actor_id: int, compound_id: int, category: Category,
    team: Team | None,
) -> None:
    """Send a category to a team, or (team None) to the party branch's desk."""
    cfg = await _row(session, compound_id, category)
    cfg.team_id = team.id if team else None
    cfg.desk = team is None
    audit.record(session, clock, "ticket.route", actor_id=actor_id, compound_id=compound_id,
                 category=category.value, team=team.code if team else None)
    await session.commit()


async def set_sla(
    session: AsyncSession, clock: Clock, actor_id: int, compound_id: int, category: Category,
    accept: int, resolve: int,
) -> None:
    if accept >= resolve:
        raise TicketError("tk-cfg-bad-sla")
    cfg = await _row(session, compound_id, category)
    cfg.accept_minutes, cfg.resolve_minutes = accept, resolve
    audit.record(session, clock, "ticket.sla", actor_id=actor_id, compound_id=compound_id,
                 category=category.value, accept=accept, resolve=resolve)
    await session.commit()


async def set_tags(
    session: AsyncSession, clock: Clock, actor_id: int, compound_id: int, category: Category,
    tags: list[str],
) -> None:
    clean = []
    for tag in tags:
        if not re.fullmatch(r"#\S{1,24}", tag):
            raise TicketError("tk-cfg-bad-tag", value=tag[:30])
        clean.append(tag)
    cfg = await _row(session, compound_id, category)
    cfg.tags = clean
    audit.record(session, clock, "ticket.tags", actor_id=actor_id, compound_id=compound_id,
                 category=category.value, tags=clean)
    await session.commit()


async def set_hours(
    session: AsyncSession, clock: Clock, actor_id: int, team: Team, hours: tuple[int, int] | None,
) -> None:
    await session.execute(delete(TicketTeamHours).where(TicketTeamHours.team_id == team.id))
    if hours is not None:
        session.add(TicketTeamHours(team_id=team.id, open_minute=hours[0], close_minute=hours[1]))
    audit.record(session, clock, "ticket.hours", actor_id=actor_id,
                 compound_id=team.compound_id, team=team.code, hours=list(hours or ()))
    await session.commit()
