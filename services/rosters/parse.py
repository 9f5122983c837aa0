"""What organizers type for a roster's rule: times, sizes, days, leads, dates.

Every parser returns a value or raises RosterError with a code the handler explains; none
of them touches the database.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from itertools import pairwise

from services.rosters.errors import RosterError
from services.rosters.recurrence import DAILY, WEEKDAYS, parse_cron

MAX_SLOTS = 6
MAX_LEADS = 4
MAX_LEAD_MINUTES = 24 * 60
MAX_PER_SHIFT = 50

# Input vocabularies: "7:30", "07：30", "7点半", "7點30分"; ranges with -, ~, 至 or 到.
CLOCK_INPUT = r"(\d{1,2})\s*(?:[:：]\s*(\d{2})|[点點时時]\s*(?:(\d{1,2})\s*分?|(半))?)?"
RANGE_SEP_INPUT = r"\s*(?:-|–|—|~|～|至|到)\s*"
TIME_RE = re.compile("^" + CLOCK_INPUT + "$")
RANGE_RE = re.compile("^" + CLOCK_INPUT + RANGE_SEP_INPUT + CLOCK_INPUT + "$")
SLOT_SPLIT = re.compile(r"[,，、;；\s]+(?=\d)")

WEEKDAYS_INPUT = {"weekdays", "workdays", "school days", "schooldays", "工作日", "上学日",
                  "上學日", "周一至周五", "週一至週五", "1-5"}
DAILY_INPUT = {"daily", "every day", "everyday", "每天", "每日", "天天", "1-7"}
WEEKDAY_NAMES_INPUT = {
    "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7,
}
DAY_PREFIX_INPUT = ("星期", "礼拜", "禮拜", "周", "週")
MINUTES_UNITS_INPUT = {"m": 1, "min": 1, "mins": 1, "minutes": 1, "分钟": 1, "分鐘": 1, "分": 1,
                       "h": 60, "hr": 60, "hour": 60, "hours": 60, "小时": 60, "小時": 60}
LEAD_RE = re.compile(r"^(\d{1,4})\s*([a-z\u4e00-\u9fff]+)$")
DATE_INPUT = r"^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?$"
DATE_RE = re.compile(DATE_INPUT)
PERIOD_SPLIT_INPUT = r"\s*(?:\.\.|—|–|~|～|至|到|\s)\s*"
PERIOD_SPLIT = re.compile(PERIOD_SPLIT_INPUT)


def _clock(hour: str, minute: str | None, minute_cn: str | None, half: str | None) -> time:
    m = 30 if half else int(minute or minute_cn or 0)
    h = int(hour)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise RosterError("time-bad", text=f"{hour}:{m:02d}")
    return time(h, m)


def parse_time(text: str) -> time:
    match = TIME_RE.match(text.strip())
    if match is None:
        raise RosterError("time-bad", text=text.strip()[:20])
    return _clock(*match.groups())


def parse_times(text: str) -> list[tuple[time, time]]:
    """ "07:30-08:10, 16:30-17:10" → [(07:30, 08:10), (16:30, 17:10)], checked and sorted."""
    parts = [p for p in SLOT_SPLIT.split(text.strip()) if p]
    if not parts:
        raise RosterError("times-bad")
    slots = []
    for part in parts:
        match = RANGE_RE.match(part.strip())
        if match is None:
            raise RosterError("times-bad")
        groups = match.groups()
        start, end = _clock(*groups[:4]), _clock(*groups[4:])
        if end <= start:
            raise RosterError("times-order", start=start.strftime("%H:%M"),
                              end=end.strftime("%H:%M"))
        slots.append((start, end))
    if len(slots) > MAX_SLOTS:
        raise RosterError("times-many", most=MAX_SLOTS)
    slots.sort()
    for (_, end), (start, _) in pairwise(slots):
        if start < end:
            raise RosterError("times-overlap")
    return slots


def times_json(slots: list[tuple[time, time]]) -> list[list[str]]:
    return [[s.strftime("%H:%M"), e.strftime("%H:%M")] for s, e in slots]


def parse_size(text: str) -> int:
    word = text.strip()
    if not word.isdigit():
        raise RosterError("size-bad")
    size = int(word)
    if size < 1:
        raise RosterError("size-zero")
    if size > MAX_PER_SHIFT:
        raise RosterError("size-big", most=MAX_PER_SHIFT)
    return size


def _weekday_numbers(text: str) -> list[int] | None:
    words = [w for w in re.split(r"[\s,，、;；/]+", text.strip().lower()) if w]
    if len(words) == 1 and not words[0].isdigit() and words[0][:3] not in WEEKDAY_NAMES_INPUT:
        word = words[0]
        for prefix in DAY_PREFIX_INPUT:
            word = word.replace(prefix, "")
        words = list(word)  # "一三五"
    days = []
    for word in words:
        for prefix in DAY_PREFIX_INPUT:
            word = word.removeprefix(prefix)
        if word.isdigit() and 1 <= int(word) <= 7:
            days.append(int(word))
        elif word[:3] in WEEKDAY_NAMES_INPUT:
            days.append(WEEKDAY_NAMES_INPUT[word[:3]])
        else:
            return None
    return sorted(set(days)) or None


def parse_recurrence(text: str) -> str:
    """ "weekdays" | "days:1,3,5" | "cron:<dom> <month> <dow>"."""
    word = text.strip().lower()
    if word in WEEKDAYS_INPUT:
        return WEEKDAYS
    if word in DAILY_INPUT:
        return DAILY
    if word.startswith("cron"):
        return parse_cron(word.removeprefix("cron").strip(" :"))
    days = _weekday_numbers(word)
    if days is None:
        raise RosterError("days-bad")
    if days == [1, 2, 3, 4, 5, 6, 7]:
        return DAILY
    return "days:" + ",".join(str(d) for d in days)


def parse_leads(text: str) -> list[str]:
    """ "20:00 30m" → ["eve@20:00", "30m"]: the evening before at 20:00, and 30 minutes before."""
    words = [w for w in re.split(r"[\s,，、;；]+", text.strip().lower()) if w]
    if not words:
        raise RosterError("leads-bad")
    leads: list[str] = []
    for word in words:
        if TIME_RE.match(word) and not word.isdigit():
            lead = "eve@" + parse_time(word).strftime("%H:%M")
        else:
            match = LEAD_RE.match(word)
            unit = MINUTES_UNITS_INPUT.get(match.group(2)) if match else None
            if match is None or unit is None:
                raise RosterError("leads-bad")
            minutes = int(match.group(1)) * unit
            if not 1 <= minutes <= MAX_LEAD_MINUTES:
                raise RosterError("leads-range")
            lead = f"{minutes}m"
        if lead not in leads:
            leads.append(lead)
    if len(leads) > MAX_LEADS:
        raise RosterError("leads-many", most=MAX_LEADS)
    return leads


def parse_grace(text: str, most: int) -> int:
    """ "45", "45m", "45分钟", "1h", "1小时" → minutes, 0 to `most`."""
    shown = str(most)  # a plain "1440": Fluent would group a number's digits ("1,440")
    word = text.strip().lower().replace(" ", "")
    if word.isdigit():
        minutes = int(word)
    else:
        match = LEAD_RE.match(word)
        unit = MINUTES_UNITS_INPUT.get(match.group(2)) if match else None
        if match is None or unit is None:
            raise RosterError("grace-bad", most=shown)
        minutes = int(match.group(1)) * unit
    if minutes > most:
        raise RosterError("grace-bad", most=shown)
    return minutes


def parse_day(text: str, today: date) -> date:
    """ "2025-10-10", "10-10", "10/10", "10月10日"; without a year, the next such day."""
    match = DATE_RE.match(text.strip())
    if match is None:
        raise RosterError("date-bad", text=text.strip()[:20])
    year_s, month_s, day_s = match.groups()
    try:
        day = date(int(year_s) if year_s else today.year, int(month_s), int(day_s))
    except ValueError:
        raise RosterError("date-bad", text=text.strip()[:20]) from None
    if not year_s and day < today - timedelta(days=31):
        day = day.replace(year=day.year + 1)
    return day


def parse_period(text: str, today: date) -> tuple[date, date]:
    parts = [p for p in PERIOD_SPLIT.split(text.strip()) if p]
    if len(parts) != 2:
        raise RosterError("period-bad")
    first, last = parse_day(parts[0], today), parse_day(parts[1], today)
    if last < first:
        raise RosterError("period-order")
    return first, last
