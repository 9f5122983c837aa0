"""Buttons under a new roster: set the school term or the days off by answering a question,
instead of typing `/roster term …` or `/roster skip …`.

The answer goes through the same subcommand as the typed form, so it is checked, refused
and explained the same way; a refused answer keeps the question open for another try.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from handlers.rosters import manage
from handlers.rosters.callbacks import RosterCb
from handlers.rosters.text import refuse
from models.registry import ChatBinding
from models.rosters import Roster
from services.clock import Clock
from services.policy import Actor
from services.rosters import setup
from services.rosters.display import zone
from services.rosters.errors import RosterError
from services.rosters.examples import example_dates

ASKS = {"term": "ro-ask-term", "skip": "ro-ask-skip"}


class RosterSet(StatesGroup):
    term = State()
    skip = State()


def buttons(i18n: I18nContext, roster_id: int) -> InlineKeyboardMarkup:
    return choices([(i18n.get("ro-btn-set-term"), RosterCb(action="term", id=roster_id)),
                    (i18n.get("ro-btn-set-skip"), RosterCb(action="skip", id=roster_id))],
                   columns=2)


async def pressed(query: CallbackQuery, callback_data: RosterCb, state: FSMContext,
                  session: AsyncSession, clock: Clock, i18n: I18nContext,
                  actor: Actor) -> None:
    roster = await session.get(Roster, callback_data.id)
    if roster is None or not roster.active:
        await refuse(query, i18n, RosterError("roster-gone"))
        return
    if not await setup.may_manage(session, actor, roster):
        await refuse(query, i18n, RosterError("not-organizer"))
        return
    await query.answer()
    await state.set_state(RosterSet.term if callback_data.action == "term" else RosterSet.skip)
    await state.set_data({"roster_id": roster.id})
    today = clock.now().astimezone(await zone(session, roster.compound_id)).date()
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get(ASKS[callback_data.action], roster=roster.name,
                                            **example_dates(today)))


async def answered(message: Message, state: FSMContext, session: AsyncSession, clock: Clock,
                   i18n: I18nContext, actor: Actor, binding: ChatBinding | None) -> None:
    sub = "term" if await state.get_state() == RosterSet.term.state else "skip"
    roster_id = (await state.get_data()).get("roster_id")
    if await manage.run(sub, message, session, clock, i18n, actor, binding,
                        f"#{roster_id} {message.text or ''}"):
        await state.clear()


async def cancel(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await message.answer(i18n.get("ro-set-cancelled"))


def build_router() -> Router:
    router = Router(name="rosters.followup")
    router.message.register(cancel, Command("cancel"), StateFilter(RosterSet))
    router.message.register(answered, StateFilter(RosterSet), F.chat.type == "private",
                            F.text & ~F.text.startswith("/"))
    router.callback_query.register(pressed, RosterCb.filter(F.action.in_(set(ASKS))))
    return router
