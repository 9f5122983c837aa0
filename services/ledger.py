"""The points ledger: an append-only, double-entry journal with idempotent postings.

What this module guarantees (tests/points check it after every scenario):

1. Every posting's lines sum to zero, over at least two distinct accounts of one compound.
2. Every posting has an idempotency key, unique in the database. Posting again with a key
   returns the posting that already holds it, provided it says the same thing; the same
   key for something else raises `KeyConflict`. Retries and double presses credit once.
3. Only a compound's issuing account may go below zero. Wallets, escrow and merchant
   accounts are checked under row locks before anything is written (`InsufficientPoints`),
   and a CHECK constraint in the database refuses a negative balance as a backstop.
4. Nothing is edited or deleted (database triggers refuse it): a correction is a new
   posting that reverses an earlier one, with a reason; a posting is reversed at most once.
5. Each account's stored balance equals the sum of its lines (`check_invariants`).

Functions here never commit: a posting belongs to the caller's unit of work, so an award
and the attendance mark that caused it are written together or not at all. On refusal
they raise before writing any journal row.

Locking: the accounts a posting touches are locked in id order (SELECT ... FOR UPDATE on
PostgreSQL). SQLite has one writer at a time; a no-op UPDATE of those accounts takes the
write lock before balances are read, which serializes postings just the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.points import Account, AccountKind, Posting, PostingKind, PostingLine
from services.clock import Clock
from services.upsert import insert_for

MAX_AMOUNT = 100_000  # per line; anything larger is a typo, not a reward
MAX_KEY = 160


class LedgerError(Exception):
    code = "ledger"


class BadAmount(LedgerError):
    code = "bad-amount"


class InsufficientPoints(LedgerError):
    code = "insufficient"

    def __init__(self, account_id: int, balance: int, needed: int) -> None:
        super().__init__(f"account {account_id} has {balance}, needs {needed}")
        self.balance = balance
        self.needed = needed


class KeyConflict(LedgerError):
    """The key is taken by a posting that says something else: a caller bug, never a retry."""

    code = "key-conflict"


class NotReversible(LedgerError):
    code = "not-reversible"


@dataclass(frozen=True)
class Leg:
    account: Account
    amount: int


# ---- accounts ---------------------------------------------------------------------------
async def _ensure(
    session: AsyncSession, clock: Clock, compound_id: int, kind: AccountKind,
    person_id: int | None = None, merchant_id: int | None = None,
) -> Account:
    """The account, created on first use; concurrent first uses create it once."""
    insert = insert_for(session)
    await session.execute(
        insert(Account).values(
            compound_id=compound_id, kind=kind.value, person_id=person_id,
            merchant_id=merchant_id, balance=0, created_at=clock.now(),
        ).on_conflict_do_nothing()
    )
    stmt = select(Account).where(Account.compound_id == compound_id, Account.kind == kind.value)
    if kind == AccountKind.WALLET:
        stmt = stmt.where(Account.person_id == person_id)
    elif kind == AccountKind.MERCHANT:
        stmt = stmt.where(Account.merchant_id == merchant_id)
    return (await session.execute(stmt)).scalar_one()


async def issuing(session: AsyncSession, clock: Clock, compound_id: int) -> Account:
    return await _ensure(session, clock, compound_id, AccountKind.ISSUING)


async def escrow(session: AsyncSession, clock: Clock, compound_id: int) -> Account:
    return await _ensure(session, clock, compound_id, AccountKind.ESCROW)


async def wallet(session: AsyncSession, clock: Clock, compound_id: int, person_id: int) -> Account:
    return await _ensure(session, clock, compound_id, AccountKind.WALLET, person_id=person_id)


async def merchant(
    session: AsyncSession, clock: Clock, compound_id: int, merchant_id: int
) -> Account:
    return await _ensure(session, clock, compound_id, AccountKind.MERCHANT,
                         merchant_id=merchant_id)


async def wallet_id(session: AsyncSession, compound_id: int, person_id: int) -> int | None:
    """A person's wallet in a compound, without making one."""
    return await session.scalar(select(Account.id).where(
        Account.compound_id == compound_id, Account.kind == AccountKind.WALLET.value,
        Account.person_id == person_id))


async def balance(session: AsyncSession, compound_id: int, person_id: int) -> int:
    """A person's points in a compound (0 before their first posting)."""
    stmt = select(Account.balance).where(
        Account.compound_id == compound_id, Account.kind == AccountKind.WALLET.value,
        Account.person_id == person_id,
    )
    return int((await session.execute(stmt)).scalar_one_or_none() or 0)


