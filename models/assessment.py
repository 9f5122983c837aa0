"""Figures entered per compound and period for the assessment (物业服务考核).

Most indicators are computed from the bot's own rows; the fee collection rate is not in the
bot, so the property company or the community enters it, one value per compound and period.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class AssessmentFigure(Base):
    __tablename__ = "assessment_figure"
    __table_args__ = (
        UniqueConstraint("compound_id", "period", "kind"),
        CheckConstraint("kind IN ('fee_rate')", name="kind"),
        # A rate in percent; the exact decimal the office typed, never a float.
        CheckConstraint("value >= 0 AND value <= 100", name="value"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"),
                                             index=True)
    # "2026-12" for a month, "2026-Q4" for a quarter.
    period: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    entered_at: Mapped[datetime]
