"""Assessment periods: a calendar month or quarter in the compound's own time zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

_MONTH = re.compile(r"(?:(\d{4})-)?(\d{1,2})")
_QUARTER = re.compile(r"(?:(\d{4})-?)?(?:Q([1-4])|([1-4])Q)")
# Chinese words of a period, rewritten to the plain forms above: "2026年第4季度" is
# "2026-4Q", "4季度" is "4Q", "2026年11月" is "2026-11".
PERIOD_INPUT = {"年": "-", "第": "", "季度": "Q", "季": "Q", "月": ""}


@dataclass(frozen=True)
class Period:
    code: str  # "2026-12" or "2026-Q4": the key figures and frozen results are stored under
    start: datetime  # aware UTC, inclusive
    end: datetime  # aware UTC, exclusive


def _local(year: int, month: int, tz: ZoneInfo) -> datetime:
    if month > 12:
        year, month = year + 1, month - 12
    return datetime(year, month, 1, tzinfo=tz).astimezone(UTC)


def month(year: int, month_: int, tz: ZoneInfo) -> Period:
    return Period(f"{year:04d}-{month_:02d}", _local(year, month_, tz),
                  _local(year, month_ + 1, tz))


def quarter(year: int, q: int, tz: ZoneInfo) -> Period:
    first = 3 * (q - 1) + 1
    return Period(f"{year:04d}-Q{q}", _local(year, first, tz), _local(year, first + 3, tz))


def current_month(now: datetime, tz: ZoneInfo) -> Period:
    local = now.astimezone(tz)
    return month(local.year, local.month, tz)


def parse(text: str, now: datetime, tz: ZoneInfo) -> Period | None:
    """A month ("2026-11", "11月"), a quarter ("2026-Q4", "Q4", "4季度") or None if neither.
    An empty text is the current month; a month or quarter without a year is this year's."""
    raw = text.strip().upper().replace(" ", "")
    for word, plain in PERIOD_INPUT.items():
        raw = raw.replace(word, plain)
    if not raw:
        return current_month(now, tz)
    this_year = now.astimezone(tz).year
    if m := _MONTH.fullmatch(raw):
        mo = int(m[2])
        return month(int(m[1] or this_year), mo, tz) if 1 <= mo <= 12 else None
    if m := _QUARTER.fullmatch(raw):
        return quarter(int(m[1] or this_year), int(m[2] or m[3]), tz)
    return None
