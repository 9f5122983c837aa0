"""Figures entered per compound and period for the assessment (物业服务考核).

Most indicators are computed from the bot's own rows; the fee collection rate is not in the
bot, so the property company or the community enters it, one value per compound and period.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

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


class AssessmentScheme(Base):
    """Weights and thresholds of a community, in force from a quarter on (until a later row).

    A change is always stored for the next quarter, so a period's scheme never changes once
    the period has begun; the result of a closed period also carries a copy of it.
    """

    __tablename__ = "assessment_scheme"
    __table_args__ = (UniqueConstraint("community_id", "from_period"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    from_period: Mapped[str] = mapped_column(String(8))  # "2027-Q1"
    body: Mapped[dict[str, Any]]
    set_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    set_at: Mapped[datetime]


class AssessmentResult(Base):
    """A closed period of one compound: the inputs, the scheme and the score, frozen."""

    __tablename__ = "assessment_result"
    __table_args__ = (UniqueConstraint("compound_id", "period"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(8))
    inputs: Mapped[dict[str, Any]]
    scheme: Mapped[dict[str, Any]]
    # None: too little data to be ranked ("insufficient data").
    score: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    closed_at: Mapped[datetime]
