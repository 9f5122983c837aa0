"""An end-to-end scene for the open accounts: a compound with its group, Fang of the
property company's finance, Qian of the owners' committee, Sun of the community office,
and Mei, a resident. Everyone has pressed Start in a private chat with the bot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from models.accounts import Entry, FundApproval
from models.person import Person
from models.roles import AuditEntry
from tests.emulator.state import Chat, SentMessage, User
from tests.harness import Harness
from tests.polls import factories as f

CODES = {"zh-Hans": "zh-hans", "zh-Hant": "zh-hant", "en": "en"}


@dataclass
class World:
    h: Harness
    locale: str
    fang: User
    qian: User
    sun: User
    mei: User
    group: Chat
    compound_id: int = 0
    person_ids: dict[int, int] = field(default_factory=dict)

    def text(self, key: str, **args: Any) -> str:
        from bot.i18n import render

        return render(self.h.app.core, self.locale, key, args)

    def last(self, who: User | Chat) -> SentMessage:
        return self.h.emu.last(who)

    async def press(self, who: User, label: str, chat: Chat | None = None) -> Any:
        msg = self.h.emu.last(chat if chat is not None else who.id)
        return await self.h.press(who, msg.message_id, label, chat=chat)

    async def press_on(self, who: User, label: str, chat: Chat | None = None) -> Any:
        """Press `label` on the latest message in the chat that carries such a button."""
        for msg in reversed(self.h.emu.sent(chat if chat is not None else who.id)):
            if label in self.h.emu.buttons(msg):
                return await self.h.press(who, msg.message_id, label, chat=chat)
        raise AssertionError(f"no message with a {label!r} button")

    async def record(self, kind: str, direction: str, amount: str, category: str,
                     purpose: str, party: str | None = None) -> None:
        """Fang goes through the recording dialogue and submits."""
        fang = self.fang
        await self.h.send(fang, "/newentry")
        await self.press_on(fang, self.text(f"acct-kind-{kind}"))
        await self.press_on(fang, self.text(f"acct-dir-{direction}"))
        await self.h.send(fang, amount)
        await self.press_on(fang, self.text(f"acct-cat-{category}"))
        if party is None:
            await self.press_on(fang, self.text("acct-btn-skip"))
        else:
            await self.h.send(fang, party)
        await self.h.send(fang, purpose)
        if kind == "maintenance" and direction == "out":
            return  # the basis is the caller's to choose
        await self.finish()

    async def finish(self) -> None:
        await self.press_on(self.fang, self.text("acct-btn-done"))
        await self.press_on(self.fang, self.text("acct-btn-today"))
        await self.press_on(self.fang, self.text("acct-btn-submit"))

    async def entries(self) -> list[Entry]:
        async with self.h.app.sessions() as s:
            return list((await s.execute(select(Entry).order_by(Entry.id))).scalars())

    async def audit(self, action: str) -> list[AuditEntry]:
        async with self.h.app.sessions() as s:
            rows = await s.execute(select(AuditEntry).where(AuditEntry.action == action))
            return list(rows.scalars())

    async def count(self, model: Any) -> int:
        async with self.h.app.sessions() as s:
            return int(await s.scalar(select(func.count()).select_from(model)) or 0)

    async def approval(self, amount: int, reason: str) -> int:
        """An emergency / small-repair approval of the maintenance fund (council + office)."""
        async with self.h.app.sessions() as s:
            row = FundApproval(compound_id=self.compound_id, account_kind="maintenance",
                               basis="emergency", amount=amount, spent=0, reason=reason,
                               council_by=self.person_ids[self.qian.id],
                               community_by=self.person_ids[self.sun.id],
                               created_by=self.person_ids[self.qian.id],
                               created_at=self.h.clock.now())
            s.add(row)
            await s.commit()
            return row.id


async def build(h: Harness, locale: str = "zh-Hans") -> World:
    code = CODES[locale]
    fang, qian, sun, mei = (h.emu.add_user(n, language_code=code, started=True)
                            for n in ("Fang", "Qian", "Sun", "Mei"))
    group = h.emu.add_group("Harmony Garden", members=[fang, qian, sun, mei],
                            bot_status="member")
    w = World(h, locale, fang, qian, sun, mei, group)
    async with h.app.sessions() as s:
        c = await f.compound(s, h.clock, "Harmony Garden")
        where = await f.building(s, c, "3")
        for user, role in ((fang, "finance"), (qian, "owners_committee"),
                           (sun, "community_officer"), (mei, None)):
            p: Person = await f.person(s, h.clock, user.first_name, tg_id=user.id, locale=locale)
            w.person_ids[user.id] = p.id
            if role:
                await f.grant(s, h.clock, p, c, role)
            else:
                home = await f.household(s, h.clock, c, where, "301", "100.00")
                await f.live(s, h.clock, p, home)
        await f.group(s, h.clock, c, group.id, title="Harmony Garden", locale=locale)
        w.compound_id = c.id
        await s.commit()
    return w
