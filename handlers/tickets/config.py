"""/tkconfig for compound admins (see services.tickets.config_command for the syntax)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from handlers.tickets.callbacks import TkPick
from handlers.tickets.render import answer_long, error_text, t
from services.clock import Clock
from services.policy import Action, Actor, Denied, compounds_for
from services.tickets import config_command
from services.tickets.errors import TicketError


async def tkconfig(message: Message, command: CommandObject, i18n: I18nContext,
                   session: AsyncSession, actor: Actor, clock: Clock, state: FSMContext) -> None:
    compounds = await compounds_for(session, actor, Action.TICKET_CONFIG)
    if not compounds:
        await message.answer(t(i18n, "not-allowed"))
        return
    if len(compounds) > 1:
        await state.update_data(tk_config_args=command.args or "")
        await message.answer(t(i18n, "tk-report-which-compound"), reply_markup=choices(
            [(c.name, TkPick(action="config", compound=c.id)) for c in compounds]))
        return
    await _run(message, i18n, session, actor, clock, compounds[0].id, command.args or "")


async def picked(query: CallbackQuery, callback_data: TkPick, i18n: I18nContext,
                 session: AsyncSession, actor: Actor, clock: Clock, state: FSMContext) -> None:
    allowed = {c.id for c in await compounds_for(session, actor, Action.TICKET_CONFIG)}
    if callback_data.compound not in allowed or not isinstance(query.message, Message):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    args = (await state.get_data()).get("tk_config_args", "")
    await query.answer()
    await _run(query.message, i18n, session, actor, clock, callback_data.compound, args)


async def _run(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
               clock: Clock, compound_id: int, args: str) -> None:
    try:
        key, values = await config_command.run(session, clock, actor, compound_id, args)
    except TicketError as error:
        await message.answer(error_text(i18n, error))
        return
    except Denied:
        await message.answer(t(i18n, "not-allowed"))
        return
    await answer_long(message, t(i18n, key, **values))


def build_router() -> Router:
    router = Router(name="tickets.config")
    router.message.register(tkconfig, Command("tkconfig"), F.chat.type == "private")
    router.callback_query.register(picked, TkPick.filter(F.action == "config"))
    return router
