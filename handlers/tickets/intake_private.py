"""/report in a private chat: category → description (photos welcome) → where → confirm."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from handlers.tickets.callbacks import TkIntake, TkPick
from handlers.tickets.render import error_text, t
from handlers.tickets.submit import (
    confirm_buttons,
    confirm_screen,
    offer_or_confirm,
    plus_one,
    submit,
)
from models.person import Person
from services import privacy, registry
from services.clock import Clock
from services.place_names import place
from services.tickets import places
from services.tickets.categories import AREAS, Category
from services.tickets.errors import TicketError

MAX_PHOTOS = 5


class ReportForm(StatesGroup):
    compound = State()
    category = State()
    description = State()
    where = State()
    confirm = State()


def _categories(i18n: I18nContext) -> InlineKeyboardMarkup:
    items: list[tuple[str, Any]] = [(t(i18n, f"tk-cat-{c.value}"), TkIntake(action="cat",
                                                                           value=c.value))
                                    for c in Category]
    items.append((t(i18n, "tk-btn-cancel"), TkIntake(action="cancel")))
    return choices(items, columns=2)


async def report(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    person: Person, state: FSMContext,
) -> None:
    await state.clear()
    compounds = await registry.compounds_of(session, person.id)
    if not compounds:
        await message.answer(t(i18n, "tk-report-no-compound"))
        return
    await state.update_data(text=(command.args or "").strip(), photos=[], reporter=person.id)
    if len(compounds) > 1:
        await state.set_state(ReportForm.compound)
        await message.answer(t(i18n, "tk-report-which-compound"), reply_markup=choices(
            [(c.name, TkPick(action="report", compound=c.id)) for c in compounds]))
        return
    await state.update_data(compound=compounds[0].id)
    await state.set_state(ReportForm.category)
    await message.answer(t(i18n, "tk-ask-category"), reply_markup=_categories(i18n))


async def compound_picked(
    query: CallbackQuery, callback_data: TkPick, i18n: I18nContext, session: AsyncSession,
    person: Person, state: FSMContext,
) -> None:
    mine = {c.id for c in await registry.compounds_of(session, person.id)}
    if callback_data.compound not in mine:
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    await state.update_data(compound=callback_data.compound)
    await state.set_state(ReportForm.category)
    await query.answer()
    if query.message is not None:
        await query.message.answer(t(i18n, "tk-ask-category"), reply_markup=_categories(i18n))


async def category_picked(
    query: CallbackQuery, callback_data: TkIntake, i18n: I18nContext, state: FSMContext,
    session: AsyncSession, person: Person,
) -> None:
    if callback_data.value not in {c.value for c in Category}:
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    await state.update_data(category=callback_data.value)
    await query.answer()
    data = await state.get_data()
    if data.get("text"):
        await _ask_where(query.message, i18n, session, person, state)
        return
    await state.set_state(ReportForm.description)
    if query.message is not None:
        await query.message.answer(t(i18n, "tk-ask-description",
                                     category=t(i18n, f"tk-cat-{callback_data.value}")))


async def described(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    data = await state.get_data()
    photos: list[list[str]] = data.get("photos") or []
    parts = [p for p in (data.get("text"), message.text or message.caption) if p]
    if message.photo:
        if len(photos) >= MAX_PHOTOS:
            await message.answer(t(i18n, "tk-err-too-many-photos", limit=MAX_PHOTOS))
            return
        biggest = message.photo[-1]
        photos.append([biggest.file_id, biggest.file_unique_id])
    await state.update_data(text="\n".join(parts), photos=photos)
    key = "tk-got-photo" if message.photo else "tk-got-text"
    await message.answer(t(i18n, key, count=len(photos)), reply_markup=choices(
        [(t(i18n, "tk-btn-next"), TkIntake(action="next"))]))


async def description_done(
    query: CallbackQuery, i18n: I18nContext, state: FSMContext, session: AsyncSession,
    person: Person,
) -> None:
    data = await state.get_data()
    if not (data.get("text") or "").strip():
        await query.answer(t(i18n, "tk-err-need-text"), show_alert=True)
        return
    await query.answer()
    await _ask_where(query.message, i18n, session, person, state)


async def _ask_where(
    message: Any, i18n: I18nContext, session: AsyncSession, person: Person, state: FSMContext
) -> None:
    data = await state.get_data()
    await state.set_state(ReportForm.where)
    items: list[tuple[str, Any]] = [
        (t(i18n, "tk-where-home-btn", home=place(building=h.building, entrance=h.entrance,
                                                  room=h.room)),
         TkIntake(action="home", value=str(h.household_id)))
        for h in await places.homes(session, person.id, data["compound"])
    ]
    items += [(t(i18n, f"tk-area-{a}"), TkIntake(action="area", value=a))
              for a in AREAS if a != "home"]
    if message is not None:
        await message.answer(t(i18n, "tk-ask-where"), reply_markup=choices(items, columns=2))


async def where_picked(
    query: CallbackQuery, callback_data: TkIntake, i18n: I18nContext, state: FSMContext,
    session: AsyncSession, person: Person, clock: Clock,
) -> None:
    data = await state.get_data()
    mine = await places.homes(session, person.id, data["compound"])
    if callback_data.action == "home":
        chosen = next((h for h in mine if str(h.household_id) == callback_data.value), None)
        if chosen is None:
            await query.answer(t(i18n, "stale-button"), show_alert=True)
            return
        await state.update_data(area="home", household=chosen.household_id,
                                building=chosen.building_id)
    elif callback_data.value in AREAS:
        buildings = {h.building_id for h in mine}
        await state.update_data(area=callback_data.value, household=None,
                                building=buildings.pop() if len(buildings) == 1 else None)
    else:
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    await query.answer()
    await state.set_state(ReportForm.confirm)
    await offer_or_confirm(query.message, i18n, session, clock, state)


def _common_area(data: dict[str, Any], mine: list[places.Home]) -> dict[str, Any]:
    """A place that is not one of the reporter's homes: their building if they have one."""
    buildings = {h.building_id for h in mine}
    return {"area": "other", "household": None,
            "building": buildings.pop() if len(buildings) == 1 else data.get("building")}


