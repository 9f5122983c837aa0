"""Rewards as services: redeem, confirm once, expire with a refund, races for stock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from models.person import Person
from models.points import Account, AccountKind, Reward, Voucher
from models.registry import Compound
from models.roles import Role
from services import ledger, rewards
from services.clock import FrozenClock
from services.policy import Actor
from tests.points import factories as f
from tests.points.checks import assert_books_balance, revive


@pytest.fixture
async def home(session: AsyncSession, clock: FrozenClock) -> AsyncIterator[Compound]:
    compound = await f.compound(session, clock)
    await session.commit()
    yield compound
    await assert_books_balance(session)


async def rich(session: AsyncSession, clock: FrozenClock, home: Compound, name: str,
               points: int) -> Person:
    who = await f.person(session, clock, name)
    await f.resident(session, clock, home, who)
    if points:
        await ledger.award(session, clock, compound_id=home.id, person_id=who.id,
                           amount=points, key=f"seed:{who.id}", reason="seed")
    await session.commit()
    return who


async def steward(session: AsyncSession, clock: FrozenClock, home: Compound) -> Person:
    who = await f.person(session, clock, "Steward")
    await f.grant(session, clock, home, who, Role.STEWARD)
    await session.commit()
    return who


async def test_redeem_then_confirm_once_pays_the_merchant(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await rich(session, clock, home, "Mei", 10)
    barber = await f.person(session, clock, "Barber")
    shop = await f.merchant(session, clock, home, contact=barber)
    cut = await f.reward(session, clock, home, title="Haircut", cost=6, stock=2, shop=shop)
    await session.commit()
    voucher = await rewards.redeem(session, clock, cut.id, mei, "press:1")
    again = await rewards.redeem(session, clock, cut.id, mei, "press:1")  # double press
    assert again.id == voucher.id and len(voucher.code) == rewards.CODE_LENGTH
    assert await ledger.balance(session, home.id, mei.id) == 4
    assert (await session.get(Reward, cut.id, populate_existing=True)).stock == 1
    await assert_books_balance(session)

    found = await rewards.confirm(session, clock, rewards.pretty_code(voucher.code).lower(),
                                  Actor(barber))
    assert found.holder.id == mei.id and found.merchant is not None
    with pytest.raises(rewards.RewardError, match="used"):
        await rewards.confirm(session, clock, voucher.code, Actor(barber))
    await revive(session)
    till = await ledger.merchant(session, clock, home.id, shop.id)
    assert till.balance == 6
    assert (await ledger.escrow(session, clock, home.id)).balance == 0


async def test_who_may_confirm_a_voucher(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await rich(session, clock, home, "Mei", 10)
    li = await rich(session, clock, home, "Li", 0)
    guard = await steward(session, clock, home)
    other_shop = await f.merchant(session, clock, home, "Tea", contact=li)
    coupon = await f.reward(session, clock, home, cost=3)
    await session.commit()
    voucher = await rewards.redeem(session, clock, coupon.id, mei, "press:1")
    code = voucher.code
    for who, error in [(mei, "own-voucher"), (li, "not-yours")]:
        with pytest.raises(rewards.RewardError, match=error):
            await rewards.confirm(session, clock, code, Actor(who))
        await revive(session)
    with pytest.raises(rewards.RewardError, match="no-voucher"):
        await rewards.confirm(session, clock, "ZZZZZ-ZZZZZ", Actor(guard))
    await revive(session)
    assert other_shop.person_id == li.id  # a merchant's contact confirms only its own
    assert (await rewards.confirm(session, clock, code, Actor(guard))).voucher.id == voucher.id
    issuing = await ledger.issuing(session, clock, home.id)
    assert issuing.balance == -7  # the compound's own reward returns its points


async def test_not_enough_points_or_stock_writes_nothing(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await rich(session, clock, home, "Mei", 4)
    coupon = await f.reward(session, clock, home, cost=5, stock=1)
    gone = await f.reward(session, clock, home, title="Gone", cost=1, stock=0)
    await session.commit()
    coupon_id, gone_id = coupon.id, gone.id
    with pytest.raises(rewards.RewardError) as refused:
        await rewards.redeem(session, clock, coupon_id, mei, "press:1")
    assert refused.value.code == "not-enough" and refused.value.args_ == {"balance": 4, "cost": 5}
    await revive(session)
    with pytest.raises(rewards.RewardError, match="sold-out"):
        await rewards.redeem(session, clock, gone_id, mei, "press:2")
    await revive(session)
    assert (await session.get(Reward, coupon_id)).stock == 1
    assert (await session.execute(select(Voucher))).first() is None
    assert await ledger.balance(session, home.id, mei.id) == 4


async def test_expired_vouchers_are_refunded_by_a_reversal(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await rich(session, clock, home, "Mei", 5)
    guard = await steward(session, clock, home)
    coupon = await f.reward(session, clock, home, cost=5, stock=1)
    await session.commit()
    voucher = await rewards.redeem(session, clock, coupon.id, mei, "press:1")
    voucher_id, code = voucher.id, voucher.code
    clock.advance(days=30)
    assert await rewards.sweep_expired(session, clock.now()) == 1
    assert await rewards.sweep_expired(session, clock.now()) == 0
    refunded = await session.get(Voucher, voucher_id, populate_existing=True)
    assert refunded.status == "expired" and refunded.refund_posting_id is not None
    assert await ledger.balance(session, home.id, mei.id) == 5
    assert (await session.get(Reward, coupon.id, populate_existing=True)).stock == 1
    with pytest.raises(rewards.RewardError, match="expired"):
        await rewards.confirm(session, clock, code, Actor(guard))
    await revive(session)


async def test_two_redemptions_race_for_the_last_one(
    engine: AsyncEngine, session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await rich(session, clock, home, "Mei", 10)
    li = await rich(session, clock, home, "Li", 10)
    coupon = await f.reward(session, clock, home, cost=3, stock=1)
    await session.commit()
    sessions = db.session_factory(engine)

    async def press(person_id: int) -> str:
        async with sessions() as s:
            who = await s.get(Person, person_id)
            try:
                await rewards.redeem(s, clock, coupon.id, who, f"press:{person_id}")
                return "voucher"
            except rewards.RewardError as exc:
                return exc.code

    assert sorted(await asyncio.gather(press(mei.id), press(li.id))) == ["sold-out", "voucher"]
    spent = await session.execute(select(Account.balance).where(
        Account.kind == AccountKind.WALLET.value).order_by(Account.balance))
    assert list(spent.scalars()) == [7, 10]


async def test_two_confirmations_race_one_wins(
    engine: AsyncEngine, session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    mei = await rich(session, clock, home, "Mei", 10)
    guard = await steward(session, clock, home)
    coupon = await f.reward(session, clock, home, cost=3, stock=None)
    await session.commit()
    code = (await rewards.redeem(session, clock, coupon.id, mei, "press:1")).code
    sessions = db.session_factory(engine)

    async def press() -> str:
        async with sessions() as s:
            who = await s.get(Person, guard.id)
            try:
                await rewards.confirm(s, clock, code, Actor(who))
                return "used now"
            except rewards.RewardError as exc:
                return exc.code

    assert sorted(await asyncio.gather(press(), press())) == ["used", "used now"]


def test_codes_are_readable_and_the_qr_is_a_png() -> None:
    code = rewards.new_code()
    assert set(code) <= set(rewards.ALPHABET) and len(code) == 10
    assert rewards.normalize_code(f" {code[:5].lower()} - {code[5:]} ") == code
    link = rewards.deep_link("red_steward_bot", code)
    assert link == f"https://t.me/red_steward_bot?start=v_{code}"
    assert rewards.qr_png(link).startswith(b"\x89PNG")

