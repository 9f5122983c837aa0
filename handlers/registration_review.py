"""The group's pinned register post (/registerhere), the review cards, and /myhome."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import render
from handlers.keyboards import link
from models.chat import Chat
from models.person import Person
from models.registry import Building, ChatBinding, Compound
from services import registration
from services.clock import Clock
from services.outbox import fragment
from services.place_names import place
from services.policy import Action, Actor, can
from services.registration_places import make_payload

REGISTER_PURPOSES = ("compound", "building")


class RegDecide(CallbackData, prefix=registration.DECISION_PREFIX):
    residency_id: int
    approve: bool


# ---- the group's register post -------------------------------------------------------------
async def _post(
    session: AsyncSession, binding: ChatBinding, chat_row: Chat | None, i18n: I18nContext,
    url_for: Callable[[int | None], str],
) -> tuple[str, InlineKeyboardMarkup]:
    """The post in the group's language (else the compound's), not the admin's own."""
    compound = await session.get(Compound, binding.compound_id)
    assert compound is not None  # the binding cascades away with its compound
    locale = (chat_row.locale if chat_row else None) or compound.locale
    building = None
    if binding.building_id is not None:
        building = await session.get(Building, binding.building_id)
    if building is None:
        text = render(i18n.core, locale, "reg-post-compound", {"compound": compound.name})
    else:
        text = render(i18n.core, locale, "reg-post-building",
                      {"place": place(compound=compound.name, building=building.name)})
    label = render(i18n.core, locale, "reg-post-button", {})
    return text, link(label, url_for(building.id if building else None))


async def register_here(
    message: Message, bot: Bot, session: AsyncSession, actor: Actor,
    binding: ChatBinding | None, chat_row: Chat | None, i18n: I18nContext,
) -> None:
    if binding is None:
        await message.answer(i18n.get("reg-post-unbound"))
        return
    if binding.purpose not in REGISTER_PURPOSES:
        await message.answer(i18n.get("reg-post-wrong-purpose"))
        return
    if not await can(session, actor, Action.REGISTER_POST, binding.compound_id):
        await message.answer(i18n.get("not-allowed"))
        return
    me = await bot.me()
    compound_id = binding.compound_id

    def url_for(building_id: int | None) -> str:
        return f"https://t.me/{me.username}?start={make_payload(compound_id, building_id)}"

    text, markup = await _post(session, binding, chat_row, i18n, url_for)
    posted = await message.answer(text, reply_markup=markup)
    old = await registration.remember_register_message(session, binding, posted.message_id)
    if old is not None:
        # The old post may be gone already or the bot may lack rights; the new one stands.
        with contextlib.suppress(TelegramBadRequest, TelegramForbiddenError):
            await bot.unpin_chat_message(chat_id=message.chat.id, message_id=old)
        with contextlib.suppress(TelegramBadRequest, TelegramForbiddenError):
            await bot.delete_message(chat_id=message.chat.id, message_id=old)
    try:
        await bot.pin_chat_message(chat_id=message.chat.id, message_id=posted.message_id,
                                   disable_notification=True)
    except (TelegramBadRequest, TelegramForbiddenError):
        await message.answer(i18n.get("reg-post-pin-failed"))


async def register_here_private(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("reg-post-group-only"))


# ---- review cards --------------------------------------------------------------------------
DECIDE_ANSWERS = {
    registration.DecideError.GONE: "reg-decide-gone",
    registration.DecideError.NOT_ALLOWED: "not-allowed",
    registration.DecideError.OWN_CLAIM: "reg-decide-own",
}


async def _close_card(
    query: CallbackQuery, i18n: I18nContext, decision: registration.Decision
) -> None:
    if decision.card_args is None or not isinstance(query.message, Message):
        return
    text = render(i18n.core, i18n.locale, decision.card_key, decision.card_args)
    try:
        await query.message.edit_text(text, reply_markup=None)
    except TelegramBadRequest as exc:
        if "not modified" not in exc.message:  # already showing the outcome is fine
            raise


async def on_decide(
    query: CallbackQuery, callback_data: RegDecide, session: AsyncSession, actor: Actor,
    clock: Clock, i18n: I18nContext,
) -> None:
    decision = await registration.decide(
        session, clock, actor, callback_data.residency_id, callback_data.approve
    )
    if decision.error == registration.DecideError.ALREADY:
        assert decision.residency is not None
        await query.answer(
            i18n.get("reg-decide-already", by=decision.decider_name or "—",
                     outcome=i18n.get(f"reg-status-{decision.residency.status}")),
            show_alert=True,
        )
        await _close_card(query, i18n, decision)
        return
    if decision.error is not None:
        await query.answer(i18n.get(DECIDE_ANSWERS[decision.error]), show_alert=True)
        return
    assert decision.residency is not None
    await query.answer(i18n.get(f"reg-decide-done-{decision.residency.status}"))
    await _close_card(query, i18n, decision)


# ---- my homes ------------------------------------------------------------------------------
async def my_home(message: Message, session: AsyncSession, person: Person,
                  i18n: I18nContext) -> None:
    homes = await registration.my_homes(session, person.id)
    if not homes:
        await message.answer(i18n.get("reg-myhome-none"))
        return
    lines = [
        render(i18n.core, i18n.locale, "reg-myhome-line", {
            "place": home.piece(), "relation": fragment(f"reg-relation-{link_.relation}"),
            "status": fragment(f"reg-status-{link_.status}")})
        for link_, home in homes
    ]
    await message.answer(i18n.get("reg-myhome-title") + "\n" + "\n".join(lines))


async def my_home_group(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("reg-myhome-private"))


def build_router() -> Router:
    router = Router(name="registration_review")
    private = F.chat.type == "private"
    router.message.register(register_here, Command("registerhere"), ~private)
    router.message.register(register_here_private, Command("registerhere"), private)
    router.message.register(my_home, Command("myhome"), private)
    router.message.register(my_home_group, Command("myhome"), ~private)
    router.callback_query.register(on_decide, RegDecide.filter())
    return router
