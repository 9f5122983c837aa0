"""The monthly report for the community office: the month's indicators, the oldest tickets
still open, a chart (tickets by category; time to resolve and satisfaction over half a year)
and the indicators of those months as a CSV a spreadsheet opens.

Read-only over the other features' rows, like the rest of the assessment. The chart is drawn
with matplotlib's Agg canvas in a worker thread by the caller; its words (category names,
panel titles) are given in the reader's language.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Compound
from models.tickets import Ticket
from services.assessment import indicators, periods
from services.assessment.indicators import Indicators
from services.outbox import fragment
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

    @property
    def month(self) -> Indicators:
        return self.months[-1]


def month_before(period: periods.Period, back: int, tz: ZoneInfo) -> periods.Period:
    year, month = (int(p) for p in period.code.split("-"))
    index = year * 12 + month - 1 - back
    return periods.month(index // 12, index % 12 + 1, tz)


async def build(session: AsyncSession, compound: Compound, period: periods.Period,
                now: datetime) -> Report:
    tz = ZoneInfo(compound.timezone)
    months = [await indicators.compute(session, compound.id, month_before(period, back, tz))
              for back in range(TREND_MONTHS - 1, -1, -1)]
    oldest = list((await session.scalars(
        select(Ticket).where(Ticket.compound_id == compound.id, Ticket.status.in_(_OPEN),
                             Ticket.created_at < period.end)
        .order_by(Ticket.created_at).limit(OLDEST_OPEN))).all())
    return Report(compound, months, oldest)


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
