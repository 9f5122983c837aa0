"""The accounts journal: append-only entries, reversals, derived balances.

What holds (tests/accounts check it after every scenario, `check_invariants`):

1. Entries and reviews are never updated or deleted (database triggers refuse it). A mistake
   is corrected by a reversing entry: same account and amount, the other direction, naming
   the original and a reason; an entry is reversed at most once, a reversal never.
2. An account's stored balance is the sum of its entries that were not rejected; the public
   balance is the sum of its confirmed entries. Both are derived from the journal.
3. The maintenance and small-repair funds never go below zero: the balance moves in one
   conditional UPDATE, which PostgreSQL serializes on the row (a second concurrent
   withdrawal re-reads the first's result), with a CHECK constraint as the backstop.

Functions here never commit: the entry, its audit row and its notices are one unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import (
    PROTECTED,
    AccountKind,
    AccountReview,
    AccountSettings,
    Decision,
    Direction,
    Entry,
    FundApproval,
    MoneyAccount,
)
from services.accounts.errors import AccountsError
from services.accounts.money import DEFAULT_CEILING, yuan
from services.clock import Clock
from services.upsert import insert_for

MAX_TEXT = {"counterparty": 128, "purpose": 500, "reason": 300}
MAX_ATTACHMENTS = 10


@dataclass(frozen=True)
class Draft:
    """What the finance role types into the recording dialogue."""

    kind: AccountKind
    direction: Direction
    amount: int
    category: str
    purpose: str
    occurred_on: date
    counterparty: str = ""
    attachments: tuple[dict[str, Any], ...] = ()
    approval_id: int | None = None


# ---- accounts ---------------------------------------------------------------------------
async def account(session: AsyncSession, clock: Clock, compound_id: int,
                  kind: AccountKind) -> MoneyAccount:
    """The compound's account of this kind, created on first use (once under races)."""
    await session.execute(insert_for(session)(MoneyAccount).values(
        compound_id=compound_id, kind=kind.value, balance=0, created_at=clock.now(),
    ).on_conflict_do_nothing())
    stmt = select(MoneyAccount).where(MoneyAccount.compound_id == compound_id,
                                      MoneyAccount.kind == kind.value)
    return (await session.execute(stmt.execution_options(populate_existing=True))).scalar_one()


async def ceiling(session: AsyncSession, compound_id: int) -> int:
    found = await session.get(AccountSettings, compound_id)
    return found.ceiling if found is not None else DEFAULT_CEILING


def signed_amount(entry: Entry) -> int:
    return entry.amount if entry.direction == Direction.IN else -entry.amount


async def _move(session: AsyncSession, account_row: MoneyAccount, delta: int) -> None:
    """Add `delta` to the balance, refused if a protected fund would go below zero."""
    stmt = update(MoneyAccount).where(MoneyAccount.id == account_row.id)
    if AccountKind(account_row.kind) in PROTECTED and delta < 0:
        stmt = stmt.where(MoneyAccount.balance + delta >= 0)
    result = await session.execute(
        stmt.values(balance=MoneyAccount.balance + delta).returning(MoneyAccount.balance)
        .execution_options(synchronize_session=False))
    if result.scalar_one_or_none() is None:
        have = await session.scalar(select(MoneyAccount.balance)
                                    .where(MoneyAccount.id == account_row.id))
        raise AccountsError("acct-err-insufficient", balance=yuan(int(have or 0)),
                            needed=yuan(-delta))


async def _spend_approval(session: AsyncSession, approval_id: int, delta: int) -> None:
    """Count `delta` fen against an approval; refused past its approved amount."""
    stmt = update(FundApproval).where(FundApproval.id == approval_id)
    if delta > 0:
        stmt = stmt.where(FundApproval.spent + delta <= FundApproval.amount)
    result = await session.execute(
        stmt.values(spent=FundApproval.spent + delta).returning(FundApproval.spent)
        .execution_options(synchronize_session=False))
    if result.scalar_one_or_none() is None:
        row = (await session.execute(select(FundApproval.amount, FundApproval.spent)
                                     .where(FundApproval.id == approval_id))).one()
        raise AccountsError("acct-err-over-approval", approved=yuan(row.amount),
                            left=yuan(row.amount - row.spent), needed=yuan(delta))


