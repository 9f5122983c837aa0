"""Rendering ticket pieces (services.outbox fragments) for immediate answers."""

from __future__ import annotations

from typing import Any

from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.i18n import render
from bot.rendering import MESSAGE_LIMIT, split_text, truncate
from services.tickets.errors import TicketError


def t(i18n: I18nContext, key: str, **args: Any) -> str:
    """A Fluent key whose arguments may be fragments, in the person's language."""
    return render(i18n.core, i18n.locale, key, args)


def piece(i18n: I18nContext, fragment: dict[str, Any]) -> str:
    """One rendered fragment (services.outbox.fragment) of a list."""
    return render(i18n.core, i18n.locale, fragment["key"], fragment.get("args") or {})


def error_text(i18n: I18nContext, error: TicketError) -> str:
    return render(i18n.core, i18n.locale, error.key, error.args_)


def short(text: str, limit: int = 200) -> str:
    """Callback alerts hold 200 characters."""
    return truncate(text, limit)


async def answer_long(message: Message, text: str, **kwargs: Any) -> None:
    """Several messages when needed; the keyboard, if any, goes under the last one."""
    parts = split_text(text, MESSAGE_LIMIT)
    for i, part in enumerate(parts):
        extra = kwargs if i == len(parts) - 1 else {}
        await message.answer(part, **extra)
