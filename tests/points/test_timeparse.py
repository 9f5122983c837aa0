"""Reading the dates and times organizers type, in the compound's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from services.activities.timeparse import parse_datetime, parse_end, parse_time

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 09:00 in Shanghai


@pytest.mark.parametrize(("text", "local"), [
    ("3月4日 9:00", (2026, 3, 4, 9, 0)),
    ("3月4号9点半", (2026, 3, 4, 9, 30)),
    ("2026-03-04 14:05", (2026, 3, 4, 14, 5)),
    ("3/4 下午2点", (2026, 3, 4, 14, 0)),
    ("3.4 9：15", (2026, 3, 4, 9, 15)),
    ("明天 9:00", (2026, 3, 3, 9, 0)),
    ("後天 晚上7点", (2026, 3, 4, 19, 0)),
    ("tomorrow 2:30pm", (2026, 3, 3, 14, 30)),
    ("today 12am", (2026, 3, 2, 0, 0)),
    ("1/15 9:00", (2027, 1, 15, 9, 0)),  # January already passed: next year
])
def test_dates_people_write(text: str, local: tuple[int, ...]) -> None:
    parsed = parse_datetime(text, SHANGHAI, NOW)
    assert parsed is not None and parsed.tzinfo is not None
    assert parsed.astimezone(SHANGHAI).replace(tzinfo=None) == datetime(*local)


@pytest.mark.parametrize("text", ["", "soon", "3月4日", "13/45 9:00", "2月30日 9:00",
                                  "3月4日 25:00", "3月4日 9:75", "明天"])
def test_unreadable_dates_are_none(text: str) -> None:
    assert parse_datetime(text, SHANGHAI, NOW) is None


def test_an_end_may_be_just_a_time_on_the_start_day() -> None:
    start = parse_datetime("3月4日 9:00", SHANGHAI, NOW)
    assert start is not None
    end = parse_end("11:30", start, SHANGHAI)
    assert end is not None and (end - start).total_seconds() == 2.5 * 3600
    assert parse_end("3月5日 8:00", start, SHANGHAI) is not None
    assert parse_end("whenever", start, SHANGHAI) is None


def test_times() -> None:
    assert parse_time("上午10点") == time(10, 0)
    assert parse_time("中午12点") == time(12, 0)
    assert parse_time("9pm") == time(21, 0)
    assert parse_time("24:00") is None
