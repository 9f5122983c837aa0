"""Shared by the activity, points and reward handlers: rendering, refusals, compounds."""

from __future__ import annotations

from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import render
from bot.rendering import MESSAGE_LIMIT, truncate
from handlers.compound_pick import CompoundPick
from handlers.keyboards import choices
from models.person import Person
from models.registry import Compound
from services.activities.errors import ActivityError
from services.activities.statement import compounds_for_points


def say(i18n: I18nContext, key: str, **args: Any) -> str:
    """Render a key whose arguments may be fragments (see services.outbox)."""
    return render(i18n.core, i18n.locale, key, args)


def refusal(i18n: I18nContext, error: ActivityError) -> str:
    return say(i18n, error.key, **error.args_)


ALERT_LIMIT = 200  # Telegram's limit for a callback query's answer


async def alert(query: CallbackQuery, text: str) -> None:
    await query.answer(truncate(text, ALERT_LIMIT), show_alert=True)


async def refuse(event: Message | CallbackQuery, i18n: I18nContext, error: ActivityError) -> None:
    text = refusal(i18n, error)
    if isinstance(event, CallbackQuery):
        await alert(event, text)
    else:
        await event.answer(text)


async def show(
    query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace the pressed message with a new screen (private chats)."""
    if isinstance(query.message, Message):
        try:
            await query.message.edit_text(truncate(text, MESSAGE_LIMIT), reply_markup=markup)
        except TelegramBadRequest as exc:
            if "not modified" not in exc.message:  # a double tap finds it already shown
                raise


async def choose_compound(
    message: Message, i18n: I18nContext, compounds: list[Compound], pick: str, none_key: str
) -> Compound | None:
    """The one compound, or None after asking which (or saying there is none)."""
    if len(compounds) == 1:
        return compounds[0]
    if not compounds:
        await message.answer(i18n.get(none_key))
        return None
    await message.answer(i18n.get("compound-choose"), reply_markup=choices(
        [(c.name, CompoundPick(action=pick, compound_id=c.id)) for c in compounds]))
    return None


async def my_compound(session: AsyncSession, person_id: int, compound_id: int) -> Compound | None:
    """The compound, if the person lives, works or has points there (forged buttons fail)."""
    found = await compounds_for_points(session, person_id)
    return next((c for c in found if c.id == compound_id), None)


async def find_person(session: AsyncSession, token: str) -> Person | None:
    """A person named as @username or by Telegram id."""
    if token.startswith("@") and len(token) > 1:
        stmt = select(Person).where(func.lower(Person.username) == token[1:].lower())
    elif token.isdigit():
        stmt = select(Person).where(Person.tg_id == int(token))
    else:
        return None
    return (await session.execute(stmt.limit(1))).scalar_one_or_none()
