"""The buttons of a ticket card: Take, Resolve, Hand over, Escalate, Duplicate of…, Wait,
Reject. Those that need words (a reason, a question, a number) ask for the next message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from handlers.tickets.callbacks import TkCard, TkHand, TkNote
from handlers.tickets.render import error_text, short, t
from services.clock import Clock
from services.policy import Actor
from services.tickets import handover, resolution, work
from services.tickets.context import TicketContext
from services.tickets.errors import TicketError
from services.tickets.lifecycle import Event

# What a card button that needs words asks for, and the event it leads to.
PROMPTS = {"wait": Event.WAIT, "rej": Event.REJECT, "dup": Event.MERGE}
CANNED_NOTES = (1, 2, 3)  # tk-note-canned-<n>


class TkPrompt(StatesGroup):
    text = State()


async def _alert(query: CallbackQuery, i18n: I18nContext, error: TicketError) -> None:
    await query.answer(short(error_text(i18n, error)), show_alert=True)


# The buttons that act at once: the service that acts, and what the presser is told.
ONE_PRESS: dict[str, Callable[..., Awaitable[TicketContext]]] = {
    "take": work.take, "res": work.resolve, "esc": work.escalate,
}


def _done(i18n: I18nContext, action: str, ctx: TicketContext) -> str:
    if action == "esc":
        return t(i18n, "tk-escalated-ok", number=ctx.ticket.number,
                 level=t(i18n, f"tk-level-{ctx.ticket.level}"))
    return t(i18n, "tk-took" if action == "take" else "tk-resolved-ok",
             number=ctx.ticket.number)


async def press(
    query: CallbackQuery, callback_data: TkCard, i18n: I18nContext, session: AsyncSession,
    actor: Actor, clock: Clock, state: FSMContext,
) -> None:
    """Take / Resolve / Escalate."""
    try:
        ctx = await ONE_PRESS[callback_data.action](session, clock, actor, callback_data.id)
    except TicketError as error:
        await _alert(query, i18n, error)
        return
    await query.answer(short(_done(i18n, callback_data.action, ctx)))
    if callback_data.action == "res" and isinstance(query.message, Message):
        await _ask_note(query.message, i18n, ctx, state)


async def _ask_note(
    message: Message, i18n: I18nContext, ctx: TicketContext, state: FSMContext
) -> None:
    """After 已处理: one short line for the residents, typed as a reply or picked; skippable."""
    t_ = ctx.ticket
    items = [(t(i18n, f"tk-note-canned-{n}"), TkNote(id=t_.id, round=t_.resolve_round, n=n))
             for n in CANNED_NOTES]
    items.append((t(i18n, "tk-btn-note-skip"), TkNote(id=t_.id, round=t_.resolve_round, n=0)))
    prompt = await message.answer(t(i18n, "tk-prompt-note", number=t_.number),
                                  reply_markup=choices(items, columns=1))
    await state.update_data(note_prompt=prompt.message_id, note_id=t_.id,
                            note_round=t_.resolve_round)


async def note_pick(
    query: CallbackQuery, callback_data: TkNote, i18n: I18nContext, session: AsyncSession,
    actor: Actor, clock: Clock,
) -> None:
    cb = callback_data
    if cb.n not in (0, *CANNED_NOTES):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    if cb.n == 0:
        await query.answer(t(i18n, "tk-note-skipped"))
        if isinstance(query.message, Message):
            await query.message.edit_reply_markup(reply_markup=None)
        return
    try:
        ctx = await resolution.add_note(session, clock, actor, cb.id, cb.round,
                                        t(i18n, f"tk-note-canned-{cb.n}"))
    except TicketError as error:
        await _alert(query, i18n, error)
        return
    await query.answer(short(t(i18n, "tk-note-sent", number=ctx.ticket.number)))
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)


async def note_typed(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor, clock: Clock,
    state: FSMContext,
) -> None:
    """A reply to the note prompt; any other reply goes on to the other handlers."""
    data = await state.get_data()
    replied = message.reply_to_message
    if replied is None or data.get("note_prompt") != replied.message_id:
        raise SkipHandler
    try:
        ctx = await resolution.add_note(session, clock, actor, int(data.get("note_id") or 0),
                                        int(data.get("note_round") or 0), message.text or "")
    except TicketError as error:
        await message.reply(error_text(i18n, error))
        return
    await state.update_data(note_prompt=None)
    await message.reply(t(i18n, "tk-note-sent", number=ctx.ticket.number))


async def ask(
    query: CallbackQuery, callback_data: TkCard, i18n: I18nContext, session: AsyncSession,
    actor: Actor, state: FSMContext,
) -> None:
    """Wait / Reject / Duplicate: check first, then ask for the words in the next message."""
    try:
        ctx = await work.check(session, actor, callback_data.id, PROMPTS[callback_data.action])
    except TicketError as error:
        await _alert(query, i18n, error)
        return
    await state.set_state(TkPrompt.text)
    await state.update_data(op=callback_data.action, id=callback_data.id, to=0)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(t(i18n, f"tk-prompt-{callback_data.action}",
                                     number=ctx.ticket.number, name=actor.person.first_name))


async def hand(
    query: CallbackQuery, callback_data: TkCard, i18n: I18nContext, session: AsyncSession,
    actor: Actor,
) -> None:
    try:
        ctx = await handover.check_handover(session, actor, callback_data.id)
    except TicketError as error:
        await _alert(query, i18n, error)
        return
    people = await handover.candidates(session, ctx)
    items = [(p.display_name, TkHand(id=ctx.ticket.id, to=p.id)) for p in people]
    items.append((t(i18n, "tk-btn-to-queue"), TkHand(id=ctx.ticket.id, to=0)))
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(t(i18n, "tk-prompt-hand-who", number=ctx.ticket.number),
                                   reply_markup=choices(items, columns=2))


async def hand_to(
    query: CallbackQuery, callback_data: TkHand, i18n: I18nContext, session: AsyncSession,
    actor: Actor, state: FSMContext,
) -> None:
    try:
        ctx = await handover.check_handover(session, actor, callback_data.id)
    except TicketError as error:
        await _alert(query, i18n, error)
        return
    await state.set_state(TkPrompt.text)
    await state.update_data(op="hand", id=callback_data.id, to=callback_data.to)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(t(i18n, "tk-prompt-hand", number=ctx.ticket.number,
                                     name=actor.person.first_name))


async def answered(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor, clock: Clock,
    state: FSMContext,
) -> None:
    """The words a card button asked for."""
    data = await state.get_data()
    op, ticket_id, text = data.get("op"), int(data.get("id") or 0), (message.text or "").strip()
    try:
        if op == "wait":
            ctx = await work.wait(session, clock, actor, ticket_id, text)
        elif op == "rej":
            ctx = await work.reject(session, clock, actor, ticket_id, text)
        elif op == "dup":
            number = text.lstrip("#").strip()
            if not number.isdigit():
                await message.reply(t(i18n, "tk-err-dup-number"))
                return
            ctx, _ = await handover.merge(session, clock, actor, ticket_id, int(number))
        elif op == "hand":
            ctx = await handover.handover(session, clock, actor, ticket_id,
                                          int(data.get("to") or 0) or None, text)
        else:
            await state.clear()
            return
    except TicketError as error:
        await state.clear()
        await message.reply(error_text(i18n, error))
        return
    await state.clear()
    await message.reply(t(i18n, f"tk-done-{op}", number=ctx.ticket.number))


async def cancel(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await message.reply(t(i18n, "tk-prompt-cancelled"))


def build_router() -> Router:
    router = Router(name="tickets.card")
    router.message.register(cancel, Command("cancel"), StateFilter(TkPrompt.text))
    router.message.register(answered, StateFilter(TkPrompt.text), F.text,
                            ~F.text.startswith("/"))
    router.message.register(note_typed, F.reply_to_message, F.text, ~F.text.startswith("/"))
    router.callback_query.register(note_pick, TkNote.filter())
    router.callback_query.register(press, TkCard.filter(F.action.in_(set(ONE_PRESS))))
    router.callback_query.register(ask, TkCard.filter(F.action.in_(set(PROMPTS))))
    router.callback_query.register(hand, TkCard.filter(F.action == "hand"))
    router.callback_query.register(hand_to, TkHand.filter())
    return router
