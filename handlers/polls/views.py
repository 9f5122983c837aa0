"""Rendering helpers: service-built notice arguments in the reader's language."""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_i18n import I18nContext

from bot.i18n import render
from bot.rendering import MESSAGE_LIMIT, truncate
from handlers.polls.callbacks import PollVoteCb
from models.polls import Poll, PollOption
from services.polls import cards


def text(i18n: I18nContext, key: str, args: dict[str, Any]) -> str:
    return truncate(render(i18n.core, i18n.locale, key, args), MESSAGE_LIMIT)


def option_text(i18n: I18nContext, option: PollOption | dict[str, Any]) -> str:
    """An option's label: a live row, or one stored in a closed poll's result."""
    if isinstance(option, dict):
        code, plain = option.get("code"), option["text"]
    else:
        code, plain = option.code, option.text
    return i18n.get(f"poll-option-{code}") if code else plain


def choice_text(i18n: I18nContext, options: list[PollOption], chosen: tuple[int, ...]) -> str:
    return ", ".join(f"{o.position}. {option_text(i18n, o)}" for o in options if o.id in chosen)


def ballot_keyboard(
    i18n: I18nContext, poll: Poll, options: list[PollOption], chosen: tuple[int, ...]
) -> InlineKeyboardMarkup:
    rows = []
    for o in options:
        key = "poll-btn-option-chosen" if o.id in chosen else "poll-btn-option"
        rows.append([InlineKeyboardButton(
            text=i18n.get(key, n=o.position, option=option_text(i18n, o)),
            callback_data=PollVoteCb(poll=poll.id, opt=o.id).pack(),
        )])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def ballot_text(
    i18n: I18nContext, poll: Poll, options: list[PollOption], chosen: tuple[int, ...],
    deadline: str, area: Any = None,
) -> str:
    parts: list[Any] = cards.header(poll)
    if area is not None and (fee := cards.fee_note(poll, area)) is not None:
        parts[2 if poll.description else 1] = fee  # the personal cost replaces the example
    if chosen:
        parts.append({"key": "poll-ballot-chosen",
                      "args": {"choice": choice_text(i18n, options, chosen)}})
    else:
        parts.append({"key": "poll-ballot-none", "args": {}})
    hint = "poll-ballot-hint-many" if poll.max_choices > 1 else (
        "poll-ballot-hint-change" if poll.allow_change else "poll-ballot-hint-final")
    parts.append({"key": hint, "args": {"k": poll.max_choices}})
    parts.append({"key": "poll-card-deadline", "args": {"deadline": deadline}})
    return text(i18n, "poll-card", {"body": {"lines": parts}})
