"""/award @someone 10 reason: points by hand. The same award to the same person for the
same reason twice within ten minutes asks "再发一次？" before crediting again."""

from __future__ import annotations

import re
from typing import Any

from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities.common import find_person, refuse
from handlers.activities.words import AWARD_SIGN_ALIASES, POINT_UNITS_INPUT
from handlers.aliases import normal
from handlers.keyboards import choices
from models.points import RuleBasis
from models.registry import Compound
from services import ledger
from services.activities import earning
from services.activities.errors import ActivityError
from services.clock import Clock
from services.policy import Action, Actor, can

UNITS = "|".join(POINT_UNITS_INPUT)
SIGNED = re.compile(r"^([+-]?\d+)\s*(?:" + UNITS + r")?$")
NUMERIC = re.compile(r"^[+-]?[\d.,]+\s*(?:" + UNITS + r")?$")
PENDING = "award_again"


class AwardAgain(CallbackData, prefix="pt_again"):
    m: int  # the /award message it asks about
    ok: int


def read(words: list[str]) -> tuple[int | None, str, str]:
    """(amount, reason, code) from what follows the person: "5 原因", "+5分 原因",
    "扣 2 原因", "deduct 2 reason", or a monthly item's code (amount None)."""
    sign = AWARD_SIGN_ALIASES.find(words[0]) if len(words) > 1 else None
    if sign is not None:
        words = words[1:]
    first = normal(words[0])
    reason = " ".join(words[1:])
    found = SIGNED.match(first)
    if found is None:
        if NUMERIC.match(first) or sign is not None:
            raise ActivityError("amount", most=earning.MAX_MANUAL)
        return None, reason, words[0]
    amount = int(found.group(1))
    return (-abs(amount) if sign == "deduct" else amount), reason, ""


async def award(message: Message, session: AsyncSession, i18n: I18nContext, clock: Clock,
                actor: Actor, compound: Compound, args: str, state: FSMContext) -> None:
    parts = args.split()
    if len(parts) < 2:
        await message.answer(i18n.get("pt-award-usage"))
        return
    target = await find_person(session, parts[0])
    name = target.display_name if target else parts[0]
    amount, reason = None, ""
    try:
        amount, reason, code = read(parts[1:])
        if amount is not None:
            done = await earning.manual(
                session, clock, compound_id=compound.id, actor=actor, target=target,
                amount=amount, reason=reason, key=f"award:{message.chat.id}:{message.message_id}")
        else:
            done = await earning.monthly(session, clock, compound_id=compound.id, actor=actor,
                                         target=target, code=code)
    except earning.LooksRepeated as repeated:
        await _ask_again(message, i18n, clock, compound, (parts[0], amount or 0, reason), name,
                         repeated, state)
        return
    except ActivityError as error:
        if error.code == "no-rule":
            await message.answer(await _unknown(session, i18n, compound, parts[1]))
        else:
            await refuse(message, i18n, error)
        return
    await _tell(message, i18n, session, name, done)


async def _unknown(session: AsyncSession, i18n: I18nContext, compound: Compound,
                   word: str) -> str:
    """Neither an amount nor a monthly item: say what can follow the person."""
    items = await earning.rules(session, compound.id, (RuleBasis.MONTH,))
    return i18n.get("pt-award-unknown", word=word, sign=i18n.get("pt-words-award"),
                    codes=" / ".join(r.code for r in items) or i18n.get("pt-award-no-monthly"))


async def _tell(message: Message, i18n: I18nContext, session: AsyncSession, name: str,
                done: earning.Awarded) -> None:
    amount = sum(v for v in (await ledger.lines_of(session, done.posting.id)).values() if v > 0)
    key = "pt-award-repeat" if not done.fresh else (
        "pt-deducted" if done.posting.kind == "deduct" else "pt-awarded")
    await message.answer(i18n.get(key, name=name, amount=amount, balance=done.balance))


async def _ask_again(message: Message, i18n: I18nContext, clock: Clock, compound: Compound,
                     asked: tuple[str, int, str], name: str, repeated: earning.LooksRepeated,
                     state: FSMContext) -> None:
    minutes = max(1, round((clock.now() - repeated.earlier).total_seconds() / 60))
    pending: dict[str, Any] = (await state.get_data()).get(PENDING) or {}
    who, amount, reason = asked
    pending[str(message.message_id)] = {"compound": compound.id, "who": who, "amount": amount,
                                        "reason": reason, "chat": message.chat.id}
    await state.update_data({PENDING: dict(list(pending.items())[-5:])})
    await message.answer(
        i18n.get("pt-award-again-ask", name=name, amount=abs(amount), reason=reason,
                 minutes=minutes),
        reply_markup=choices([
            (i18n.get("pt-award-again-yes"), AwardAgain(m=message.message_id, ok=1)),
            (i18n.get("pt-award-again-no"), AwardAgain(m=message.message_id, ok=0)),
        ], columns=2))


async def again(query: CallbackQuery, callback_data: AwardAgain, session: AsyncSession,
                i18n: I18nContext, clock: Clock, actor: Actor, state: FSMContext) -> None:
    """Only the organizer who typed it sees these buttons (a private chat); a forged or
    second press finds nothing pending and changes nothing."""
    pending: dict[str, Any] = (await state.get_data()).get(PENDING) or {}
    asked = pending.pop(str(callback_data.m), None)
    await state.update_data({PENDING: pending})
    if asked is None or not isinstance(query.message, Message):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    if not await can(session, actor, Action.POINTS_AWARD, asked["compound"]):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    await query.answer()
    await query.message.edit_reply_markup(reply_markup=None)
    if not callback_data.ok:
        await query.message.answer(i18n.get("pt-award-again-dropped"))
        return
    target = await find_person(session, asked["who"])
    try:
        done = await earning.manual(
            session, clock, compound_id=asked["compound"], actor=actor, target=target,
            amount=asked["amount"], reason=asked["reason"],
            key=f"award:{asked['chat']}:{callback_data.m}", again=True)
    except ActivityError as error:
        await refuse(query.message, i18n, error)
        return
    await _tell(query.message, i18n, session,
                target.display_name if target else asked["who"], done)
