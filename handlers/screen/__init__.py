"""/screen: the compound admin gets the lobby screen's address and can change it."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from handlers.keyboards import choices
from handlers.rosters.ical_route import public_base
from handlers.screen.route import PAGE
from handlers.tickets.render import t
from models.registry import Compound
from services import screen
from services.clock import Clock
from services.policy import Action, Actor, compounds_for


class ScreenCb(CallbackData, prefix="sc"):
    action: str  # "show" or "rotate"
    compound: int


def screen_url(settings: Settings, token: str) -> str | None:
    base = public_base(settings)
    return base + PAGE.format(token=token) if base else None


async def screen_command(message: Message, i18n: I18nContext, session: AsyncSession,
                         actor: Actor, clock: Clock, settings: Settings) -> None:
    compounds = await compounds_for(session, actor, Action.SCREEN_MANAGE)
    if not compounds:
        await message.answer(t(i18n, "sc-denied"))
        return
    if len(compounds) > 1:
        await message.answer(t(i18n, "sc-which-compound"), reply_markup=choices(
            [(c.name, ScreenCb(action="show", compound=c.id)) for c in compounds]))
        return
    await _show(message, i18n, session, clock, settings, compounds[0], rotated=False)


async def pressed(query: CallbackQuery, callback_data: ScreenCb, i18n: I18nContext,
                  session: AsyncSession, actor: Actor, clock: Clock, settings: Settings) -> None:
    allowed = {c.id: c for c in await compounds_for(session, actor, Action.SCREEN_MANAGE)}
    compound = allowed.get(callback_data.compound)
    if compound is None or callback_data.action not in ("show", "rotate") \
            or not isinstance(query.message, Message):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    rotated = callback_data.action == "rotate"
    if rotated:
        await screen.rotate(session, clock, compound.id)
    await query.answer(t(i18n, "sc-rotated") if rotated else None)
    await _show(query.message, i18n, session, clock, settings, compound, rotated=rotated)


async def _show(message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock,
                settings: Settings, compound: Compound, *, rotated: bool) -> None:
    token = await screen.token_for(session, clock, compound.id)
    await session.commit()
    url = screen_url(settings, token)
    text = t(i18n, "sc-url", compound=compound.name, url=url) if url else \
        t(i18n, "sc-no-url", path=PAGE.format(token=token))
    if rotated:
        text = t(i18n, "sc-rotated") + "\n\n" + text
    await message.answer(text, reply_markup=choices(
        [(t(i18n, "sc-btn-rotate"), ScreenCb(action="rotate", compound=compound.id))]))


def build_router() -> Router:
    router = Router(name="screen")
    router.message.register(screen_command, Command("screen"), F.chat.type == "private")
    router.callback_query.register(pressed, ScreenCb.filter())
    return router