async def where_told(
    message: Message, i18n: I18nContext, state: FSMContext, session: AsyncSession,
    person: Person, clock: Clock,
) -> None:
    """A pin, a venue or words ("3号楼后面的路灯") instead of a button."""
    data = await state.get_data()
    try:
        place, lat, lon = places.told(message.text, venue=_venue(message), pin=_pin(message))
    except TicketError as error:
        await message.answer(error_text(i18n, error))
        return
    mine = await places.homes(session, person.id, data["compound"])
    await state.update_data(**_common_area(data, mine), place=place, latitude=lat, longitude=lon)
    await state.set_state(ReportForm.confirm)
    await offer_or_confirm(message, i18n, session, clock, state)


def _pin(message: Message) -> tuple[float, float] | None:
    found = message.venue.location if message.venue else message.location
    return (found.latitude, found.longitude) if found else None


def _venue(message: Message) -> str | None:
    venue = message.venue
    return " ".join(p for p in (venue.title, venue.address) if p) if venue else None


async def unexpected(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    """Whatever a step cannot use is answered with what it expects, and changes nothing."""
    step = (await state.get_state() or "").rsplit(":", 1)[-1]
    await message.answer(t(i18n, UNEXPECTED.get(step, "tk-err-step-buttons")))


UNEXPECTED = {
    "compound": "tk-err-step-compound", "category": "tk-err-step-category",
    "description": "tk-err-description-kind", "where": "tk-err-step-where",
    "confirm": "tk-err-step-confirm",
}


async def cancel(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await query.answer()
    if query.message is not None:
        await query.message.answer(t(i18n, "tk-report-cancelled"))


async def cancel_command(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await message.answer(t(i18n, "tk-report-cancelled"))


async def new_instead(
    query: CallbackQuery, i18n: I18nContext, state: FSMContext, session: AsyncSession
) -> None:
    await query.answer()
    await confirm_screen(query.message, i18n, session, state)


async def send(
    query: CallbackQuery, callback_data: TkIntake, i18n: I18nContext, state: FSMContext,
    session: AsyncSession, person: Person, clock: Clock, bot: Bot,
) -> None:
    try:
        await submit(query, i18n, state, session, person, clock, bot,
                     anonymous=callback_data.value == "1")
    except TicketError as error:
        await query.answer(error_text(i18n, error), show_alert=True)


async def contact_answered(
    query: CallbackQuery, callback_data: TkIntake, i18n: I18nContext, session: AsyncSession,
    person: Person,
) -> None:
    if callback_data.value not in ("0", "1"):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    allowed = callback_data.value == "1"
    await privacy.allow_contact(session, person, allowed)
    await query.answer(t(i18n, "tk-contact-yes" if allowed else "tk-contact-no"), show_alert=True)
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=confirm_buttons(i18n, ask=False))


def build_router() -> Router:
    router = Router(name="tickets.intake_private")
    private = F.chat.type == "private"
    router.message.register(report, Command("report"), private)
    router.message.register(cancel_command, Command("cancel"), StateFilter(ReportForm))
    router.callback_query.register(compound_picked, TkPick.filter(F.action == "report"),
                                   ReportForm.compound)
    router.callback_query.register(category_picked, TkIntake.filter(F.action == "cat"),
                                   ReportForm.category)
    router.message.register(described, ReportForm.description, private,
                            F.photo | (F.text & ~F.text.startswith("/")))
    router.callback_query.register(description_done, TkIntake.filter(F.action == "next"),
                                   ReportForm.description)
    router.callback_query.register(where_picked, TkIntake.filter(F.action.in_({"home", "area"})),
                                   ReportForm.where)
    router.callback_query.register(cancel, TkIntake.filter(F.action == "cancel"),
                                   StateFilter(ReportForm))
    router.callback_query.register(new_instead, TkIntake.filter(F.action == "new"),
                                   ReportForm.confirm, F.message.chat.type == "private")
    router.callback_query.register(plus_one, TkIntake.filter(F.action == "plus"),
                                   ReportForm.confirm, F.message.chat.type == "private")
    router.callback_query.register(send, TkIntake.filter(F.action == "send"), ReportForm.confirm)
    router.callback_query.register(contact_answered, TkIntake.filter(F.action == "contact"),
                                   ReportForm.confirm)
    router.message.register(where_told, ReportForm.where, private,
                            F.venue | F.location | (F.text & ~F.text.startswith("/")))
    # Last: a sticker, a photo where words are wanted, words where a button is wanted.
    router.message.register(unexpected, StateFilter(ReportForm), private,
                            ~F.text.startswith("/"))
    return router
