"""What anyone may read of a compound's accounts: public balances (confirmed entries only),
the latest public entries, and what waits for a second person."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import AccountKind, AccountReview, Decision, Entry, MoneyAccount
from models.registry import ChatBinding, Compound
from services import registry
from services.accounts.ledger import signed_sum

LATEST = 8
PENDING = 10


@dataclass(frozen=True)
class Listed:
    entry: Entry
    kind: str


def _confirmed() -> object:
    return select(AccountReview.entry_id).where(
        AccountReview.decision == Decision.CONFIRMED.value)


async def public_balances(session: AsyncSession, compound_id: int) -> dict[AccountKind, int]:
    """Every account kind with the sum of its confirmed entries (0 when it has none)."""
    rows = await session.execute(
        select(MoneyAccount.kind, signed_sum())
        .join(Entry, Entry.account_id == MoneyAccount.id)
        .where(MoneyAccount.compound_id == compound_id, Entry.id.in_(_confirmed()))
        .group_by(MoneyAccount.kind))
    found = {AccountKind(kind): int(total or 0) for kind, total in rows.all()}
    return {kind: found.get(kind, 0) for kind in AccountKind}


async def public_balance(session: AsyncSession, account_id: int) -> int:
    return int(await session.scalar(select(signed_sum()).where(
        Entry.account_id == account_id, Entry.id.in_(_confirmed()))) or 0)


async def latest_public(session: AsyncSession, compound_id: int,
                        limit: int = LATEST) -> list[Listed]:
    rows = await session.execute(
        select(Entry, MoneyAccount.kind)
        .join(MoneyAccount, MoneyAccount.id == Entry.account_id)
        .join(AccountReview, AccountReview.entry_id == Entry.id)
        .where(Entry.compound_id == compound_id,
               AccountReview.decision == Decision.CONFIRMED.value)
        .order_by(AccountReview.at.desc(), Entry.id.desc()).limit(limit))
    return [Listed(entry, kind) for entry, kind in rows.all()]


async def pending(session: AsyncSession, compound_id: int, limit: int = PENDING) -> list[Listed]:
    reviewed = select(AccountReview.entry_id)
    rows = await session.execute(
        select(Entry, MoneyAccount.kind)
        .join(MoneyAccount, MoneyAccount.id == Entry.account_id)
        .where(Entry.compound_id == compound_id, Entry.id.not_in(reviewed))
        .order_by(Entry.id).limit(limit))
    return [Listed(entry, kind) for entry, kind in rows.all()]


async def kind_of(session: AsyncSession, entry: Entry) -> str:
    return str(await session.scalar(select(MoneyAccount.kind)
                                    .where(MoneyAccount.id == entry.account_id)))


async def readable_compounds(session: AsyncSession, person_id: int) -> list[Compound]:
    """Where a person lives or holds a role: the compounds whose accounts they follow."""
    return await registry.compounds_of(session, person_id)


async def bound_chats(session: AsyncSession, compound_id: int, purpose: str) -> list[int]:
    rows = await session.execute(select(ChatBinding.chat_id).where(
        ChatBinding.compound_id == compound_id, ChatBinding.purpose == purpose,
    ).order_by(ChatBinding.chat_id))
    return [c for (c,) in rows.all()]


async def public_chats(session: AsyncSession, compound_id: int) -> list[int]:
    """The compound's own groups, where confirmed entries are published."""
    return await bound_chats(session, compound_id, "compound")
