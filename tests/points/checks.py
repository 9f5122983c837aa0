"""The ledger's invariants, asserted after every scenario."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.activities import Activity, Signup, SignupStatus
from models.points import Account, AccountKind
from services import ledger, rewards


async def assert_books_balance(session: AsyncSession) -> None:
    """Sum zero per posting, balances equal to the journal, no negative wallet, escrow
    equal to the open vouchers, and every activity's seat counter equal to its seats."""
    assert await ledger.check_invariants(session) == []
    escrows = await session.execute(
        select(Account).where(Account.kind == AccountKind.ESCROW.value)
        .execution_options(populate_existing=True))
    for account in escrows.scalars():
        assert account.balance == await rewards.outstanding(session, account.compound_id)
    for activity in (await session.execute(
            select(Activity).execution_options(populate_existing=True))).scalars():
        seats = (await session.execute(select(Signup.id).where(
            Signup.activity_id == activity.id,
            Signup.status == SignupStatus.CONFIRMED.value))).all()
        assert activity.taken == len(seats) <= activity.capacity


async def assert_books_balance_in(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        await assert_books_balance(session)


async def revive(session: AsyncSession) -> None:
    """Reload what a refusal's rollback expired, as a new update would load it afresh."""
    for obj in list(session.identity_map.values()):
        try:
            await session.refresh(obj)
        except InvalidRequestError:  # a row first read inside the rolled-back transaction
            session.expunge(obj)
