"""A compound with people, a resident group and a rule, for end-to-end tests of points."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from models.person import Person
from models.roles import Role
from services import ledger
from services.activities import earning, setup
from services.policy import Actor
from tests.emulator.state import Chat, User
from tests.harness import Harness
from tests.points import factories as f

LANGUAGE = {"zh-Hans": "zh-hans", "zh-Hant": "zh-hant", "en": "en"}
RULE_NAME = {"zh-Hans": "楼道清洁", "zh-Hant": "樓梯清潔", "en": "Stair cleaning"}


@dataclass
class World:
    h: Harness
    locale: str
    compound_id: int
    group: Chat
    users: dict[str, User] = field(default_factory=dict)
    person_ids: dict[str, int] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


async def build(h: Harness, locale: str, residents: tuple[str, ...] = ("ann", "bo", "cy"),
                roles: dict[str, Role] | None = None) -> World:
    """Residents (verified), an organizer, a steward, an admin and the compound's group."""
    roles = roles if roles is not None else {
        "org": Role.ORGANIZER, "steward": Role.STEWARD, "admin": Role.ADMIN}
    lang = LANGUAGE[locale]
    names = [*residents, *roles]
    # Verified residents and role holders registered in a private chat, so pressed Start.
    users = {n: h.emu.add_user(n.capitalize(), language_code=lang, username=f"{n}_{lang}",
                               started=True)
             for n in names}
    group = h.emu.add_group("Garden residents", members=list(users.values()),
                            bot_status="member")
    async with h.app.sessions() as s:
        home = await f.compound(s, h.clock)
        ids = {}
        for name, user in users.items():
            person = await f.person(s, h.clock, user.first_name, tg_id=user.id, locale=locale,
                                    username=user.username)
            ids[name] = person.id
            if name in residents:
                await f.resident(s, h.clock, home, person)
            else:
                await f.grant(s, h.clock, home, person, roles[name])
        await f.bind_group(s, h.clock, home, group.id, locale=locale)
        await s.commit()
        compound_id = home.id
        admin = ids.get("admin") or ids[names[0]]
        await earning.set_rule(s, h.clock, compound_id, admin, code="stairs", basis="attend",
                               points=2, name=RULE_NAME[locale])
    return World(h, locale, compound_id, group, users, ids)


async def give(world: World, name: str, points: int) -> None:
    async with world.h.app.sessions() as s:
        await ledger.award(s, world.h.clock, compound_id=world.compound_id,
                           person_id=world.person_ids[name], amount=points,
                           key=f"seed:{name}:{points}", reason="seed")
        await s.commit()


async def add_reward(world: World, title: str, cost: int, stock: int | None) -> int:
    async with world.h.app.sessions() as s:
        home = await s.get(f.Compound, world.compound_id)
        assert home is not None
        row = await f.reward(s, world.h.clock, home, title=title, cost=cost, stock=stock)
        await s.commit()
        return row.id


def texts(world: World, name: str) -> list[str]:
    return [m.text or "" for m in world.h.emu.sent(world.users[name].id)]


async def publish(world: World, *, capacity: int = 2, starts_in: timedelta = timedelta(days=2),
                  points: int = 2, title: str = "Garden tidy-up",
                  deadline_before: timedelta = timedelta(hours=2),
                  cutoff_before: timedelta = timedelta(hours=12)) -> int:
    """An activity created by the organizer through the service, its card queued."""
    start = world.h.clock.now() + starts_in
    draft = setup.Draft(
        compound_id=world.compound_id, title=title, place="Gate 2", starts_at=start,
        ends_at=start + timedelta(hours=2), capacity=capacity,
        signup_deadline=start - deadline_before, cancel_cutoff=start - cutoff_before,
        points=points)
    async with world.h.app.sessions() as s:
        organizer = await s.get(Person, world.person_ids["org"])
        assert organizer is not None
        activity, _ = await setup.create(s, world.h.clock, draft, Actor(organizer))
        return activity.id