# ---- recording --------------------------------------------------------------------------
def _check_texts(**texts: str) -> None:
    for name, value in texts.items():
        if len(value) > MAX_TEXT[name]:
            raise AccountsError("acct-err-too-long", limit=MAX_TEXT[name])
    if not texts.get("purpose", "x").strip() or not texts.get("reason", "x").strip():
        raise AccountsError("acct-err-empty")


async def by_key(session: AsyncSession, key: str) -> Entry | None:
    return (await session.execute(select(Entry).where(Entry.idem_key == key))).scalar_one_or_none()


async def record(session: AsyncSession, clock: Clock, *, compound_id: int, draft: Draft,
                 recorded_by: int, key: str) -> Entry:
    """Write a pending entry, or return the one this key already wrote (a double press)."""
    existing = await by_key(session, key)
    if existing is not None:
        return existing
    _check_texts(counterparty=draft.counterparty, purpose=draft.purpose)
    if not 0 < draft.amount <= await ceiling(session, compound_id):
        raise AccountsError("acct-money-ceiling",
                            ceiling=yuan(await ceiling(session, compound_id)))
    if len(draft.attachments) > MAX_ATTACHMENTS:
        raise AccountsError("acct-err-attachments", limit=MAX_ATTACHMENTS)
    await _check_basis(session, compound_id, draft)
    row = await account(session, clock, compound_id, draft.kind)
    delta = draft.amount if draft.direction == Direction.IN else -draft.amount
    await _move(session, row, delta)
    if draft.approval_id is not None:
        await _spend_approval(session, draft.approval_id, draft.amount)
    entry = Entry(
        compound_id=compound_id, account_id=row.id, idem_key=key,
        occurred_on=draft.occurred_on, direction=draft.direction.value, amount=draft.amount,
        category=draft.category, counterparty=draft.counterparty.strip(),
        purpose=draft.purpose.strip(), attachments=list(draft.attachments),
        approval_id=draft.approval_id, recorded_by=recorded_by, recorded_at=clock.now(),
    )
    session.add(entry)
    await session.flush()
    return entry


async def _check_basis(session: AsyncSession, compound_id: int, draft: Draft) -> None:
    """Spending from a protected fund cites an approval of this compound and fund."""
    if draft.direction == Direction.IN:
        if draft.approval_id is not None:
            raise AccountsError("acct-err-basis-income")
        return
    if draft.approval_id is None:
        if draft.kind in PROTECTED:
            raise AccountsError("acct-err-needs-decision")
        return
    approval = await session.get(FundApproval, draft.approval_id)
    if approval is None or approval.compound_id != compound_id \
            or approval.account_kind != draft.kind.value:
        raise AccountsError("acct-err-basis-mismatch")


async def review_of(session: AsyncSession, entry_id: int) -> AccountReview | None:
    return await session.get(AccountReview, entry_id, populate_existing=True)


async def reversal_of(session: AsyncSession, entry_id: int) -> Entry | None:
    stmt = select(Entry).where(Entry.reverses_id == entry_id)
    return (await session.execute(stmt)).scalar_one_or_none()


async def reverse(session: AsyncSession, clock: Clock, entry_id: int, *, reason: str,
                  recorded_by: int) -> Entry:
    """A pending entry undoing a confirmed one. Asking twice returns the same reversal."""
    original = await session.get(Entry, entry_id)
    if original is None:
        raise AccountsError("acct-err-gone")
    done = await reversal_of(session, entry_id)
    if done is not None:
        rejected = await review_of(session, done.id)
        if rejected is not None and rejected.decision == Decision.REJECTED:
            # One reversal per entry, in the database; a refused one is not tried twice.
            raise AccountsError("acct-err-reversal-rejected")
        return done
    if original.reverses_id is not None:
        raise AccountsError("acct-err-reverse-reversal")
    review = await review_of(session, entry_id)
    if review is None or review.decision != Decision.CONFIRMED:
        raise AccountsError("acct-err-reverse-unconfirmed")
    _check_texts(reason=reason)
    row = await session.get(MoneyAccount, original.account_id)
    assert row is not None
    await _move(session, row, -signed_amount(original))
    if original.approval_id is not None:
        await _spend_approval(session, original.approval_id, -original.amount)
    back = Direction.OUT if original.direction == Direction.IN else Direction.IN
    entry = Entry(
        compound_id=original.compound_id, account_id=original.account_id,
        idem_key=f"reversal:{entry_id}", occurred_on=clock.now().date(),
        direction=back.value, amount=original.amount, category=original.category,
        counterparty=original.counterparty, purpose=original.purpose,
        attachments=[], reverses_id=entry_id, reason=reason.strip(),
        recorded_by=recorded_by, recorded_at=clock.now(),
    )
    session.add(entry)
    await session.flush()
    return entry


