"""Registry data for points and activity tests, written straight through the models."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import Activity, ActivityStatus, Audience, Requirement
from models.chat import Chat
from models.person import Person
from models.points import Merchant, Reward
from models.registry import (
    Building,
    ChatBinding,
    Compound,
    Entrance,
    Household,
    LinkStatus,
    Relation,
    Residency,
)
from models.roles import Role, RoleGrant, Team, TeamMember
from services.clock import Clock

_ids = itertools.count(500_000)


async def compound(session: AsyncSession, clock: Clock, name: str = "Garden") -> Compound:
    row = Compound(name=name, timezone="Asia/Shanghai", locale="zh-Hans", created_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def person(
    session: AsyncSession, clock: Clock, name: str = "Mei", tg_id: int | None = None,
    locale: str = "zh-Hans", username: str | None = None, party_member: bool = False,
) -> Person:
    """A person as the bot knows them; pass the emulator user's id as `tg_id` for e2e tests."""
    found = None
    if tg_id is not None:
        found = (await session.execute(
            select(Person).where(Person.tg_id == tg_id))).scalar_one_or_none()
    if found is not None:
        found.party_member = party_member or found.party_member
        return found
    row = Person(tg_id=tg_id if tg_id is not None else next(_ids), first_name=name,
                 locale=locale, username=username, party_member=party_member,
                 created_at=clock.now(), seen_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def building(session: AsyncSession, home: Compound, name: str = "3") -> Building:
    found = (await session.execute(select(Building).where(
        Building.compound_id == home.id, Building.name == name))).scalar_one_or_none()
    if found is not None:
        return found
    row = Building(compound_id=home.id, name=name, sort_key=name)
    session.add(row)
    await session.flush()
    return row


async def resident(
    session: AsyncSession, clock: Clock, home: Compound, who: Person, building_name: str = "3",
    room: str | None = None, status: LinkStatus = LinkStatus.VERIFIED,
) -> Household:
    """A verified (by default) household link in the given building."""
    block = await building(session, home, building_name)
    entrance = (await session.execute(select(Entrance).where(
        Entrance.building_id == block.id))).scalar_one_or_none()
    if entrance is None:
        entrance = Entrance(building_id=block.id, name="1", sort_key="1")
        session.add(entrance)
        await session.flush()
    house = Household(compound_id=home.id, building_id=block.id, entrance_id=entrance.id,
                      room=room or str(next(_ids)), area_m2=Decimal("88.50"),
                      updated_at=clock.now())
    session.add(house)
    await session.flush()
    session.add(Residency(person_id=who.id, household_id=house.id, relation=Relation.OWNER,
                          status=status.value, created_at=clock.now()))
    await session.flush()
    return house


async def grant(
    session: AsyncSession, clock: Clock, home: Compound, who: Person, role: Role
) -> RoleGrant:
    row = RoleGrant(compound_id=home.id, person_id=who.id, role=role.value,
                    granted_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def team(
    session: AsyncSession, clock: Clock, home: Compound, code: str, *members: Person
) -> Team:
    row = Team(compound_id=home.id, code=code, name=code, round_robin=False)
    session.add(row)
    await session.flush()
    for member in members:
        session.add(TeamMember(team_id=row.id, person_id=member.id, on_duty=True,
                               joined_at=clock.now()))
    await session.flush()
    return row


async def bind_group(
    session: AsyncSession, clock: Clock, home: Compound, chat_id: int, purpose: str = "compound",
    building_id: int | None = None, team_id: int | None = None, locale: str | None = None,
) -> ChatBinding:
    if await session.get(Chat, chat_id) is None:
        session.add(Chat(id=chat_id, type="supergroup", title=f"group {chat_id}", locale=locale,
                         created_at=clock.now()))
        await session.flush()
    row = ChatBinding(chat_id=chat_id, compound_id=home.id, purpose=purpose,
                      building_id=building_id, team_id=team_id, bound_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def activity(
    session: AsyncSession, clock: Clock, home: Compound, organizer: Person, *,
    capacity: int = 2, points: int = 2, starts_in: timedelta = timedelta(days=2),
    hours: float = 2, title: str = "Stairwell cleaning", audience: str = Audience.COMPOUND,
    team_id: int | None = None, requirement: str = Requirement.NONE,
) -> Activity:
    """An open activity straight in the table (no cards), for service tests."""
    start: datetime = clock.now() + starts_in
    row = Activity(
        compound_id=home.id, organizer_id=organizer.id, title=title, description="",
        place="Gate 2", starts_at=start, ends_at=start + timedelta(hours=hours),
        capacity=capacity, taken=0, signup_deadline=start - timedelta(hours=2),
        cancel_cutoff=start - timedelta(hours=12), points=points, audience=audience,
        team_id=team_id, requirement=requirement, status=ActivityStatus.OPEN.value,
        reminded_day=False, reminded_hour=False, created_at=clock.now(),
    )
    session.add(row)
    await session.flush()
    return row


async def merchant(
    session: AsyncSession, clock: Clock, home: Compound, name: str = "Barber",
    contact: Person | None = None,
) -> Merchant:
    row = Merchant(compound_id=home.id, name=name, person_id=contact.id if contact else None,
                   active=True, created_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def reward(
    session: AsyncSession, clock: Clock, home: Compound, *, title: str = "Parking coupon",
    cost: int = 5, stock: int | None = 3, shop: Merchant | None = None,
) -> Reward:
    row = Reward(compound_id=home.id, title=title, cost=cost, stock=stock, active=True,
                 merchant_id=shop.id if shop else None, created_at=clock.now())
    session.add(row)
    await session.flush()
    return row
