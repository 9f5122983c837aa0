"""What a load of the official arrangement answers, as fragments: the chat and the CLI
render the same words in their reader's language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from models.official_calendar import OfficialYear
from services.outbox import fragment, lines
from services.rosters.calendar import official_kind
from services.rosters.display import DEFAULT_TZ
from services.rosters.official_load import Loaded, years_text
from services.rosters.official_text import MAX_SHOWN, ArrangementError, Problem


def _problem(problem: Problem) -> dict[str, Any]:
    args = {k: v for k, v in problem.args.items() if k != "text"}
    reason = fragment(f"cal-err-{problem.code}", **args)
    if problem.line is None:
        return reason
    return fragment("cal-problem-line", line=problem.line, text=problem.args.get("text", ""),
                    reason=reason)


def refused(error: ArrangementError) -> dict[str, Any]:
    shown = [_problem(p) for p in error.problems[:MAX_SHOWN]]
    hidden = len(error.problems) - MAX_SHOWN
    if hidden > 0:
        shown.append(fragment("cal-problem-more", count=hidden))
    return fragment("cal-refused", problems=lines(*shown))


def loaded(out: Loaded) -> dict[str, Any]:
    return fragment("cal-loaded", years=years_text(out.years), holidays=out.holidays,
                    workdays=out.workdays, rosters=len(out.rosters), created=out.created,
                    cancelled=out.cancelled, told=out.told)


def status(years: list[OfficialYear], now: datetime) -> dict[str, Any]:
    """This year, the next, and any later year loaded already (in China's time: the
    arrangement is the State Council's)."""
    tz = ZoneInfo(DEFAULT_TZ)
    today = now.astimezone(tz).date()
    stored = {y.year: y for y in years}
    shown = sorted({today.year, today.year + 1, *(y for y in stored if y > today.year)})
    parts = []
    for year in shown:
        row = stored.get(year)
        if row is not None:
            parts.append(fragment("cal-status-loaded", year=str(year),
                                  when=row.loaded_at.astimezone(tz).date().isoformat(),
                                  holidays=row.holidays, workdays=row.workdays))
        elif official_kind(date(year, 6, 1))[1]:
            parts.append(fragment("cal-status-builtin", year=str(year)))
        else:
            parts.append(fragment("cal-status-unknown", year=str(year)))
    return fragment("cal-status", years=lines(*parts))
