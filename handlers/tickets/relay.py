"""Replies both ways, internal notes and canned replies.

A reply to one of our messages is traced to its ticket through the outbox ref: "tk:<id>"
(a card, in a working chat), "tkr:<id>" (what reached a reporter), "tkq:<id>" (the
"is it fixed?" question, whose replies are comments on the rating).
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.tickets.render import answer_long, error_text, t
from models.person import Person
from models.registry import ChatBinding
from services.clock import Clock
from services.outbox import ref_for_message
from services.policy import Actor
from services.tickets import canned, feedback, relay
from services.tickets import context as tc
from services.tickets.errors import TicketError


async def ticket_reply(message: Message, session: AsyncSession, bot: Bot) -> dict[str, Any] | bool:
    """Matches a reply to a ticket message of ours; gives ref_kind and ticket_id."""
    target = message.reply_to_message
    if target is None or target.from_user is None or target.from_user.id != bot.id:
        return False
    parsed = relay.parse_ref(await ref_for_message(session, message.chat.id, target.message_id))
    if parsed is None:
        return False
    return {"ref_kind": parsed[0], "ticket_id": parsed[1]}


def _text(message: Message) -> str:
    return (message.text or message.caption or "").strip()


async def on_reply(
    message: Message, ref_kind: str, ticket_id: int, i18n: I18nContext, session: AsyncSession,
    actor: Actor, person: Person, clock: Clock,
) -> None:
    text = _text(message)
    if not text:
        await message.reply(t(i18n, "tk-err-reply-text"))
        return
    try:
        if ref_kind == "tk":
            _, told = await relay.staff_reply(session, clock, actor, ticket_id, text)
            await message.reply(t(i18n, "tk-relayed-out", count=told))
        elif ref_kind == "tkr":
            ctx = await relay.follower_reply(session, clock, person, ticket_id, text)
            await message.reply(t(i18n, "tk-relayed-in", number=ctx.ticket.number))
        else:
            ctx = await feedback.comment(session, clock, person, ticket_id, text)
            await message.reply(t(i18n, "tk-comment-saved", number=ctx.ticket.number))
    except TicketError as error:
        await message.reply(error_text(i18n, error))


async def note(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    actor: Actor, clock: Clock, bot: Bot,
) -> None:
    found = await ticket_reply(message, session, bot)
    if not isinstance(found, dict) or found["ref_kind"] != "tk" or not command.args:
        await message.reply(t(i18n, "tk-note-usage"))
        return
    try:
        ctx = await relay.note(session, clock, actor, found["ticket_id"], command.args)
    except TicketError as error:
        await message.reply(error_text(i18n, error))
        return
    await message.reply(t(i18n, "tk-note-saved", number=ctx.ticket.number))


async def public(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    actor: Actor, clock: Clock, bot: Bot,
) -> None:
    """/public <text> as a reply to a card: a reply the group thread may show as it is."""
    found = await ticket_reply(message, session, bot)
    text = (command.args or "").strip()
    if not isinstance(found, dict) or found["ref_kind"] != "tk" or not text:
        await message.reply(t(i18n, "tk-public-usage"))
        return
    try:
        _, told = await relay.staff_reply(session, clock, actor, found["ticket_id"], text,
                                          public=True)
    except TicketError as error:
        await message.reply(error_text(i18n, error))
        return
    await message.reply(t(i18n, "tk-relayed-out", count=told))


async def canned_command(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    actor: Actor, clock: Clock, bot: Bot, binding: ChatBinding | None,
) -> None:
    args = (command.args or "").strip()
    found = await ticket_reply(message, session, bot)
    try:
        if isinstance(found, dict) and found["ref_kind"] == "tk" and args.isdigit():
            await _send_canned(message, i18n, session, actor, clock, found["ticket_id"], int(args))
            return
        compound_id, team_id = await canned.scope_of_chat(session, actor, binding)
        if args.lower().startswith("add "):
            row = await canned.add(session, clock, compound_id, team_id, actor.person.id, args[4:])
            await message.reply(t(i18n, "tk-canned-added", title=row.title))
        elif args.lower().startswith("del ") and args[4:].strip().isdigit():
            row = await canned.remove(session, compound_id, team_id, int(args[4:]))
            await message.reply(t(i18n, "tk-canned-removed", title=row.title))
        elif args:
            await message.reply(t(i18n, "tk-canned-usage"))
        else:
            await _list(message, i18n, session, compound_id, team_id)
    except TicketError as error:
        await message.reply(error_text(i18n, error))


async def _list(
    message: Message, i18n: I18nContext, session: AsyncSession, compound_id: int,
    team_id: int | None,
) -> None:
    items = await canned.listing(session, compound_id, team_id)
    if not items:
        await message.reply(t(i18n, "tk-canned-empty"))
        return
    lines = [t(i18n, "tk-canned-line", n=i, title=c.title, text=tc.clip(c.text, 80))
             for i, c in enumerate(items, start=1)]
    await answer_long(message, t(i18n, "tk-canned-list") + "\n" + "\n".join(lines))


async def _send_canned(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor, clock: Clock,
    ticket_id: int, index: int,
) -> None:
    ctx = await tc.load(session, ticket_id)
    item = await canned.pick(session, ctx.compound.id, ctx.ticket.team_id, index)
    _, told = await relay.staff_reply(session, clock, actor, ticket_id, item.text, canned=True)
    await message.reply(t(i18n, "tk-relayed-out", count=told))


def build_router() -> Router:
    router = Router(name="tickets.relay")
    router.message.register(note, Command("note"))
    router.message.register(public, Command("public"))
    router.message.register(canned_command, Command("canned"))
    not_command = ~F.text.startswith("/")
    router.message.register(on_reply, ticket_reply, F.text & not_command)
    router.message.register(on_reply, ticket_reply, F.caption)
    return router
