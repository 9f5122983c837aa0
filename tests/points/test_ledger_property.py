"""Random earn / deduct / redeem / reverse / retry sequences against a model of the books.

After every step: each posting sums to zero, balances equal the journal and the model,
no wallet or escrow is negative, and repeating a key never books twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from models.points import Account, Posting, PostingKind
from services import ledger
from services.clock import FrozenClock
from tests.points import factories as f

PEOPLE = 3
ISSUING, ESCROW = "issuing", "escrow"

earn = st.tuples(st.just("earn"), st.integers(0, PEOPLE - 1), st.integers(1, 6),
                 st.integers(0, 7))
deduct = st.tuples(st.just("deduct"), st.integers(0, PEOPLE - 1), st.integers(1, 6),
                   st.integers(0, 7))
redeem = st.tuples(st.just("redeem"), st.integers(0, PEOPLE - 1), st.integers(1, 6),
                   st.integers(0, 7))
reverse = st.tuples(st.just("reverse"), st.integers(0, 30))
retry = st.tuples(st.just("retry"))
steps = st.lists(st.one_of(earn, earn, deduct, redeem, reverse, retry), min_size=1, max_size=30)


@dataclass
class Model:
    balances: dict[str, int] = field(default_factory=dict)
    keys: dict[str, tuple[str, dict[str, int]]] = field(default_factory=dict)
    postings: list[tuple[int, str, dict[str, int]]] = field(default_factory=list)
    reversed_: dict[int, int] = field(default_factory=dict)

    def fits(self, legs: dict[str, int]) -> bool:
        return all(self.balances.get(a, 0) + v >= 0 for a, v in legs.items() if a != ISSUING)

    def apply(self, legs: dict[str, int]) -> None:
        for account, amount in legs.items():
            self.balances[account] = self.balances.get(account, 0) + amount


class Books:
    def __init__(self, session: AsyncSession, clock: FrozenClock, compound_id: int,
                 people: list[int]) -> None:
        self.s, self.clock, self.cid, self.people = session, clock, compound_id, people
        self.model = Model()

    async def account(self, label: str) -> Account:
        if label == ISSUING:
            return await ledger.issuing(self.s, self.clock, self.cid)
        if label == ESCROW:
            return await ledger.escrow(self.s, self.clock, self.cid)
        return await ledger.wallet(self.s, self.clock, self.cid, self.people[int(label[1:])])

    def legs(self, op: str, who: int, amount: int) -> tuple[PostingKind, dict[str, int]]:
        wallet = f"w{who}"
        if op == "earn":
            return PostingKind.AWARD, {ISSUING: -amount, wallet: amount}
        if op == "deduct":
            return PostingKind.DEDUCT, {wallet: -amount, ISSUING: amount}
        return PostingKind.REDEEM, {wallet: -amount, ESCROW: amount}

    async def book(self, op: str, who: int, amount: int, slot: int) -> None:
        kind, legs = self.legs(op, who, amount)
        key = f"{self.cid}:{slot}"
        expected = self.model.keys.get(key)
        accounts = [ledger.Leg(await self.account(a), v) for a, v in legs.items()]
        try:
            posting = await ledger.post(self.s, self.clock, compound_id=self.cid, key=key,
                                        kind=kind, legs=accounts)
        except ledger.KeyConflict:
            event("key reused for something else")
            assert expected is not None and expected != (kind.value, legs)
            return await self.s.rollback()
        except ledger.InsufficientPoints:
            event("refused: not enough points")
            assert expected is None and not self.model.fits(legs)
            return await self.s.rollback()
        await self.s.commit()
        if expected is None:
            assert self.model.fits(legs)
            self.model.keys[key] = (kind.value, legs)
            self.model.postings.append((posting.id, kind.value, legs))
            self.model.apply(legs)
        else:
            event("repeated key returned the first posting")
            assert expected == (kind.value, legs), "a repeated key booked something new"

    async def undo(self, index: int) -> None:
        if not self.model.postings:
            return
        posting_id, kind, legs = self.model.postings[index % len(self.model.postings)]
        mirror = {a: -v for a, v in legs.items()}
        try:
            fix = await ledger.reverse(self.s, self.clock, posting_id, reason="property")
        except ledger.NotReversible:
            assert kind == PostingKind.REVERSAL
            return await self.s.rollback()
        except ledger.InsufficientPoints:
            assert posting_id not in self.model.reversed_ and not self.model.fits(mirror)
            return await self.s.rollback()
        await self.s.commit()
        if posting_id in self.model.reversed_:
            event("reversal asked twice")
            assert fix.id == self.model.reversed_[posting_id]
            return
        assert self.model.fits(mirror)
        self.model.reversed_[posting_id] = fix.id
        self.model.postings.append((fix.id, PostingKind.REVERSAL.value, mirror))
        self.model.apply(mirror)

    async def check(self) -> None:
        assert await ledger.check_invariants(self.s, self.cid) == []
        for label in [ISSUING, ESCROW, *(f"w{i}" for i in range(PEOPLE))]:
            assert (await self.account(label)).balance == self.model.balances.get(label, 0)
        total = await self.s.execute(select(func.sum(Account.balance))
                                     .where(Account.compound_id == self.cid))
        assert (total.scalar_one() or 0) == 0
        count = await self.s.execute(select(func.count()).select_from(Posting)
                                     .where(Posting.compound_id == self.cid))
        assert count.scalar_one() == len(self.model.postings)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sequence=steps)
async def test_random_sequences_keep_the_books(engine: AsyncEngine, sequence: list[tuple]) -> None:
    clock = FrozenClock()
    async with db.session_factory(engine)() as session:
        home = await f.compound(session, clock)
        people = [(await f.person(session, clock, f"P{i}")).id for i in range(PEOPLE)]
        await session.commit()
        books = Books(session, clock, home.id, people)
        last: tuple = ()
        for step in sequence:
            if step[0] == "retry":
                step = last
            if not step:
                continue
            if step[0] == "reverse":
                await books.undo(step[1])
            else:
                await books.book(*step)
            last = step
            await books.check()
