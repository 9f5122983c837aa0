"""/digest: the party branch previews and publishes "you said, we did" to the groups."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from handlers.tickets.callbacks import TkDigest, TkPick
from handlers.tickets.render import answer_long, error_text, t
from models.registry import Compound
from services.clock import Clock
from services.policy import Action, Actor, compounds_for
from services.tickets import digest
from services.tickets.errors import TicketError


async def digest_command(message: Message, i18n: I18nContext, session: AsyncSession,
                         actor: Actor) -> None:
    compounds = await compounds_for(session, actor, Action.TICKET_DIGEST)
    if not compounds:
        await message.answer(t(i18n, "tk-digest-denied"))
        return
    if len(compounds) > 1:
        await message.answer(t(i18n, "tk-report-which-compound"), reply_markup=choices(
            [(c.name, TkPick(action="digest", compound=c.id)) for c in compounds]))
        return
    await _preview(message, i18n, session, actor, compounds[0])


async def _allowed(session: AsyncSession, actor: Actor, compound_id: int) -> Compound | None:
    return {c.id: c for c in await compounds_for(session, actor, Action.TICKET_DIGEST)}.get(
        compound_id)


async def picked(query: CallbackQuery, callback_data: TkPick, i18n: I18nContext,
                 session: AsyncSession, actor: Actor) -> None:
    compound = await _allowed(session, actor, callback_data.compound)
    if compound is None or not isinstance(query.message, Message):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    await query.answer()
    await _preview(query.message, i18n, session, actor, compound)


async def _preview(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                   compound: Compound) -> None:
    try:
        args = await digest.preview(session, actor, compound)
    except TicketError as error:
        await message.answer(error_text(i18n, error))
        return
    await answer_long(
        message, t(i18n, "tk-digest-preview") + "\n\n" + t(i18n, "tk-digest", **args),
        reply_markup=choices([
            (t(i18n, "tk-btn-publish"), TkDigest(action="pub", compound=compound.id)),
            (t(i18n, "tk-btn-cancel"), TkDigest(action="no", compound=compound.id)),
        ], columns=2),
    )


async def decided(query: CallbackQuery, callback_data: TkDigest, i18n: I18nContext,
                  session: AsyncSession, actor: Actor, clock: Clock) -> None:
    compound = await _allowed(session, actor, callback_data.compound)
    if compound is None or not isinstance(query.message, Message):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    await query.answer()
    if callback_data.action != "pub":
        await query.message.answer(t(i18n, "tk-digest-cancelled"))
        return
    try:
        items, groups = await digest.publish(session, clock, actor, compound)
    except TicketError as error:
        await query.message.answer(error_text(i18n, error))
        return
    await query.message.answer(t(i18n, "tk-digest-published", items=items, groups=groups))


def build_router() -> Router:
    router = Router(name="tickets.digest")
    router.message.register(digest_command, Command("digest"), F.chat.type == "private")
    router.callback_query.register(picked, TkPick.filter(F.action == "digest"))
    router.callback_query.register(decided, TkDigest.filter())
    return router
