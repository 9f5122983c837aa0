"""Organizers' /roster subcommands: term, skip, unskip, leads, times, size, days, holidays,
points, grace, here, add, members, rotate, show.

`#N` anywhere names the roster; otherwise it is the group's own roster, or the only one the
person runs. Every change goes through services.rosters.setup, which regenerates shifts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from aiogram.types import Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.rosters.text import leads_text, refuse, roster_summary, say
from models.registry import ChatBinding
from models.rosters import Roster
from services import people
from services.clock import Clock
from services.policy import Actor
from services.rosters import coverage, members, parse, rotation, setup
from services.rosters.display import DEFAULT_TZ, zone
from services.rosters.errors import RosterError, unit_of_work
from services.rosters.examples import example_dates
from services.rosters.generation import Generated

SWITCH_INPUT = {"on": True, "yes": True, "开": True, "開": True, "是": True, "打开": True,
                "打開": True, "off": False, "no": False, "关": False, "關": False, "否": False,
                "关闭": False, "關閉": False}
CLEAR_INPUT = {"clear", "none", "清除", "清空", "无", "無"}


@dataclass
class Req:
    message: Message
    session: AsyncSession
    clock: Clock
    i18n: I18nContext
    actor: Actor
    binding: ChatBinding | None
    roster: Roster
    rest: str

    async def today(self) -> date:
        return self.clock.now().astimezone(await zone(self.session, self.roster.compound_id)).date()

    async def examples(self) -> dict[str, str]:
        return example_dates(await self.today())

    async def changed(self, generated: Generated) -> None:
        await self.message.answer(self.i18n.get(
            "ro-rule-changed", created=generated.created, updated=generated.updated,
            cancelled=generated.cancelled, kept=generated.kept))


async def resolve(message: Message, session: AsyncSession, clock: Clock, i18n: I18nContext,
                  actor: Actor, tokens: list[str]) -> Roster | None:
    ref = next((w for w in tokens if w.startswith("#") and w[1:].isdigit()), None)
    if ref is not None:
        tokens.remove(ref)
        roster = await session.get(Roster, int(ref[1:]))
        if roster is None or not roster.active:
            await refuse(message, i18n, RosterError("roster-gone"))
            return None
        if not await setup.may_manage(session, actor, roster):
            await refuse(message, i18n, RosterError("not-organizer"))
            return None
        return roster
    candidates: list[Roster] = []
    if message.chat.type != "private":
        candidates = [r for r in await setup.of_chat(session, message.chat.id, None)
                      if await setup.may_manage(session, actor, r)]
    candidates = candidates or await setup.managed(session, actor)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        await refuse(message, i18n, RosterError("not-organizer"))
        return None
    listing = "\n".join(i18n.get("ro-which-line", id=str(r.id), name=r.name) for r in candidates)
    today = clock.now().astimezone(ZoneInfo(DEFAULT_TZ)).date()
    await message.answer(i18n.get("ro-which", rosters=listing, **example_dates(today)))
    return None


async def _term(r: Req) -> None:
    if r.rest.lower() in CLEAR_INPUT:
        await r.changed(await setup.clear_terms(r.session, r.clock, r.roster.id, r.actor.person.id))
        return
    if not r.rest:
        terms = await setup.terms(r.session, r.roster.id)
        listing = "\n".join(f"{a.isoformat()} – {b.isoformat()}" for a, b in terms)
        await r.message.answer(r.i18n.get("ro-terms", terms=listing or "—",
                                          **await r.examples()))
        return
    first, last = parse.parse_period(r.rest, await r.today())
    await r.changed(await setup.add_term(r.session, r.clock, r.roster.id, first, last,
                                         r.actor.person.id))


async def _skip(r: Req) -> None:
    if not r.rest:
        days = await setup.skips(r.session, r.roster.id, await r.today())
        await r.message.answer(r.i18n.get(
            "ro-skips", days=", ".join(d.isoformat() for d in days) or "—",
            **await r.examples()))
        return
    days = [parse.parse_day(word, await r.today()) for word in r.rest.split()]
    told = 0
    for day in days:
        _, n = await setup.add_skip(r.session, r.clock, r.roster.id, day, r.actor.person.id)
        told += n
    await r.message.answer(r.i18n.get(
        "ro-skip-added", days=", ".join(d.isoformat() for d in days), told=told))


async def _unskip(r: Req) -> None:
    day = parse.parse_day(r.rest, await r.today())
    await r.changed(await setup.remove_skip(r.session, r.clock, r.roster.id, day,
                                            r.actor.person.id))


async def _change(r: Req, **fields: object) -> None:
    await r.changed(await setup.change(r.session, r.clock, r.roster.id, r.actor.person.id,
                                       **fields))


async def _leads(r: Req) -> None:
    leads = [] if r.rest.lower() in CLEAR_INPUT else parse.parse_leads(r.rest)
    await setup.change(r.session, r.clock, r.roster.id, r.actor.person.id, leads=leads)
    await r.message.answer(r.i18n.get("ro-leads-set", leads=leads_text(r.i18n, leads)))


async def _times(r: Req) -> None:
    await _change(r, times=parse.times_json(parse.parse_times(r.rest)))


async def _size(r: Req) -> None:
    await _change(r, per_shift=parse.parse_size(r.rest))


async def _days(r: Req) -> None:
    await _change(r, recurrence=parse.parse_recurrence(r.rest))


async def _holidays(r: Req) -> None:
    if r.rest.lower() not in SWITCH_INPUT:
        raise RosterError("switch-bad")
    await _change(r, follow_holidays=SWITCH_INPUT[r.rest.lower()])


async def _points(r: Req) -> None:
    if not r.rest.isdigit() or int(r.rest) > 1000:
        raise RosterError("points-bad")
    await setup.change(r.session, r.clock, r.roster.id, r.actor.person.id, points=int(r.rest))
    await r.message.answer(r.i18n.get("ro-points-set", points=int(r.rest)))


async def _grace(r: Req) -> None:
    if not r.rest:
        # Plain digits: Fluent would write 1440 as "1,440".
        await r.message.answer(r.i18n.get("ro-grace", minutes=str(r.roster.grace_minutes)))
        return
    minutes = parse.parse_grace(r.rest, coverage.MAX_GRACE_MINUTES)
    await setup.change(r.session, r.clock, r.roster.id, r.actor.person.id,
                       grace_minutes=minutes)
    await r.message.answer(r.i18n.get("ro-grace-set", minutes=str(minutes)))


async def _here(r: Req) -> None:
    if r.message.chat.type == "private":
        raise RosterError("here-private")
    if r.binding is None or r.binding.compound_id != r.roster.compound_id:
        raise RosterError("here-unbound")
    await setup.change(r.session, r.clock, r.roster.id, r.actor.person.id,
                       chat_id=r.message.chat.id)
    await r.message.answer(r.i18n.get("ro-here-set", roster=r.roster.name))


async def _add(r: Req) -> None:
    reply = r.message.reply_to_message
    person = None
    if reply is not None and reply.from_user is not None and not reply.from_user.is_bot:
        person = await people.by_tg_id(r.session, reply.from_user.id)
    elif r.rest:
        person = await members.find(r.session, r.rest.split()[0])
    if person is None:
        raise RosterError("person-unknown")
    fresh = await unit_of_work(r.session, members.ensure(r.session, r.clock, r.roster.id,
                                                         person.id))
    await r.message.answer(r.i18n.get("ro-member-added" if fresh else "ro-member-already",
                                      name=person.display_name, roster=r.roster.name))


async def _members(r: Req) -> None:
    names = [p.display_name for p in await members.of(r.session, r.roster.id)]
    await r.message.answer(r.i18n.get("ro-members", roster=r.roster.name, count=len(names),
                                      names=r.i18n.get("ro-list-sep").join(names) or "—"))


async def _rotate(r: Req) -> None:
    first, last = parse.parse_period(r.rest, await r.today())
    done = await unit_of_work(r.session, rotation.rotate(
        r.session, r.clock, r.roster.id, first, last, r.actor.person.id))
    await r.message.answer(r.i18n.get(
        "ro-rotated", shifts=done.shifts, people=len(done.assigned),
        places=sum(len(v) for v in done.assigned.values()), short=done.short))


async def _show(r: Req) -> None:
    # The organizer's view adds the grace; the public board leaves it out.
    grace = r.i18n.get("ro-grace", minutes=str(r.roster.grace_minutes))
    await say(r.message, roster_summary(r.i18n, r.roster) + "\n" + grace)


SUBCOMMANDS: dict[str, Callable[[Req], Awaitable[None]]] = {
    "term": _term, "skip": _skip, "unskip": _unskip, "leads": _leads, "times": _times,
    "size": _size, "days": _days, "holidays": _holidays, "points": _points, "here": _here,
    "grace": _grace,
    "add": _add, "members": _members, "rotate": _rotate, "show": _show,
}


async def run(sub: str, message: Message, session: AsyncSession, clock: Clock,
              i18n: I18nContext, actor: Actor, binding: ChatBinding | None, args: str) -> bool:
    """Run one subcommand; False when it was refused (and changed nothing)."""
    tokens = args.split()
    roster = await resolve(message, session, clock, i18n, actor, tokens)
    if roster is None:
        return False
    req = Req(message, session, clock, i18n, actor, binding, roster, " ".join(tokens).strip())
    examples = await req.examples()  # read now: a rollback expires the roster
    try:
        await SUBCOMMANDS[sub](req)
    except RosterError as err:
        await session.rollback()
        await refuse(message, i18n, err, **examples)
        return False
    return True
