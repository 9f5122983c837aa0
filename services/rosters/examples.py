"""Example dates for help texts, computed from today so that a copied example still works.

A term runs from the coming Monday for about a school term (nineteen weeks, to a Friday);
the day off is a weekday two weeks ahead; a rotation covers the next two school weeks.
"""

from __future__ import annotations

from datetime import date, timedelta

TERM_WEEKS = 19


def _next_monday(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())


def example_dates(today: date) -> dict[str, str]:
    monday = _next_monday(today)
    day_off = monday + timedelta(days=7 + 4)  # the Friday of the week after next
    return {
        "term_from": monday.isoformat(),
        "term_to": (monday + timedelta(weeks=TERM_WEEKS, days=4)).isoformat(),
        "day": day_off.isoformat(),
        "day_short": f"{day_off.month}-{day_off.day}",
        "month": str(day_off.month), "dom": str(day_off.day),
        "from": monday.isoformat(),
        "to": (monday + timedelta(days=11)).isoformat(),
    }
