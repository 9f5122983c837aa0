"""Confirm / reject on a review card, an entry on its own, and reversals (/reverse, 冲正).

Every press is checked by the service: a resident's or the recorder's press (or forged
callback data) changes nothing and gets the reason.
"""

from __future__ import annotations

import re
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.rendering import MESSAGE_LIMIT, truncate
from handlers.accounts.callbacks import AcctForm, EntryCb, ReviewCb
from handlers.accounts.render import alert, refusal, t
from handlers.aliases import normal
from handlers.keyboards import choices
from models.accounts import Decision, Entry, FundApproval
from models.person import Person
from services.accounts import cards, flow, ledger, typed, views
from services.accounts.errors import AccountsError
from services.clock import Clock
from services.policy import Action, Actor, can

DECISIONS = {"ok": Decision.CONFIRMED, "no": Decision.REJECTED}
# "冲正 12 金额记错了" in a private chat, as "/reverse 12 金额记错了".
REVERSE_ALIASES = ("冲正", "沖正")
REVERSE_TYPED_INPUT = re.compile(r"^(?:冲正|沖正)\s*#?(\d+)?\s*(.*)$", re.S)


async def decide(query: CallbackQuery, callback_data: ReviewCb, i18n: I18nContext,
                 session: AsyncSession, actor: Actor | None, clock: Clock, bot: Bot) -> None:
    if callback_data.op == "files":
        await _files(query, callback_data.id, i18n, session, bot)
        return
    decision = DECISIONS.get(callback_data.op)
    if decision is None:
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    try:
        here = query.message.chat.id if query.message is not None else None
        me = await bot.me()
        entry = await flow.decide(session, clock, actor, callback_data.id, decision, here,
                                  me.username)
    except AccountsError as error:
        await query.answer(alert(refusal(i18n, error)), show_alert=True)
        return
    done = "acct-confirmed-ok" if decision == Decision.CONFIRMED else "acct-rejected-ok"
    await query.answer(alert(t(i18n, done, id=str(entry.id))))
    line = t(i18n, "acct-review-done", decision=t(i18n, f"acct-decision-{decision.value}"),
             reviewer=cards.name_of(actor.person if actor else None))
    # A second press of the same button finds the card already saying so.
    if isinstance(query.message, Message) and query.message.text \
            and not query.message.text.endswith(line):
        await query.message.edit_text(truncate(query.message.text + "\n\n" + line,
                                               MESSAGE_LIMIT), reply_markup=None)


async def _files(query: CallbackQuery, entry_id: int, i18n: I18nContext,
                 session: AsyncSession, bot: Bot) -> None:
    """The receipts, sent where they were asked for (Telegram file ids, never downloaded)."""
    entry = await session.get(Entry, entry_id)
    if entry is None or not isinstance(query.message, Message):
        await query.answer(t(i18n, "acct-err-gone"), show_alert=True)
        return
    if not entry.attachments:
        await query.answer(t(i18n, "acct-files-none"), show_alert=True)
        return
    await query.answer()
    chat = query.message.chat.id
    caption = t(i18n, "acct-file-caption", id=str(entry.id))
    for item in entry.attachments:
        if item.get("kind") == "photo":
            await bot.send_photo(chat, item["id"], caption=caption)
        else:
            await bot.send_document(chat, item["id"], caption=caption)


async def start_link(message: Message, command: CommandObject, i18n: I18nContext,
                     session: AsyncSession, actor: Actor) -> None:
    """A public entry opened from the group's card: what anyone there could read, with the
    receipts; a pending entry only for the compound's own people."""
    entry = await session.get(Entry, int((command.args or "")[len(cards.DEEP_LINK_PREFIX):]))
    review = await ledger.review_of(session, entry.id) if entry else None
    readable = {c.id for c in await views.readable_compounds(session, actor.person.id)}
    public = review is not None and review.decision == Decision.CONFIRMED.value
    if entry is None or not (public or actor.superadmin or entry.compound_id in readable):
        await message.answer(t(i18n, "acct-err-gone"))
        return
    await message.answer(await entry_text(i18n, session, entry),
                         reply_markup=await _entry_markup(i18n, session, actor, entry))


async def _entry_markup(i18n: I18nContext, session: AsyncSession, actor: Actor,
                        entry: Entry) -> InlineKeyboardMarkup | None:
    review = await ledger.review_of(session, entry.id)
    items: list[tuple[str, Any]] = []
    if review is None and await can(session, actor, Action.ACCOUNTS_CONFIRM, entry.compound_id):
        items += [(t(i18n, "acct-btn-confirm"), ReviewCb(op="ok", id=entry.id)),
                  (t(i18n, "acct-btn-reject"), ReviewCb(op="no", id=entry.id))]
    if (review is not None and review.decision == Decision.CONFIRMED.value
            and entry.reverses_id is None
            and await can(session, actor, Action.ACCOUNTS_RECORD, entry.compound_id)
            and await ledger.reversal_of(session, entry.id) is None):
        items.append((t(i18n, "acct-btn-reverse", id=str(entry.id)),
                      EntryCb(op="rev", id=entry.id)))
    if entry.attachments:
        items.append((t(i18n, "acct-btn-files"), ReviewCb(op="files", id=entry.id)))
    return choices(items, columns=2) if items else None


