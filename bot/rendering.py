"""Turn stored notices into what Telegram accepts: localized text within limits, keyboards."""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_i18n.cores import FluentRuntimeCore

from bot.i18n import render

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
ELLIPSIS = "…"


def split_text(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split on line boundaries into parts of at most `limit` characters.

    A single line longer than the limit is cut hard; nothing is dropped.
    """
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
        else:
            parts.append(current)
            current = line
    if current or not parts:
        parts.append(current)
    return [p for p in parts if p.strip()] or [text[:limit]]


def truncate(text: str, limit: int) -> str:
    """For places a message cannot be split (edits, captions, alerts)."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def markup_from_json(
    core: FluentRuntimeCore, locale: str, markup: dict[str, Any] | None
) -> InlineKeyboardMarkup | None:
    if not markup or not markup.get("rows"):
        return None
    rows = []
    for row in markup["rows"]:
        buttons = []
        for b in row:
            label = render(core, locale, b["t"], b.get("a") or {})
            if b.get("url"):
                buttons.append(InlineKeyboardButton(text=label, url=b["url"]))
            else:
                buttons.append(InlineKeyboardButton(text=label, callback_data=b["cb"]))
        rows.append(buttons)
    return InlineKeyboardMarkup(inline_keyboard=rows)
