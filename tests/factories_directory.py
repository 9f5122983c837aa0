"""Test data for the directory, the join poster and privacy: one compound with people in it.

Helpers add rows and flush; `neighbourhood()` commits a whole scene through a fresh session
of the app under test, so end-to-end tests and service tests share the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
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
from models.roles import DirectoryEntry, Role, RoleGrant, Team, TeamMember
from services.clock import Clock
from services.registry import natural_key
from tests.emulator import BotApiEmulator
from tests.emulator.state import User

CODES = {"zh-Hans": "zh-hans", "zh-Hant": "zh-hant", "en": "en"}
LOCALES = list(CODES)


async def add_person(
    session: AsyncSession, clock: Clock, tg_id: int | None, first_name: str,
    locale: str = "zh-Hans", **fields: Any,
) -> Person:
    now = clock.now()
    person = Person(tg_id=tg_id, first_name=first_name, locale=locale, created_at=now,
                    seen_at=now, **fields)
    session.add(person)
    await session.flush()
    return person


async def add_compound(
    session: AsyncSession, clock: Clock, name: str, buildings: list[str]
) -> tuple[Compound, list[Building]]:
    compound = Compound(name=name, created_at=clock.now())
    session.add(compound)
    await session.flush()
    rows = [Building(compound_id=compound.id, name=b, sort_key=natural_key(b)) for b in buildings]
    session.add_all(rows)
    await session.flush()
    return compound, rows


async def add_home(
    session: AsyncSession, clock: Clock, building: Building, room: str, person: Person | None,
    status: str = LinkStatus.VERIFIED, relation: str = "owner",
) -> Household:
    entrance = (await session.execute(
        select(Entrance).where(Entrance.building_id == building.id)
    )).scalars().first()
    if entrance is None:
        entrance = Entrance(building_id=building.id, name="1", sort_key=natural_key("1"))
        session.add(entrance)
        await session.flush()
    home = Household(compound_id=building.compound_id, building_id=building.id,
                     entrance_id=entrance.id, room=room, sort_key=natural_key(room),
                     area_m2=Decimal("88.50"), updated_at=clock.now())
    session.add(home)
    await session.flush()
    if person is not None:
        session.add(Residency(person_id=person.id, household_id=home.id, relation=relation,
                              status=status, created_at=clock.now()))
        await session.flush()
    return home


async def grant(
    session: AsyncSession, clock: Clock, person: Person, compound: Compound, role: Role,
    building: Building | None = None,
) -> RoleGrant:
    row = RoleGrant(compound_id=compound.id, person_id=person.id, role=role.value,
                    building_id=building.id if building else None, granted_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def add_team_member(
    session: AsyncSession, clock: Clock, compound: Compound, code: str, person: Person,
    on_duty: bool = True,
) -> Team:
    team = (await session.execute(
        select(Team).where(Team.compound_id == compound.id, Team.code == code)
    )).scalar_one_or_none()
    if team is None:
        team = Team(compound_id=compound.id, code=code)
        session.add(team)
        await session.flush()
    session.add(TeamMember(team_id=team.id, person_id=person.id, on_duty=on_duty,
                           joined_at=clock.now()))
    await session.flush()
    return team


async def bind_group(
    session: AsyncSession, clock: Clock, chat_id: int, compound: Compound,
    building: Building | None,
) -> ChatBinding:
    if await session.get(Chat, chat_id) is None:
        session.add(Chat(id=chat_id, type="supergroup", title="group", created_at=clock.now()))
        await session.flush()
    binding = ChatBinding(chat_id=chat_id, compound_id=compound.id,
                          building_id=building.id if building else None,
                          purpose="building" if building else "compound", bound_at=clock.now())
    session.add(binding)
    await session.flush()
    return binding


@dataclass
class Scene:
    """Sunny Garden (阳光花园), building 3: who lives there and who looks after it."""

    compound_id: int
    building_id: int
    other_building_id: int
    ids: dict[str, int] = field(default_factory=dict)  # person ids by first name
    entries: dict[str, int] = field(default_factory=dict)


LEADER_PHONE_PRIVATE = "13911112222"
STEWARD_PHONE_PUBLIC = "13800001111"
RESIDENT_PHONE_PRIVATE = "13755556666"
RESIDENT_ROOM = "1203"


async def neighbourhood(
    session: AsyncSession, clock: Clock, resident: User | None = None,
    resident_locale: str = "zh-Hans", users: dict[str, User] | None = None,
    locale: str = "zh-Hans",
) -> Scene:
    """Building 3 of 阳光花园 with a leader, a steward on duty, a party member showing the
    badge, one who does not, a steward off duty, and public numbers. Commits.

    `users` maps some of the cast's names to emulator users, so the bot can reach them.
    """
    compound, (b3, b5) = await add_compound(session, clock, "阳光花园", ["3", "5"])
    scene = Scene(compound.id, b3.id, b5.id)
    known = users or {}

    async def someone(name: str, **fields: Any) -> Person:
        tg_id = known[name].id if name in known else 5_000 + len(scene.ids)
        p = await add_person(session, clock, tg_id, name, locale=locale, **fields)
        scene.ids[name] = p.id
        return p

    leader = await someone("Lin", phone=LEADER_PHONE_PRIVATE, phone_public=False)
    await grant(session, clock, leader, compound, Role.BUILDING_LEADER, b3)
    other_leader = await someone("Fang")
    await grant(session, clock, other_leader, compound, Role.BUILDING_LEADER, b5)
    grid = await someone("Gao")
    await grant(session, clock, grid, compound, Role.GRID_WORKER)
    steward = await someone("Zhou", phone=STEWARD_PHONE_PUBLIC, phone_public=True)
    await add_team_member(session, clock, compound, "repairs", steward)
    resting = await someone("Qian")
    await add_team_member(session, clock, compound, "repairs", resting, on_duty=False)
    badge = await someone("Hong", party_member=True, show_badge=True)
    await add_home(session, clock, b3, "501", badge)
    quiet = await someone("Mo", party_member=True, show_badge=False)
    await add_home(session, clock, b3, "502", quiet)
    if resident is not None:
        me = await add_person(session, clock, resident.id, resident.first_name,
                              locale=resident_locale, phone=RESIDENT_PHONE_PRIVATE)
        scene.ids[resident.first_name] = me.id
        await add_home(session, clock, b3, RESIDENT_ROOM, me)
    for label, phone, note, building in (("派出所", "110", "24小时", None),
                                          ("物业前台", "021-5555 1234", None, b3),
                                          ("五号楼水电", "021-5555 9999", None, b5)):
        entry = DirectoryEntry(compound_id=compound.id, building_id=building.id if building
                               else None, label=label, phone=phone, note=note)
        session.add(entry)
        await session.flush()
        scene.entries[label] = entry.id
    await session.commit()
    return scene


async def count(session: AsyncSession, model: type, *where: Any) -> int:
    stmt = select(func.count()).select_from(model)
    if where:
        stmt = stmt.where(*where)
    return int((await session.execute(stmt)).scalar_one())


def send_contact(
    emu: BotApiEmulator, user: User, phone: str, owner_id: int | None = None
) -> int:
    """The user taps "share my number" (or forwards someone's contact when owner_id differs)."""
    chat = emu.chat(user.id)
    message = emu.state.new_message(chat, user, None, None)
    message["contact"] = {"phone_number": phone, "first_name": user.first_name,
                          "user_id": owner_id if owner_id is not None else user.id}
    return emu._deliver_user_message(message)
