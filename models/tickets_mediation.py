"""Mediation of disputes (纠纷) and the "you said, we did" digests of suggestions and wishes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class TicketAgreement(Base):
    """What a mediator wrote down; the dispute closes when both parties accept it."""

    __tablename__ = "ticket_agreement"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'accepted', 'declined', 'superseded')",
                        name="status"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"),
                                           index=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    recorded_at: Mapped[datetime]


class TicketAgreementVote(Base):
    __tablename__ = "ticket_agreement_vote"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("ticket_agreement.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    accepted: Mapped[bool]
    at: Mapped[datetime]


class TicketDigest(Base):
    """A published "you said, we did" digest; its tickets carry digested_at."""

    __tablename__ = "ticket_digest"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"),
                                             index=True)
    published_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    published_at: Mapped[datetime]
    items: Mapped[int] = mapped_column(Integer)
    groups: Mapped[int] = mapped_column(Integer)
