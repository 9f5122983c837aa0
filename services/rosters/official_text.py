"""Reading a year's official holiday arrangement as an admin types or saves it.

One day or a range per line, then what it is: `2027-01-01,holiday`, `2027-02-07 班`,
`2027-02-11..2027-02-17 休`, `2027年10月1日至7日 放假`. Anything after the word (a note such
as 元旦) is ignored, so a copy of a spreadsheet with a third column reads too. A line that
cannot be read refuses the whole text: a half-loaded year would schedule guards on the
wrong days without anyone noticing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

MAX_LINES = 400
MAX_RANGE_DAYS = 31
MAX_SHOWN = 10
FIRST_YEAR, LAST_YEAR = 2000, 2100

HOLIDAY_INPUT = {"holiday", "holidays", "off", "rest", "day off", "h", "休", "假", "放假", "休息",
                 "休假", "节假日", "節假日", "假日", "节日", "節日"}
WORKDAY_INPUT = {"workday", "work", "working", "working day", "w", "班", "上班", "补班", "補班",
                 "调休上班", "調休上班", "工作日"}
DATE_INPUT = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?"
END_INPUT = r"(?:(\d{4})\s*[-/.年]\s*)?(?:(\d{1,2})\s*[-/.月]\s*)?(\d{1,2})\s*[日号號]?"
RANGE_SEP_INPUT = r"\s*(?:\.\.|~|～|至|到|—|–|-(?=\s*\d{4}\s*[-/.年]))\s*"
LINE_RE = re.compile(rf"^{DATE_INPUT}(?:{RANGE_SEP_INPUT}{END_INPUT})?(?P<rest>.*)$")
WORD_SPLIT = re.compile(r"[,，;；、\t|]+|\s+")


@dataclass(frozen=True)
class Problem:
    line: int | None  # None: the text as a whole (a year without holidays, too long, empty)
    code: str
    args: dict[str, Any] = field(default_factory=dict)


class ArrangementError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(p.code for p in problems))
        self.problems = problems


@dataclass
class Parsed:
    days: dict[date, bool] = field(default_factory=dict)  # True: a day off
    years: set[int] = field(default_factory=set)  # loaded whole: replace what was there
    spill: set[int] = field(default_factory=set)  # only the last days of December

    def count(self, year: int, holiday: bool) -> int:
        return sum(1 for d, h in self.days.items() if d.year == year and h is holiday)


def _kind(words: list[str]) -> bool | None:
    kinds = {True for w in words if w in HOLIDAY_INPUT} | {
        False for w in words if w in WORKDAY_INPUT}
    return kinds.pop() if len(kinds) == 1 else None


def _end(groups: tuple[str | None, ...], first: date) -> date:
    year, month, day = groups
    end = date(int(year) if year else first.year, int(month) if month else first.month,
               int(day or 0))
    if end < first and not year:
        # "2027-12-31..01-02" runs into the next year, "2027-01-30..2" into the next month.
        if month:
            return date(end.year + 1, end.month, end.day)
        ahead = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return ahead.replace(day=end.day)
    return end


def _line(number: int, text: str) -> tuple[list[date], bool] | Problem:
    shown = {"text": text[:40]}
    match = LINE_RE.match(text)
    if match is None:
        return Problem(number, "date-bad", shown)
    groups = match.groups()
    try:
        first = date(int(groups[0]), int(groups[1]), int(groups[2]))
        last = _end(groups[3:6], first) if groups[5] else first
    except ValueError:
        return Problem(number, "date-bad", shown)
    if not (first.year >= FIRST_YEAR and last.year <= LAST_YEAR):
        return Problem(number, "year-bad", shown)
    if last < first:
        return Problem(number, "range-order", shown)
    if (last - first).days >= MAX_RANGE_DAYS:
        return Problem(number, "range-long", {**shown, "most": MAX_RANGE_DAYS})
    words = [w for w in WORD_SPLIT.split(match.group("rest").strip().lower()) if w]
    if any(ch.isdigit() for w in words for ch in w):
        return Problem(number, "date-bad", shown)  # "2027-02-11-17": not a date we can read
    holiday = _kind(words) if words else None
    if holiday is None:
        return Problem(number, "kind-bad", shown)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)], holiday


def _content(text: str, first_line: int) -> list[tuple[int, str]]:
    lines = []
    for number, raw in enumerate(text.splitlines(), start=first_line):
        line = unicodedata.normalize("NFKC", raw).strip().strip('"').strip()
        if not line or line.startswith(("#", "//")):
            continue
        if not lines and not any(ch.isdigit() for ch in line):
            continue  # a header such as "date,kind" or "日期,类型"
        lines.append((number, line))
    return lines


def parse(text: str, first_line: int = 1) -> Parsed:
    """The arrangement in the text; ArrangementError lists every line that cannot be used,
    numbered from `first_line` (the text may start on a message's second line)."""
    lines = _content(text, first_line)
    if not lines:
        raise ArrangementError([Problem(None, "empty")])
    if len(lines) > MAX_LINES:
        raise ArrangementError([Problem(None, "too-long", {"most": MAX_LINES})])
    parsed, problems, where = Parsed(), [], {}
    for number, line in lines:
        read = _line(number, line)
        if isinstance(read, Problem):
            problems.append(read)
            continue
        days, holiday = read
        clash = next((d for d in days if parsed.days.get(d, holiday) is not holiday), None)
        if clash is not None:
            problems.append(Problem(number, "conflict", {"text": line[:40], "other": where[clash],
                                                         "day": clash.isoformat()}))
            continue
        for day in days:
            parsed.days[day] = holiday
            where.setdefault(day, number)
    if not problems:
        problems = _years(parsed)
    if problems:
        raise ArrangementError(problems)
    return parsed


def _years(parsed: Parsed) -> list[Problem]:
    """Sort the years into whole ones and spill-overs; a whole year must have days off."""
    years = {d.year for d in parsed.days}
    for year in sorted(years):
        mine = [d for d in parsed.days if d.year == year]
        # A notice for next year may start its New Year's break on 30 or 31 December.
        if year + 1 in years and all(d >= date(year, 12, 20) for d in mine):
            parsed.spill.add(year)
        else:
            parsed.years.add(year)
    return [Problem(None, "no-holidays", {"year": str(y)}) for y in sorted(parsed.years)
            if not parsed.count(y, True)]
