"""The ledger's rules, one by one, with the invariants checked after each scenario."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from models.points import Account, AccountKind, Posting, PostingKind, PostingLine
from models.registry import Compound
from services import ledger
from services.clock import FrozenClock
from tests.points import factories as f
from tests.points.checks import assert_books_balance


@pytest.fixture
async def home(session: AsyncSession, clock: FrozenClock) -> AsyncIterator[Compound]:
    compound = await f.compound(session, clock)
    await session.commit()
    yield compound
    await assert_books_balance(session)


async def _postings(session: AsyncSession) -> int:
    return int((await session.execute(select(func.count()).select_from(Posting))).scalar_one())


async def test_award_moves_points_from_the_compound_to_the_wallet(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    posting = await ledger.award(session, clock, compound_id=home.id, person_id=mei.id,
                                 amount=2, key="activity:1:attend:1", reason="Eldercare visit")
    await session.commit()
    assert await ledger.balance(session, home.id, mei.id) == 2
    assert (await ledger.issuing(session, clock, home.id)).balance == -2
    lines = await ledger.lines_of(session, posting.id)
    assert sorted(lines.values()) == [-2, 2] and sum(lines.values()) == 0
    assert (posting.kind, posting.memo) == (PostingKind.AWARD, "Eldercare visit")


async def test_the_same_key_credits_once(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    first = await ledger.award(session, clock, compound_id=home.id, person_id=mei.id, amount=2,
                               key="themeday:2026-03:1", reason="Theme day")
    again = await ledger.award(session, clock, compound_id=home.id, person_id=mei.id, amount=2,
                               key="themeday:2026-03:1", reason="Theme day")
    await session.commit()
    assert again.id == first.id
    assert await ledger.balance(session, home.id, mei.id) == 2
    assert await _postings(session) == 1


async def test_a_key_reused_for_something_else_is_refused(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei, li = await f.person(session, clock), await f.person(session, clock, "Li")
    await ledger.award(session, clock, compound_id=home.id, person_id=mei.id, amount=2,
                       key="k", reason="x")
    with pytest.raises(ledger.KeyConflict):
        await ledger.award(session, clock, compound_id=home.id, person_id=mei.id, amount=3,
                           key="k", reason="x")
    with pytest.raises(ledger.KeyConflict):
        await ledger.award(session, clock, compound_id=home.id, person_id=li.id, amount=2,
                           key="k", reason="x")
    with pytest.raises(ledger.KeyConflict):
        await ledger.deduct(session, clock, compound_id=home.id, person_id=mei.id, amount=2,
                            key="k", reason="x")
    await session.commit()
    assert await ledger.balance(session, home.id, mei.id) == 2
    assert await ledger.balance(session, home.id, li.id) == 0


async def test_a_wallet_never_goes_negative_and_a_refusal_writes_nothing(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    await ledger.award(session, clock, compound_id=home.id, person_id=mei.id, amount=3,
                       key="a", reason="x")
    await session.commit()
    with pytest.raises(ledger.InsufficientPoints) as refused:
        await ledger.deduct(session, clock, compound_id=home.id, person_id=mei.id, amount=4,
                            key="d", reason="too much")
    assert (refused.value.balance, refused.value.needed) == (3, 4)
    await session.commit()  # even a caller that commits after a refusal keeps the books
    assert await _postings(session) == 1
    await ledger.deduct(session, clock, compound_id=home.id, person_id=mei.id, amount=3,
                        key="d2", reason="all of it")
    await session.commit()
    assert await ledger.balance(session, home.id, mei.id) == 0


async def test_deducting_from_someone_without_a_wallet_is_refused(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    with pytest.raises(ledger.InsufficientPoints):
        await ledger.deduct(session, clock, compound_id=home.id, person_id=mei.id, amount=1,
                            key="d", reason="x")
    await session.commit()
    assert await _postings(session) == 0


@pytest.mark.parametrize("amount", [0, -1, ledger.MAX_AMOUNT + 1, 2.5, True, "3"])
async def test_absurd_amounts_are_refused(
    session: AsyncSession, clock: FrozenClock, home: Compound, amount: object
) -> None:
    mei = await f.person(session, clock)
    for book in (ledger.award, ledger.deduct):
        with pytest.raises(ledger.BadAmount):
            await book(session, clock, compound_id=home.id, person_id=mei.id,
                       amount=amount, key=f"bad:{book.__name__}", reason="x")  # type: ignore[arg-type]
    await session.commit()
    assert await _postings(session) == 0


async def test_unbalanced_or_malformed_postings_are_refused(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    other = await f.compound(session, clock, "Other")
    wallet = await ledger.wallet(session, clock, home.id, mei.id)
    source = await ledger.issuing(session, clock, home.id)
    foreign = await ledger.issuing(session, clock, other.id)
    cases = [
        [ledger.Leg(source, -2), ledger.Leg(wallet, 3)],  # does not sum to zero
        [ledger.Leg(wallet, 0), ledger.Leg(source, 0)],  # zero lines
        [ledger.Leg(wallet, 2)],  # one line
        [ledger.Leg(wallet, 2), ledger.Leg(wallet, -2)],  # same account twice
        [ledger.Leg(foreign, -2), ledger.Leg(wallet, 2)],  # across compounds
    ]
    for i, legs in enumerate(cases):
        with pytest.raises(ledger.LedgerError):
            await ledger.post(session, clock, compound_id=home.id, key=f"bad:{i}",
                              kind=PostingKind.AWARD, legs=legs)
    with pytest.raises(ledger.LedgerError):
        await ledger.post(session, clock, compound_id=home.id, key="", kind=PostingKind.AWARD,
                          legs=[ledger.Leg(source, -1), ledger.Leg(wallet, 1)])
    await session.commit()
    assert await _postings(session) == 0


async def test_a_correction_is_a_reversing_posting(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    wrong = await ledger.award(session, clock, compound_id=home.id, person_id=mei.id, amount=5,
                               key="a", reason="typo")
    fix = await ledger.reverse(session, clock, wrong.id, reason="typed 5, meant 2")
    again = await ledger.reverse(session, clock, wrong.id, reason="pressed twice")
    await session.commit()
    assert again.id == fix.id
    assert (fix.kind, fix.reverses_id, fix.memo) == ("reversal", wrong.id, "typed 5, meant 2")
    assert await ledger.lines_of(session, fix.id) == {
        k: -v for k, v in (await ledger.lines_of(session, wrong.id)).items()}
    assert await ledger.balance(session, home.id, mei.id) == 0
    assert await _postings(session) == 2  # the mistake stays in the journal
    with pytest.raises(ledger.NotReversible):
        await ledger.reverse(session, clock, fix.id, reason="undo the undo")
    with pytest.raises(ledger.NotReversible):
        await ledger.reverse(session, clock, wrong.id, reason="other key", key="other")
    with pytest.raises(ledger.NotReversible):
        await ledger.reverse(session, clock, 999_999, reason="nothing")


async def test_reversing_points_already_spent_is_refused(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    given = await ledger.award(session, clock, compound_id=home.id, person_id=mei.id,
                               amount=5, key="a", reason="x")
    await ledger.deduct(session, clock, compound_id=home.id, person_id=mei.id, amount=4,
                        key="d", reason="spent")
    with pytest.raises(ledger.InsufficientPoints):
        await ledger.reverse(session, clock, given.id, reason="oops")
    await session.commit()
    assert await ledger.balance(session, home.id, mei.id) == 1


async def test_the_database_refuses_a_negative_wallet(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    wallet_id = (await ledger.wallet(session, clock, home.id, mei.id)).id
    source_id = (await ledger.issuing(session, clock, home.id)).id
    await session.commit()
    with pytest.raises(IntegrityError):
        await session.execute(update(Account).where(Account.id == wallet_id).values(balance=-1))
    await session.rollback()
    # The issuing account is the one that may go below zero.
    await session.execute(update(Account).where(Account.id == source_id).values(balance=-1))
    await session.rollback()


async def test_the_database_refuses_edits_and_deletes_of_the_journal(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    await ledger.award(session, clock, compound_id=home.id, person_id=mei.id, amount=2,
                       key="a", reason="x")
    await session.commit()
    statements = ["UPDATE points_posting SET memo = 'edited'", "DELETE FROM points_posting",
                  "UPDATE points_line SET amount = amount * 10", "DELETE FROM points_line"]
    home_id, mei_id = home.id, mei.id
    for statement in statements:
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(text(statement))
        await session.rollback()
    assert await ledger.balance(session, home_id, mei_id) == 2
    await session.refresh(home)


async def test_the_invariant_check_notices_a_tampered_balance(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    await ledger.award(session, clock, compound_id=home.id, person_id=mei.id, amount=2,
                       key="a", reason="x")
    await session.commit()
    wallet = await ledger.wallet(session, clock, home.id, mei.id)
    await session.execute(update(Account).where(Account.id == wallet.id).values(balance=7))
    problems = await ledger.check_invariants(session, home.id)
    assert problems == [f"account {wallet.id}: balance 7 but lines sum 2"]
    await session.rollback()
    await session.refresh(home)


async def test_accounts_are_one_per_owner(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    shop = await f.merchant(session, clock, home)
    assert (await ledger.wallet(session, clock, home.id, mei.id)).id == \
        (await ledger.wallet(session, clock, home.id, mei.id)).id
    assert (await ledger.merchant(session, clock, home.id, shop.id)).kind == AccountKind.MERCHANT
    await ledger.issuing(session, clock, home.id)
    await ledger.issuing(session, clock, home.id)
    await session.commit()
    count = await session.execute(select(func.count()).select_from(Account))
    assert count.scalar_one() == 3


# ---- concurrency: separate sessions, as two updates handled at once ----------------------
async def _twice(engine: AsyncEngine, work) -> list[object]:  # type: ignore[no-untyped-def]
    sessions = db.session_factory(engine)

    async def one() -> object:
        async with sessions() as s:
            try:
                result = await work(s)
                await s.commit()
                return result
            except ledger.LedgerError as exc:
                await s.rollback()
                return exc

    return list(await asyncio.gather(one(), one()))


async def test_a_double_press_credits_once(
    engine: AsyncEngine, session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    await session.commit()

    async def press(s: AsyncSession) -> int:
        posting = await ledger.award(s, clock, compound_id=home.id, person_id=mei.id, amount=2,
                                     key="activity:9:attend:1", reason="x")
        return posting.id

    first, second = await _twice(engine, press)
    assert first == second
    assert await ledger.balance(session, home.id, mei.id) == 2


async def test_two_spends_of_the_last_points_one_wins(
    engine: AsyncEngine, session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await f.person(session, clock)
    await ledger.award(session, clock, compound_id=home.id, person_id=mei.id, amount=3,
                       key="a", reason="x")
    await session.commit()
    keys = iter(["spend:1", "spend:2"])

    async def spend(s: AsyncSession) -> int:
        posting = await ledger.deduct(s, clock, compound_id=home.id, person_id=mei.id,
                                      amount=3, key=next(keys), reason="x")
        return posting.id

    outcomes = await _twice(engine, spend)
    assert sum(isinstance(o, ledger.InsufficientPoints) for o in outcomes) == 1
    assert await ledger.balance(session, home.id, mei.id) == 0
    lines = await session.execute(select(func.count()).select_from(PostingLine))
    assert lines.scalar_one() == 4


async def test_postgresql_refuses_an_unbalanced_posting_at_commit(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("a deferred constraint trigger; SQLite relies on the service and the check")
    mei = await f.person(session, clock)
    wallet_id = (await ledger.wallet(session, clock, home.id, mei.id)).id
    posting = Posting(compound_id=home.id, idem_key="raw", kind="award", memo="",
                      created_at=clock.now())
    session.add(posting)
    await session.flush()
    session.add(PostingLine(posting_id=posting.id, account_id=wallet_id, amount=5))
    await session.flush()
    with pytest.raises(DBAPIError, match="does not balance"):
        await session.commit()
    await session.rollback()
