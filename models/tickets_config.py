"""Per-compound ticket settings: routing and SLA per category, team hours, canned replies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, JsonType


class TicketCategoryConfig(Base):
    """Overrides of a category's defaults in one compound; a missing row means the defaults."""

    __tablename__ = "ticket_category_config"
    __table_args__ = (
        CheckConstraint("accept_minutes IS NULL OR accept_minutes > 0", name="accept"),
        CheckConstraint("resolve_minutes IS NULL OR resolve_minutes > 0", name="resolve"),
    )

    compound_id: Mapped[int] = mapped_column(
        ForeignKey("compound.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(16), primary_key=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id", ondelete="SET NULL"))
    # True: the party branch's desk even if a team would match.
    desk: Mapped[bool] = mapped_column(default=False)
    accept_minutes: Mapped[int | None] = mapped_column(Integer)
    resolve_minutes: Mapped[int | None] = mapped_column(Integer)
    # Extra hashtags this compound uses for the category, e.g. ["#物业"].
    tags: Mapped[list[str] | None] = mapped_column(JsonType)


class TicketTeamHours(Base):
    """Business hours of a team (local time of the compound); nights do not count."""

    __tablename__ = "ticket_team_hours"
    __table_args__ = (
        CheckConstraint("open_minute >= 0 AND open_minute < close_minute "
                        "AND close_minute <= 1440", name="window"),
    )

    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"),
                                         primary_key=True, autoincrement=False)
    open_minute: Mapped[int] = mapped_column(Integer)
    close_minute: Mapped[int] = mapped_column(Integer)


class TicketCanned(Base):
    """A team's canned reply, sent to reporters with /canned <n> as a reply to a card."""

    __tablename__ = "ticket_canned"
    __table_args__ = (UniqueConstraint("team_key", "title"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"),
                                             index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    # "t<team id>" or "c<compound id>" for the party branch's desk: one unique scope.
    team_key: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime]