async def entry_text(i18n: I18nContext, session: AsyncSession, entry: Entry) -> str:
    """An entry with its state: public (and by whom), waiting, or rejected."""
    kind = await views.kind_of(session, entry)
    approval = await session.get(FundApproval, entry.approval_id) if entry.approval_id else None
    review = await ledger.review_of(session, entry.id)
    recorder = await session.get(Person, entry.recorded_by)
    if review is None:
        state = t(i18n, "acct-state-pending")
    else:
        reviewer = await session.get(Person, review.reviewer_id)
        state = t(i18n, "acct-review-done",
                  decision=t(i18n, f"acct-decision-{review.decision}"),
                  reviewer=cards.name_of(reviewer))
    return t(i18n, "acct-entry-view", card=cards.card(entry, kind, approval),
             recorder=cards.name_of(recorder), state=state)


async def entry_pressed(query: CallbackQuery, callback_data: EntryCb, i18n: I18nContext,
                        session: AsyncSession, actor: Actor, state: FSMContext) -> None:
    if callback_data.op not in ("show", "rev") or not isinstance(query.message, Message):
        return None  # "new" belongs to the recording dialogue
    entry = await session.get(Entry, callback_data.id)
    readable = {c.id for c in await views.readable_compounds(session, actor.person.id)}
    if entry is None or not (actor.superadmin or entry.compound_id in readable):
        await query.answer(t(i18n, "acct-err-gone"), show_alert=True)
        return None
    if callback_data.op == "show":
        await query.answer()
        await query.message.answer(await entry_text(i18n, session, entry),
                                   reply_markup=await _entry_markup(i18n, session, actor, entry))
        return None
    if not await can(session, actor, Action.ACCOUNTS_RECORD, entry.compound_id):
        await query.answer(alert(t(i18n, "acct-err-not-finance")), show_alert=True)
        return None
    await query.answer()
    await _ask_reason(query.message, i18n, state, entry.id)
    return None


async def _ask_reason(message: Message, i18n: I18nContext, state: FSMContext,
                      entry_id: int) -> None:
    await state.set_state(AcctForm.reversing)
    await state.set_data({"entry_id": entry_id})
    await message.answer(t(i18n, "acct-ask-reverse-reason", id=str(entry_id)))


async def _reverse(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                   clock: Clock, entry_id: int, reason: str) -> None:
    try:
        done = await flow.reverse(session, clock, actor, entry_id,
                                  typed.field(reason, "reason"))
    except AccountsError as error:
        await message.answer(refusal(i18n, error))
        return
    key = "acct-reversal-recorded" if done.reviewers else "acct-recorded-nobody"
    await message.answer(t(i18n, key, id=str(done.entry.id), original=str(entry_id)))


async def reverse_command(message: Message, command: CommandObject, i18n: I18nContext,
                          session: AsyncSession, actor: Actor, clock: Clock,
                          state: FSMContext) -> None:
    await _reverse_args(message, command.args or "", i18n, session, actor, clock, state)


async def reverse_typed(message: Message, i18n: I18nContext, session: AsyncSession,
                        actor: Actor, clock: Clock, state: FSMContext) -> None:
    found = REVERSE_TYPED_INPUT.match(normal(message.text or ""))
    args = " ".join(p for p in (found.group(1), found.group(2)) if p) if found else ""
    await _reverse_args(message, args, i18n, session, actor, clock, state)


async def _reverse_args(message: Message, args: str, i18n: I18nContext, session: AsyncSession,
                        actor: Actor, clock: Clock, state: FSMContext) -> None:
    number, _, reason = args.strip().lstrip("#").partition(" ")
    if not number.isdigit() or len(number) > 18:
        await message.answer(t(i18n, "acct-reverse-usage"))
        return
    if not reason.strip():
        entry = await session.get(Entry, int(number))
        if entry is None:
            await message.answer(t(i18n, "acct-err-gone"))
        elif not await can(session, actor, Action.ACCOUNTS_RECORD, entry.compound_id):
            await message.answer(t(i18n, "acct-err-not-finance"))
        else:
            await _ask_reason(message, i18n, state, entry.id)
        return
    await _reverse(message, i18n, session, actor, clock, int(number), reason)


async def reason_typed(message: Message, i18n: I18nContext, session: AsyncSession,
                       actor: Actor, clock: Clock, state: FSMContext) -> None:
    entry_id = int((await state.get_data()).get("entry_id") or 0)
    await state.clear()
    await _reverse(message, i18n, session, actor, clock, entry_id, message.text or "")


def build_router() -> Router:
    router = Router(name="accounts.review")
    private = F.chat.type == "private"
    router.message.register(start_link, CommandStart(deep_link=True,
                                                     magic=F.args.regexp(cards.PAYLOAD)), private)
    router.callback_query.register(decide, ReviewCb.filter())
    router.callback_query.register(entry_pressed, EntryCb.filter(F.op.in_({"show", "rev"})))
    router.message.register(reverse_command, Command("reverse"), private)
    router.message.register(reason_typed, StateFilter(AcctForm.reversing), private, F.text,
                            ~F.text.startswith("/"))
    router.message.register(reverse_typed, StateFilter(None), private, F.text,
                            F.text.func(lambda s: normal(s).startswith(REVERSE_ALIASES)))
    return router
