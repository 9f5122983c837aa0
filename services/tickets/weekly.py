"""The weekly chart that goes with /stats: tickets opened and resolved per week, and the
median time to resolve those resolved in it.

Drawn with matplotlib's Agg canvas (no display, no global pyplot state), imported only when
a chart is drawn: a bot nobody asks for figures never loads it. Drawing takes a CPU-bound
fraction of a second, so callers run `chart_png` in a worker thread. The chart carries no
words, only dates and numbers; its legend is the localized caption sent with it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Compound
from models.tickets import Ticket
from services.tickets.stats import median_hours

WEEKS = 8
OPENED, RESOLVED, HOURS = "#c0392b", "#27ae60", "#2c3e50"
# Merged duplicates are one problem reported twice: not a ticket opened.
_NOT_OPENED = ("duplicate",)


@dataclass(frozen=True)
class Week:
    start: date  # the Monday, in the compound's time zone
    opened: int
    resolved: int
    median_hours: float | None


def _monday(now: datetime, tz: ZoneInfo) -> datetime:
    local = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    return local - timedelta(days=local.weekday())


async def weeks(session: AsyncSession, compound: Compound, now: datetime,
                teams: list[int] | None = None, count: int = WEEKS) -> list[Week]:
    """The last `count` weeks, this one included, oldest first."""
    tz = ZoneInfo(compound.timezone)
    starts = [_monday(now, tz) - timedelta(weeks=n) for n in range(count - 1, -1, -1)]
    first = starts[0]
    stmt = select(Ticket).where(Ticket.compound_id == compound.id,
                                or_(Ticket.created_at >= first, Ticket.resolved_at >= first))
    if teams is not None:
        stmt = stmt.where(Ticket.team_id.in_(teams))
    tickets = list((await session.execute(stmt)).scalars())

    def index(at: datetime | None) -> int | None:
        if at is None or at < first:
            return None
        return min(int((at - first).total_seconds() // (7 * 86400)), count - 1)

    opened, resolved = [0] * count, [0] * count
    spans: list[list[timedelta]] = [[] for _ in range(count)]
    for t in tickets:
        i = index(t.created_at)
        if i is not None and t.status not in _NOT_OPENED:
            opened[i] += 1
        j = index(t.resolved_at)
        if j is not None and t.resolved_at is not None:
            resolved[j] += 1
            spans[j].append(t.resolved_at - t.created_at)
    return [Week(s.date(), opened[i], resolved[i], median_hours(spans[i]))
            for i, s in enumerate(starts)]


def worth_drawing(data: list[Week]) -> bool:
    return any(w.opened or w.resolved for w in data)


def chart_png(data: list[Week]) -> bytes:
    """Bars: opened and resolved per week (left axis); line: median hours (right axis)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.2, 3.6), dpi=110)
    ax = fig.subplots()
    x = list(range(len(data)))
    width = 0.38
    opened = ax.bar([i - width / 2 for i in x], [w.opened for w in data], width, color=OPENED)
    resolved = ax.bar([i + width / 2 for i in x], [w.resolved for w in data], width,
                      color=RESOLVED)
    for bars in (opened, resolved):
        ax.bar_label(bars, fmt="%g", fontsize=8)
    top = max([w.opened for w in data] + [w.resolved for w in data] + [1])
    ax.set_ylim(0, top * 1.25)
    ax.set_xticks(x, [f"{w.start.month}/{w.start.day}" for w in data])
    ax.spines[["top"]].set_visible(False)
    hours = [(i, w.median_hours) for i, w in zip(x, data, strict=True)
             if w.median_hours is not None]
    if hours:
        right = ax.twinx()
        right.plot([i for i, _ in hours], [h for _, h in hours], color=HOURS, marker="o")
        right.set_ylim(0, max(h for _, h in hours) * 1.25 or 1)
        right.spines[["top"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
