"""What organizers type when they create a poll: options, deadlines, fees. Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal, InvalidOperation

MIN_OPTIONS, MAX_OPTIONS = 2, 10
OPTION_LIMIT = 100
QUESTION_LIMIT = 300
DESCRIPTION_LIMIT = 2000
MIN_LEAD = timedelta(minutes=10)
MAX_LEAD = timedelta(days=90)

# What people type for a duration: 3d, 48h, 90m, 3天, 2小时, 30分钟 ...
DURATION_UNITS_INPUT = {
    "d": "days", "day": "days", "days": "days", "天": "days", "日": "days",
    "h": "hours", "hr": "hours", "hour": "hours", "hours": "hours",
    "小时": "hours", "小時": "hours", "时": "hours", "時": "hours", "个小时": "hours",
    "個小時": "hours",
    "m": "minutes", "min": "minutes", "mins": "minutes", "minutes": "minutes",
    "分钟": "minutes", "分鐘": "minutes", "分": "minutes",
}
# Dates as typed: 2026-03-10 20:00, 2026/3/10 20:00, 3-10 20:00, 3月10日 20:00, 3月10日20点
DATE_FORMS_INPUT = re.compile(
    r"^\s*(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?\s*"
    r"(\d{1,2})\s*(?:[:：点點时時]\s*(\d{1,2})?\s*分?)?\s*$"
)
DURATION_RE = re.compile(r"^\s*(\d{1,4})\s*([^\d\s]+)\s*$")
NUMBERING_RE = re.compile(r"^\s*(?:[-*•·]|\d{1,2}\s*(?:[、)）:：]|\.(?!\d)))\s*")
_PRICE = r"(\d{1,3}(?:\.\d{1,2})?)"
FEE_RE = re.compile(rf"^\s*{_PRICE}\s*(?:->|→|=>|~|to|\s)\s*{_PRICE}\s*$")


class ParseError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def options(text: str) -> list[str]:
    """One option per line; numbering is dropped; 2-10 distinct options of ≤100 characters."""
    found: list[str] = []
    seen: set[str] = set()
    for raw in text.splitlines():
        option = " ".join(NUMBERING_RE.sub("", raw).split())
        if not option:
            continue
        if len(option) > OPTION_LIMIT:
            raise ParseError("option-long")
        folded = option.casefold()
        if folded in seen:
            raise ParseError("option-duplicate")
        seen.add(folded)
        found.append(option)
    if len(found) < MIN_OPTIONS:
        raise ParseError("options-few")
    if len(found) > MAX_OPTIONS:
        raise ParseError("options-many")
    return found


def _duration(text: str) -> timedelta | None:
    m = DURATION_RE.match(text.lower())
    if not m:
        return None
    unit = DURATION_UNITS_INPUT.get(m.group(2))
    if unit is None:
        return None
    return timedelta(**{unit: int(m.group(1))})


def _moment(text: str, now: datetime, tz: tzinfo) -> datetime | None:
    m = DATE_FORMS_INPUT.match(text)
    if not m:
        return None
    year_s, month, day, hour, minute = m.groups()
    local_now = now.astimezone(tz)
    year = int(year_s) if year_s else local_now.year
    try:
        when = datetime(year, int(month), int(day), int(hour), int(minute or 0), tzinfo=tz)
    except ValueError:
        raise ParseError("deadline-format") from None
    if not year_s and when < local_now:
        when = when.replace(year=year + 1)  # "3-10 20:00" typed in December means next March
    return when


def deadline(text: str, now: datetime, tz: tzinfo) -> datetime:
    """A deadline as a date and time in the compound's time zone, or a duration from now."""
    lead = _duration(text)
    when = now + lead if lead is not None else _moment(text, now, tz)
    if when is None:
        raise ParseError("deadline-format")
    if when <= now:
        raise ParseError("deadline-past")
    if when < now + MIN_LEAD:
        raise ParseError("deadline-soon")
    if when > now + MAX_LEAD:
        raise ParseError("deadline-far")
    return when.astimezone(now.tzinfo)


@dataclass(frozen=True)
class Fee:
    old: Decimal
    new: Decimal


def fee(text: str) -> Fee:
    """Old and new fee per m² per month, e.g. "1.69 1.99" or "1.69 → 1.99"."""
    m = FEE_RE.match(text.replace("，", " ").replace(",", " "))
    if not m:
        raise ParseError("fee-format")
    try:
        old, new = Decimal(m.group(1)), Decimal(m.group(2))
    except InvalidOperation:
        raise ParseError("fee-format") from None
    if old == new:
        raise ParseError("fee-same")
    return Fee(old, new)


def text_field(text: str | None, limit: int) -> str:
    value = (text or "").strip()
    if not value:
        raise ParseError("empty")
    if len(value) > limit:
        raise ParseError("too-long")
    return value
