"""/mytickets, /t N, /queue and /stats."""

from __future__ import annotations

import asyncio

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.rendering import CAPTION_LIMIT, truncate
from handlers.keyboards import choices
from handlers.tickets.callbacks import TkPick
from handlers.tickets.render import answer_long, error_text, piece, t
from models.person import Person
from models.registry import ChatBinding, Compound
from services.clock import Clock
from services.policy import Action, Actor, can, compounds_for
from services.tickets import access, cards, stats, views, weekly
from services.tickets import context as tc
from services.tickets.errors import TicketError

STAFF_CHATS = ("team", "party_branch", "community_office")


async def my_tickets(message: Message, i18n: I18nContext, session: AsyncSession, person: Person,
                     clock: Clock) -> None:
    now = clock.now()
    tickets = await views.mine(session, person.id, now)
    if not tickets:
        await message.answer(t(i18n, "tk-mine-empty"))
        return
    rows = [piece(i18n, x) for x in await views.lines(session, tickets, now)]
    await answer_long(message, t(i18n, "tk-mine-title") + "\n" + "\n".join(rows))


async def show(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    actor: Actor, clock: Clock, binding: ChatBinding | None,
) -> None:
    raw = (command.args or "").strip().lstrip("#")
    if not raw.isdigit():
        await message.answer(t(i18n, "tk-show-usage"))
        return
    group = message.chat.type != "private"
    compound_id = binding.compound_id if binding else None
    try:
        ctx, view = await views.find_visible(session, actor, int(raw), compound_id)
    except TicketError as error:
        await message.answer(error_text(i18n, error))
        return
    if group and (binding is None or binding.purpose not in STAFF_CHATS):
        # In residents' groups only what any neighbour may know.
        await message.answer(t(i18n, "tk-show-public", **tc.summary(ctx),
                               status=tc.status_label(ctx.ticket.status)))
        return
    if group and view == "staff":
        # A fresh card here (also the way back when a card was deleted).
        await cards.repost(session, clock, ctx, message.chat.id)
        return
    photos = await tc.photo_count(session, ctx.ticket.id)
    head = t(i18n, "tk-details", **views.details(ctx, view, photos, clock.now()))
    lines = await views.timeline(session, ctx, view)
    body = "\n".join(piece(i18n, x) for x in lines)
    await answer_long(message, head + "\n\n" + t(i18n, "tk-timeline-title") + "\n" + body)


async def queue(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                clock: Clock) -> None:
    now = clock.now()
    q = await views.queue(session, actor, now)
    if not q.mine_total and not q.free_total:
        await message.answer(t(i18n, "tk-queue-empty"))
        return
    parts = []
    stars, rated = await stats.steward_satisfaction(session, actor.person.id)
    if rated:
        parts.append(t(i18n, "tk-queue-rating", stars=f"{stars:.1f}", count=rated))
    parts.append(t(i18n, "tk-queue-mine", count=q.mine_total))
    parts += [piece(i18n, x) for x in await views.lines(session, q.mine, now)]
    parts.append(t(i18n, "tk-queue-free", count=q.free_total))
    parts += [piece(i18n, x) for x in await views.lines(session, q.free, now)]
    await answer_long(message, "\n".join(parts))


async def stats_command(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                        clock: Clock) -> None:
    compounds = await compounds_for(session, actor, Action.TICKET_STATS)
    if not compounds:
        await message.answer(t(i18n, "tk-stats-denied"))
        return
    if len(compounds) > 1:
        await message.answer(t(i18n, "tk-report-which-compound"), reply_markup=choices(
            [(c.name, TkPick(action="stats", compound=c.id)) for c in compounds]))
        return
    await _stats(message, i18n, session, actor, compounds[0], clock)


async def stats_picked(query: CallbackQuery, callback_data: TkPick, i18n: I18nContext,
                       session: AsyncSession, actor: Actor, clock: Clock) -> None:
    allowed = {c.id: c for c in await compounds_for(session, actor, Action.TICKET_STATS)}
    compound = allowed.get(callback_data.compound)
    if compound is None or not isinstance(query.message, Message):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    await query.answer()
    await _stats(query.message, i18n, session, actor, compound, clock)


async def _scope(session: AsyncSession, actor: Actor, compound: Compound) -> list[int] | None:
    """None: the whole compound; otherwise the steward's own teams there (maybe none)."""
    if await can(session, actor, Action.TICKET_STATS_ALL, compound.id):
        return None
    return [x.id for x in await access.teams_of(session, actor.person.id)
            if x.compound_id == compound.id]


async def _stats(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                 compound: Compound, clock: Clock) -> None:
    teams = await _scope(session, actor, compound)
    if teams == []:
        await message.answer(t(i18n, "tk-stats-no-team"))
        return
    now = clock.now()
    args = await stats.compound_stats(session, compound, now, teams)
    await answer_long(message, t(i18n, "tk-stats", **args))
    data = await weekly.weeks(session, compound, now, teams)
    if not weekly.worth_drawing(data):
        return  # an empty chart says nothing the text did not
    png = await asyncio.to_thread(weekly.chart_png, data)  # CPU-bound: off the event loop
    caption = t(i18n, "tk-stats-chart-caption", compound=args["compound"], weeks=len(data),
                opened=sum(w.opened for w in data), resolved=sum(w.resolved for w in data))
    await message.answer_photo(BufferedInputFile(png, filename="stats.png"),
                               caption=truncate(caption, CAPTION_LIMIT))


def build_router() -> Router:
    router = Router(name="tickets.views")
    private = F.chat.type == "private"
    router.message.register(my_tickets, Command("mytickets"), private)
    router.message.register(show, Command("t"))
    router.message.register(queue, Command("queue"))
    router.message.register(stats_command, Command("stats"), private)
    router.callback_query.register(stats_picked, TkPick.filter(F.action == "stats"))
    return router
