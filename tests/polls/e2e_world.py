"""A compound with owners, a bound group and an organizer, for end-to-end poll tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.emulator.state import Chat, User
from tests.harness import Harness
from tests.polls import factories as f

CODES = {"zh-Hans": "zh-hans", "zh-Hant": "zh-hant", "en": "en"}


@dataclass
class World:
    organizer: User
    owners: list[User]
    group: Chat
    outsider: User
    compound_id: int = 0
    person_ids: dict[int, int] = field(default_factory=dict)


async def build(h: Harness, locale: str, *, homes: int = 4, owned: int = 3) -> World:
    """`homes` homes of 100 m² in building 3; the first `owned` have a verified owner."""
    code = CODES[locale]
    # Verified owners and the organizer registered in a private chat, so pressed Start.
    organizer = h.emu.add_user("Organizer", language_code=code, started=True)
    owners = [h.emu.add_user(f"Owner{i}", language_code=code, started=True)
              for i in range(owned)]
    outsider = h.emu.add_user("Visitor", language_code=code)
    group = h.emu.add_group("Building 3", members=[organizer, *owners, outsider],
                            bot_status="member")
    world = World(organizer, owners, group, outsider)
    async with h.app.sessions() as s:
        c = await f.compound(s, h.clock, "Harmony Garden")
        where = await f.building(s, c, "3")
        boss = await f.person(s, h.clock, "Organizer", tg_id=organizer.id, locale=locale)
        await f.grant(s, h.clock, boss, c, "owners_committee")
        world.person_ids[organizer.id] = boss.id
        for i in range(homes):
            home = await f.household(s, h.clock, c, where, f"{101 + i}", "100.00")
            if i < owned:
                p = await f.person(s, h.clock, f"Owner{i}", tg_id=owners[i].id, locale=locale)
                await f.live(s, h.clock, p, home)
                world.person_ids[owners[i].id] = p.id
        await f.group(s, h.clock, c, group.id, title="Building 3", locale=locale)
        world.compound_id = c.id
        await s.commit()
    return world


async def press_last(h: Harness, user: User, label: str, chat: Any = None) -> Any:
    msg = h.emu.last(chat if chat is not None else user.id)
    return await h.press(user, msg.message_id, label, chat=chat)
