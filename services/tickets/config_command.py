"""/tkconfig: read and change a compound's ticket settings with one line of text.

    /tkconfig                                  the current settings
    /tkconfig <category> team <team code>|desk where a category goes
    /tkconfig <category> sla <accept> <resolve> e.g. 30m 24h
    /tkconfig <category> tags #tag1 #tag2       extra hashtags (none: clear)
    /tkconfig hours <team code> 08:00-18:00|off business hours of a team
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.roles import Team
from services.clock import Clock
from services.outbox import fragment
from services.policy import Action, Actor, require
from services.tickets import config
from services.tickets import context as tc
from services.tickets.categories import HASHTAG_TAGS, Category
from services.tickets.errors import TicketError

Reply = tuple[str, dict[str, Any]]


def category_of(word: str) -> Category:
    lowered = word.strip().lower()
    for c in Category:
        if c.value == lowered:
            return c
    found = HASHTAG_TAGS.get(lowered) or HASHTAG_TAGS.get(word.strip())
    if found is None:
        raise TicketError("tk-cfg-bad-category", value=word[:24])
    return found


async def team_by_code(session: AsyncSession, compound_id: int, code: str) -> Team:
    team = (await session.execute(select(Team).where(
        Team.compound_id == compound_id,
        (func.lower(Team.code) == code.lower()) | (Team.name == code),
    ))).scalar_one_or_none()
    if team is None:
        raise TicketError("tk-cfg-bad-team", value=code[:32])
    return team


async def overview(session: AsyncSession, compound_id: int) -> Reply:
    lines = []
    for r in await config.overview(session, compound_id):
        lines.append(fragment(
            "tk-cfg-line", category=fragment(f"tk-cat-{r.category.value}"),
            team=tc.team_label(r.team), accept=r.accept_minutes, resolve=r.resolve_minutes,
            tags=" ".join(r.tags) or "—",
            hours=f"{r.hours[0] // 60:02d}:{r.hours[0] % 60:02d}-"
                  f"{r.hours[1] // 60:02d}:{r.hours[1] % 60:02d}" if r.hours else "—",
        ))
    return "tk-cfg-overview", {"lines": {"lines": lines}}


async def run(
    session: AsyncSession, clock: Clock, actor: Actor, compound_id: int, args: str
) -> Reply:
    await require(session, actor, Action.TICKET_CONFIG, compound_id)
    words = args.split()
    if not words:
        return await overview(session, compound_id)
    me = actor.person.id
    if words[0].lower() == "hours" and len(words) == 3:
        team = await team_by_code(session, compound_id, words[1])
        hours = None if words[2].lower() == "off" else config.parse_hours(words[2])
        await config.set_hours(session, clock, me, team, hours)
        return "tk-cfg-saved", {}
    if len(words) < 2:
        raise TicketError("tk-cfg-usage")
    category, what, rest = category_of(words[0]), words[1].lower(), words[2:]
    if what == "team" and len(rest) == 1:
        team = None if rest[0].lower() == "desk" else await team_by_code(
            session, compound_id, rest[0])
        await config.set_route(session, clock, me, compound_id, category, team)
    elif what == "sla" and len(rest) == 2:
        await config.set_sla(session, clock, me, compound_id, category,
                             config.parse_duration(rest[0]), config.parse_duration(rest[1]))
    elif what == "tags":
        await config.set_tags(session, clock, me, compound_id, category, rest)
    else:
        raise TicketError("tk-cfg-usage")
    return "tk-cfg-saved", {}
