"""Open accounts (明白账): a compound's money accounts, their append-only entries, reviews.

Amounts are integer fen (1 yuan = 100 fen), always positive; the direction says in or out.
An entry is never updated or deleted (database triggers refuse both, as for the points
journal): a mistake is corrected by a reversing entry that names the original and a reason.
An entry becomes public when a second person reviews it (`AccountReview`); the review row
carries the recorder too, so the database itself refuses a self-review.

Each account keeps `balance`, the sum of its entries that were not rejected, updated in the
same statement that checks it: the maintenance and small-repair funds cannot go below zero,
by a CHECK constraint and by a conditional UPDATE that serializes concurrent withdrawals.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, JsonType


class AccountKind(enum.StrEnum):
    MAINTENANCE = "maintenance"  # 专项维修资金
    SMALL_REPAIR = "small_repair"  # 小额维修金
    PUBLIC_REVENUE = "public_revenue"  # 公共收益: parking, advertising, venue rent
    PROPERTY = "property"  # the property-service account (物业服务)


# Funds that hold owners' money in trust: never below zero, spending needs a decision.
PROTECTED = (AccountKind.MAINTENANCE, AccountKind.SMALL_REPAIR)


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"


class Decision(enum.StrEnum):
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class Basis(enum.StrEnum):
    """What authorises spending from a protected fund."""

    POLL = "poll"  # an owners' assembly poll passed under Art. 278 (fund use)
    EMERGENCY = "emergency"  # emergency / small-repair procedure: council + community


class MoneyAccount(Base):
    __tablename__ = "acct_account"
    __table_args__ = (
        UniqueConstraint("compound_id", "kind"),
        CheckConstraint("kind NOT IN ('maintenance', 'small_repair') OR balance >= 0",
                        name="fund_non_negative"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"))
    kind: Mapped[str] = mapped_column(String(16))
    balance: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime]


class AccountSettings(Base):
    __tablename__ = "acct_settings"

    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), primary_key=True)
    # Anything above is a typo, not a payment (fen).
    ceiling: Mapped[int] = mapped_column(BigInteger)
    period: Mapped[str] = mapped_column(String(10), default="month")  # month|quarter|year


class Category(Base):
    """A sub-category an admin added (the built-in ones live in services.accounts.funds)."""

    __tablename__ = "acct_category"
    __table_args__ = (UniqueConstraint("compound_id", "account_kind", "name"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), index=True)
    account_kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime]


class FundApproval(Base):
    """What allows spending from a protected fund, and how much of it is spent.

    A poll approval names an owners' assembly poll that passed under Art. 278 on the use of
    the maintenance fund; an emergency approval (small-repair procedure) carries the
    council's and the community office's approvers, two different people, and the reason.
    `spent` is the sum of the entries citing it that were not rejected; it never exceeds
    `amount` (CHECK, and a conditional UPDATE serializing concurrent spending).
    """

    __tablename__ = "acct_approval"
    __table_args__ = (
        CheckConstraint("amount > 0 AND spent >= 0 AND spent <= amount", name="within_amount"),
        CheckConstraint("basis IN ('poll', 'emergency')", name="basis"),
        CheckConstraint("(basis = 'poll') = (poll_id IS NOT NULL)", name="poll_link"),
        CheckConstraint("basis = 'poll' OR (council_by IS NOT NULL AND community_by IS NOT NULL"
                        " AND council_by <> community_by)", name="two_approvers"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), index=True)
    account_kind: Mapped[str] = mapped_column(String(16))
    basis: Mapped[str] = mapped_column(String(12))
    poll_id: Mapped[int | None] = mapped_column(ForeignKey("poll.id"), unique=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    spent: Mapped[int] = mapped_column(BigInteger, default=0)
    reason: Mapped[str] = mapped_column(String(300))
    council_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    community_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    # An emergency approval answers one proposal (its audit row): approved at most once.
    proposal_id: Mapped[int | None] = mapped_column(BigInteger, index=True, unique=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime]


class Entry(Base):
    """One movement of money. Never updated, never deleted."""

    __tablename__ = "acct_entry"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("direction IN ('in', 'out')", name="direction"),
        CheckConstraint("(reverses_id IS NULL) = (reason IS NULL)", name="reversal_reason"),
        CheckConstraint("approval_id IS NULL OR direction = 'out'", name="approval_spending"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("acct_account.id"), index=True)
    # One press records once, however often it is repeated.
    idem_key: Mapped[str] = mapped_column(String(80), unique=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    direction: Mapped[str] = mapped_column(String(3))
    amount: Mapped[int] = mapped_column(BigInteger)
    category: Mapped[str] = mapped_column(String(40))
    counterparty: Mapped[str] = mapped_column(String(128), default="")
    purpose: Mapped[str] = mapped_column(String(500))
    # Telegram file ids of receipt photos or PDFs: [{"kind": "photo"|"document", "id": ...}]
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    # Spending from a protected fund cites the decision that allows it.
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("acct_approval.id"), index=True)
    # A correction names the entry it reverses (at most once) and why.
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("acct_entry.id"), unique=True)
    reason: Mapped[str | None] = mapped_column(String(300))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("person.id"))
    recorded_at: Mapped[datetime] = mapped_column(index=True)


class AccountReview(Base):
    """The second person's decision on an entry: once, by someone other than the recorder."""

    __tablename__ = "acct_review"
    __table_args__ = (
        CheckConstraint("reviewer_id <> recorded_by", name="second_person"),
        CheckConstraint("decision IN ('confirmed', 'rejected')", name="decision"),
    )

    entry_id: Mapped[int] = mapped_column(ForeignKey("acct_entry.id"), primary_key=True)
    decision: Mapped[str] = mapped_column(String(10))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("person.id"))
    note: Mapped[str] = mapped_column(String(300), default="")
    at: Mapped[datetime] = mapped_column(index=True)
