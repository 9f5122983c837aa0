"""Scheme of weights and thresholds, the score, and freezing a closed period.

An indicator scores 100 at its "good" threshold or better, 0 at "bad" or worse, linearly in
between (so a lower-is-better indicator has good < bad). The score is the weighted mean of
the indicators that have data; a compound with fewer tickets or ratings in the period than
the scheme's minimums is not scored ("insufficient data"). Everything is Decimal on
strings, so the same inputs and scheme always give the same score, to the cent.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.assessment import AssessmentResult, AssessmentScheme
from models.registry import Compound
from services.assessment import indicators
from services.assessment.periods import Period
from services.clock import Clock

# The documented default (README "Assessment"): name -> (weight, good, bad).
DEFAULT: dict[str, Any] = {
    "min_tickets": 5, "min_ratings": 3,
    "weights": {
        "within_sla": ["25", "100", "50"],
        "mean_rating": ["25", "5", "3"],
        "resolve_median": ["15", "24", "168"],
        "reopen_rate": ["10", "0", "30"],
        "per_100": ["10", "2", "20"],
        "fee_rate": ["15", "95", "70"],
    },
}
_CENT = Decimal("0.01")


def inputs_of(ind: indicators.Indicators) -> dict[str, Any]:
    """What the score is computed from, as exact strings (None: no data)."""
    names = ("within_sla", "mean_rating", "resolve_median", "reopen_rate", "per_100",
             "fee_rate", "accept_median", "rated_4_plus", "shift_coverage", "turnout")
    out: dict[str, Any] = {n: None if getattr(ind, n) is None else str(getattr(ind, n))
                           for n in names}
    out.update(tickets=ind.tickets, ratings=ind.ratings, escalated_l2=ind.escalated_l2,
               escalated_l3=ind.escalated_l3, mediated=ind.mediated,
               points=ind.points_earned, volunteer_hours=str(ind.volunteer_hours))
    return out


def part(value: Decimal, good: Decimal, bad: Decimal) -> Decimal:
    if good == bad:
        return Decimal(100) if value == good else Decimal(0)
    share = (value - bad) / (good - bad)
    return Decimal(100) * min(Decimal(1), max(Decimal(0), share))


def score(inputs: dict[str, Any], scheme: dict[str, Any]) -> Decimal | None:
    if inputs["tickets"] < scheme["min_tickets"] or inputs["ratings"] < scheme["min_ratings"]:
        return None
    total = weights = Decimal(0)
    for name, (weight, good, bad) in scheme["weights"].items():
        if inputs.get(name) is None:
            continue  # e.g. a fee rate nobody entered: left out, not counted as zero
        w = Decimal(weight)
        total += w * part(Decimal(inputs[name]), Decimal(good), Decimal(bad))
        weights += w
    return (total / weights).quantize(_CENT, ROUND_HALF_UP) if weights else None


async def scheme_for(session: AsyncSession, community_id: int | None,
                     period: Period) -> dict[str, Any]:
    """The community's scheme in force for the period (the default when it set none)."""
    if community_id is None:
        return DEFAULT
    body = await session.scalar(
        select(AssessmentScheme.body)
        .where(AssessmentScheme.community_id == community_id,
               AssessmentScheme.from_period <= quarter_of(period.code))
        .order_by(AssessmentScheme.from_period.desc()).limit(1))
    return body or DEFAULT


def quarter_of(code: str) -> str:
    year, _, rest = code.partition("-")
    return code if rest.startswith("Q") else f"{year}-Q{(int(rest) - 1) // 3 + 1}"


async def close(session: AsyncSession, clock: Clock, compound: Compound,
                period: Period) -> AssessmentResult:
    """Freeze the period for the compound once; closing it again returns what was frozen."""
    frozen = await session.scalar(select(AssessmentResult).where(
        AssessmentResult.compound_id == compound.id, AssessmentResult.period == period.code))
    if frozen is not None:
        return frozen
    inputs = inputs_of(await indicators.compute(session, compound.id, period))
    scheme = await scheme_for(session, compound.community_id, period)
    row = AssessmentResult(compound_id=compound.id, period=period.code, inputs=inputs,
                           scheme=scheme, score=score(inputs, scheme), closed_at=clock.now())
    session.add(row)
    await session.flush()
    return row


class SchemeError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def next_quarter(now_period: Period) -> str:
    year, q = int(now_period.code[:4]), int(quarter_of(now_period.code)[-1])
    return f"{year + 1}-Q1" if q == 4 else f"{year}-Q{q + 1}"


async def set_next(session: AsyncSession, clock: Clock, compound: Compound, actor_id: int,
                   current: Period, name: str, numbers: list[str]) -> str:
    """Change one indicator's weight and thresholds from the next quarter on; returns it.
    The running and the closed quarters keep the scheme they began with."""
    if compound.community_id is None:
        raise SchemeError("as-scheme-no-community")
    if name not in DEFAULT["weights"] or len(numbers) != 3:
        raise SchemeError("as-scheme-usage")
    try:
        weight, good, bad = (Decimal(n) for n in numbers)
    except ArithmeticError:
        raise SchemeError("as-scheme-usage") from None
    if not all(x.is_finite() for x in (weight, good, bad)) or not 0 <= weight <= 100:
        raise SchemeError("as-scheme-usage")
    target = next_quarter(current)
    row = await session.scalar(select(AssessmentScheme).where(
        AssessmentScheme.community_id == compound.community_id,
        AssessmentScheme.from_period == target))
    if row is None:
        base = await scheme_for(session, compound.community_id, current)
        row = AssessmentScheme(community_id=compound.community_id, from_period=target,
                               body=base, set_by=actor_id, set_at=clock.now())
        session.add(row)
    body = {**row.body, "weights": {**row.body["weights"],
                                    name: [str(weight), str(good), str(bad)]}}
    row.body, row.set_by, row.set_at = body, actor_id, clock.now()
    return target
