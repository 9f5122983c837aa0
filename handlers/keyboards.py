"""Inline keyboards, one helper per shape."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup


def choices(
    items: Sequence[tuple[str, CallbackData | str]], columns: int = 1
) -> InlineKeyboardMarkup:
    """Buttons in a grid, `columns` per row, in the order given."""
    buttons = [
        InlineKeyboardButton(
            text=label, callback_data=data if isinstance(data, str) else data.pack()
        )
        for label, data in items
    ]
    rows = [buttons[i : i + columns] for i in range(0, len(buttons), max(columns, 1))]
    return InlineKeyboardMarkup(inline_keyboard=rows)
