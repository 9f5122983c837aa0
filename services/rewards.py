"""Rewards: the catalogue, partner merchants, redeeming points for one-time vouchers.

Money flow, all through services.ledger:
  redeem   wallet -> escrow            (the voucher is issued; stock goes down by one)
  confirm  escrow -> merchant account  (or back to the compound's issuing account when
                                        the compound itself provides the reward)
  expire   the redeem posting is reversed (points back to the wallet, stock back up)
So the escrow balance always equals the cost of the vouchers still outstanding.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.points import Merchant, PostingKind, Reward, Voucher, VoucherStatus
from services import audit, ledger
from services.activities.earning import settings_for
from services.activities.errors import ActivityError
from services.activities.notify import tell
from services.clock import Clock, FrozenClock
from services.policy import Action, Actor, can

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud at a counter
CODE_LENGTH = 10
TITLE_MAX = 60
STOCK_MAX = 100_000


class RewardError(ActivityError):
    @property
    def key(self) -> str:
        return f"rw-err-{self.code}"


# ---- codes ------------------------------------------------------------------------------
def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def pretty_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def deep_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start=v_{code}"


def qr_png(link: str) -> bytes:
    import segno  # on use: a bot that never draws a code keeps its memory

    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


# ---- catalogue ----------------------------------------------------------------------------
async def catalogue(session: AsyncSession, compound_id: int) -> list[Reward]:
    rows = await session.execute(
        select(Reward).where(Reward.compound_id == compound_id, Reward.active.is_(True))
        .order_by(Reward.cost, Reward.id)
    )
    return list(rows.scalars())


async def merchants(session: AsyncSession, compound_id: int) -> list[Merchant]:
    rows = await session.execute(
        select(Merchant).where(Merchant.compound_id == compound_id, Merchant.active.is_(True))
        .order_by(Merchant.id)
    )
    return list(rows.scalars())


async def add_merchant(
    session: AsyncSession, clock: Clock, compound_id: int, actor: Actor, name: str,
    contact: Person | None,
) -> Merchant:
    name = name.strip()
    if not 0 < len(name) <= 64:
        raise RewardError("merchant-name")
    taken = await session.execute(select(Merchant.id).where(
        Merchant.compound_id == compound_id, Merchant.name == name))
    if taken.first() is not None:
        raise RewardError("merchant-exists")
    merchant = Merchant(compound_id=compound_id, name=name, active=True,
                        person_id=contact.id if contact else None, created_at=clock.now())
    session.add(merchant)
    await session.flush()
    audit.record(session, clock, "reward.merchant", actor_id=actor.person.id,
                 compound_id=compound_id, merchant=merchant.id, name=name)
    await session.commit()
    return merchant


async def add_reward(
    session: AsyncSession, clock: Clock, compound_id: int, actor: Actor, *, title: str,
    cost: int, stock: int | None, merchant_id: int | None,
) -> Reward:
    title = title.strip()
    if not 0 < len(title) <= TITLE_MAX:
        raise RewardError("title")
    if not 0 < cost <= ledger.MAX_AMOUNT:
        raise RewardError("cost")
    if stock is not None and not 0 <= stock <= STOCK_MAX:
        raise RewardError("stock")
    if merchant_id is not None:
        found = await session.get(Merchant, merchant_id)
        if found is None or found.compound_id != compound_id or not found.active:
            raise RewardError("no-merchant")
    reward = Reward(compound_id=compound_id, title=title, cost=cost, stock=stock, active=True,
                    merchant_id=merchant_id, created_by=actor.person.id, created_at=clock.now())
    session.add(reward)
    await session.flush()
    audit.record(session, clock, "reward.add", actor_id=actor.person.id, compound_id=compound_id,
                 reward=reward.id, title=title, cost=cost, stock=stock)
    await session.commit()
    return reward


async def withdraw(session: AsyncSession, clock: Clock, reward_id: int, actor: Actor) -> Reward:
    reward = await session.get(Reward, reward_id)
    if reward is None or not reward.active:
        raise RewardError("no-reward")
    if not await can(session, actor, Action.REWARD_MANAGE, reward.compound_id):
        raise RewardError("not-allowed")
    reward.active = False
    audit.record(session, clock, "reward.withdraw", actor_id=actor.person.id,
                 compound_id=reward.compound_id, reward=reward.id)
    await session.commit()
    return reward


# ---- redeeming --------------------------------------------------------------------------
async def voucher_by_request(session: AsyncSession, request_key: str) -> Voucher | None:
    stmt = select(Voucher).where(Voucher.request_key == request_key)
    result = await session.execute(stmt.execution_options(populate_existing=True))
    return result.scalar_one_or_none()


async def _take_one(session: AsyncSession, reward_id: int) -> bool:
    """Take one from stock; the row lock this takes serializes redemptions of the reward."""
    result = await session.execute(
        update(Reward)
        .where(Reward.id == reward_id, Reward.active.is_(True),
               (Reward.stock.is_(None)) | (Reward.stock > 0))
        .values(stock=Reward.stock - 1)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def _redeem(
    session: AsyncSession, clock: Clock, reward_id: int, person: Person, request_key: str
) -> Voucher:
    reward = await session.get(Reward, reward_id)
    if reward is None:
        raise RewardError("no-reward")
    taken = await _take_one(session, reward_id)
    if (again := await voucher_by_request(session, request_key)) is not None:
        raise _Again(again)
    if not taken:
        await session.refresh(reward)
        raise RewardError("no-reward" if not reward.active else "sold-out")
    source = await ledger.wallet(session, clock, reward.compound_id, person.id)
    target = await ledger.escrow(session, clock, reward.compound_id)
    try:
        posting = await ledger.move(
            session, clock, source=source, target=target, amount=reward.cost,
            key=f"redeem:{request_key}", kind=PostingKind.REDEEM, memo=reward.title,
            ref=f"reward:{reward.id}", created_by=person.id)
    except ledger.InsufficientPoints as exc:
        raise RewardError("not-enough", balance=exc.balance, cost=reward.cost) from None
    days = (await settings_for(session, reward.compound_id)).voucher_days
    voucher = Voucher(
        compound_id=reward.compound_id, reward_id=reward.id, person_id=person.id,
        code=await _unused_code(session), request_key=request_key,
        status=VoucherStatus.ISSUED.value, cost=reward.cost, redeem_posting_id=posting.id,
        issued_at=clock.now(), expires_at=clock.now() + timedelta(days=days),
    )
    session.add(voucher)
    await session.flush()
    audit.record(session, clock, "reward.redeem", actor_id=person.id,
                 compound_id=reward.compound_id, reward=reward.id, voucher=voucher.id)
    return voucher


class _Again(Exception):
    def __init__(self, voucher: Voucher) -> None:
        super().__init__(voucher.id)
        self.voucher = voucher


async def _unused_code(session: AsyncSession) -> str:
    while True:
        code = new_code()
        if (await session.execute(select(Voucher.id).where(Voucher.code == code))).first() is None:
            return code


async def redeem(
    session: AsyncSession, clock: Clock, reward_id: int, person: Person, request_key: str
) -> Voucher:
    """Spend points on a reward: a voucher, or the same voucher again for a repeated press."""
    if (again := await voucher_by_request(session, request_key)) is not None:
        return again
    try:
        voucher = await _redeem(session, clock, reward_id, person, request_key)
    except _Again as repeat:
        await session.rollback()
        return repeat.voucher
    except ActivityError:
        await session.rollback()
        raise
    await session.commit()
    return voucher


# ---- confirming at the counter ----------------------------------------------------------
@dataclass(frozen=True)
class Found:
    voucher: Voucher
    reward: Reward
    holder: Person
    merchant: Merchant | None


async def find(session: AsyncSession, clock: Clock, code: str, actor: Actor) -> Found:
    """The voucher behind a code, if this person may confirm it; refusals say why."""
    voucher = (await session.execute(
        select(Voucher).where(Voucher.code == normalize_code(code))
        .execution_options(populate_existing=True)
    )).scalar_one_or_none()
    if voucher is None:
        raise RewardError("no-voucher")
    if voucher.person_id == actor.person.id:
        raise RewardError("own-voucher")
    reward = await session.get(Reward, voucher.reward_id)
    assert reward is not None
    shop = await session.get(Merchant, reward.merchant_id) if reward.merchant_id else None
    contact = shop is not None and shop.person_id == actor.person.id
    if not contact and not await can(session, actor, Action.VOUCHER_CONFIRM, voucher.compound_id):
        raise RewardError("not-yours")  # says nothing about the voucher
    if voucher.status == VoucherStatus.USED:
        raise RewardError("used")
    if voucher.status == VoucherStatus.EXPIRED or voucher.expires_at <= clock.now():
        raise RewardError("expired")
    holder = await session.get(Person, voucher.person_id)
    assert holder is not None
    return Found(voucher, reward, holder, shop)


async def confirm(session: AsyncSession, clock: Clock, code: str, actor: Actor) -> Found:
    """Mark the voucher used (once, whoever else presses) and pay the merchant."""
    try:
        found = await find(session, clock, code, actor)
        used = await session.execute(
            update(Voucher)
            .where(Voucher.id == found.voucher.id, Voucher.status == VoucherStatus.ISSUED.value,
                   Voucher.expires_at > clock.now())
            .values(status=VoucherStatus.USED.value, used_at=clock.now(),
                    used_by=actor.person.id)
        )
        if not used.rowcount:  # type: ignore[attr-defined]
            raise RewardError("used")
        await _settle(session, clock, found, actor)
    except ActivityError:
        await session.rollback()
        raise
    await session.commit()
    return found


async def _settle(session: AsyncSession, clock: Clock, found: Found, actor: Actor) -> None:
    voucher, compound_id = found.voucher, found.voucher.compound_id
    source = await ledger.escrow(session, clock, compound_id)
    target = (await ledger.merchant(session, clock, compound_id, found.merchant.id)
              if found.merchant else await ledger.issuing(session, clock, compound_id))
    posting = await ledger.move(
        session, clock, source=source, target=target, amount=voucher.cost,
        key=f"voucher:{voucher.id}:settle", kind=PostingKind.SETTLE, memo=found.reward.title,
        ref=f"reward:{found.reward.id}", created_by=actor.person.id)
    await session.execute(update(Voucher).where(Voucher.id == voucher.id)
                          .values(settle_posting_id=posting.id))
    audit.record(session, clock, "reward.confirm", actor_id=actor.person.id,
                 compound_id=compound_id, voucher=voucher.id, subject_id=voucher.person_id)
    await tell(session, clock, voucher.person_id, f"rw:used:{voucher.id}", "rw-note-used",
               title=found.reward.title, code=pretty_code(voucher.code))


# ---- expiry -----------------------------------------------------------------------------
async def _expire_one(session: AsyncSession, clock: Clock, voucher_id: int) -> bool:
    gone = await session.execute(
        update(Voucher)
        .where(Voucher.id == voucher_id, Voucher.status == VoucherStatus.ISSUED.value,
               Voucher.expires_at <= clock.now())
        .values(status=VoucherStatus.EXPIRED.value)
    )
    if not gone.rowcount:  # type: ignore[attr-defined]
        return False  # used, or expired by an earlier sweep
    voucher = await session.get(Voucher, voucher_id, populate_existing=True)
    reward = await session.get(Reward, voucher.reward_id) if voucher else None
    assert voucher is not None and reward is not None
    # The refund's memo is the reward: history shows it as "refund: <reward>".
    refund = await ledger.reverse(session, clock, voucher.redeem_posting_id,
                                  reason=reward.title, key=f"voucher:{voucher.id}:refund")
    voucher.refund_posting_id = refund.id
    await session.execute(update(Reward).where(Reward.id == voucher.reward_id,
                                               Reward.stock.is_not(None))
                          .values(stock=Reward.stock + 1))
    await tell(session, clock, voucher.person_id, f"rw:expired:{voucher.id}", "rw-note-expired",
               title=reward.title, points=voucher.cost)
    return True


async def sweep_expired(session: AsyncSession, now: datetime) -> int:
    """Refund vouchers nobody used in time, by reversing their redemption."""
    due = await session.execute(select(Voucher.id).where(
        Voucher.status == VoucherStatus.ISSUED.value, Voucher.expires_at <= now))
    clock = FrozenClock(now)
    done = 0
    for voucher_id in list(due.scalars()):
        done += await _expire_one(session, clock, voucher_id)
        await session.commit()
    return done


async def open_vouchers(session: AsyncSession, person_id: int) -> list[tuple[Voucher, Reward]]:
    rows = await session.execute(
        select(Voucher, Reward).join(Reward, Reward.id == Voucher.reward_id)
        .where(Voucher.person_id == person_id, Voucher.status == VoucherStatus.ISSUED.value)
        .order_by(Voucher.expires_at)
    )
    return [(v, r) for v, r in rows]


async def outstanding(session: AsyncSession, compound_id: int) -> int:
    """The cost of vouchers still open: always equal to the escrow account's balance."""
    total = await session.execute(select(func.coalesce(func.sum(Voucher.cost), 0)).where(
        Voucher.compound_id == compound_id, Voucher.status == VoucherStatus.ISSUED.value))
    return int(total.scalar_one())