async def review(session: AsyncSession, clock: Clock, entry_id: int, *, reviewer_id: int,
                 decision: Decision, note: str = "") -> AccountReview:
    """The second person confirms (public from now on) or rejects (the balance moves back)."""
    entry = await session.get(Entry, entry_id)
    if entry is None:
        raise AccountsError("acct-err-gone")
    if entry.recorded_by == reviewer_id:
        raise AccountsError("acct-err-own-entry")
    existing = await review_of(session, entry_id)
    if existing is not None:
        if existing.decision == decision and existing.reviewer_id == reviewer_id:
            return existing  # the same press again
        raise AccountsError("acct-err-reviewed")
    if decision == Decision.REJECTED:
        row = await session.get(MoneyAccount, entry.account_id)
        assert row is not None
        await _move(session, row, -signed_amount(entry))
        if entry.approval_id is not None:
            await _spend_approval(session, entry.approval_id, -entry.amount)
        if entry.reverses_id is not None:
            await _undo_reversal(session, entry)
    found = AccountReview(entry_id=entry_id, decision=decision.value, reviewer_id=reviewer_id,
                          recorded_by=entry.recorded_by, note=note[:300], at=clock.now())
    session.add(found)
    await session.flush()
    return found


async def _undo_reversal(session: AsyncSession, reversal: Entry) -> None:
    """A rejected reversal gives the original's spending back to its approval."""
    original = await session.get(Entry, reversal.reverses_id)
    if original is not None and original.approval_id is not None:
        await _spend_approval(session, original.approval_id, original.amount)


# ---- invariants -------------------------------------------------------------------------
def _not_rejected() -> Any:
    rejected = select(AccountReview.entry_id).where(
        AccountReview.decision == Decision.REJECTED.value)
    return Entry.id.not_in(rejected)


def signed_sum() -> Any:
    return func.coalesce(func.sum(case((Entry.direction == Direction.IN.value, Entry.amount),
                                       else_=-Entry.amount)), 0)


async def check_invariants(session: AsyncSession, compound_id: int) -> list[str]:
    """Everything that must hold of a compound's journal; an empty list means it does."""
    problems: list[str] = []
    rows = await session.execute(select(MoneyAccount).where(
        MoneyAccount.compound_id == compound_id).execution_options(populate_existing=True))
    for row in rows.scalars():
        journal = int(await session.scalar(select(signed_sum()).where(
            Entry.account_id == row.id, _not_rejected())) or 0)
        if journal != row.balance:
            problems.append(f"account {row.kind}: balance {row.balance}, entries {journal}")
        if AccountKind(row.kind) in PROTECTED and row.balance < 0:
            problems.append(f"account {row.kind} is negative: {row.balance}")
    approvals = await session.execute(select(FundApproval).where(
        FundApproval.compound_id == compound_id).execution_options(populate_existing=True))
    for approval in approvals.scalars():
        spent = int(await session.scalar(select(signed_sum()).where(
            _cites(approval.id), _not_rejected())) or 0)
        if -spent != approval.spent:
            problems.append(f"approval {approval.id}: spent {approval.spent}, entries {-spent}")
    return problems


def _cites(approval_id: int) -> Any:
    """Entries citing an approval, and the reversals of those entries."""
    citing = select(Entry.id).where(Entry.approval_id == approval_id)
    return (Entry.approval_id == approval_id) | Entry.reverses_id.in_(citing)
