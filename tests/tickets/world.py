"""An end-to-end scene for ticket tests: people and chats in the emulator, rows in the DB.

Residents Mei (3-2-301) and Lan (3-2-302) in building 3's group; stewards Wang and Li in the
repairs team's staff chat; Zhou in the cleaning team; Zhao of the party branch; Sun of the
community office; Qian of the owners' committee; each level has its own chat.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.roles import Role
from services.tickets.cards import SLOT_SECONDS
from tests.emulator.state import Chat, SentMessage, User
from tests.harness import Harness
from tests.tickets import factories as f

LANGUAGE = {"zh-Hans": "zh-hans", "zh-Hant": "zh-hant", "en": "en"}
LOCALES = ("zh-Hans", "zh-Hant", "en")


@dataclass
class World:
    h: Harness
    locale: str
    compound_id: int
    repairs_id: int
    households: list[int]
    users: dict[str, User]
    chats: dict[str, Chat]
    person_ids: dict[str, int]

    def __getattr__(self, name: str) -> Any:
        users = self.__dict__.get("users", {})
        chats = self.__dict__.get("chats", {})
        if name in users:
            return users[name]
        if name in chats:
            return chats[name]
        raise AttributeError(name)

    def text(self, key: str, **args: Any) -> str:
        """What the bot would say in this world's language (for labels and exact checks)."""
        from bot.i18n import render

        return render(self.h.app.core, self.locale, key, args)

    async def flush(self) -> None:
        """Card edits are batched per time slot: let the slot end, then deliver."""
        self.h.clock.advance(seconds=SLOT_SECONDS)
        await self.h.deliver()

    def last(self, who: User | Chat) -> SentMessage:
        return self.h.emu.last(who)

    def texts(self, who: User | Chat) -> list[str]:
        return [m.text or "" for m in self.h.emu.sent(who)]


async def build(h: Harness, locale: str = "zh-Hans", *, round_robin: bool = False,
                forum: bool = False, unstarted: tuple[str, ...] = ()) -> World:
    """Everyone has pressed Start in a private chat with the bot except those in
    ``unstarted``, whom Telegram does not let the bot write to privately."""
    emu = h.emu
    lang = LANGUAGE[locale]
    names = {"mei": "Mei", "lan": "Lan", "wang": "Wang", "li": "Li", "zhou": "Zhou",
             "zhao": "Zhao", "sun": "Sun", "qian": "Qian"}
    users = {k: emu.add_user(v, language_code=lang, started=k not in unstarted)
             for k, v in names.items()}
    u = users
    chats = {
        "group": emu.add_group("Building 3", members=[u["mei"], u["lan"]],
                               bot_status="member", forum=forum),
        "staff": emu.add_group("Repairs staff", members=[u["wang"], u["li"], u["mei"]],
                               bot_status="member"),
        "cleaning": emu.add_group("Cleaning staff", members=[u["zhou"]], bot_status="member"),
        "branch": emu.add_group("Party branch", members=[u["zhao"]], bot_status="member"),
        "committee": emu.add_group("Owners committee", members=[u["qian"]], bot_status="member"),
        "office": emu.add_group("Community office", members=[u["sun"]], bot_status="member"),
    }
    async with h.app.sessions() as s:
        clock = h.clock
        people = {k: await f.person(s, clock, user.id, user.first_name, locale)
                  for k, user in users.items()}
        place = await f.compound(s, clock)
        c = place.compound
        await f.reside(s, clock, people["mei"], place.households[0])
        await f.reside(s, clock, people["lan"], place.households[1])
        repairs = await f.team(s, clock, c, "repairs", [people["wang"], people["li"]],
                               round_robin=round_robin)
        cleaning = await f.team(s, clock, c, "cleaning", [people["zhou"]])
        await f.grant(s, clock, people["zhao"], c, Role.PARTY_BRANCH)
        await f.grant(s, clock, people["sun"], c, Role.COMMUNITY_OFFICER)
        await f.grant(s, clock, people["qian"], c, Role.OWNERS_COMMITTEE)
        ch = chats
        await f.bind(s, clock, ch["group"].id, c, "building", building=place.building,
                     locale=locale, forum=forum)
        await f.bind(s, clock, ch["staff"].id, c, "team", team_=repairs, locale=locale)
        await f.bind(s, clock, ch["cleaning"].id, c, "team", team_=cleaning, locale=locale)
        await f.bind(s, clock, ch["branch"].id, c, "party_branch", locale=locale)
        await f.bind(s, clock, ch["committee"].id, c, "owners_committee", locale=locale)
        await f.bind(s, clock, ch["office"].id, c, "community_office", locale=locale)
        await s.commit()
        world = World(h, locale, c.id, repairs.id, [x.id for x in place.households], users,
                      chats, {k: p.id for k, p in people.items()})
    return world


# What people type, per language.
REPORT = {
    "zh-Hans": "#报修 3号楼楼道的灯不亮了，晚上看不见台阶",
    "zh-Hant": "#報修 3號樓樓道的燈不亮了，晚上看不見台階",
    "en": "#repair The stairwell light in building 3 is out, we cannot see the steps at night",
}
SAME = {
    "zh-Hans": "#报修 楼道的灯不亮了，晚上看不见",
    "zh-Hant": "#報修 樓道的燈不亮了，晚上看不見",
    "en": "#repair stairwell light is out at night, cannot see the steps",
}
