"""How points are earned in a compound: rules per activity kind, per hour, monthly items,
and an admin's manual awards and deductions. Every one is logged in the audit trail."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.points import EarningRule, PointsSettings, Posting, PostingLine, RuleBasis
from models.registry import Compound
from services import audit, ledger
from services.activities.audience import is_member
from services.activities.errors import ActivityError
from services.activities.notify import tell
from services.clock import Clock
from services.policy import Actor

MAX_MANUAL = 1000  # one manual award or deduction; more is a typo
# The same award to the same person for the same reason this soon is most likely typed twice.
REPEAT_WINDOW = timedelta(minutes=10)
MAX_REASON = 200
# A rule code is one word: letters of any script (护学岗, eldercare), digits, - and _, and not
# a bare number (that would read as an amount in /award). 32 characters fit the column.
CODE_MAX = 32
CODE = re.compile(r"^[^\W_][\w-]{0," + str(CODE_MAX - 1) + "}$")
NAME_MAX = 64
DEFAULTS = {"noshow_limit": 3, "leaderboard": True, "voucher_days": 30}
LIMITS = {"noshow_limit": (1, 20), "voucher_days": (1, 365)}


# ---- settings ---------------------------------------------------------------------------
async def settings_for(session: AsyncSession, compound_id: int) -> PointsSettings:
    """The compound's settings; defaults (not stored) until an admin changes one."""
    found = await session.get(PointsSettings, compound_id)
    if found is not None:
        return found
    return PointsSettings(compound_id=compound_id, **DEFAULTS)


async def update_setting(
    session: AsyncSession, clock: Clock, compound_id: int, actor_id: int, name: str,
    value: int | bool,
) -> PointsSettings:
    if name not in DEFAULTS:
        raise ActivityError("bad-setting")
    low, high = LIMITS.get(name, (0, 1))
    if name in LIMITS and not (isinstance(value, int) and low <= value <= high):
        raise ActivityError("setting-range", low=low, high=high)
    row = await session.get(PointsSettings, compound_id)
    if row is None:
        row = PointsSettings(compound_id=compound_id, updated_at=clock.now(), **DEFAULTS)
        session.add(row)
    setattr(row, name, value)
    row.updated_at = clock.now()
    audit.record(session, clock, "points.setting", actor_id=actor_id, compound_id=compound_id,
                 name=name, value=value)
    await session.commit()
    return row


# ---- rules ------------------------------------------------------------------------------
async def rules(
    session: AsyncSession, compound_id: int, basis: tuple[RuleBasis, ...] = tuple(RuleBasis)
) -> list[EarningRule]:
    rows = await session.execute(
        select(EarningRule).where(EarningRule.compound_id == compound_id,
                                  EarningRule.active.is_(True),
                                  EarningRule.basis.in_([b.value for b in basis]))
        .order_by(EarningRule.basis, EarningRule.code)
    )
    return list(rows.scalars())


async def rule(session: AsyncSession, compound_id: int, code: str) -> EarningRule | None:
    stmt = select(EarningRule).where(EarningRule.compound_id == compound_id,
                                     EarningRule.code == code.lower())
    return (await session.execute(stmt)).scalar_one_or_none()


def code_ok(code: str) -> bool:
    return bool(CODE.match(code.lower())) and not code.isdigit()


async def rule_by_id(session: AsyncSession, compound_id: int, rule_id: int) -> EarningRule | None:
    """A compound's rule by its id (buttons carry ids: a code may not fit in 64 bytes)."""
    found = await session.get(EarningRule, rule_id)
    return found if found is not None and found.compound_id == compound_id else None


async def set_rule(
    session: AsyncSession, clock: Clock, compound_id: int, actor_id: int, *, code: str,
    basis: str, points: int, name: str,
) -> EarningRule:
    code, name = code.lower(), name.strip()
    if not code_ok(code):
        raise ActivityError("rule-code")
    if basis not in set(RuleBasis):
        raise ActivityError("rule-basis")
    if not 0 < points <= 1000:
        raise ActivityError("rule-points")
    if not 0 < len(name) <= NAME_MAX:
        raise ActivityError("rule-name")
    row = await rule(session, compound_id, code)
    if row is None:
        row = EarningRule(compound_id=compound_id, code=code, basis=basis, points=points,
                          name=name, active=True, updated_at=clock.now())
        session.add(row)
    row.basis, row.points, row.name, row.active = basis, points, name, True
    row.updated_at = clock.now()
    audit.record(session, clock, "points.rule", actor_id=actor_id, compound_id=compound_id,
                 code=code, basis=basis, points=points, name=name)
    await session.commit()
    return row


async def disable_rule(
    session: AsyncSession, clock: Clock, compound_id: int, actor_id: int, code: str
) -> None:
    row = await rule(session, compound_id, code)
    if row is None or not row.active:
        raise ActivityError("no-rule", code=code)
    row.active, row.updated_at = False, clock.now()
    audit.record(session, clock, "points.rule_off", actor_id=actor_id, compound_id=compound_id,
                 code=code)
    await session.commit()


