"""Results for organizers: a CSV that Excel opens (UTF-8 with BOM) and a bar chart PNG.

Labels come from the caller (already localized). Bars are labelled with option numbers;
the option texts go in the caption, so the chart needs no CJK font.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.polls import Poll, PollBallot, PollChoice, PollKind, PollOption, PollStatus
from models.registry import Building, Household
from services.polls import cards
from services.polls.turnout import turnout

Label = Callable[..., str]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def results_visible(poll: Poll) -> bool:
    """Counts before the close only for live, open ballots: watching the counts of a secret
    ballot move vote by vote would tell who chose what."""
    return poll.status == PollStatus.CLOSED or (poll.live_results and not poll.secret)


def _cell(value: Any) -> Any:
    # Residents' texts must not run as spreadsheet formulas.
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _label(t: Label, option: PollOption | dict[str, Any]) -> str:
    code = option.code if isinstance(option, PollOption) else option.get("code")
    text = option.text if isinstance(option, PollOption) else option["text"]
    return t(f"poll-option-{code}") if code else text


async def option_rows(session: AsyncSession, poll: Poll) -> list[tuple[int, Any, int, Decimal]]:
    """(position, option, ballots, area) from the stored result, or the running totals."""
    if poll.result is not None:
        return [(o["position"], o, o["ballots"], Decimal(o["area"]))
                for o in poll.result["options"]]
    counts = await cards.counts_of(session, poll.id)
    return [(o.position, o, *counts.get(o.id, (0, Decimal(0))))
            for o in await cards.options_of(session, poll.id)]


async def csv_bytes(session: AsyncSession, poll: Poll, t: Label) -> bytes:
    out = io.StringIO()
    w = csv.writer(out)
    tz = await cards.timezone_of(session, poll.compound_id)
    w.writerow([t("poll-csv-question"), _cell(poll.question)])
    w.writerow([t("poll-csv-status"), t(f"poll-status-{poll.status}")])
    w.writerow([t("poll-csv-deadline"), cards.local(poll.closes_at, tz)])
    if results_visible(poll):
        w.writerow([])
        w.writerow([t("poll-csv-number"), t("poll-csv-option"), t("poll-csv-votes"),
                    t("poll-csv-area")])
        for position, option, ballots, area in await option_rows(session, poll):
            w.writerow([position, _cell(_label(t, option)), ballots, cards.area_text(area)])
    seen = await turnout(session, poll)
    w.writerow([])
    w.writerow([t("poll-csv-building"), t("poll-csv-voted"), t("poll-csv-eligible"),
                t("poll-csv-area-voted"), t("poll-csv-area-total")])
    for b in seen.buildings:
        w.writerow([_cell(b.name), b.voted, b.eligible, cards.area_text(b.area_voted),
                    cards.area_text(b.area_total)])
    w.writerow([t("poll-csv-total"), seen.voted, "" if seen.eligible is None else seen.eligible,
                cards.area_text(seen.area_voted), cards.area_text(seen.area_total)])
    if not poll.secret and results_visible(poll):
        await _ballot_rows(session, poll, w, t, tz)
    return out.getvalue().encode("utf-8-sig")


async def _ballot_rows(session: AsyncSession, poll: Poll, w: Any, t: Label, tz: Any) -> None:
    w.writerow([])
    w.writerow([t("poll-csv-voter"), t("poll-csv-household"), t("poll-csv-choice"),
                t("poll-csv-source"), t("poll-csv-cast-at"), t("poll-csv-note")])
    rows = await session.execute(
        select(PollBallot, Person, Household, Building, PollOption)
        .join(PollChoice, PollChoice.ballot_id == PollBallot.id)
        .join(PollOption, PollOption.id == PollChoice.option_id)
        .outerjoin(Person, Person.id == PollBallot.person_id)
        .outerjoin(Household, Household.id == PollBallot.household_id)
        .outerjoin(Building, Building.id == Household.building_id)
        .where(PollBallot.poll_id == poll.id)
        .order_by(PollBallot.cast_at, PollBallot.id, PollOption.position)
    )
    for ballot, person, home, building, option in rows:
        place = f"{building.name}-{home.room}" if home and building else ""
        w.writerow([_cell(person.display_name if person else ""), _cell(place),
                    _cell(_label(t, option)), t(f"poll-source-{ballot.source}"),
                    cards.local(ballot.cast_at, tz),
                    _cell(t("poll-csv-superseded") if ballot.superseded else ballot.note or "")])


def chart_png(counts: list[tuple[int, int]], areas: list[Decimal] | None = None) -> bytes:
    """Bars per option number: ballots, and for assembly votes also the area behind them."""
    from matplotlib.figure import Figure  # the Agg canvas; no display, no global state

    panels = 2 if areas is not None else 1
    fig = Figure(figsize=(3.2 * panels + 1.6, 3.4), dpi=110)
    axes = fig.subplots(1, panels, squeeze=False)[0]
    names = [str(n) for n, _ in counts]
    series: list[list[float]] = [[c for _, c in counts]]
    if areas is not None:
        series.append([float(a) for a in areas])  # drawing only; tallies stay exact
    for ax, values, color in zip(axes, series, ("#c0392b", "#e67e22"), strict=False):
        bars = ax.bar(names, values, color=color)
        ax.bar_label(bars, fmt="%g")
        ax.set_ylim(0, max([*values, 1]) * 1.2)
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def chart_for(rows: list[tuple[int, Any, int, Decimal]], kind: str) -> bytes:
    counts = [(position, ballots) for position, _, ballots, _ in rows]
    areas = [area for *_, area in rows] if kind == PollKind.ASSEMBLY else None
    return chart_png(counts, areas)
