"""The monthly report for the community office: the month's indicators, the oldest tickets
still open, a chart (tickets by category; time to resolve and satisfaction over half a year)
and the indicators of those months as a CSV a spreadsheet opens.

Read-only over the other features' rows, like the rest of the assessment. The chart is drawn
with matplotlib's Agg canvas in a worker thread by the caller; its words (category names,
panel titles) are given in the reader's language.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import MoneyAccount
from models.outbox import Outbox
from models.registry import ChatBinding, Compound
from models.tickets import Ticket
from services.accounts.cards import kind_label
from services.accounts.money import yuan
from services.accounts.views import public_balances
from services.assessment import indicators, periods
from services.assessment.display import indicator_args, period_label
from services.assessment.indicators import Indicators
from services.clock import FrozenClock
from services.outbox import Notice, enqueue, fragment
from services.tickets.categories import Category
from services.tickets.lifecycle import OPEN

TREND_MONTHS = 6
OLDEST_OPEN = 5
_OPEN = [s.value for s in OPEN]
# The columns of the CSV: every indicator but the period and the per-category map.
CSV_FIELDS = [f.name for f in fields(Indicators) if f.name not in ("period", "by_category")]


@dataclass(frozen=True)
class Report:
    compound: Compound
    months: list[Indicators]  # oldest first; the last is the month reported
    oldest_open: list[Ticket]
    balances: dict[str, int]  # account kind -> public balance in fen; empty: no accounts

    @property
    def month(self) -> Indicators:
        return self.months[-1]


def month_before(period: periods.Period, back: int, tz: ZoneInfo) -> periods.Period:
    year, month = (int(p) for p in period.code.split("-"))
    index = year * 12 + month - 1 - back
    return periods.month(index // 12, index % 12 + 1, tz)


async def build(session: AsyncSession, compound: Compound, period: periods.Period) -> Report:
    tz = ZoneInfo(compound.timezone)
    months = [await indicators.compute(session, compound.id, month_before(period, back, tz))
              for back in range(TREND_MONTHS - 1, -1, -1)]
    oldest = list((await session.scalars(
        select(Ticket).where(Ticket.compound_id == compound.id, Ticket.status.in_(_OPEN),
                             Ticket.created_at < period.end)
        .order_by(Ticket.created_at).limit(OLDEST_OPEN))).all())
    return Report(compound, months, oldest, await _balances(session, compound.id))


async def _balances(session: AsyncSession, compound_id: int) -> dict[str, int]:
    """The open accounts' public balances, once the compound keeps accounts at all."""
    if await session.scalar(select(MoneyAccount.id).where(
            MoneyAccount.compound_id == compound_id).limit(1)) is None:
        return {}
    return {kind.value: fen for kind, fen in (await public_balances(session, compound_id)).items()}


def open_lines(report: Report, now: datetime) -> dict[str, Any]:
    """The oldest open tickets: number, category, level, age; never the resident's words."""
    lines = [fragment("as-month-open-line", number=t.number,
                      category=fragment(f"tk-cat-{t.category}"),
                      days=max(0, (now - t.created_at).days), level=t.level)
             for t in report.oldest_open]
    return {"lines": lines} if lines else fragment("as-none")


