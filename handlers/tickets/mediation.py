"""Disputes: /party N names the other side, /agree N <text> records the agreement, and both
parties confirm it with buttons."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.rendering import MESSAGE_LIMIT, truncate
from handlers.tickets.callbacks import TkAgree
from handlers.tickets.intake_group import meet
from handlers.tickets.render import error_text, short, t
from models.person import Person
from models.registry import ChatBinding
from services.clock import Clock
from services.policy import Actor
from services.tickets import mediation, views
from services.tickets.errors import TicketError

_PARTY = re.compile(r"^#?(\d+)(?:\s+@(\w{3,64}))?\s*$")
_AGREE = re.compile(r"^#?(\d+)\s+(.+)$", re.DOTALL)


async def _by_username(session: AsyncSession, username: str) -> Person | None:
    return (await session.execute(
        select(Person).where(Person.username.ilike(username)).limit(1)
    )).scalar_one_or_none()


async def party(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    actor: Actor, clock: Clock, binding: ChatBinding | None,
) -> None:
    match = _PARTY.match((command.args or "").strip())
    if match is None:
        await message.reply(t(i18n, "tk-party-usage"))
        return
    other: Person | None = None
    replied = message.reply_to_message.from_user if message.reply_to_message else None
    if match.group(2):
        other = await _by_username(session, match.group(2))
    elif replied is not None and not replied.is_bot:
        other = await meet(session, clock, replied, i18n.core.default_locale or "zh-Hans")
    if other is None:
        await message.reply(t(i18n, "tk-party-unknown"))
        return
    try:
        ctx, _ = await views.find_visible(session, actor, int(match.group(1)),
                                          binding.compound_id if binding else None)
        await mediation.add_party(session, clock, actor, ctx.ticket.id, other)
    except TicketError as error:
        await message.reply(error_text(i18n, error))
        return
    await message.reply(t(i18n, "tk-party-added", number=ctx.ticket.number,
                          name=other.first_name))


async def agree(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    actor: Actor, clock: Clock, binding: ChatBinding | None,
) -> None:
    match = _AGREE.match((command.args or "").strip())
    if match is None:
        await message.reply(t(i18n, "tk-agree-usage"))
        return
    try:
        ctx, _ = await views.find_visible(session, actor, int(match.group(1)),
                                          binding.compound_id if binding else None)
        await mediation.propose(session, clock, actor, ctx.ticket.id, match.group(2))
    except TicketError as error:
        await message.reply(error_text(i18n, error))
        return
    await message.reply(t(i18n, "tk-agree-sent", number=ctx.ticket.number))


async def vote(
    query: CallbackQuery, callback_data: TkAgree, i18n: I18nContext, session: AsyncSession,
    person: Person, clock: Clock,
) -> None:
    try:
        ctx, outcome = await mediation.vote(session, clock, person, callback_data.id,
                                            callback_data.action == "yes")
    except TicketError as error:
        await query.answer(short(error_text(i18n, error)), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        status = t(i18n, f"tk-vote-{outcome}", number=ctx.ticket.number)
        await query.message.edit_text(truncate(f"{query.message.text or ''}\n\n{status}",
                                               MESSAGE_LIMIT))


def build_router() -> Router:
    router = Router(name="tickets.mediation")
    router.message.register(party, Command("party"))
    router.message.register(agree, Command("agree"))
    router.callback_query.register(vote, TkAgree.filter(F.action.in_({"yes", "no"})))
    return router
