"""/roster new: a step-by-step dialog in private: name, place, times, people, days, confirm.

Each step checks what was typed and asks again with an explanation when it cannot be used;
nothing is stored until the organizer presses Create.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.compound_pick import CompoundPick, pick_compound
from handlers.keyboards import choices
from handlers.rosters import followup
from handlers.rosters.callbacks import NewRosterCb
from handlers.rosters.text import alert, leads_text, refuse, rule_text, t, times_text
from services.clock import Clock
from services.policy import Action, Actor, can
from services.rosters import parse, recurrence, setup
from services.rosters.display import zone
from services.rosters.errors import RosterError
from services.rosters.examples import example_dates

PICK = "ronew"


class RosterNew(StatesGroup):
    name = State()
    place = State()
    times = State()
    size = State()
    days = State()
    confirm = State()


async def start(message: Message, state: FSMContext, session: AsyncSession,
                i18n: I18nContext, actor: Actor) -> None:
    if message.chat.type != "private":
        await message.answer(i18n.get("ro-new-private"))
        return
    compound = await pick_compound(message, i18n, session, actor, Action.ROSTER_CREATE, PICK)
    if compound is not None:
        await _begin(message, state, i18n, compound.id)


async def compound_picked(query: CallbackQuery, callback_data: CompoundPick, state: FSMContext,
                          session: AsyncSession, i18n: I18nContext, actor: Actor) -> None:
    if not await can(session, actor, Action.ROSTER_CREATE, callback_data.compound_id):
        await refuse(query, i18n, RosterError("not-organizer"))
        return
    await query.answer()
    if isinstance(query.message, Message):
        await _begin(query.message, state, i18n, callback_data.compound_id)


async def _begin(message: Message, state: FSMContext, i18n: I18nContext, compound_id: int
                 ) -> None:
    await state.set_state(RosterNew.name)
    await state.set_data({"compound_id": compound_id})
    await message.answer(i18n.get("ro-new-ask-name"))


async def _text_step(message: Message, state: FSMContext, i18n: I18nContext, field: str,
                     most: int, code: str, following: State, ask: str) -> None:
    text = (message.text or "").strip()
    if not text or len(text) > most:
        await refuse(message, i18n, RosterError(code, most=most))
        return
    await state.update_data({field: text})
    await state.set_state(following)
    await message.answer(i18n.get(ask))


async def got_name(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await _text_step(message, state, i18n, "name", setup.MAX_NAME, "name-bad",
                     RosterNew.place, "ro-new-ask-place")


async def got_place(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await _text_step(message, state, i18n, "place", setup.MAX_PLACE, "place-bad",
                     RosterNew.times, "ro-new-ask-times")


async def got_times(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    try:
        slots = parse.parse_times(message.text or "")
    except RosterError as err:
        await refuse(message, i18n, err)
        return
    await state.update_data(times=parse.times_json(slots))
    await state.set_state(RosterNew.size)
    await message.answer(i18n.get("ro-new-ask-size"))


async def got_size(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    try:
        size = parse.parse_size(message.text or "")
    except RosterError as err:
        await refuse(message, i18n, err)
        return
    await state.update_data(per_shift=size)
    await state.set_state(RosterNew.days)
    await message.answer(i18n.get("ro-new-ask-days"), reply_markup=choices([
        (i18n.get("ro-btn-weekdays"), NewRosterCb(choice="weekdays")),
        (i18n.get("ro-btn-daily"), NewRosterCb(choice="daily")),
    ]))


async def got_days(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    try:
        rule = parse.parse_recurrence(message.text or "")
    except RosterError as err:
        await refuse(message, i18n, err)
        return
    await _confirm(message, state, i18n, rule)


async def days_pressed(query: CallbackQuery, callback_data: NewRosterCb, state: FSMContext,
                       i18n: I18nContext) -> None:
    await query.answer()
    rule = recurrence.WEEKDAYS if callback_data.choice == "weekdays" else recurrence.DAILY
    if isinstance(query.message, Message):
        await _confirm(query.message, state, i18n, rule)


async def _confirm(message: Message, state: FSMContext, i18n: I18nContext, rule: str) -> None:
    data = await state.update_data(recurrence=rule)
    await state.set_state(RosterNew.confirm)
    summary = i18n.get(
        "ro-new-confirm", name=data["name"], place=data["place"], times=times_text(data["times"]),
        size=data["per_shift"], rule=rule_text(i18n, rule, True),
        leads=leads_text(i18n, setup.DEFAULT_LEADS))
    await message.answer(summary, reply_markup=choices([
        (i18n.get("ro-btn-create"), NewRosterCb(choice="create")),
        (i18n.get("ro-btn-cancel"), NewRosterCb(choice="cancel")),
    ], columns=2))


def _draft(data: dict[str, Any]) -> setup.Draft:
    return setup.Draft(name=data["name"], place=data["place"], times=data["times"],
                       per_shift=data["per_shift"], recurrence=data["recurrence"])


async def create(query: CallbackQuery, state: FSMContext, session: AsyncSession, clock: Clock,
                 i18n: I18nContext, actor: Actor, bot: Bot) -> None:
    data = await state.get_data()
    if "compound_id" not in data or not await can(session, actor, Action.ROSTER_CREATE,
                                                   data["compound_id"]):
        await refuse(query, i18n, RosterError("not-organizer"))
        return
    await state.clear()
    roster, generated = await setup.create(session, clock, data["compound_id"], actor.person,
                                           _draft(data))
    today = clock.now().astimezone(await zone(session, roster.compound_id)).date()
    text = t(i18n, "ro-new-created", name=roster.name, id=str(roster.id),
             created=generated.created, **example_dates(today))
    await alert(query, i18n.get("ro-new-created-short"))
    if isinstance(query.message, Message):
        await bot.edit_message_text(text=text, chat_id=query.message.chat.id,
                                    message_id=query.message.message_id,
                                    reply_markup=followup.buttons(i18n, roster.id))


async def cancel(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await message.answer(i18n.get("ro-new-cancelled"))


async def cancel_pressed(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(i18n.get("ro-new-cancelled"))


def build_router() -> Router:
    router = Router(name="rosters.wizard")
    private = F.chat.type == "private"
    typed = F.text & ~F.text.startswith("/")
    router.message.register(cancel, Command("cancel"), StateFilter(RosterNew))
    for step, handler in ((RosterNew.name, got_name), (RosterNew.place, got_place),
                          (RosterNew.times, got_times), (RosterNew.size, got_size),
                          (RosterNew.days, got_days)):
        router.message.register(handler, StateFilter(step), private, typed)
    router.callback_query.register(compound_picked, CompoundPick.filter(F.action == PICK))
    router.callback_query.register(
        days_pressed, NewRosterCb.filter(F.choice.in_({"weekdays", "daily"})),
        StateFilter(RosterNew.days))
    router.callback_query.register(create, NewRosterCb.filter(F.choice == "create"),
                                   StateFilter(RosterNew.confirm))
    router.callback_query.register(cancel_pressed, NewRosterCb.filter(F.choice == "cancel"),
                                   StateFilter(RosterNew))
    return router
