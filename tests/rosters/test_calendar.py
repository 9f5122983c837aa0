"""Which days are duty days: the official calendar, make-up days, terms, closures, cron."""

from __future__ import annotations

from datetime import date

import pytest

from services.rosters import parse, recurrence
from services.rosters.calendar import CalendarRule, DayKind, duty_days, official_kind
from services.rosters.errors import RosterError

NATIONAL_DAY_WEEK = (date(2025, 9, 27), date(2025, 10, 12))


def test_the_package_knows_national_day_2025() -> None:
    assert official_kind(date(2025, 9, 28)) == (DayKind.MAKEUP, True)  # a Sunday worked
    assert official_kind(date(2025, 10, 1)) == (DayKind.HOLIDAY, True)
    # A Saturday inside the break:
    assert official_kind(date(2025, 10, 4)) == (DayKind.HOLIDAY, True)
    assert official_kind(date(2025, 10, 11)) == (DayKind.MAKEUP, True)
    assert official_kind(date(2025, 9, 27)) == (DayKind.ORDINARY, True)  # a plain Saturday
    assert official_kind(date(2025, 9, 29)) == (DayKind.ORDINARY, True)
    # Not announced: the law's holidays, the make-up days unknown.
    assert official_kind(date(2027, 1, 1)) == (DayKind.HOLIDAY, False)
    assert official_kind(date(2027, 1, 4)) == (DayKind.ORDINARY, False)


def test_school_days_follow_holidays_and_make_up_days() -> None:
    days, unknown = duty_days(CalendarRule(recurrence.WEEKDAYS), *NATIONAL_DAY_WEEK)
    assert days == [date(2025, 9, 28), date(2025, 9, 29), date(2025, 9, 30),
                    date(2025, 10, 9), date(2025, 10, 10), date(2025, 10, 11)]
    assert unknown == set()


def test_without_the_holiday_rule_it_is_plain_weekdays() -> None:
    days, _ = duty_days(CalendarRule(recurrence.WEEKDAYS, follow_holidays=False),
                        date(2025, 9, 28), date(2025, 10, 4))
    assert days == [date(2025, 9, 29), date(2025, 9, 30), date(2025, 10, 1),
                    date(2025, 10, 2), date(2025, 10, 3)]


def test_chosen_days_skip_holidays_but_do_not_move_to_make_up_days() -> None:
    rule = CalendarRule(parse.parse_recurrence("一三五"))
    days, _ = duty_days(rule, *NATIONAL_DAY_WEEK)
    assert days == [date(2025, 9, 29), date(2025, 10, 10)]
    daily, _ = duty_days(CalendarRule(recurrence.DAILY), date(2025, 9, 30), date(2025, 10, 9))
    assert daily == [date(2025, 9, 30), date(2025, 10, 9)]


def test_terms_and_closure_days() -> None:
    rule = CalendarRule(recurrence.WEEKDAYS, terms=((date(2025, 9, 29), date(2025, 10, 10)),),
                        skips=frozenset({date(2025, 9, 30)}))
    days, _ = duty_days(rule, *NATIONAL_DAY_WEEK)
    assert days == [date(2025, 9, 29), date(2025, 10, 9), date(2025, 10, 10)]


def test_an_unannounced_year_keeps_its_statutory_holidays_and_is_reported() -> None:
    # 2030 is not in the announced calendar: New Year's Day is still a day off by law.
    days, unknown = duty_days(CalendarRule(recurrence.WEEKDAYS), date(2029, 12, 31),
                              date(2030, 1, 6))
    assert days == [date(2029, 12, 31), date(2030, 1, 2), date(2030, 1, 3), date(2030, 1, 4)]
    assert unknown == {2029, 2030}


def test_2027_new_year_spring_festival_and_national_day_are_days_off() -> None:
    days, unknown = duty_days(CalendarRule(recurrence.WEEKDAYS), date(2026, 12, 28),
                              date(2027, 1, 8))
    assert date(2027, 1, 1) not in days and date(2027, 1, 4) in days
    assert date(2026, 12, 31) in days and unknown == {2027}
    spring, _ = duty_days(CalendarRule(recurrence.WEEKDAYS), date(2027, 2, 1),
                          date(2027, 2, 12))
    # Eve (Fri 5th) and the three days, two of them on a weekend, given on Mon–Wed.
    assert spring == [date(2027, 2, 1), date(2027, 2, 2), date(2027, 2, 3), date(2027, 2, 4),
                      date(2027, 2, 11), date(2027, 2, 12)]
    october, _ = duty_days(CalendarRule(recurrence.WEEKDAYS), date(2027, 9, 27),
                           date(2027, 10, 8))
    assert not any(date(2027, 10, 1) <= d <= date(2027, 10, 5) for d in october)
    assert date(2027, 9, 15) not in duty_days(CalendarRule(recurrence.WEEKDAYS),
                                              date(2027, 9, 13), date(2027, 9, 17))[0]


