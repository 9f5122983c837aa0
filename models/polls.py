"""Polls and votes: quick polls, council votes, resident polls, owners' assembly votes.

`poll_ballot` records WHO has voted (one row per voter key, unique per poll: the database
enforces one vote per person, household or owner). For an open ballot `poll_choice` records
WHAT was chosen, linked to the ballot, and `poll_count` keeps running totals.

A secret ballot writes no choice row and no counter while the poll is open: its choice is
only a seal inside the ballot row (see services/polls/seal.py), unreadable without a key
that is not in the database. At the close the seals are read, written as anonymous choice
rows in a random order, counted, and erased.
"""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, JsonType


class PollKind(enum.StrEnum):
    QUICK = "quick"
    COUNCIL = "council"
    RESIDENT = "resident"
    ASSEMBLY = "assembly"


class PollStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class Audience(enum.StrEnum):
    GROUP = "group"  # anyone in the groups the card is posted to (quick polls)
    COUNCIL = "council"  # holders of the council roles
    COMPOUND = "compound"  # verified residents of the compound
    BUILDINGS = "buildings"  # verified residents of some buildings
    CHAT = "chat"  # members of one group
    OWNERS = "owners"  # verified owners (assembly votes)


class VoteUnit(enum.StrEnum):
    PERSON = "person"
    HOUSEHOLD = "household"
    OWNER = "owner"  # an owner with all their households, co-owners together (Art. 278)


class Matter(enum.StrEnum):
    """Civil Code Art. 278, items 1 to 9, in the article's order."""

    RULES = "rules"
    COVENANT = "covenant"
    COMMITTEE = "committee"
    MANAGER = "manager"
    FUND_USE = "fund_use"
    FUND_RAISE = "fund_raise"
    REBUILD = "rebuild"
    COMMON_USE = "common_use"
    OTHER = "other"


class BallotSource(enum.StrEnum):
    BOT = "bot"
    PAPER = "paper"


class Poll(Base):
    __tablename__ = "poll"
    __table_args__ = (
        CheckConstraint("max_choices >= 1", name="max_choices"),
        CheckConstraint("status IN ('draft', 'open', 'closed', 'cancelled')", name="status"),
        Index("ix_poll_due", "status", "closes_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"),
                                             index=True)
    kind: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12), default=PollStatus.DRAFT)
    question: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    # A fee change the vote is about (CNY per m² per month); the bot works out the cost.
    fee_old: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    fee_new: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    audience: Mapped[str] = mapped_column(String(12))
    audience_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    audience_buildings: Mapped[list[int]] = mapped_column(JsonType, default=list)
    vote_unit: Mapped[str] = mapped_column(String(12), default=VoteUnit.PERSON)
    max_choices: Mapped[int] = mapped_column(default=1)
    secret: Mapped[bool] = mapped_column(default=False)
    live_results: Mapped[bool] = mapped_column(default=True)
    allow_change: Mapped[bool] = mapped_column(default=True)
    matter: Mapped[str | None] = mapped_column(String(16))
    salt: Mapped[str] = mapped_column(String(32))
    bot_username: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime]
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    cancel_reason: Mapped[str | None] = mapped_column(String(300))
    reminded_24_at: Mapped[datetime | None]
    reminded_2_at: Mapped[datetime | None]
    # Bumped by every ballot: the UPDATE that bumps it is the per-poll lock of a vote.
    revision: Mapped[int] = mapped_column(default=0)
    result: Mapped[dict[str, Any] | None]


class PollOption(Base):
    __tablename__ = "poll_option"
    __table_args__ = (UniqueConstraint("poll_id", "position"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(String(100))
    # yes | no | abstain for council and assembly votes (rendered in the reader's language)
    code: Mapped[str | None] = mapped_column(String(12))


class PollPost(Base):
    """A group where the poll's card is posted."""

    __tablename__ = "poll_post"

    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"),
                                         primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    thread_id: Mapped[int | None]


class PollBallot(Base):
    """Who has voted (never what, for a secret ballot)."""

    __tablename__ = "poll_ballot"
    __table_args__ = (
        UniqueConstraint("poll_id", "voter_key"),
        CheckConstraint("area >= 0", name="area"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)
    # p:<person> | h:<household> | o:<lowest household of the owner's holding>
    voter_key: Mapped[str] = mapped_column(String(24))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"))
    building_id: Mapped[int | None] = mapped_column(ForeignKey("building.id"))
    # Exclusive area the ballot carries (assembly votes), fixed when it is cast.
    area: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal(0))
    source: Mapped[str] = mapped_column(String(8), default=BallotSource.BOT)
    note: Mapped[str | None] = mapped_column(String(300))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    cast_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    changes: Mapped[int] = mapped_column(default=0)
    # Secret ballots only, while the poll is open: the sealed choice (hex), erased at close.
    sealed: Mapped[str | None] = mapped_column(String(96))
    # Set at the close of an assembly vote: the roll then put this ballot's home in the same
    # owner (head) as an earlier ballot's, which stands; this one counts for nothing.
    superseded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class PollCoverage(Base):
    """Each household is voted for at most once per poll, whoever of its owners votes."""

    __tablename__ = "poll_coverage"

    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"),
                                         primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"),
                                              primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("poll_ballot.id", ondelete="CASCADE"),
                                           index=True)


class PollChoice(Base):
    """What was chosen: linked to its ballot in an open ballot; anonymous (no ballot, no
    token) in a closed secret ballot. A token marks the choices of a secret ballot cast
    before seals existed, still open: found again by HMAC(server key, salt + voter key)."""

    __tablename__ = "poll_choice"
    __table_args__ = (
        CheckConstraint("ballot_id IS NULL OR token IS NULL", name="link"),
        Index("ix_poll_choice_token", "poll_id", "token"),
    )

    # Random, not a sequence, so row ids do not line up with ballot ids.
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"))
    option_id: Mapped[int] = mapped_column(ForeignKey("poll_option.id", ondelete="CASCADE"))
    ballot_id: Mapped[int | None] = mapped_column(
        ForeignKey("poll_ballot.id", ondelete="CASCADE"), index=True
    )
    token: Mapped[str | None] = mapped_column(String(64))


class PollCount(Base):
    """Running totals per option: ballots (heads) and the exclusive area behind them."""

    __tablename__ = "poll_count"
    __table_args__ = (
        CheckConstraint("ballots >= 0", name="ballots"),
        CheckConstraint("area >= 0", name="area"),
    )

    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"),
                                         primary_key=True)
    option_id: Mapped[int] = mapped_column(ForeignKey("poll_option.id", ondelete="CASCADE"),
                                           primary_key=True)
    ballots: Mapped[int] = mapped_column(default=0)
    area: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal(0))
