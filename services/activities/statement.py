"""What /points shows: balance, recent history, this month's earnings, the leaderboard.

Balances are the ledger's stored balances, which always equal the journal's sums.
"Earned" counts awards and deductions and their corrections, not spending on rewards
nor refunds of expired vouchers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.points import Account, AccountKind, PointsPrefs, Posting, PostingKind, PostingLine
from models.registry import Compound
from services import ledger, registry

HISTORY = 10
LEADERS = 10
REWARD_REF = "reward:%"


@dataclass(frozen=True)
class Entry:
    at: datetime
    amount: int
    kind: str
    memo: str


@dataclass(frozen=True)
class Overview:
    balance: int
    month: int
    history: list[Entry]


@dataclass(frozen=True)
class Leader:
    rank: int
    person_id: int
    name: str
    points: int


def month_bounds(now: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    local = now.astimezone(tz)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + (start.month == 12), month=start.month % 12 + 1)
    return start.astimezone(UTC), end.astimezone(UTC)


def _shown_kind(posting: Posting) -> str:
    """award | deduct | redeem | settle | reversal, or refund for an expired voucher."""
    refund = posting.kind == PostingKind.REVERSAL and (posting.ref or "").startswith("reward:")
    return "refund" if refund else posting.kind


def _earning() -> ColumnElement[bool]:
    plain = Posting.kind.in_([PostingKind.AWARD.value, PostingKind.DEDUCT.value])
    correction = and_(Posting.kind == PostingKind.REVERSAL.value,
                      or_(Posting.ref.is_(None), not_(Posting.ref.like(REWARD_REF))))
    return or_(plain, correction)


def _wallet_lines(compound_id: int):  # type: ignore[no-untyped-def]
    return (
        select(Account.person_id, PostingLine.amount, Posting)
        .join(PostingLine, PostingLine.account_id == Account.id)
        .join(Posting, Posting.id == PostingLine.posting_id)
        .where(Account.compound_id == compound_id, Account.kind == AccountKind.WALLET.value)
    )


async def overview(
    session: AsyncSession, now: datetime, compound: Compound, person_id: int
) -> Overview:
    start, end = month_bounds(now, ZoneInfo(compound.timezone))
    mine = _wallet_lines(compound.id).where(Account.person_id == person_id)
    recent = await session.execute(mine.order_by(Posting.id.desc()).limit(HISTORY))
    history = [Entry(p.created_at, int(amount), _shown_kind(p), p.memo)
               for _person, amount, p in recent]
    month = await session.execute(
        select(func.coalesce(func.sum(PostingLine.amount), 0))
        .join(Account, Account.id == PostingLine.account_id)
        .join(Posting, Posting.id == PostingLine.posting_id)
        .where(Account.compound_id == compound.id, Account.person_id == person_id,
               Account.kind == AccountKind.WALLET.value, _earning(),
               Posting.created_at >= start, Posting.created_at < end)
    )
    return Overview(await ledger.balance(session, compound.id, person_id),
                    int(month.scalar_one()), history)


async def leaderboard(session: AsyncSession, now: datetime, compound: Compound) -> list[Leader]:
    """This month's top earners, leaving out whoever chose not to be listed."""
    start, end = month_bounds(now, ZoneInfo(compound.timezone))
    total = func.sum(PostingLine.amount).label("total")
    hidden = select(PointsPrefs.person_id).where(PointsPrefs.leaderboard_hidden.is_(True))
    rows = await session.execute(
        select(Account.person_id, Person.first_name, total)
        .join(PostingLine, PostingLine.account_id == Account.id)
        .join(Posting, Posting.id == PostingLine.posting_id)
        .join(Person, Person.id == Account.person_id)
        .where(Account.compound_id == compound.id, Account.kind == AccountKind.WALLET.value,
               _earning(), Posting.created_at >= start, Posting.created_at < end,
               Account.person_id.not_in(hidden), Person.forgotten_at.is_(None))
        .group_by(Account.person_id, Person.first_name)
        .having(total > 0)
        .order_by(total.desc(), Account.person_id)
        .limit(LEADERS)
    )
    leaders: list[Leader] = []
    for person_id, name, points in rows:
        # Equal totals share a rank.
        rank = leaders[-1].rank if leaders and leaders[-1].points == points else len(leaders) + 1
        leaders.append(Leader(rank, int(person_id or 0), name or "—", int(points)))
    return leaders


async def is_hidden(session: AsyncSession, person_id: int) -> bool:
    prefs = await session.get(PointsPrefs, person_id)
    return bool(prefs and prefs.leaderboard_hidden)


async def set_hidden(session: AsyncSession, person_id: int, hidden: bool) -> None:
    prefs = await session.get(PointsPrefs, person_id)
    if prefs is None:
        session.add(PointsPrefs(person_id=person_id, leaderboard_hidden=hidden))
    else:
        prefs.leaderboard_hidden = hidden
    await session.commit()


async def compounds_for_points(session: AsyncSession, person_id: int) -> list[Compound]:
    """Where the person lives, works, or has points."""
    found = {c.id: c for c in await registry.compounds_of(session, person_id)}
    rows = await session.execute(
        select(Compound).join(Account, Account.compound_id == Compound.id)
        .where(Account.kind == AccountKind.WALLET.value, Account.person_id == person_id)
    )
    for compound in rows.scalars():
        found.setdefault(compound.id, compound)
    return [found[k] for k in sorted(found)]
