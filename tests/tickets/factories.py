"""Ticket test data straight through the models: a compound with a building, households,
teams, role holders and bound chats. Helpers flush; callers commit."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from models.chat import Chat
from models.person import Person
from models.registry import (
    Building,
    ChatBinding,
    Compound,
    Entrance,
    Household,
    LinkStatus,
    Residency,
)
from models.roles import Role, RoleGrant, Team, TeamMember
from services.clock import Clock


async def person(
    session: AsyncSession, clock: Clock, tg_id: int, first_name: str, locale: str = "zh-Hans"
) -> Person:
    now = clock.now()
    row = Person(tg_id=tg_id, first_name=first_name, locale=locale, locale_chosen=True,
                 created_at=now, seen_at=now)
    session.add(row)
    await session.flush()
    return row


@dataclass
class Place:
    compound: Compound
    building: Building
    entrance: Entrance
    households: list[Household] = field(default_factory=list)


async def compound(
    session: AsyncSession, clock: Clock, name: str = "Sunny Garden", *,
    building: str = "3", entrance: str = "2", rooms: tuple[str, ...] = ("301", "302", "401"),
    timezone: str = "Asia/Shanghai",
) -> Place:
    now = clock.now()
    c = Compound(name=name, timezone=timezone, locale="zh-Hans", created_at=now)
    session.add(c)
    await session.flush()
    b = Building(compound_id=c.id, name=building, sort_key=building)
    session.add(b)
    await session.flush()
    e = Entrance(building_id=b.id, name=entrance, sort_key=entrance)
    session.add(e)
    await session.flush()
    place = Place(c, b, e)
    for room in rooms:
        h = Household(compound_id=c.id, building_id=b.id, entrance_id=e.id, room=room,
                      sort_key=room, area_m2=Decimal("88.50"), updated_at=now)
        session.add(h)
        place.households.append(h)
    await session.flush()
    return place


async def reside(
    session: AsyncSession, clock: Clock, who: Person, household: Household,
    relation: str = "owner",
) -> Residency:
    row = Residency(person_id=who.id, household_id=household.id, relation=relation,
                    status=LinkStatus.VERIFIED, created_at=clock.now(), decided_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def team(
    session: AsyncSession, clock: Clock, where: Compound, code: str, members: list[Person],
    *, round_robin: bool = False, name: str | None = None,
) -> Team:
    row = Team(compound_id=where.id, code=code, name=name, round_robin=round_robin)
    session.add(row)
    await session.flush()
    for m in members:
        session.add(TeamMember(team_id=row.id, person_id=m.id, on_duty=True,
                               joined_at=clock.now()))
        await grant(session, clock, m, where, Role.STEWARD)
    await session.flush()
    return row


async def grant(
    session: AsyncSession, clock: Clock, who: Person, where: Compound, role: Role
) -> RoleGrant:
    row = RoleGrant(compound_id=where.id, person_id=who.id, role=role.value,
                    granted_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def bind(
    session: AsyncSession, clock: Clock, chat_id: int, where: Compound, purpose: str, *,
    building: Building | None = None, team_: Team | None = None, title: str = "group",
    locale: str | None = None, forum: bool = False,
) -> ChatBinding:
    if await session.get(Chat, chat_id) is None:
        session.add(Chat(id=chat_id, type="supergroup", title=title, locale=locale,
                         is_forum=forum, created_at=clock.now()))
        await session.flush()
    row = ChatBinding(chat_id=chat_id, compound_id=where.id, purpose=purpose,
                      building_id=building.id if building else None,
                      team_id=team_.id if team_ else None, bound_at=clock.now())
    session.add(row)
    await session.flush()
    return row
