"""/fundapproval: what allows spending from a protected fund.

`/fundapproval 3 120,000` — the committee records what passed fund-use poll #3 approved.
`/fundapproval 应急 8,000 reason` (or `小额` for the small-repair fund) — the committee
proposes an emergency expense; the community office approves or refuses on a card.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.rendering import MESSAGE_LIMIT, truncate
from handlers.accounts.callbacks import EmergencyCb
from handlers.accounts.render import alert, refusal, t
from handlers.aliases import Word, Words
from handlers.compound_pick import CompoundPick, pick_compound, picked
from models.accounts import AccountKind
from models.registry import Compound
from services.accounts import approvals, emergency, typed
from services.accounts.errors import AccountsError
from services.accounts.money import parse_fen, yuan
from services.clock import Clock
from services.policy import Action, Actor

PROCEDURE_ALIASES = Words(
    Word("maintenance", en=("emergency", "urgent"), hans=("应急", "紧急", "应急维修"),
         hant=("應急", "緊急", "緊急維修", "應急維修")),
    Word("small_repair", en=("small", "small-repair"), hans=("小额", "小额维修", "小额维修金"),
         hant=("小額", "小額維修", "小額維修金")),
)


async def fund_approval(message: Message, command: CommandObject, i18n: I18nContext,
                        session: AsyncSession, actor: Actor, clock: Clock,
                        state: FSMContext) -> None:
    first, _, rest = (command.args or "").strip().lstrip("#").partition(" ")
    fund = PROCEDURE_ALIASES.find(first) if first else None
    if fund is not None:
        await _propose(message, i18n, session, actor, clock, state, AccountKind(fund), rest)
        return
    amount = rest.strip()
    if not first.isdigit() or len(first) > 18 or not amount:
        await message.answer(t(i18n, "acct-appr-usage"))
        return
    try:
        row = await approvals.from_poll(session, clock, actor, int(first), parse_fen(amount))
    except AccountsError as error:
        await message.answer(refusal(i18n, error))
        return
    await message.answer(t(i18n, "acct-appr-done", id=str(row.id), poll=first,
                           amount=yuan(row.amount)))


async def _propose(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                   clock: Clock, state: FSMContext, fund: AccountKind, rest: str) -> None:
    amount, _, reason = rest.strip().partition(" ")
    if not amount or not reason.strip():
        await message.answer(t(i18n, "acct-appr-usage"))
        return
    # Kept while the person picks a compound (when they serve on several committees).
    await state.update_data(em_fund=fund.value, em_amount=amount, em_reason=reason)
    compound = await pick_compound(message, i18n, session, actor,
                                   Action.ACCOUNTS_EMERGENCY_PROPOSE, "acctem")
    if compound is not None:
        await _send_proposal(message, i18n, session, actor, clock, state, compound)


async def _send_proposal(message: Message, i18n: I18nContext, session: AsyncSession,
                         actor: Actor, clock: Clock, state: FSMContext,
                         compound: Compound) -> None:
    data = await state.get_data()
    await state.update_data(em_fund=None, em_amount=None, em_reason=None)
    if not data.get("em_fund"):
        await message.answer(t(i18n, "acct-appr-usage"))
        return
    try:
        number = await emergency.propose(
            session, clock, actor, compound, AccountKind(data["em_fund"]),
            parse_fen(str(data["em_amount"])), typed.field(str(data["em_reason"]), "reason"))
    except AccountsError as error:
        await message.answer(refusal(i18n, error))
        return
    await message.answer(t(i18n, "acct-em-proposed", id=str(number)))


async def compound_picked(query: CallbackQuery, callback_data: CompoundPick, i18n: I18nContext,
                          session: AsyncSession, actor: Actor, clock: Clock,
                          state: FSMContext) -> None:
    found = await picked(query, callback_data, i18n, session)
    if found is not None:
        await _send_proposal(found[0], i18n, session, actor, clock, state, found[1])


async def decided(query: CallbackQuery, callback_data: EmergencyCb, i18n: I18nContext,
                  session: AsyncSession, actor: Actor | None, clock: Clock) -> None:
    if callback_data.op not in ("ok", "no"):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    try:
        row = await emergency.decide(session, clock, actor, callback_data.id,
                                     callback_data.op == "ok")
    except AccountsError as error:
        await query.answer(alert(refusal(i18n, error)), show_alert=True)
        return
    line = (t(i18n, "acct-em-approved", approval=str(row.id)) if row is not None
            else t(i18n, "acct-em-refused"))
    await query.answer(alert(line))
    if isinstance(query.message, Message) and query.message.text:
        await query.message.edit_text(truncate(query.message.text + "\n\n" + line,
                                               MESSAGE_LIMIT), reply_markup=None)


def build_router() -> Router:
    router = Router(name="accounts.approve")
    router.message.register(fund_approval, Command("fundapproval"), F.chat.type == "private")
    router.callback_query.register(decided, EmergencyCb.filter())
    router.callback_query.register(compound_picked, CompoundPick.filter(F.action == "acctem"))
    return router
