"""The points ledger, earning rules, partner merchants, rewards and vouchers.

The ledger is double-entry and append-only: a posting is a set of lines over accounts
whose amounts sum to zero; corrections are new postings that reverse old ones. Each
account keeps a stored balance, updated in the same transaction as its lines, so the
database itself can refuse a negative wallet (CHECK) and a reader never sums the journal.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class AccountKind(enum.StrEnum):
    WALLET = "wallet"  # one person's points in one compound
    # Where a compound's points come from: its balance is minus the points in circulation.
    ISSUING = "issuing"
    ESCROW = "escrow"  # points behind vouchers issued but not yet used
    MERCHANT = "merchant"  # points a partner merchant has served, to settle with the compound


class PostingKind(enum.StrEnum):
    AWARD = "award"
    DEDUCT = "deduct"
    REDEEM = "redeem"  # wallet -> escrow when a voucher is issued
    SETTLE = "settle"  # escrow -> merchant (or back to issuing) when a voucher is used
    REVERSAL = "reversal"


def _partial(where: str) -> dict[str, object]:
    return {"sqlite_where": text(where), "postgresql_where": text(where)}


class Merchant(Base):
    __tablename__ = "points_merchant"
    __table_args__ = (UniqueConstraint("compound_id", "name"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    # The person who confirms this merchant's vouchers at the counter.
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class Account(Base):
    __tablename__ = "points_account"
    __table_args__ = (
        CheckConstraint("kind = 'issuing' OR balance >= 0", name="balance_non_negative"),
        CheckConstraint("(kind = 'wallet') = (person_id IS NOT NULL)", name="wallet_person"),
        CheckConstraint("(kind = 'merchant') = (merchant_id IS NOT NULL)", name="merchant_owner"),
        Index("uq_points_account_wallet", "compound_id", "person_id", unique=True,
              **_partial("kind = 'wallet'")),
        Index("uq_points_account_merchant", "compound_id", "merchant_id", unique=True,
              **_partial("kind = 'merchant'")),
        Index("uq_points_account_house", "compound_id", "kind", unique=True,
              **_partial("kind IN ('issuing', 'escrow')")),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"))
    kind: Mapped[str] = mapped_column(String(12))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    merchant_id: Mapped[int | None] = mapped_column(ForeignKey("points_merchant.id"))
    balance: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime]


class Posting(Base):
    """One journal entry. Never updated, never deleted (database triggers refuse both)."""

    __tablename__ = "points_posting"
    __table_args__ = (
        CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name="reversal_link"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), index=True)
    # The same reward is credited once, whatever retries or double presses happen.
    idem_key: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    memo: Mapped[str] = mapped_column(String(256), default="")
    # What the posting is about, e.g. "activity:12" or "voucher:7".
    ref: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime] = mapped_column(index=True)
    # A posting is reversed at most once.
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("points_posting.id"), unique=True)


class PostingLine(Base):
    __tablename__ = "points_line"
    __table_args__ = (
        CheckConstraint("amount <> 0", name="amount_nonzero"),
        UniqueConstraint("posting_id", "account_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    posting_id: Mapped[int] = mapped_column(ForeignKey("points_posting.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("points_account.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)


class RuleBasis(enum.StrEnum):
    ATTEND = "attend"  # fixed points for attending an activity of this kind
    HOUR = "hour"  # points per hour of an activity of this kind
    MONTH = "month"  # a fixed monthly item, at most once per person and month


class EarningRule(Base):
    __tablename__ = "points_rule"
    __table_args__ = (
        UniqueConstraint("compound_id", "code"),
        CheckConstraint("points > 0 AND points <= 1000", name="points_range"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    basis: Mapped[str] = mapped_column(String(8))
    points: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime]


class PointsSettings(Base):
    __tablename__ = "points_settings"
    __table_args__ = (
        CheckConstraint("noshow_limit >= 1 AND noshow_limit <= 20", name="noshow_range"),
        CheckConstraint("voucher_days >= 1 AND voucher_days <= 365", name="voucher_days_range"),
    )

    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), primary_key=True,
                                             autoincrement=False)
    noshow_limit: Mapped[int] = mapped_column(default=3)
    leaderboard: Mapped[bool] = mapped_column(default=True)
    voucher_days: Mapped[int] = mapped_column(default=30)
    updated_at: Mapped[datetime]


class PointsPrefs(Base):
    __tablename__ = "points_prefs"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True,
                                           autoincrement=False)
    leaderboard_hidden: Mapped[bool] = mapped_column(default=False)


class Reward(Base):
    __tablename__ = "points_reward"
    __table_args__ = (
        CheckConstraint("cost > 0 AND cost <= 100000", name="cost_range"),
        CheckConstraint("stock IS NULL OR stock >= 0", name="stock_non_negative"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), index=True)
    title: Mapped[str] = mapped_column(String(128))
    cost: Mapped[int]
    stock: Mapped[int | None]  # None: unlimited
    merchant_id: Mapped[int | None] = mapped_column(ForeignKey("points_merchant.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime]


class VoucherStatus(enum.StrEnum):
    ISSUED = "issued"
    USED = "used"
    EXPIRED = "expired"


class Voucher(Base):
    __tablename__ = "points_voucher"
    __table_args__ = (
        CheckConstraint("status IN ('issued', 'used', 'expired')", name="status_known"),
        Index("ix_points_voucher_due", "status", "expires_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"))
    reward_id: Mapped[int] = mapped_column(ForeignKey("points_reward.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    # One-time code from `secrets`; the QR carries it in a deep link.
    code: Mapped[str] = mapped_column(String(16), unique=True)
    # The press that asked for it: a repeated press finds this voucher instead of a new one.
    request_key: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(10), default=VoucherStatus.ISSUED)
    cost: Mapped[int]
    redeem_posting_id: Mapped[int] = mapped_column(ForeignKey("points_posting.id"), unique=True)
    settle_posting_id: Mapped[int | None] = mapped_column(ForeignKey("points_posting.id"))
    refund_posting_id: Mapped[int | None] = mapped_column(ForeignKey("points_posting.id"))
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
