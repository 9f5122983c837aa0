"""Recording a paper ballot a building leader collected: household → choice → note."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from handlers.keyboards import choices
from handlers.polls import views
from handlers.polls.callbacks import PollAsk, PollPaperCb
from models.polls import Poll
from services.clock import Clock
from services.policy import Actor
from services.polls import ballots, cards, lifecycle, paper
from services.polls.eligibility import Refused

SKIP = 0


async def _poll(state: FSMContext, session: AsyncSession, actor: Actor) -> Poll | None:
    poll = await session.get(Poll, (await state.get_data()).get("poll", 0))
    if poll is None or not await lifecycle.may_manage(session, actor, poll):
        return None
    return poll


async def typed_household(message: Message, state: FSMContext, session: AsyncSession,
                          i18n: I18nContext, actor: Actor) -> None:
    poll = await _poll(state, session, actor)
    if poll is None:
        await state.clear()
        await message.answer(i18n.get("not-allowed"))
        return
    found = await paper.find_household(session, poll.compound_id, message.text or "")
    if len(found) != 1:
        key = "poll-paper-no-household" if not found else "poll-paper-ambiguous"
        await message.answer(i18n.get(key))
        return
    await state.update_data(household=found[0].id)
    await state.set_state(PollAsk.paper_option)
    options = await cards.options_of(session, poll.id)
    label = await paper.label(session, found[0].id)
    await message.answer(i18n.get("poll-paper-ask-option", household=label), reply_markup=choices(
        [(f"{o.position}. {views.option_text(i18n, o)}", PollPaperCb(poll=poll.id, opt=o.id))
         for o in options]))


async def option_pressed(query: CallbackQuery, callback_data: PollPaperCb, state: FSMContext,
                         session: AsyncSession, i18n: I18nContext, actor: Actor) -> None:
    data = await state.get_data()
    poll = await _poll(state, session, actor)
    if poll is None or poll.id != callback_data.poll or "household" not in data:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    options = {o.id for o in await cards.options_of(session, poll.id)}
    if callback_data.opt not in options:
        await query.answer(i18n.get("poll-refuse-bad-option"), show_alert=True)
        return
    await query.answer()
    await state.update_data(option=callback_data.opt)
    await state.set_state(PollAsk.paper_note)
    assert isinstance(query.message, Message)
    await query.message.answer(i18n.get("poll-paper-ask-note"), reply_markup=choices(
        [(i18n.get("poll-btn-skip"), PollPaperCb(poll=poll.id, opt=SKIP))]))


async def note_typed(message: Message, state: FSMContext, session: AsyncSession,
                     i18n: I18nContext, clock: Clock, actor: Actor, settings: Settings) -> None:
    await _record(message, state, session, i18n, clock, actor, settings, (message.text or "")[:300])


async def note_skipped(query: CallbackQuery, callback_data: PollPaperCb, state: FSMContext,
                       session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor,
                       settings: Settings) -> None:
    if callback_data.opt != SKIP or not isinstance(query.message, Message):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await _record(query.message, state, session, i18n, clock, actor, settings, None)


async def _record(message: Message, state: FSMContext, session: AsyncSession, i18n: I18nContext,
                  clock: Clock, actor: Actor, settings: Settings, note: str | None) -> None:
    data = await state.get_data()
    poll = await _poll(state, session, actor)
    await state.clear()
    if poll is None:
        await message.answer(i18n.get("not-allowed"))
        return
    household = data["household"]
    try:
        result = await ballots.record_paper(
            session, clock, ballots.server_key(settings.bot_token), poll.id, actor.person.id,
            household, data["option"], note,
        )
    except Refused as refused:
        await message.answer(i18n.get(f"poll-refuse-{refused.reason}"))
        return
    options = await cards.options_of(session, poll.id)
    await message.answer(i18n.get(
        "poll-paper-recorded", household=await paper.label(session, household),
        choice=views.choice_text(i18n, options, result.selection),
    ))


def build_router() -> Router:
    router = Router(name="polls.paper")
    router.message.register(typed_household, PollAsk.paper_household, F.text)
    router.callback_query.register(option_pressed, PollPaperCb.filter(F.opt != SKIP),
                                   PollAsk.paper_option)
    router.callback_query.register(note_skipped, PollPaperCb.filter(), PollAsk.paper_note)
    router.message.register(note_typed, PollAsk.paper_note, F.text)
    return router
