"""Complaint and repair tickets: the ticket, its people, its history, its cards and ratings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId

TICKET_STATUSES = (
    "new", "accepted", "in_progress", "waiting", "resolved", "closed", "rejected", "duplicate",
    "reopened",
)


class TicketCounter(Base):
    """The last number handed out per compound; bumped with one atomic upsert."""

    __tablename__ = "ticket_counter"

    compound_id: Mapped[int] = mapped_column(
        ForeignKey("compound.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Ticket(Base):
    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("compound_id", "number"),
        CheckConstraint("level BETWEEN 1 AND 3", name="level"),
        CheckConstraint("number > 0", name="number"),
        CheckConstraint(
            "status IN (" + ", ".join(f"'{s}'" for s in TICKET_STATUSES) + ")", name="status"
        ),
        Index("ix_ticket_status_accept_due", "status", "accept_due_at"),
        Index("ix_ticket_status_resolve_due", "status", "resolve_due_at"),
        Index("ix_ticket_similar", "compound_id", "category", "building_id", "created_at"),
        # /queue: open tickets by owner, unowned ones by compound, and by team (these also
        # serve lookups by the bare leading column).
        Index("ix_ticket_assignee_status_compound", "assignee_id", "status", "compound_id"),
        Index("ix_ticket_team_assignee_status", "team_id", "assignee_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="new")
    # None: the party branch's desk (suggestions, wishes, disputes without a team).
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id", ondelete="SET NULL"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    auto_assigned: Mapped[bool] = mapped_column(default=False)
    # 1 property team, 2 compound party branch, 3 community office.
    level: Mapped[int] = mapped_column(Integer, default=1)
    urgent: Mapped[bool] = mapped_column(default=False)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    filed_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    # Towards other residents only: staff still see who asked.
    anonymous: Mapped[bool] = mapped_column(default=False)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("building.id", ondelete="SET NULL"))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="SET NULL")
    )
    area: Mapped[str] = mapped_column(String(16), default="other")
    # Where it is in the resident's own words (or a venue's name), and a pin if they sent one.
    place: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # Kept whole, however long; outgoing messages are cut or split, never this.
    text: Mapped[str] = mapped_column(Text)
    # Where a group report was posted, for short status lines in the same thread.
    origin_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    origin_message_id: Mapped[int | None] = mapped_column(BigInteger)
    origin_thread_id: Mapped[int | None] = mapped_column(Integer)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    resolution: Mapped[str | None] = mapped_column(Text)
    # confirmed | unconfirmed | unreached (no private notice ever reached the reporter) |
    # mediated, once closed
    outcome: Mapped[str | None] = mapped_column(String(16))
    # Bumped on each Resolve, so an old "is it fixed?" question cannot answer a new one.
    resolve_round: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    accept_due_at: Mapped[datetime | None]
    resolve_due_at: Mapped[datetime | None]
    # Set while waiting on the resident: the resolve clock does not run.
    paused_at: Mapped[datetime | None]
    warn_at: Mapped[datetime | None]
    # The deadline the owner was last warned about (so a warning goes out once per deadline).
    warned_due_at: Mapped[datetime | None]
    digested_at: Mapped[datetime | None]


class TicketFollower(Base):
    """Everyone who hears about a ticket: its reporter, co-reporters (+1), dispute parties."""

    __tablename__ = "ticket_follower"
    __table_args__ = (
        CheckConstraint("kind IN ('reporter', 'co_reporter', 'party')", name="kind"),
    )

    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"),
                                           primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True,
                                           index=True)
    kind: Mapped[str] = mapped_column(String(12))
    joined_at: Mapped[datetime]


class TicketEvent(Base):
    """Append-only history: every transition, reply, note and escalation."""

    __tablename__ = "ticket_event"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"),
                                           index=True)
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    kind: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    # Internal notes are for staff only and never leave the staff chat.
    internal: Mapped[bool] = mapped_column(default=False)


class TicketPhoto(Base):
    __tablename__ = "ticket_photo"
    __table_args__ = (UniqueConstraint("ticket_id", "file_unique_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"),
                                           index=True)
    file_id: Mapped[str] = mapped_column(String(256))
    file_unique_id: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime]


class TicketCard(Base):
    """A working card posted for a ticket (staff chat, or privately when a level has no chat)."""

    __tablename__ = "ticket_card"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"),
                                           index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    level: Mapped[int] = mapped_column(Integer)
    # The outbox key of the card's first send; its delivered message is what gets edited.
    notice_key: Mapped[str] = mapped_column(String(200), unique=True)
    # False once replaced by a fresh card in the same chat (/t N after a deletion).
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class TicketRating(Base):
    """A reporter's answer to "is it fixed?" for one resolution, with stars and a comment."""

    __tablename__ = "ticket_rating"
    __table_args__ = (
        UniqueConstraint("ticket_id", "person_id", "round"),
        CheckConstraint("stars IS NULL OR stars BETWEEN 1 AND 5", name="stars"),
        Index("ix_ticket_rating_team", "team_id"),
        Index("ix_ticket_rating_steward", "steward_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    round: Mapped[int] = mapped_column(Integer)
    fixed: Mapped[bool]
    stars: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    # Copied from the ticket when rated, so ratings stay with whoever did the work.
    steward_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id", ondelete="SET NULL"))
    # The ladder level that held the ticket then: above the team, the rating is the desk's.
    level: Mapped[int] = mapped_column(Integer, default=1)
    at: Mapped[datetime]
