"""/monthly [month]: the month's report, its chart and the half-year of indicators as CSV."""

from __future__ import annotations

import asyncio
from typing import Any

from aiogram.types import BufferedInputFile, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import render, render_piece
from bot.rendering import CAPTION_LIMIT, truncate
from handlers.tickets.render import answer_long, t
from models.registry import Compound
from services.assessment import display, monthly, periods
from services.clock import Clock
from services.tickets.categories import Category


def label_in(core: FluentRuntimeCore, locale: str, piece: Any) -> str:
    """A text as it stands, or a fragment rendered in `locale` (chart labels of sweeps)."""
    return piece if isinstance(piece, str) else render_piece(core, locale, piece)


def chart_words(core: FluentRuntimeCore, locale: str) -> dict[str, str]:
    """The chart's titles and category names in one language (here and in the sweep)."""
    words = {key: render(core, locale, f"as-month-chart-{key}", {})
             for key in ("categories", "hours", "stars")}
    words.update({f"cat-{c.value}": render(core, locale, f"tk-cat-{c.value}", {})
                  for c in Category})
    return words


async def monthly_report(message: Message, i18n: I18nContext, session: AsyncSession,
                         clock: Clock, compound: Compound, period: periods.Period) -> None:
    if not period.code[5:].isdigit():  # a quarter: the report is by month
        await message.answer(t(i18n, "as-month-not-quarter"))
        return
    now = clock.now()
    report = await monthly.build(session, compound, period)
    label = display.period_label(period.code)
    await answer_long(message, t(i18n, "as-monthly", **monthly.report_args(report, now)))
    png = await asyncio.to_thread(monthly.chart_png, report,
                                   chart_words(i18n.core, i18n.locale))
    await message.answer_photo(
        BufferedInputFile(png, f"monthly-{period.code}.png"),
        caption=truncate(t(i18n, "as-month-chart", compound=compound.name, period=label),
                         CAPTION_LIMIT))
    await message.answer_document(
        BufferedInputFile(monthly.csv_bytes(report), f"indicators-{period.code}.csv"),
        caption=truncate(t(i18n, "as-month-csv", compound=compound.name), CAPTION_LIMIT))
