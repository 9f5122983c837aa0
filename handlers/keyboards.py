"""Inline keyboards, one helper per shape."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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


Data = CallbackData | str


def _button(label: str, data: Data) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=label, callback_data=data if isinstance(data, str) else data.pack()
    )


def clamp_page(count: int, page: int, page_size: int) -> tuple[int, int]:
    """(the page that exists nearest to `page`, how many pages there are)."""
    pages = max(1, -(-count // max(page_size, 1)))
    return min(max(page, 0), pages - 1), pages


def paginated(
    items: Sequence[tuple[str, Data]],
    page: int,
    nav: Callable[[int], Data],
    *,
    page_size: int = 24,
    columns: int = 4,
    prev_label: str = "◀",
    next_label: str = "▶",
    footer: Sequence[tuple[str, Data]] = (),
) -> InlineKeyboardMarkup:
    """One page of `items` in a grid, then a ◀ 2/5 ▶ row when there is more than one page.

    `nav(n)` is the callback data of page n (0-based). The page indicator carries the current
    page's, so pressing it only redraws. `footer` buttons go on a last row of their own.
    """
    page, pages = clamp_page(len(items), page, page_size)
    chunk = [_button(label, data) for label, data in items[page * page_size:][:page_size]]
    width = max(columns, 1)
    rows = [chunk[i : i + width] for i in range(0, len(chunk), width)]
    if pages > 1:
        row = []
        if page > 0:
            row.append(_button(prev_label, nav(page - 1)))
        row.append(_button(f"{page + 1}/{pages}", nav(page)))
        if page < pages - 1:
            row.append(_button(next_label, nav(page + 1)))
        rows.append(row)
    if footer:
        rows.append([_button(label, data) for label, data in footer])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def link(label: str, url: str) -> InlineKeyboardMarkup:
    """A single button that opens a URL (a deep link, a web page)."""
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text=label, url=url)]])


def choices_then_link(
    items: Sequence[tuple[str, CallbackData | str]], label: str, url: str
) -> InlineKeyboardMarkup:
    """Buttons one per row, then one that opens a URL (e.g. a deep link to follow privately)."""
    rows = [*choices(items).inline_keyboard, [InlineKeyboardButton(text=label, url=url)]]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def paged_choices(
    items: Sequence[tuple[str, CallbackData | str]],
    page: int,
    nav: Callable[[int], CallbackData],
    labels: tuple[str, str],
    head: Sequence[tuple[str, CallbackData | str]] = (),
    per_page: int = 24,
    columns: int = 3,
) -> InlineKeyboardMarkup:
    """`head` (one per row) on every page, then one page of `items`, then ◀ ▶ as needed.

    `labels` are the previous/next button texts; `nav(n)` is the callback for page n.
    """
    pages = max(1, -(-len(items) // per_page))
    page = min(max(page, 0), pages - 1)
    rows = choices(head).inline_keyboard if head else []
    rows += choices(items[page * per_page : (page + 1) * per_page], columns).inline_keyboard
    arrows = [(labels[0], nav(page - 1))] if page > 0 else []
    arrows += [(labels[1], nav(page + 1))] if page < pages - 1 else []
    if arrows:
        rows += choices(arrows, columns=2).inline_keyboard
    return InlineKeyboardMarkup(inline_keyboard=rows)