def points_for(found: EarningRule, starts_at: datetime, ends_at: datetime) -> int:
    """What attending earns under a rule: fixed, or per hour rounded half up."""
    if found.basis == RuleBasis.HOUR:
        hours = (ends_at - starts_at).total_seconds() / 3600
        return min(1000, max(1, int(found.points * hours + 0.5)))
    return found.points


# ---- manual awards and monthly items ----------------------------------------------------
@dataclass(frozen=True)
class Awarded:
    posting: Posting
    balance: int
    fresh: bool  # False: this key was already booked (a retry, or this month's item given)


async def _check_target(session: AsyncSession, compound_id: int, target: Person | None) -> Person:
    if target is None or not await is_member(session, target.id, compound_id):
        raise ActivityError("unknown-person")
    return target


class LooksRepeated(ActivityError):
    """The same manual award was booked moments ago; booking again needs a yes."""

    def __init__(self, earlier: datetime) -> None:
        super().__init__("award-repeated")
        self.earlier = earlier


async def _same_award_since(
    session: AsyncSession, compound_id: int, person_id: int, amount: int, reason: str,
    since: datetime,
) -> datetime | None:
    wallet = await ledger.wallet_id(session, compound_id, person_id)
    if wallet is None:
        return None
    return await session.scalar(
        select(Posting.created_at).join(PostingLine, PostingLine.posting_id == Posting.id)
        .where(Posting.compound_id == compound_id, Posting.ref == "manual",
               Posting.memo == reason[:256], Posting.created_at >= since,
               PostingLine.account_id == wallet, PostingLine.amount == amount)
        .order_by(Posting.created_at.desc()).limit(1))


async def manual(
    session: AsyncSession, clock: Clock, *, compound_id: int, actor: Actor,
    target: Person | None, amount: int, reason: str, key: str, again: bool = False,
) -> Awarded:
    """Award (amount > 0) or deduct (amount < 0) by hand, with a reason. The same one for the
    same reason within REPEAT_WINDOW raises LooksRepeated unless `again` says it is meant."""
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < abs(amount) <= MAX_MANUAL:
        raise ActivityError("amount", most=MAX_MANUAL)
    reason = reason.strip()
    if not 0 < len(reason) <= MAX_REASON:
        raise ActivityError("reason", most=MAX_REASON)
    person = await _check_target(session, compound_id, target)
    fresh = await ledger.by_key(session, key) is None
    if fresh and not again:
        earlier = await _same_award_since(session, compound_id, person.id, amount, reason,
                                          clock.now() - REPEAT_WINDOW)
        if earlier is not None:
            raise LooksRepeated(earlier)
    book = ledger.award if amount > 0 else ledger.deduct
    try:
        posting = await book(session, clock, compound_id=compound_id, person_id=person.id,
                             amount=abs(amount), key=key, reason=reason, ref="manual",
                             created_by=actor.person.id)
    except ledger.InsufficientPoints as exc:
        await session.rollback()
        raise ActivityError("deduct-too-much", balance=exc.balance) from None
    return await _booked(session, clock, actor, person, posting, fresh, amount, reason)


async def monthly(
    session: AsyncSession, clock: Clock, *, compound_id: int, actor: Actor,
    target: Person | None, code: str,
) -> Awarded:
    """A fixed monthly item (e.g. the party theme day), at most once per person and month."""
    found = await rule(session, compound_id, code)
    if found is None or not found.active or found.basis != RuleBasis.MONTH:
        raise ActivityError("no-rule", code=code)
    person = await _check_target(session, compound_id, target)
    compound = await session.get(Compound, compound_id)
    month = clock.now().astimezone(ZoneInfo(compound.timezone if compound else "UTC"))
    key = f"month:{found.code}:{month:%Y-%m}:{person.id}"
    fresh = await ledger.by_key(session, key) is None
    posting = await ledger.award(session, clock, compound_id=compound_id, person_id=person.id,
                                 amount=found.points, key=key, reason=found.name,
                                 ref=f"rule:{found.code}", created_by=actor.person.id)
    return await _booked(session, clock, actor, person, posting, fresh, found.points, found.name)


async def _booked(
    session: AsyncSession, clock: Clock, actor: Actor, person: Person, posting: Posting,
    fresh: bool, amount: int, reason: str,
) -> Awarded:
    if fresh:
        audit.record(session, clock, "points.award" if amount > 0 else "points.deduct",
                     actor_id=actor.person.id, compound_id=posting.compound_id,
                     subject_id=person.id, amount=amount, reason=reason, posting=posting.id)
        await tell(session, clock, person.id, f"pt:note:{posting.id}",
                   "pt-note-awarded" if amount > 0 else "pt-note-deducted",
                   amount=abs(amount), reason=reason,
                   balance=await ledger.balance(session, posting.compound_id, person.id))
    balance = await ledger.balance(session, posting.compound_id, person.id)
    await session.commit()
    return Awarded(posting, balance, fresh)
