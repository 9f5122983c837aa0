"""Amounts parsed exactly; entries append-only in the database; funds never negative."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import AccountKind, Decision, Direction, FundApproval
from services.accounts import ledger
from services.accounts.errors import AccountsError
from services.accounts.money import MoneyError, parse_fen, yuan
from tests import factories
from tests.harness import Harness


@pytest.mark.parametrize("typed,fen", [
    ("1,280.50", 128050), ("1280.5元", 128050), ("¥1280", 128000), ("1280.50 元", 128050),
    ("￥１２８０", 128000), ("0.01", 1), ("2,345,678.9", 234567890),
])
def test_amounts_as_people_type_them(typed: str, fen: int) -> None:
    assert parse_fen(typed) == fen


@pytest.mark.parametrize("typed,key", [
    ("abc", "acct-money-malformed"), ("12,80", "acct-money-malformed"),
    ("-5", "acct-money-negative"), ("1.234", "acct-money-decimals"),
    ("0", "acct-money-zero"), ("99999999999", "acct-money-ceiling"), ("", "acct-money-malformed"),
])
def test_bad_amounts_are_refused_with_a_reason(typed: str, key: str) -> None:
    with pytest.raises(MoneyError) as caught:
        parse_fen(typed)
    assert caught.value.key == key


@given(st.integers(min_value=1, max_value=10**11))
def test_formatting_and_parsing_round_trip(fen: int) -> None:
    assert parse_fen(yuan(fen), ceiling=10**12) == fen


def _draft(kind: AccountKind, direction: Direction, amount: int,
           approval_id: int | None = None) -> ledger.Draft:
    return ledger.Draft(kind=kind, direction=direction, amount=amount, category="repair",
                        purpose="电梯维修", occurred_on=date(2026, 3, 1), approval_id=approval_id)


async def _approval(s: AsyncSession, h: Harness, compound_id: int, amount: int) -> int:
    council = await factories.person(s, h.clock, 301)
    officer = await factories.person(s, h.clock, 302)
    row = FundApproval(compound_id=compound_id, account_kind=AccountKind.MAINTENANCE.value,
                       basis="emergency", amount=amount, spent=0, reason="电梯停运",
                       council_by=council.id, community_by=officer.id,
                       created_by=council.id, created_at=h.clock.now())
    s.add(row)
    await s.flush()
    return row.id


async def test_entries_reverse_never_go_negative_and_refuse_edits(h: Harness) -> None:
    async with h.app.sessions() as s:
        compound = (await factories.compound(s, h.clock)).compound
        finance = await factories.person(s, h.clock, 101)
        committee = await factories.person(s, h.clock, 102)
        fund = AccountKind.MAINTENANCE
        deposit = await ledger.record(s, h.clock, compound_id=compound.id, recorded_by=finance.id,
                                      draft=_draft(fund, Direction.IN, 100_00), key="k1")
        again = await ledger.record(s, h.clock, compound_id=compound.id, recorded_by=finance.id,
                                    draft=_draft(fund, Direction.IN, 100_00), key="k1")
        assert again.id == deposit.id
        with pytest.raises(AccountsError) as caught:
            await ledger.record(s, h.clock, compound_id=compound.id, recorded_by=finance.id,
                                draft=_draft(fund, Direction.OUT, 50_00), key="k2")
        assert caught.value.key == "acct-err-needs-decision"
        approval_id = await _approval(s, h, compound.id, 500_00)
        with pytest.raises(AccountsError) as caught:
            await ledger.record(s, h.clock, compound_id=compound.id, recorded_by=finance.id,
                                draft=_draft(fund, Direction.OUT, 100_01, approval_id), key="k3")
        assert caught.value.key == "acct-err-insufficient"
        with pytest.raises(AccountsError):
            await ledger.review(s, h.clock, deposit.id, reviewer_id=finance.id,
                                decision=Decision.CONFIRMED)
        await ledger.review(s, h.clock, deposit.id, reviewer_id=committee.id,
                            decision=Decision.CONFIRMED)
        back = await ledger.reverse(s, h.clock, deposit.id, reason="记错了", recorded_by=finance.id)
        assert back.direction == Direction.OUT and back.reverses_id == deposit.id
        assert (await ledger.account(s, h.clock, compound.id, fund)).balance == 0
        assert await ledger.check_invariants(s, compound.id) == []
        await s.commit()
    for statement in ("UPDATE acct_entry SET amount = 1", "DELETE FROM acct_entry",
                      "DELETE FROM acct_review"):
        async with h.app.sessions() as s:
            with pytest.raises(DBAPIError):
                await s.execute(text(statement))


async def test_two_concurrent_withdrawals_cannot_overdraw_the_fund(h: Harness) -> None:
    """Run with TEST_DATABASE_URL on PostgreSQL: the row lock serializes the two UPDATEs."""
    import asyncio

    async with h.app.sessions() as s:
        compound_id = (await factories.compound(s, h.clock)).compound.id
        finance_id = (await factories.person(s, h.clock, 201)).id
        await ledger.record(s, h.clock, compound_id=compound_id, recorded_by=finance_id,
                            draft=_draft(AccountKind.MAINTENANCE, Direction.IN, 100_00),
                            key="deposit")
        approval_id = await _approval(s, h, compound_id, 500_00)
        await s.commit()

    async def withdraw(key: str) -> bool:
        async with h.app.sessions() as s:
            try:
                await ledger.record(s, h.clock, compound_id=compound_id, recorded_by=finance_id,
                                    draft=_draft(AccountKind.MAINTENANCE, Direction.OUT, 60_00,
                                                 approval_id),
                                    key=key)
            except AccountsError:
                return False
            await asyncio.sleep(0.05)  # hold the row while the other withdrawal waits
            await s.commit()
            return True

    done = await asyncio.gather(withdraw("w1"), withdraw("w2"))
    assert sorted(done) == [False, True]
    async with h.app.sessions() as s:
        fund = await ledger.account(s, h.clock, compound_id, AccountKind.MAINTENANCE)
        assert fund.balance == 40_00
        assert await ledger.check_invariants(s, compound_id) == []