def csv_bytes(report: Report) -> bytes:
    """UTF-8 with a byte-order mark, which Excel needs to read Chinese names."""
    out = io.StringIO()
    writer = csv.writer(out)
    cats = [c.value for c in Category]
    writer.writerow(["compound", "period", *CSV_FIELDS, *(f"category_{c}" for c in cats)])
    for ind in report.months:
        values = [getattr(ind, name) for name in CSV_FIELDS]
        writer.writerow([report.compound.name, ind.period.code,
                         *("" if v is None else str(v) for v in values),
                         *(ind.by_category.get(c, 0) for c in cats)])
    return out.getvalue().encode("utf-8-sig")


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def chart_png(report: Report, words: dict[str, str]) -> bytes:
    """Three panels: this month's tickets by category; median hours to resolve and mean
    stars over the months. `words` holds the titles and category names, localized."""
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from services.qr import _font_path

    path = _font_path()
    font = FontProperties(fname=path) if path else None
    fig = Figure(figsize=(7.2, 8.0), dpi=110)
    cats, hours, stars = fig.subplots(3, 1)
    month = report.month
    names = [c.value for c in Category if month.by_category.get(c.value)]
    bars = cats.bar(range(len(names)), [month.by_category[n] for n in names], color="#c0392b")
    cats.bar_label(bars, fmt="%g", fontsize=8)
    cats.set_xticks(range(len(names)), [words[f"cat-{n}"] for n in names], fontproperties=font)
    labels = [m.period.code[2:] for m in report.months]
    for ax, values, colour, title in (
            (hours, [_num(m.resolve_median) for m in report.months], "#2c3e50", "hours"),
            (stars, [_num(m.mean_rating) for m in report.months], "#27ae60", "stars")):
        shown = [(i, v) for i, v in enumerate(values) if v is not None]
        ax.plot([i for i, _ in shown], [v for _, v in shown], color=colour, marker="o")
        ax.set_xticks(range(len(labels)), labels)
        ax.set_title(words[title], fontproperties=font, fontsize=10)
    cats.set_title(words["categories"], fontproperties=font, fontsize=10)
    stars.set_ylim(0, 5.3)
    for ax in (cats, hours, stars):
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


# ---- the office's copy, in the first days of a month --------------------------------------
Words = Callable[[str], dict[str, str]]  # locale -> the chart's words in it
POST_DAYS = 3  # a deployment down on the 1st still posts on the 2nd or 3rd


async def sweep_month_close(session: AsyncSession, now: datetime, words: Words) -> int:
    """Last month's report of each compound of a community, to its community office chats:
    the text, and the chart and the CSV as replies to it, once per chat (outbox keys)."""
    clock = FrozenClock(now)
    posted = 0
    for compound in (await session.scalars(select(Compound).where(
            Compound.community_id.is_not(None)).order_by(Compound.id))).all():
        tz = ZoneInfo(compound.timezone)
        if now.astimezone(tz).day > POST_DAYS:
            continue
        period = month_before(periods.current_month(now, tz), 1, tz)
        chats = set((await session.scalars(select(ChatBinding.chat_id).join(
            Compound, Compound.id == ChatBinding.compound_id).where(
            Compound.community_id == compound.community_id,
            ChatBinding.purpose == "community_office"))).all())
        keys = {chat: f"as:month:{compound.id}:{period.code}:{chat}" for chat in chats}
        sent = set((await session.scalars(select(Outbox.idem_key).where(
            Outbox.idem_key.in_(list(keys.values()))))).all()) if keys else set()
        todo = [chat for chat, key in keys.items() if key not in sent]
        if not todo:
            continue
        report = await build(session, compound, period)
        png = await asyncio.to_thread(chart_png, report, words(compound.locale))
        label = period_label(period.code)
        for chat in todo:
            key = keys[chat]
            await enqueue(session, clock, Notice(key=key, chat_id=chat, text_key="as-monthly",
                                                 args=report_args(report, now)))
            await enqueue(session, clock, Notice(
                key=f"{key}:chart", chat_id=chat, text_key="as-month-chart",
                args={"compound": compound.name, "period": label}, method="send_photo",
                file_name=f"monthly-{period.code}.png", file_data=png, reply_to_key=key))
            await enqueue(session, clock, Notice(
                key=f"{key}:csv", chat_id=chat, text_key="as-month-csv",
                args={"compound": compound.name}, method="send_document",
                file_name=f"indicators-{period.code}.csv", file_data=csv_bytes(report),
                reply_to_key=key))
            posted += 1
    await session.commit()
    return posted


def report_args(report: Report, now: datetime) -> dict[str, Any]:
    balances = [fragment("as-month-balance", account=kind_label(kind), amount=yuan(fen))
                for kind, fen in report.balances.items()]
    return {"indicators": fragment("as-indicators", **indicator_args(report.compound.name,
                                                                     report.month)),
            "open": open_lines(report, now),
            "balances": fragment("as-month-balances", lines={"lines": balances})
            if balances else ""}
