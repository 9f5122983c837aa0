"""Is this a duty day? The rule, China's official calendar, school terms and closure days.

The official calendar comes from `chinese_calendar`: public holidays that fall on weekdays
are days off and some weekends are make-up working days (调休). The package only knows
the years the State Council has announced. The statutory holidays themselves are fixed by
law every year (New Year's Day, the Spring Festival, Qingming, Labour Day, the Dragon Boat
Festival, Mid-Autumn, National Day; the lunar and solar-term dates computed by the kept
`holidays` package): for a year not yet announced those are days off, and what is unknown
is only the make-up working days, which the organizer is told once.

An admin can load a year's arrangement as announced (services.rosters.official); a loaded
year's days are taken from it before anything else, and its make-up days are known.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

import chinese_calendar

from services.rosters import recurrence


class DayKind(enum.Enum):
    ORDINARY = "ordinary"  # a weekday or a weekend as usual
    HOLIDAY = "holiday"  # a public holiday (a weekday off, or a weekend inside one)
    MAKEUP = "makeup"  # a weekend worked instead (调休)


@dataclass(frozen=True)
class Arrangement:
    """Loaded official days: True a day off, False a weekend worked; `years` were loaded
    whole (a day of theirs not listed is an ordinary day)."""

    days: Mapping[date, bool] = field(default_factory=dict)
    years: frozenset[int] = frozenset()


NONE_LOADED = Arrangement()


def _plain(day: date, holiday: bool | None) -> DayKind:
    if holiday is None:
        return DayKind.ORDINARY
    if holiday:
        return DayKind.HOLIDAY
    return DayKind.MAKEUP if day.isoweekday() >= 6 else DayKind.ORDINARY


def official_kind(day: date, loaded: Arrangement = NONE_LOADED) -> tuple[DayKind, bool]:
    """What the official calendar says of the day, and whether the year's arrangement is
    announced (False: statutory holidays computed, make-up working days not known yet)."""
    if day.year in loaded.years or day in loaded.days:
        return _plain(day, loaded.days.get(day)), day.year in loaded.years or _announced(day)
    return _packaged(day)


def _announced(day: date) -> bool:
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def _packaged(day: date) -> tuple[DayKind, bool]:
    try:
        working = chinese_calendar.is_workday(day)
        _, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return (DayKind.HOLIDAY if day in statutory(day.year) else DayKind.ORDINARY), False
    weekend = day.isoweekday() >= 6
    if working:
        return (DayKind.MAKEUP if weekend else DayKind.ORDINARY), True
    if not weekend or name is not None:
        return DayKind.HOLIDAY, True
    return DayKind.ORDINARY, True


@functools.lru_cache(maxsize=8)
def statutory(year: int) -> frozenset[date]:
    """The statutory days off of a year by the rules of law (with a holiday that falls on a
    weekend given on the next working day), as `holidays` computes them."""
    import holidays  # loaded only for a year the announced calendar lacks

    return frozenset(holidays.country_holidays("CN", years=year))


@dataclass(frozen=True)
class CalendarRule:
    recurrence: str
    follow_holidays: bool = True
    terms: tuple[tuple[date, date], ...] = ()
    skips: frozenset[date] = field(default_factory=frozenset)
    official: Arrangement = NONE_LOADED

    def in_term(self, day: date) -> bool:
        return not self.terms or any(first <= day <= last for first, last in self.terms)


@dataclass
class Verdict:
    duty: bool
    unknown_year: bool = False


def judge(rule: CalendarRule, day: date) -> Verdict:
    kind, known = (official_kind(day, rule.official) if rule.follow_holidays
                   else (DayKind.ORDINARY, True))
    unknown = not known
    if rule.recurrence == recurrence.WEEKDAYS:
        base = kind is DayKind.MAKEUP or (day.isoweekday() <= 5 and kind is not DayKind.HOLIDAY)
    else:
        # A chosen-days rule does not move to make-up days: only "weekdays" follows the
        # official working week, which is what schools and offices keep.
        base = recurrence.matches(rule.recurrence, day) and kind is not DayKind.HOLIDAY
    duty = base and rule.in_term(day) and day not in rule.skips
    return Verdict(duty, unknown and base)


def days_between(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def duty_days(rule: CalendarRule, first: date, last: date) -> tuple[list[date], set[int]]:
    """The duty days from `first` to `last`, and the years whose make-up days are unknown."""
    days: list[date] = []
    unknown: set[int] = set()
    for day in days_between(first, last):
        verdict = judge(rule, day)
        if verdict.unknown_year:
            unknown.add(day.year)
        if verdict.duty:
            days.append(day)
    return days, unknown
