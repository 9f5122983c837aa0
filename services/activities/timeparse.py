"""Dates and times as organizers type them, and as residents read them.

Organizers write "3月10日 9:00", "2026-03-10 09:00", "3/10 下午2点半", "明天 9点" or
"tomorrow 9am"; times are in the compound's time zone and stored in UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from services.outbox import fragment

DATE_INPUT = re.compile(
    r"^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?\s*(.*)$"
)
TIME_INPUT = re.compile(
    r"^(上午|早上|中午|下午|晚上)?\s*(\d{1,2})"
    r"(?:\s*[:：点點时時]\s*(\d{1,2}|半)?\s*分?)?\s*(am|pm)?$",
    re.IGNORECASE,
)
RELATIVE_DAY_INPUT = {
    "今天": 0, "今日": 0, "today": 0,
    "明天": 1, "明日": 1, "tomorrow": 1,
    "后天": 2, "後天": 2,
}
AFTERNOON_INPUT = ("下午", "晚上", "pm")
HALF_INPUT = "半"


def parse_time(text: str) -> time | None:
    match = TIME_INPUT.match(text.strip())
    if match is None:
        return None
    prefix, hour_s, minute_s, suffix = match.groups()
    hour = int(hour_s)
    minute = 30 if minute_s == HALF_INPUT else int(minute_s or 0)
    marker = (prefix or suffix or "").lower()
    if marker in AFTERNOON_INPUT and hour < 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def _day(text: str, today: date) -> tuple[date, str] | None:
    lowered = text.strip().lower()
    for word, offset in RELATIVE_DAY_INPUT.items():
        if lowered.startswith(word):
            return today + timedelta(days=offset), text.strip()[len(word):]
    match = DATE_INPUT.match(text.strip())
    if match is None:
        return None
    year_s, month_s, day_s, rest = match.groups()
    year = int(year_s) if year_s else today.year
    try:
        day = date(year, int(month_s), int(day_s))
        if not year_s and day < today - timedelta(days=1):
            day = date(year + 1, day.month, day.day)  # "3/10" typed in December: next year
    except ValueError:
        return None
    return day, rest


def parse_datetime(text: str, tz: ZoneInfo, now: datetime) -> datetime | None:
    """A moment typed with a date and a time, in UTC; None if it cannot be read."""
    found = _day(text, now.astimezone(tz).date())
    if found is None:
        return None
    day, rest = found
    moment = parse_time(rest) if rest.strip() else None
    if moment is None:
        return None
    return datetime.combine(day, moment, tzinfo=tz).astimezone(UTC)


def parse_end(text: str, start: datetime, tz: ZoneInfo) -> datetime | None:
    """An end typed as a full date and time, or as a time on the start's day."""
    full = parse_datetime(text, tz, start)
    if full is not None:
        return full
    moment = parse_time(text)
    if moment is None:
        return None
    return datetime.combine(start.astimezone(tz).date(), moment, tzinfo=tz).astimezone(UTC)


# ---- display ----------------------------------------------------------------------------
def date_fragment(moment: datetime, tz: ZoneInfo) -> dict[str, Any]:
    local = moment.astimezone(tz)
    return fragment("act-date", month=str(local.month), day=str(local.day),
                    weekday=fragment(f"act-weekday-{local.isoweekday()}"))


def clock_time(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M")


def moment_fragment(moment: datetime, tz: ZoneInfo) -> dict[str, Any]:
    return fragment("act-moment", date=date_fragment(moment, tz), time=clock_time(moment, tz))


def span_fragment(start: datetime, end: datetime, tz: ZoneInfo) -> dict[str, Any]:
    if start.astimezone(tz).date() == end.astimezone(tz).date():
        return fragment("act-span", date=date_fragment(start, tz),
                        start=clock_time(start, tz), end=clock_time(end, tz))
    return fragment("act-span-days", start=moment_fragment(start, tz),
                    end=moment_fragment(end, tz))
