"""Service teams of a compound: the defaults, names, round-robin, who is in which team."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.roles import Team, TeamMember
from services import audit
from services.clock import Clock

DEFAULT_TEAMS = ("repairs", "safety", "cleaning", "greening", "telecom")
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,31}$")
NAME_LIMIT = 64

# What people type for the default teams, in every language we speak.
TEAM_ALIASES: dict[str, str] = {
    "维修": "repairs", "維修": "repairs", "报修": "repairs", "報修": "repairs",
    "工程": "repairs", "repair": "repairs",
    "安保": "safety", "保安": "safety", "秩序": "safety", "security": "safety",
    "保洁": "cleaning", "保潔": "cleaning", "清洁": "cleaning", "清潔": "cleaning",
    "环卫": "cleaning", "環衛": "cleaning",
    "绿化": "greening", "綠化": "greening", "园林": "greening", "園林": "greening",
    "gardening": "greening",
    "保全": "safety", "通讯": "telecom", "通訊": "telecom",
    "通信": "telecom", "电信": "telecom", "電信": "telecom", "网络": "telecom",
    "網路": "telecom", "宽带": "telecom", "寬頻": "telecom",
}


# "维修队", "維修隊", "repairs team" name the same team as "维修" and "repairs".
TEAM_SUFFIX_INPUT = ("队", "隊", " team")


class TeamChange(enum.StrEnum):
    DONE = "done"
    EXISTS = "exists"
    BAD_CODE = "bad_code"
    BAD_NAME = "bad_name"


@dataclass(frozen=True)
class TeamView:
    team: Team
    members: list[Person]


async def create_defaults(session: AsyncSession, compound_id: int) -> list[Team]:
    """The five service teams every compound starts with; names come from the locales."""
    teams = [Team(compound_id=compound_id, code=code) for code in DEFAULT_TEAMS]
    session.add_all(teams)
    await session.flush()
    return teams


async def teams_of(session: AsyncSession, compound_id: int) -> list[Team]:
    rows = await session.execute(
        select(Team).where(Team.compound_id == compound_id).order_by(Team.id)
    )
    return list(rows.scalars())


async def with_members(session: AsyncSession, compound_id: int) -> list[TeamView]:
    teams = await teams_of(session, compound_id)
    rows = await session.execute(
        select(TeamMember.team_id, Person)
        .join(Person, Person.id == TeamMember.person_id)
        .where(TeamMember.team_id.in_([t.id for t in teams]))
        .order_by(TeamMember.joined_at, Person.id)
    )
    members: dict[int, list[Person]] = {}
    for team_id, person in rows.all():
        members.setdefault(team_id, []).append(person)
    return [TeamView(t, members.get(t.id, [])) for t in teams]


async def find(session: AsyncSession, compound_id: int, text: str) -> Team | None:
    """A team by its code, its own name, or the usual name of a default team."""
    wanted = " ".join(text.split()).lower()
    if not wanted:
        return None
    words = {wanted} | {wanted.removesuffix(x).strip() for x in TEAM_SUFFIX_INPUT
                        if wanted.endswith(x) and wanted != x}
    codes = {TEAM_ALIASES.get(w, w) for w in words}
    rows = await session.execute(
        select(Team).where(
            Team.compound_id == compound_id,
            func.lower(Team.code).in_(codes) | func.lower(Team.name).in_(words),
        ).order_by(Team.id)
    )
    found = list(rows.scalars())
    # A team's own name wins over a default code it happens to resemble.
    return next((t for t in found if (t.name or "").lower() == wanted), None) or \
        next(iter(found), None)


async def add(
    session: AsyncSession, clock: Clock, actor_id: int, compound_id: int, code: str, name: str
) -> TeamChange:
    code, name = code.strip().lower(), name.strip()
    if not CODE_PATTERN.match(code):
        return TeamChange.BAD_CODE
    if not name or len(name) > NAME_LIMIT:
        return TeamChange.BAD_NAME
    if await find(session, compound_id, code) is not None:
        return TeamChange.EXISTS
    session.add(Team(compound_id=compound_id, code=code, name=name))
    audit.record(session, clock, "team.add", actor_id=actor_id, compound_id=compound_id,
                 code=code, name=name)
    await session.commit()
    return TeamChange.DONE


async def rename(
    session: AsyncSession, clock: Clock, actor_id: int, team: Team, name: str
) -> TeamChange:
    name = name.strip()
    if not name or len(name) > NAME_LIMIT:
        return TeamChange.BAD_NAME
    old, team.name = team.name, name
    audit.record(session, clock, "team.rename", actor_id=actor_id, compound_id=team.compound_id,
                 code=team.code, old=old, new=name)
    await session.commit()
    return TeamChange.DONE


async def toggle_round_robin(
    session: AsyncSession, clock: Clock, actor_id: int, team: Team
) -> bool:
    team.round_robin = not team.round_robin
    audit.record(session, clock, "team.round_robin", actor_id=actor_id,
                 compound_id=team.compound_id, code=team.code, on=team.round_robin)
    await session.commit()
    return team.round_robin


async def is_member(session: AsyncSession, team_id: int, person_id: int) -> bool:
    return await session.get(TeamMember, (team_id, person_id)) is not None


def join(session: AsyncSession, clock: Clock, team: Team, person_id: int) -> None:
    """Add a member in the caller's unit of work (roles.grant commits it with the grant)."""
    session.add(TeamMember(team_id=team.id, person_id=person_id, joined_at=clock.now()))


async def leave(session: AsyncSession, team: Team, person_id: int) -> bool:
    """Remove a member in the caller's unit of work; False when they were not in the team."""
    result = await session.execute(
        delete(TeamMember).where(TeamMember.team_id == team.id, TeamMember.person_id == person_id)
    )
    return bool(result.rowcount)


async def leave_all(session: AsyncSession, compound_id: int, person_id: int) -> None:
    """Drop a person from every team of a compound (their steward role ended). No commit."""
    ids = select(Team.id).where(Team.compound_id == compound_id)
    await session.execute(
        delete(TeamMember).where(TeamMember.person_id == person_id, TeamMember.team_id.in_(ids))
    )


async def teams_of_person(session: AsyncSession, compound_id: int, person_id: int) -> list[Team]:
    rows = await session.execute(
        select(Team).join(TeamMember, TeamMember.team_id == Team.id)
        .where(Team.compound_id == compound_id, TeamMember.person_id == person_id)
        .order_by(Team.id)
    )
    return list(rows.scalars())