# ---- posting ----------------------------------------------------------------------------
def _validate(compound_id: int, key: str, legs: Sequence[Leg]) -> None:
    if not key or len(key) > MAX_KEY:
        raise LedgerError(f"idempotency key must be 1..{MAX_KEY} characters")
    if len(legs) < 2 or len({leg.account.id for leg in legs}) != len(legs):
        raise LedgerError("a posting needs two or more distinct accounts")
    for leg in legs:
        if isinstance(leg.amount, bool) or not isinstance(leg.amount, int):
            raise BadAmount("amounts are whole points")
        if leg.amount == 0 or abs(leg.amount) > MAX_AMOUNT:
            raise BadAmount(f"amount {leg.amount} outside 1..{MAX_AMOUNT}")
        if leg.account.compound_id != compound_id:
            raise LedgerError("every account of a posting belongs to its compound")
    if sum(leg.amount for leg in legs) != 0:
        raise LedgerError("the lines of a posting must sum to zero")


async def _lock(session: AsyncSession, ids: list[int]) -> dict[int, Account]:
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(
            update(Account).where(Account.id.in_(ids)).values(balance=Account.balance)
        )
    rows = await session.execute(
        select(Account).where(Account.id.in_(ids)).order_by(Account.id)
        .with_for_update().execution_options(populate_existing=True)
    )
    return {a.id: a for a in rows.scalars()}


async def lines_of(session: AsyncSession, posting_id: int) -> dict[int, int]:
    rows = await session.execute(
        select(PostingLine.account_id, PostingLine.amount)
        .where(PostingLine.posting_id == posting_id)
    )
    return {account_id: int(amount) for account_id, amount in rows}


