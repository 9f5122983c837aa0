"""/profile (my phone and what others see) and /forgetme."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from models.person import Person
from services import privacy, roles
from services.clock import Clock

GROUP_TYPES = {"group", "supergroup"}


class ProfileCb(CallbackData, prefix="pf"):
    op: str  # set | pub | hide | del | con | coff | bon | boff


class ForgetCb(CallbackData, prefix="fg"):
    op: str  # y | n
    p: int  # the person asked, so a press after forgetting cannot reach the next person


class ProfileStates(StatesGroup):
    phone = State()


# ---- /profile ------------------------------------------------------------------------------
def _card(i18n: I18nContext, person: Person) -> tuple[str, InlineKeyboardMarkup]:
    public = [i18n.get("profile-public-name")]
    if person.phone and person.phone_public:
        public.append(i18n.get("profile-public-phone"))
    if person.party_member and person.show_badge:
        public.append(i18n.get("profile-public-badge"))
    text = i18n.get(
        "profile-card", name=person.display_name,
        phone=person.phone or i18n.get("profile-phone-none"),
        contact=i18n.get("profile-contact-yes" if person.contact_staff else "profile-contact-no"),
        public=i18n.get("profile-public-sep").join(public),
    )
    buttons = [(i18n.get("profile-btn-change-phone" if person.phone else "profile-btn-set-phone"),
                ProfileCb(op="set"))]
    if person.phone:
        buttons.append((i18n.get("profile-btn-hide") if person.phone_public
                        else i18n.get("profile-btn-publish"),
                        ProfileCb(op="hide" if person.phone_public else "pub")))
        buttons.append((i18n.get("profile-btn-remove-phone"), ProfileCb(op="del")))
    buttons.append((i18n.get("profile-btn-contact-off") if person.contact_staff
                    else i18n.get("profile-btn-contact-on"),
                    ProfileCb(op="coff" if person.contact_staff else "con")))
    if person.party_member:
        buttons.append((i18n.get("profile-btn-badge-off") if person.show_badge
                        else i18n.get("profile-btn-badge-on"),
                        ProfileCb(op="boff" if person.show_badge else "bon")))
    return text, choices(buttons)


async def profile(message: Message, i18n: I18nContext, person: Person) -> None:
    text, markup = _card(i18n, person)
    await message.answer(text, reply_markup=markup)


async def profile_pressed(
    query: CallbackQuery, callback_data: ProfileCb, i18n: I18nContext,
    session: AsyncSession, person: Person, state: FSMContext, bot: Bot,
) -> None:
    op = callback_data.op
    if op == "set":
        await query.answer()
        await state.set_state(ProfileStates.phone)
        await bot.send_message(query.from_user.id, i18n.get("profile-phone-ask"),
                               reply_markup=_phone_keyboard(i18n))
        return
    if op in ("pub", "hide"):
        done = await privacy.publish_phone(session, person, op == "pub")
    elif op == "del":
        await privacy.clear_phone(session, person)
        done = True
    elif op in ("con", "coff"):
        await privacy.allow_contact(session, person, op == "con")
        done = True
    elif op in ("bon", "boff"):
        done = await roles.set_badge(session, person, op == "bon") is not roles.Outcome.NOT_GRANTED
    else:
        done = False
    if not done:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer(i18n.get("profile-updated"))
    if isinstance(query.message, Message):
        text, markup = _card(i18n, person)
        try:
            await query.message.edit_text(text, reply_markup=markup)
        except TelegramBadRequest as exc:
            if "not modified" not in exc.message:  # a repeated press finds it already shown
                raise


def _phone_keyboard(i18n: I18nContext) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=i18n.get("profile-btn-share"), request_contact=True)],
                  [KeyboardButton(text=i18n.get("profile-btn-cancel"))]],
        resize_keyboard=True, one_time_keyboard=True,
    )


async def phone_given(
    message: Message, i18n: I18nContext, session: AsyncSession, person: Person,
    state: FSMContext,
) -> None:
    if message.text == i18n.get("profile-btn-cancel"):
        await state.clear()
        await message.answer(i18n.get("profile-phone-cancelled"),
                             reply_markup=ReplyKeyboardRemove())
        return
    contact = message.contact
    if contact is not None and message.from_user is not None \
            and contact.user_id != message.from_user.id:
        await message.answer(i18n.get("profile-phone-not-yours"))
        return
    raw = contact.phone_number if contact is not None else (message.text or "")
    phone = await privacy.set_phone(session, person, raw)
    if phone is None:
        await message.answer(i18n.get("profile-phone-invalid"))
        return
    await state.clear()
    await message.answer(i18n.get("profile-phone-saved", phone=phone),
                         reply_markup=ReplyKeyboardRemove())
    text, markup = _card(i18n, person)
    await message.answer(text, reply_markup=markup)


async def phone_not_understood(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("profile-phone-invalid"))


# ---- /forgetme -----------------------------------------------------------------------------
async def forget_ask(message: Message, i18n: I18nContext, person: Person) -> None:
    await message.answer(i18n.get("privacy-forget-confirm"), reply_markup=choices([
        (i18n.get("privacy-forget-yes"), ForgetCb(op="y", p=person.id)),
        (i18n.get("privacy-forget-no"), ForgetCb(op="n", p=person.id)),
    ]))


async def forget_answered(
    query: CallbackQuery, callback_data: ForgetCb, i18n: I18nContext,
    session: AsyncSession, person: Person, state: FSMContext, clock: Clock,
) -> None:
    if callback_data.p != person.id or callback_data.op not in ("y", "n"):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    key = "privacy-forget-kept"
    if callback_data.op == "y":
        await privacy.forget(session, clock, person)
        await state.clear()
        key = "privacy-forget-done"
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(i18n.get(key))


async def private_only(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("privacy-private-only"))


def build_router() -> Router:
    router = Router(name="privacy")
    private = F.chat.type == "private"
    m, cb = router.message, router.callback_query
    m.register(profile, Command("profile"), private)
    m.register(forget_ask, Command("forgetme"), private)
    m.register(private_only, Command("profile", "forgetme"), F.chat.type.in_(GROUP_TYPES))
    m.register(phone_given, StateFilter(ProfileStates.phone), private,
               F.contact | (F.text & ~F.text.startswith("/")))
    m.register(phone_not_understood, StateFilter(ProfileStates.phone), private, ~F.text)
    cb.register(profile_pressed, ProfileCb.filter(), F.message.chat.type == "private")
    cb.register(forget_answered, ForgetCb.filter(), F.message.chat.type == "private")
    return router
