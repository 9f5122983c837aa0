"""Figures the office enters per compound and period: the fee collection rate (物业费收缴率)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.assessment import AssessmentFigure
from services import audit
from services.assessment.periods import Period
from services.clock import Clock

_CENT = Decimal("0.01")


def parse_rate(text: str) -> Decimal | None:
    """ "93", "93.5", "93.5%", "93.5％" -> Decimal percent in [0, 100] with at most 2 places."""
    raw = text.strip().rstrip("%％").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    if not value.is_finite() or not 0 <= value <= 100 or value != value.quantize(_CENT):
        return None
    return value.quantize(_CENT)


async def set_fee_rate(session: AsyncSession, clock: Clock, compound_id: int, period: Period,
                       value: Decimal, actor_id: int) -> Decimal | None:
    """Store the rate for the period; returns the value it replaced (None if first)."""
    row = await session.scalar(select(AssessmentFigure).where(
        AssessmentFigure.compound_id == compound_id, AssessmentFigure.period == period.code,
        AssessmentFigure.kind == "fee_rate"))
    before = row.value if row else None
    if row is None:
        row = AssessmentFigure(compound_id=compound_id, period=period.code, kind="fee_rate",
                               value=value, entered_by=actor_id, entered_at=clock.now())
        session.add(row)
    else:
        row.value, row.entered_by, row.entered_at = value, actor_id, clock.now()
    audit.record(session, clock, "assessment.fee_rate", actor_id=actor_id,
                 compound_id=compound_id, period=period.code, value=str(value),
                 before=None if before is None else str(before))
    return before
