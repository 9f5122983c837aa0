"""Which days a roster's rule names, before holidays, terms and closure days.

Three shapes, stored as text on the roster:
- "weekdays": Monday to Friday (with the holiday rule: the official working days);
- "days:1,3,5": chosen ISO weekdays (1 = Monday … 7 = Sunday);
- "cron:<day-of-month> <month> <day-of-week>": the date fields of a cron line, with the
  usual `*`, lists, ranges and steps; day-of-week 0 or 7 is Sunday. As in cron, when both
  day fields are restricted a day matching either one counts.
"""

from __future__ import annotations

import re
from datetime import date

from services.rosters.errors import RosterError

WEEKDAYS = "weekdays"
DAILY = "days:1,2,3,4,5,6,7"
_FIELD = re.compile(r"^(\*|\d{1,2}(?:-\d{1,2})?)(?:/(\d{1,2}))?$")
_BOUNDS = ((1, 31), (1, 12), (0, 7))


def _expand(field: str, low: int, high: int) -> set[int]:
    values: set[int] = set()
    for part in field.split(","):
        match = _FIELD.match(part)
        if match is None:
            raise RosterError("cron-bad")
        span, step_s = match.groups()
        step = int(step_s) if step_s else 1
        if span == "*":
            first, last = low, high
        elif "-" in span:
            first, last = (int(x) for x in span.split("-"))
        else:
            first = last = int(span)
            if step_s:
                last = high
        if not (low <= first <= last <= high) or step < 1:
            raise RosterError("cron-bad")
        values.update(range(first, last + 1, step))
    return values


def _fields(rule: str) -> tuple[str, str, str]:
    parts = rule.split()
    if len(parts) == 5:  # a whole cron line: minute and hour come from the shift times
        parts = parts[2:]
    if len(parts) != 3:
        raise RosterError("cron-bad")
    return parts[0], parts[1], parts[2]


def parse_cron(text: str) -> str:
    fields = _fields(text)
    for field, (low, high) in zip(fields, _BOUNDS, strict=True):
        _expand(field, low, high)
    return "cron:" + " ".join(fields)


def _cron_matches(rule: str, day: date) -> bool:
    dom_f, month_f, dow_f = _fields(rule)
    if day.month not in _expand(month_f, 1, 12):
        return False
    dows = {d % 7 for d in _expand(dow_f, 0, 7)}
    dom_ok = day.day in _expand(dom_f, 1, 31)
    dow_ok = day.isoweekday() % 7 in dows
    if dom_f != "*" and dow_f != "*":
        return dom_ok or dow_ok
    return dom_ok and dow_ok


def matches(rule: str, day: date) -> bool:
    if rule == WEEKDAYS:
        return day.isoweekday() <= 5
    if rule.startswith("days:"):
        return str(day.isoweekday()) in rule.removeprefix("days:").split(",")
    if rule.startswith("cron:"):
        return _cron_matches(rule.removeprefix("cron:"), day)
    raise ValueError(f"unknown recurrence {rule!r}")


def weekdays_of(rule: str) -> list[int]:
    """The ISO weekdays of a "days:" rule (for showing it)."""
    return [int(d) for d in rule.removeprefix("days:").split(",") if d]
