"""Indicators as the arguments of a localized message (strings, "—" where there is no data)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from services.assessment.indicators import Indicators
from services.outbox import fragment
from services.tickets.categories import Category

NONE = "—"


def _d(value: Decimal | None) -> str:
    return NONE if value is None else str(value)


def period_label(code: str) -> dict[str, Any]:
    year, _, rest = code.partition("-")
    if rest.startswith("Q"):
        return fragment("as-period-quarter", year=year, quarter=rest[1:])
    return fragment("as-period-month", year=year, month=str(int(rest)))


def indicator_args(compound: str, ind: Indicators) -> dict[str, Any]:
    cats = [fragment("as-category", category=fragment(f"tk-cat-{c.value}"),
                     count=ind.by_category[c.value])
            for c in Category if ind.by_category.get(c.value)]
    return {
        "compound": compound, "period": period_label(ind.period.code),
        "households": ind.households, "tickets": ind.tickets, "per100": _d(ind.per_100),
        "categories": {"lines": cats} if cats else fragment("as-none"),
        "accept_median": _d(ind.accept_median), "accept_p90": _d(ind.accept_p90),
        "resolve_median": _d(ind.resolve_median), "resolve_p90": _d(ind.resolve_p90),
        "within_sla": _d(ind.within_sla), "reopen": _d(ind.reopen_rate),
        "l2": ind.escalated_l2, "l3": ind.escalated_l3,
        "mean": _d(ind.mean_rating), "four": _d(ind.rated_4_plus), "ratings": ind.ratings,
        "mediated": ind.mediated, "points": ind.points_earned, "fee": _d(ind.fee_rate),
        "hours": str(ind.volunteer_hours), "coverage": _d(ind.shift_coverage),
        "turnout": _d(ind.turnout),
    }
