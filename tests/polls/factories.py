"""Registry and poll data for poll tests, made directly through the models."""

from __future__ import annotations

import itertools
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from models.chat import Chat
from models.person import Person
from models.polls import Poll, PollKind
from models.registry import Building, ChatBinding, Compound, Entrance, Household, Residency
from models.roles import RoleGrant
from services.clock import Clock
from services.polls import lifecycle
from services.registry import natural_key

_ids = itertools.count(50_000)


async def person(session: AsyncSession, clock: Clock, name: str = "Resident",
                 tg_id: int | None = None, locale: str = "zh-Hans") -> Person:
    codes = {"zh-Hans": "zh-hans", "zh-Hant": "zh-hant", "en": "en"}
    p = Person(tg_id=tg_id if tg_id is not None else next(_ids), first_name=name,
               locale=locale, language_code=codes.get(locale), created_at=clock.now(),
               seen_at=clock.now())
    session.add(p)
    await session.flush()
    return p


async def compound(session: AsyncSession, clock: Clock, name: str = "Harmony Garden",
                   tz: str = "Asia/Shanghai") -> Compound:
    c = Compound(name=name, timezone=tz, locale="zh-Hans", created_at=clock.now())
    session.add(c)
    await session.flush()
    return c


async def building(session: AsyncSession, c: Compound, name: str) -> tuple[Building, Entrance]:
    b = Building(compound_id=c.id, name=name, sort_key=natural_key(name))
    session.add(b)
    await session.flush()
    e = Entrance(building_id=b.id, name="1", sort_key=natural_key("1"))
    session.add(e)
    await session.flush()
    return b, e


async def household(session: AsyncSession, clock: Clock, c: Compound,
                    where: tuple[Building, Entrance], room: str, area: str | Decimal) -> Household:
    b, e = where
    h = Household(compound_id=c.id, building_id=b.id, entrance_id=e.id, room=room,
                  sort_key=natural_key(f"{b.name}-{room}"), area_m2=Decimal(area),
                  updated_at=clock.now())
    session.add(h)
    await session.flush()
    return h


async def live(session: AsyncSession, clock: Clock, p: Person, h: Household,
               relation: str = "owner", status: str = "verified") -> Residency:
    r = Residency(person_id=p.id, household_id=h.id, relation=relation, status=status,
                  created_at=clock.now())
    session.add(r)
    await session.flush()
    return r


async def grant(session: AsyncSession, clock: Clock, p: Person, c: Compound,
                role: str) -> RoleGrant:
    g = RoleGrant(compound_id=c.id, person_id=p.id, role=role, granted_at=clock.now())
    session.add(g)
    await session.flush()
    return g


async def group(session: AsyncSession, clock: Clock, c: Compound, chat_id: int,
                title: str = "Compound group", locale: str | None = None,
                purpose: str = "compound") -> ChatBinding:
    if await session.get(Chat, chat_id) is None:
        session.add(Chat(id=chat_id, type="supergroup", title=title, locale=locale,
                         created_at=clock.now()))
        await session.flush()
    binding = ChatBinding(chat_id=chat_id, compound_id=c.id, purpose=purpose,
                          bound_at=clock.now())
    session.add(binding)
    await session.flush()
    return binding


async def open_poll(session: AsyncSession, clock: Clock, c: Compound, creator: Person,
                    kind: PollKind = PollKind.QUICK, *, hours: float = 48,
                    bot_username: str | None = "red_steward_bot", **fields: Any) -> Poll:
    """A published poll; `fields` are lifecycle.Draft fields."""
    fields.setdefault("question", "Paint the fence green?")
    if kind in (PollKind.QUICK, PollKind.RESIDENT):
        fields.setdefault("options", ["Green", "White", "Leave it"])
    draft = lifecycle.Draft(compound_id=c.id, kind=kind,
                            closes_at=clock.now() + timedelta(hours=hours), **fields)
    poll = await lifecycle.create_draft(session, clock, draft, creator.id, bot_username)
    return await lifecycle.publish(session, clock, poll.id, creator.id)
