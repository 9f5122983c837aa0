"""Test data inserted straight through the models: people, compounds with their register,
roles and group bindings. Each helper flushes; the caller commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import insert, select
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
from models.roles import Role, RoleGrant
from services.clock import Clock
from services.registry import natural_key


async def person(
    session: AsyncSession, clock: Clock, tg_id: int, first_name: str = "Resident",
    locale: str = "zh-Hans", username: str | None = None,
) -> Person:
    """A person the bot already knows (tg_id may be an emulator user's id)."""
    now = clock.now()
    row = Person(tg_id=tg_id, first_name=first_name, username=username, locale=locale,
                 created_at=now, seen_at=now)
    session.add(row)
    await session.flush()
    return row


@dataclass
class Register:
    compound: Compound
    buildings: list[Building] = field(default_factory=list)
    entrances: dict[int, list[Entrance]] = field(default_factory=dict)  # by building id

    def building(self, name: str) -> Building:
        return next(b for b in self.buildings if b.name == name)

    def entrance(self, building: str, name: str) -> Entrance:
        return next(e for e in self.entrances[self.building(building).id] if e.name == name)


def room_labels(floors: int, per_floor: int) -> list[str]:
    """101, 102, … 201, … — the way Chinese flats are numbered."""
    return [f"{f}{r:02d}" for f in range(1, floors + 1) for r in range(1, per_floor + 1)]


async def compound(
    session: AsyncSession, clock: Clock, name: str = "Test Garden", *, buildings: int = 1,
    entrances: int = 1, rooms: list[str] | None = None, area: str = "88.50",
) -> Register:
    """A compound whose buildings are named "1".."N", entrances "1".."M", same rooms in each.

    Households are bulk-inserted so a compound of thousands of rooms is quick to make.
    """
    labels = rooms if rooms is not None else room_labels(2, 2)
    now = clock.now()
    c = Compound(name=name, timezone="Asia/Shanghai", locale="zh-Hans", created_at=now)
    session.add(c)
    await session.flush()
    reg = Register(c)
    for b_no in range(1, buildings + 1):
        b = Building(compound_id=c.id, name=str(b_no), sort_key=natural_key(str(b_no)))
        session.add(b)
        await session.flush()
        reg.buildings.append(b)
        reg.entrances[b.id] = []
        for e_no in range(1, entrances + 1):
            e = Entrance(building_id=b.id, name=str(e_no), sort_key=natural_key(str(e_no)))
            session.add(e)
            await session.flush()
            reg.entrances[b.id].append(e)
            if labels:
                await session.execute(insert(Household), [
                    {"compound_id": c.id, "building_id": b.id, "entrance_id": e.id,
                     "room": label, "sort_key": natural_key(label), "area_m2": Decimal(area),
                     "updated_at": now}
                    for label in labels
                ])
    return reg


async def household(
    session: AsyncSession, entrance: Entrance, room: str
) -> Household:
    return (await session.execute(
        select(Household).where(Household.entrance_id == entrance.id, Household.room == room)
    )).scalar_one()


async def grant(
    session: AsyncSession, clock: Clock, compound_id: int, person_id: int,
    role: Role = Role.ADMIN,
) -> RoleGrant:
    row = RoleGrant(compound_id=compound_id, person_id=person_id, role=role.value,
                    granted_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def residency(
    session: AsyncSession, clock: Clock, person_id: int, household_id: int, relation: str,
    status: LinkStatus = LinkStatus.VERIFIED,
) -> Residency:
    row = Residency(person_id=person_id, household_id=household_id, relation=relation,
                    status=status.value, created_at=clock.now(),
                    decided_at=clock.now() if status != LinkStatus.PENDING else None)
    session.add(row)
    await session.flush()
    return row


async def bind_group(
    session: AsyncSession, clock: Clock, chat_id: int, compound_id: int,
    building_id: int | None = None, purpose: str | None = None, title: str = "Group",
) -> ChatBinding:
    """Link a group chat to a compound (or one of its buildings), creating the chat row."""
    if await session.get(Chat, chat_id) is None:
        session.add(Chat(id=chat_id, type="supergroup", title=title, created_at=clock.now()))
        await session.flush()
    row = ChatBinding(chat_id=chat_id, compound_id=compound_id, building_id=building_id,
                      purpose=purpose or ("building" if building_id else "compound"),
                      bound_at=clock.now())
    session.add(row)
    await session.flush()
    return row