def test_a_roster_that_ignores_holidays_works_them() -> None:
    days, unknown = duty_days(CalendarRule(recurrence.WEEKDAYS, follow_holidays=False),
                              date(2027, 1, 1), date(2027, 1, 1))
    assert days == [date(2027, 1, 1)] and unknown == set()


def test_cron_rules() -> None:
    first_monday = parse.parse_recurrence("cron 1-7 * 1")  # day 1-7 OR Monday, as cron does
    assert recurrence.matches(first_monday, date(2025, 10, 13))
    assert recurrence.matches(first_monday, date(2025, 10, 2))
    assert not recurrence.matches(first_monday, date(2025, 10, 14))
    every_other = parse.parse_recurrence("cron 0 7 */2 * *")
    assert every_other == "cron:*/2 * *"
    assert recurrence.matches(every_other, date(2025, 10, 3))
    assert not recurrence.matches(every_other, date(2025, 10, 4))
    sundays = parse.parse_recurrence("cron * * 0")
    assert recurrence.matches(sundays, date(2025, 10, 12))
    with pytest.raises(RosterError):
        parse.parse_recurrence("cron * * 9")


@pytest.mark.parametrize(("text", "rule"), [
    ("weekdays", "weekdays"), ("工作日", "weekdays"), ("每天", recurrence.DAILY),
    ("1 3 5", "days:1,3,5"), ("一三五", "days:1,3,5"), ("周二、周四", "days:2,4"),
    ("mon wed fri", "days:1,3,5"), ("星期六", "days:6"),
])
def test_typed_days(text: str, rule: str) -> None:
    assert parse.parse_recurrence(text) == rule


def test_typed_times_sizes_and_leads() -> None:
    assert parse.times_json(parse.parse_times("7:30-8:10，16:30~17:10")) == [
        ["07:30", "08:10"], ["16:30", "17:10"]]
    assert parse.times_json(parse.parse_times("7点半到8点10分")) == [["07:30", "08:10"]]
    assert parse.parse_leads("20:00 30m") == ["eve@20:00", "30m"]
    assert parse.parse_leads("1小时 30分钟") == ["60m", "30m"]
    assert parse.parse_size("2") == 2


@pytest.mark.parametrize(("call", "code"), [
    (lambda: parse.parse_times("08:10-07:30"), "times-order"),
    (lambda: parse.parse_times("07:30-07:30"), "times-order"),
    (lambda: parse.parse_times("07:30-08:10, 08:00-08:30"), "times-overlap"),
    (lambda: parse.parse_times("morning"), "times-bad"),
    (lambda: parse.parse_times("25:00-26:00"), "time-bad"),
    (lambda: parse.parse_size("0"), "size-zero"),
    (lambda: parse.parse_size("two"), "size-bad"),
    (lambda: parse.parse_size("99"), "size-big"),
    (lambda: parse.parse_leads("soon"), "leads-bad"),
    (lambda: parse.parse_leads("3000m"), "leads-range"),
    (lambda: parse.parse_recurrence("sometimes"), "days-bad"),
    (lambda: parse.parse_period("2025-10-10 2025-10-01", date(2025, 9, 1)), "period-order"),
    (lambda: parse.parse_day("2025-02-30", date(2025, 9, 1)), "date-bad"),
])
def test_bad_input_is_refused_with_a_reason(call: object, code: str) -> None:
    with pytest.raises(RosterError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.code == code


def test_dates_without_a_year_mean_the_next_one() -> None:
    today = date(2025, 9, 26)
    assert parse.parse_day("10-10", today) == date(2025, 10, 10)
    assert parse.parse_day("10月10日", today) == date(2025, 10, 10)
    assert parse.parse_period("09-01 01-16", today) == (date(2025, 9, 1), date(2026, 1, 16))
