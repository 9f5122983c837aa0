"""Random runs of record / confirm / reject / reverse through the units of work: after every
step the journal's invariants hold, the funds never go below zero, and the public balance
is the sum of the confirmed entries."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from models.accounts import (
    AccountKind,
    AccountReview,
    Decision,
    Direction,
    Entry,
    FundApproval,
    MoneyAccount,
)
from models.registry import Compound
from models.roles import Role
from services.accounts import flow, ledger, views
from services.accounts.errors import AccountsError
from services.policy import Actor
from tests import factories
from tests.harness import Harness

KINDS = (AccountKind.MAINTENANCE, AccountKind.PUBLIC_REVENUE, AccountKind.PROPERTY)


async def _public_from_journal(h: Harness, compound_id: int) -> dict[AccountKind, int]:
    async with h.app.sessions() as s:
        rows = await s.execute(
            select(MoneyAccount.kind, Entry.direction, Entry.amount)
            .join(Entry, Entry.account_id == MoneyAccount.id)
            .join(AccountReview, AccountReview.entry_id == Entry.id)
            .where(AccountReview.decision == Decision.CONFIRMED.value,
                   MoneyAccount.compound_id == compound_id))
        totals = {kind: 0 for kind in AccountKind}
        for kind, direction, amount in rows.all():
            totals[AccountKind(kind)] += amount if direction == "in" else -amount
        return totals


@pytest.mark.parametrize("seed", range(4))
async def test_random_runs_keep_the_invariants(h: Harness, seed: int) -> None:
    rnd = random.Random(seed)
    async with h.app.sessions() as s:
        compound = (await factories.compound(s, h.clock)).compound
        finance = await factories.person(s, h.clock, 7001, "Fang")
        committee = await factories.person(s, h.clock, 7002, "Qian")
        await factories.grant(s, h.clock, compound.id, finance.id, Role.FINANCE)
        await factories.grant(s, h.clock, compound.id, committee.id, Role.OWNERS_COMMITTEE)
        await s.commit()
        cid, fin, rev = compound.id, Actor(finance), Actor(committee)
    approval = None
    for step in range(40):
        async with h.app.sessions() as s:
            c = await s.get(Compound, cid)
            assert c is not None
            op = rnd.choice(("record", "record", "decide", "reverse"))
            try:
                if op == "record":
                    kind = rnd.choice(KINDS)
                    out = rnd.random() < 0.5
                    draft = ledger.Draft(
                        kind=kind, direction=Direction.OUT if out else Direction.IN,
                        amount=rnd.randint(1, 50_000), category="other", purpose=f"run {step}",
                        occurred_on=date(2026, 3, 1),
                        approval_id=approval if out and kind == AccountKind.MAINTENANCE else None)
                    await flow.record(s, h.clock, fin, c, draft, key=f"{seed}:{step}")
                else:
                    pending = await views.pending(s, cid)
                    latest = await views.latest_public(s, cid)
                    if op == "decide" and pending:
                        await flow.decide(s, h.clock, rev, rnd.choice(pending).entry.id,
                                          rnd.choice(list(Decision)))
                    elif op == "reverse" and latest:
                        await flow.reverse(s, h.clock, fin, rnd.choice(latest).entry.id, "typo")
            except AccountsError:
                pass  # refused (not enough in the fund, already reversed, …): nothing changed
            assert await ledger.check_invariants(s, cid) == []
            assert await views.public_balances(s, cid) == await _public_from_journal(h, cid)
        if approval is None:
            async with h.app.sessions() as s:
                row = FundApproval(compound_id=cid, account_kind="maintenance", basis="emergency",
                                   amount=10**9, spent=0, reason="run",
                                   council_by=committee.id, community_by=finance.id,
                                   created_by=committee.id, created_at=h.clock.now())
                s.add(row)
                await s.commit()
                approval = row.id
    async with h.app.sessions() as s:
        entries = list((await s.execute(select(Entry))).scalars())
        reviews = list((await s.execute(select(AccountReview))).scalars())
    assert len(entries) >= 10 and reviews, "the run should record and review"
    assert any(e.reverses_id for e in entries), "the run should reverse something"