async def by_key(session: AsyncSession, key: str) -> Posting | None:
    stmt = select(Posting).where(Posting.idem_key == key).execution_options(
        populate_existing=True
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def post(
    session: AsyncSession, clock: Clock, *, compound_id: int, key: str, kind: PostingKind,
    legs: Sequence[Leg], memo: str = "", ref: str | None = None,
    created_by: int | None = None, reverses_id: int | None = None,
) -> Posting:
    """Write a balanced posting, or return the one that already holds `key`."""
    _validate(compound_id, key, legs)
    locked = await _lock(session, sorted(leg.account.id for leg in legs))
    existing = await by_key(session, key)
    if existing is not None:
        wanted = {leg.account.id: leg.amount for leg in legs}
        if existing.kind != kind.value or await lines_of(session, existing.id) != wanted:
            raise KeyConflict(key)
        return existing
    for leg in legs:
        account = locked[leg.account.id]
        if account.kind != AccountKind.ISSUING and account.balance + leg.amount < 0:
            raise InsufficientPoints(account.id, account.balance, -leg.amount)
    posting = Posting(
        compound_id=compound_id, idem_key=key, kind=kind.value, memo=memo[:256], ref=ref,
        created_by=created_by, created_at=clock.now(), reverses_id=reverses_id,
    )
    session.add(posting)
    await session.flush()
    for leg in legs:
        session.add(PostingLine(posting_id=posting.id, account_id=leg.account.id,
                                amount=leg.amount))
        locked[leg.account.id].balance += leg.amount
    await session.flush()
    return posting


def _amount(amount: int) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount <= MAX_AMOUNT:
        raise BadAmount(f"amount must be 1..{MAX_AMOUNT}")
    return amount


async def award(
    session: AsyncSession, clock: Clock, *, compound_id: int, person_id: int, amount: int,
    key: str, reason: str, ref: str | None = None, created_by: int | None = None,
) -> Posting:
    """Credit a person's wallet from the compound. Same key again: the same posting."""
    amount = _amount(amount)
    source = await issuing(session, clock, compound_id)
    target = await wallet(session, clock, compound_id, person_id)
    return await post(session, clock, compound_id=compound_id, key=key, kind=PostingKind.AWARD,
                      legs=[Leg(source, -amount), Leg(target, amount)], memo=reason, ref=ref,
                      created_by=created_by)


async def deduct(
    session: AsyncSession, clock: Clock, *, compound_id: int, person_id: int, amount: int,
    key: str, reason: str, ref: str | None = None, created_by: int | None = None,
) -> Posting:
    """Take points back into the compound; refused if the wallet has fewer."""
    amount = _amount(amount)
    source = await wallet(session, clock, compound_id, person_id)
    target = await issuing(session, clock, compound_id)
    return await post(session, clock, compound_id=compound_id, key=key, kind=PostingKind.DEDUCT,
                      legs=[Leg(source, -amount), Leg(target, amount)], memo=reason, ref=ref,
                      created_by=created_by)


async def move(
    session: AsyncSession, clock: Clock, *, source: Account, target: Account, amount: int,
    key: str, kind: PostingKind, memo: str = "", ref: str | None = None,
    created_by: int | None = None,
) -> Posting:
    """Move points between two accounts of one compound (redeem, settle)."""
    amount = _amount(amount)
    return await post(session, clock, compound_id=source.compound_id, key=key, kind=kind,
                      legs=[Leg(source, -amount), Leg(target, amount)], memo=memo, ref=ref,
                      created_by=created_by)


async def reverse(
    session: AsyncSession, clock: Clock, posting_id: int, *, reason: str,
    created_by: int | None = None, key: str | None = None,
) -> Posting:
    """Undo a posting with its mirror image. Asking twice returns the same reversal."""
    original = await session.get(Posting, posting_id)
    if original is None:
        raise NotReversible(f"no posting {posting_id}")
    if original.kind == PostingKind.REVERSAL:
        raise NotReversible("a reversal is corrected with a new posting, not reversed")
    key = key or f"reversal:{posting_id}"
    done = (await session.execute(
        select(Posting).where(Posting.reverses_id == posting_id)
    )).scalar_one_or_none()
    if done is not None and done.idem_key != key:
        raise NotReversible(f"posting {posting_id} was already reversed")
    amounts = await lines_of(session, posting_id)
    accounts = (await session.execute(
        select(Account).where(Account.id.in_(list(amounts)))
    )).scalars()
    legs = [Leg(a, -amounts[a.id]) for a in accounts]
    return await post(session, clock, compound_id=original.compound_id, key=key,
                      kind=PostingKind.REVERSAL, legs=legs, memo=reason, ref=original.ref,
                      created_by=created_by, reverses_id=posting_id)


# ---- invariants -------------------------------------------------------------------------
async def check_invariants(session: AsyncSession, compound_id: int | None = None) -> list[str]:
    """Everything that must hold of the journal; an empty list means it does."""
    problems: list[str] = []
    postings = select(
        PostingLine.posting_id, func.sum(PostingLine.amount), func.count()
    ).group_by(PostingLine.posting_id)
    accounts = select(Account.id, Account.kind, Account.balance,
                      select(func.coalesce(func.sum(PostingLine.amount), 0))
                      .where(PostingLine.account_id == Account.id).scalar_subquery())
    bare = select(Posting.id).where(~Posting.id.in_(select(PostingLine.posting_id)))
    if compound_id is not None:
        postings = postings.join(Posting, Posting.id == PostingLine.posting_id).where(
            Posting.compound_id == compound_id)
        accounts = accounts.where(Account.compound_id == compound_id)
        bare = bare.where(Posting.compound_id == compound_id)
    for posting_id, total, count in (await session.execute(postings)):
        if int(total) != 0 or count < 2:
            problems.append(f"posting {posting_id}: {count} lines summing to {total}")
    for posting_id in (await session.execute(bare)).scalars():
        problems.append(f"posting {posting_id} has no lines")
    for account_id, kind, stored, journal in (await session.execute(accounts)):
        if int(stored) != int(journal):
            problems.append(f"account {account_id}: balance {stored} but lines sum {journal}")
        if kind != AccountKind.ISSUING and stored < 0:
            problems.append(f"account {account_id} ({kind}) is negative: {stored}")
    problems += await _reversals_mirror(session, compound_id)
    return problems


async def _reversals_mirror(session: AsyncSession, compound_id: int | None) -> list[str]:
    stmt = select(Posting.id, Posting.reverses_id).where(Posting.reverses_id.is_not(None))
    if compound_id is not None:
        stmt = stmt.where(Posting.compound_id == compound_id)
    problems = []
    for reversal_id, original_id in (await session.execute(stmt)):
        mirror = {a: -v for a, v in (await lines_of(session, original_id)).items()}
        if await lines_of(session, reversal_id) != mirror:
            problems.append(f"reversal {reversal_id} does not mirror posting {original_id}")
    return problems
