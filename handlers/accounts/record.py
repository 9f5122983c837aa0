"""/newentry (记账): the finance role records an entry with a short button dialogue.

Nothing is stored until the preview is submitted; a bad answer is refused with the reason
and the same question stays open. The submitted entry waits for a second person.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.accounts.callbacks import AcctForm, EntryCb, WizCb
from handlers.accounts.record_steps import TYPED, ask, draft_of, needs_basis, next_step
from handlers.accounts.render import alert, refusal, t
from handlers.aliases import normal
from handlers.compound_pick import CompoundPick, pick_compound
from models.accounts import AccountKind, Direction
from models.registry import Compound
from services import audit
from services.accounts import flow, funds, ledger, typed
from services.accounts.errors import AccountsError
from services.accounts.money import parse_fen
from services.clock import Clock
from services.policy import Action, Actor, can

RECORD_ALIASES = frozenset(normal(w) for w in ("记账", "記帳", "记一笔", "記一筆"))


async def start(message: Message, state: FSMContext, session: AsyncSession, i18n: I18nContext,
                actor: Actor) -> None:
    await state.clear()
    compound = await pick_compound(message, i18n, session, actor, Action.ACCOUNTS_RECORD,
                                   "acctnew")
    if compound is not None:
        await _begin(message, state, session, i18n, compound)


async def _begin(message: Message, state: FSMContext, session: AsyncSession,
                 i18n: I18nContext, compound: Compound) -> None:
    await state.set_state(AcctForm.recording)
    # The nonce makes the entry's idempotency key: a double press on "submit" records once.
    await state.set_data({"compound_id": compound.id, "compound_name": compound.name,
                          "nonce": secrets.token_hex(8), "at": "kind"})
    await _ask(message, session, i18n, await state.get_data())


async def _ask(message: Message, session: AsyncSession, i18n: I18nContext,
               data: dict[str, Any]) -> None:
    text, markup = await ask(i18n, session, data["at"], data)
    await message.answer(text, reply_markup=markup)


async def from_button(query: CallbackQuery, callback_data: EntryCb | CompoundPick,
                      state: FSMContext, session: AsyncSession, i18n: I18nContext,
                      actor: Actor) -> None:
    compound_id = (callback_data.id if isinstance(callback_data, EntryCb)
                   else callback_data.compound_id)
    compound = await session.get(Compound, compound_id)
    if compound is None or not await can(session, actor, Action.ACCOUNTS_RECORD, compound.id):
        await query.answer(alert(t(i18n, "acct-err-not-finance")), show_alert=True)
        return
    await query.answer()
    assert isinstance(query.message, Message)
    await state.clear()
    await _begin(query.message, state, session, i18n, compound)


async def advance(message: Message, state: FSMContext, session: AsyncSession,
                  i18n: I18nContext, **changes: Any) -> None:
    data = await state.update_data(**changes)
    if changes.get("at") is None:
        data = await state.update_data(at=next_step(data))
    if data["at"] == "basis" and not await funds.usable_approvals(
            session, data["compound_id"], AccountKind(data["kind"])):
        # Spending from the fund without a decision to cite: refused, nothing recorded.
        await state.clear()
        await message.answer(t(i18n, "acct-err-needs-decision"))
        return
    await _ask(message, session, i18n, data)


async def pressed(query: CallbackQuery, callback_data: WizCb, state: FSMContext,
                  session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    data = await state.get_data()
    step, val = callback_data.step, callback_data.val
    if step == "x" and await state.get_state() == AcctForm.recording.state:
        await state.clear()
        await query.answer()
        assert isinstance(query.message, Message)
        await query.message.answer(t(i18n, "acct-cancelled"))
        return
    if await state.get_state() != AcctForm.recording.state or data.get("at") != step:
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    assert isinstance(query.message, Message)
    if step == "confirm":
        await query.answer()
        await _submit(query.message, state, session, i18n, clock, actor, data)
        return
    changes = await _button(step, val, data, session, clock)
    if changes is None:
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    await query.answer()
    await advance(query.message, state, session, i18n, **changes)


async def _button(step: str, val: str, data: dict[str, Any], session: AsyncSession,
                  clock: Clock) -> dict[str, Any] | None:
    """What a press answers, or None when the value is not one this step offered."""
    if step == "kind":
        return {"kind": val} if val in {k.value for k in AccountKind} else None
    if step == "dir":
        return {"dir": val} if val in {d.value for d in Direction} else None
    if step == "category":
        if val == "new":
            return {"at": "newcat"}
        names = await funds.categories(session, data["compound_id"], AccountKind(data["kind"]))
        return {"category": names[int(val)]} if val.isdigit() and int(val) < len(names) else None
    if step == "party" and val == "skip":
        return {"party": ""}
    if step == "basis" and needs_basis(data):
        usable = {a.id for a in await funds.usable_approvals(
            session, data["compound_id"], AccountKind(data["kind"]))}
        return {"basis": int(val)} if val.isdigit() and int(val) in usable else None
    if step == "files" and val == "done":
        return {"files": data.get("got", [])}
    if step == "date" and val == "today":
        return {"date": (await _today(session, clock, data)).isoformat()}
    return None


async def _today(session: AsyncSession, clock: Clock, data: dict[str, Any]) -> date:
    """Today where the compound is: its books are kept in its own time zone."""
    compound = await session.get(Compound, data["compound_id"])
    zone = ZoneInfo(compound.timezone if compound else "Asia/Shanghai")
    return clock.now().astimezone(zone).date()


async def typed_answer(message: Message, state: FSMContext, session: AsyncSession,
                       i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    data = await state.get_data()
    step = data.get("at", "")
    if step not in TYPED:
        await message.answer(t(i18n, "acct-use-buttons"))
        return
    try:
        changes = await _typed(step, message.text or "", data, session, clock, actor)
    except AccountsError as error:
        await message.answer(refusal(i18n, error))
        return
    await advance(message, state, session, i18n, **changes)


async def _typed(step: str, text: str, data: dict[str, Any], session: AsyncSession,
                 clock: Clock, actor: Actor) -> dict[str, Any]:
    cid = data["compound_id"]
    if step == "amount":
        return {"amount": parse_fen(text, await ledger.ceiling(session, cid))}
    if step == "party":
        return {"party": typed.field(text, "counterparty")}
    if step == "purpose":
        return {"purpose": typed.field(text, "purpose")}
    if step == "date":
        return {"date": typed.day(text, await _today(session, clock, data)).isoformat()}
    # A new sub-category: kept for the compound, so the next entry offers it as a button.
    name = await funds.add_category(session, clock, cid, AccountKind(data["kind"]), text,
                                    actor.person.id)
    audit.record(session, clock, "acct.category", actor_id=actor.person.id, compound_id=cid,
                 account=data["kind"], name=name)
    await session.commit()
    return {"category": name, "at": None}


async def attachment(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    """A receipt photo or PDF while the receipts are asked for: kept by its file id."""
    data = await state.get_data()
    if data.get("at") != "files":
        await message.answer(t(i18n, "acct-use-buttons"))
        return
    got: list[dict[str, str]] = list(data.get("got", []))
    if len(got) >= ledger.MAX_ATTACHMENTS:
        await message.answer(t(i18n, "acct-err-attachments", limit=ledger.MAX_ATTACHMENTS))
        return
    if message.photo:
        got.append({"kind": "photo", "id": message.photo[-1].file_id})
    elif message.document:
        got.append({"kind": "document", "id": message.document.file_id})
    await state.update_data(got=got)
    await message.answer(t(i18n, "acct-file-added", count=str(len(got))))


async def _submit(message: Message, state: FSMContext, session: AsyncSession,
                  i18n: I18nContext, clock: Clock, actor: Actor, data: dict[str, Any]) -> None:
    compound = await session.get(Compound, data["compound_id"])
    assert compound is not None
    await state.clear()
    key = f"acct:{actor.person.id}:{data['nonce']}"
    try:
        done = await flow.record(session, clock, actor, compound, draft_of(data), key)
    except AccountsError as error:
        await message.answer(refusal(i18n, error))
        return
    if done.again:
        return
    key_ = "acct-recorded" if done.reviewers else "acct-recorded-nobody"
    await message.answer(t(i18n, key_, id=str(done.entry.id)))


async def cancel(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await message.answer(t(i18n, "acct-cancelled"))


def build_router() -> Router:
    router = Router(name="accounts.record")
    private = F.chat.type == "private"
    form = StateFilter(AcctForm.recording)
    router.message.register(start, Command("newentry"), private)
    router.message.register(start, StateFilter(None), private, F.text,
                            F.text.func(lambda s: normal(s) in RECORD_ALIASES))
    router.message.register(cancel, Command("cancel"), StateFilter(AcctForm))
    router.message.register(typed_answer, form, private, F.text, ~F.text.startswith("/"))
    router.message.register(attachment, form, private, F.photo | F.document)
    router.callback_query.register(from_button, EntryCb.filter(F.op == "new"))
    router.callback_query.register(from_button, CompoundPick.filter(F.action == "acctnew"))
    router.callback_query.register(pressed, WizCb.filter())
    return router
