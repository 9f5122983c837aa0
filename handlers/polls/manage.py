"""/polls for organizers: publish a draft, see turnout, close, extend, cancel, export."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.rendering import CAPTION_LIMIT, truncate
from handlers.keyboards import choices
from handlers.polls import views
from handlers.polls.callbacks import PollAsk, PollManageCb
from models.polls import Poll, PollKind, PollStatus, VoteUnit
from services.clock import Clock
from services.outbox import fragment
from services.place_names import place
from services.policy import Action, Actor, compounds_for
from services.polls import cards, export, lifecycle, parse
from services.polls.ballots import server_key
from services.polls.results import percent
from services.polls.tally278 import share
from services.polls.turnout import Turnout, turnout

LIST_SIZE = 10


async def list_polls(message: Message, session: AsyncSession, i18n: I18nContext,
                     actor: Actor) -> None:
    managed = [c.id for c in await compounds_for(session, actor, Action.POLL_MANAGE)]
    polls = (await session.execute(
        select(Poll).where(or_(Poll.created_by == actor.person.id, Poll.compound_id.in_(managed)))
        .order_by(Poll.id.desc()).limit(LIST_SIZE)
    )).scalars().all()
    if not polls:
        await message.answer(i18n.get("poll-list-empty"))
        return
    await message.answer(i18n.get("poll-list"), reply_markup=choices([
        (i18n.get("poll-btn-list-item", id=p.id, question=p.question[:40],
                  status=i18n.get(f"poll-status-{p.status}")),
         PollManageCb(action="view", poll=p.id)) for p in polls
    ]))


def paper_allowed(poll: Poll) -> bool:
    household = poll.kind == PollKind.ASSEMBLY or (
        poll.kind == PollKind.RESIDENT and poll.vote_unit == VoteUnit.HOUSEHOLD)
    return household and poll.max_choices == 1


def _turnout_lines(seen: Turnout, assembly: bool) -> list[Any]:
    parts: list[Any] = []
    if seen.eligible is None:
        parts.append(fragment("poll-turnout-open", voted=seen.voted))
    else:
        pct = percent(share(seen.voted, seen.eligible))
        # An assembly counts owners (one buyer's flats are one), its building lines homes:
        # the two must not read as the same unit.
        parts.append(fragment("poll-turnout-heads" if assembly else "poll-turnout-total",
                              voted=seen.voted, eligible=seen.eligible, pct=pct))
    if assembly:
        parts.append(fragment("poll-turnout-area", area=cards.area_text(seen.area_voted),
                              total=cards.area_text(seen.area_total),
                              pct=percent(share(seen.area_voted, seen.area_total))))
    for b in seen.buildings:
        if assembly:
            parts.append(fragment("poll-turnout-building-area", name=place(building=b.name),
                                  voted=b.voted, eligible=b.eligible,
                                  area=cards.area_text(b.area_voted),
                                  total=cards.area_text(b.area_total)))
        else:
            parts.append(fragment("poll-turnout-building", name=place(building=b.name),
                                  voted=b.voted, eligible=b.eligible))
    return parts


def _actions(i18n: I18nContext, poll: Poll) -> Any:
    items: list[tuple[str, PollManageCb]] = []
    names = ["view"]
    if poll.status == PollStatus.DRAFT:
        names = ["publish", "discard"]
    elif poll.status == PollStatus.OPEN:
        names += ["close", "extend", "cancel"] + (["paper"] if paper_allowed(poll) else [])
    names += ["csv", "chart"]
    for name in names:
        items.append((i18n.get(f"poll-btn-{name}"), PollManageCb(action=name, poll=poll.id)))
    return choices(items, columns=2)


async def show(message: Message, session: AsyncSession, i18n: I18nContext, poll: Poll) -> None:
    tz = await cards.timezone_of(session, poll.compound_id)
    parts: list[Any] = [
        fragment("poll-card-title", kind=fragment(f"poll-kind-{poll.kind}"),
                 question=poll.question),
        fragment("poll-manage-status", status=fragment(f"poll-status-{poll.status}"),
                 deadline=cards.local(poll.closes_at, tz)),
    ]
    parts += _turnout_lines(await turnout(session, poll), poll.kind == PollKind.ASSEMBLY)
    if export.results_visible(poll):
        for position, option, ballots, _ in await export.option_rows(session, poll):
            parts.append(fragment("poll-card-count", n=position,
                                  option=views.option_text(i18n, option), count=ballots))
    else:
        parts.append(fragment("poll-results-hidden"))
    await message.answer(views.text(i18n, "poll-body", {"body": {"lines": parts}}),
                         reply_markup=_actions(i18n, poll))


async def _managed(query: CallbackQuery, session: AsyncSession, i18n: I18nContext,
                   actor: Actor, poll_id: int) -> Poll | None:
    poll = await session.get(Poll, poll_id)
    if poll is None or not await lifecycle.may_manage(session, actor, poll):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return None
    return poll


async def pressed(query: CallbackQuery, callback_data: PollManageCb, state: FSMContext,
                  session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor,
                  settings: Settings) -> None:
    poll = await _managed(query, session, i18n, actor, callback_data.poll)
    if poll is None or not isinstance(query.message, Message):
        return
    action, message = callback_data.action, query.message
    if action in ("extend", "cancel", "paper") and poll.status != PollStatus.OPEN:
        await query.answer(i18n.get("poll-refuse-closed"), show_alert=True)
        return
    await query.answer()
    if action == "view":
        await show(message, session, i18n, poll)
    elif action in ("publish", "discard"):
        await _publish_or_discard(message, session, i18n, clock, actor, poll, action)
    elif action == "close":
        await message.answer(i18n.get("poll-close-confirm", question=poll.question),
                             reply_markup=choices([(i18n.get("poll-btn-closeok"),
                                                    PollManageCb(action="closeok", poll=poll.id))]))
    elif action == "closeok":
        done = await lifecycle.close(session, clock, poll.id, by=actor.person.id,
                                     key=server_key(settings.bot_token))
        await message.answer(i18n.get("poll-closed-done" if done else "poll-refuse-closed"))
    elif action in ("extend", "cancel"):
        await state.set_state(PollAsk.extend if action == "extend" else PollAsk.cancel)
        await state.set_data({"poll": poll.id})
        await message.answer(i18n.get(f"poll-ask-{action}"))
    elif action == "paper":
        await _start_paper(message, state, i18n, poll)
    elif action == "csv":
        data = await export.csv_bytes(session, poll, lambda k, **a: i18n.get(k, **a))
        await message.answer_document(BufferedInputFile(data, filename=f"poll-{poll.id}.csv"),
                                      caption=i18n.get("poll-csv-caption", question=poll.question))
    else:
        await _chart(message, session, i18n, poll)


async def _publish_or_discard(message: Message, session: AsyncSession, i18n: I18nContext,
                              clock: Clock, actor: Actor, poll: Poll, action: str) -> None:
    if poll.status != PollStatus.DRAFT:
        await message.answer(i18n.get("poll-not-draft"))
        return
    allowed = await compounds_for(session, actor, Action.POLL_CREATE)
    if poll.compound_id not in {c.id for c in allowed}:
        await message.answer(i18n.get("not-allowed"))
        return
    if action == "discard":
        await lifecycle.cancel(session, clock, poll.id, "discarded", actor.person.id)
        await message.answer(i18n.get("poll-discarded"))
        return
    try:
        await lifecycle.publish(session, clock, poll.id, actor.person.id)
    except lifecycle.LifecycleError as error:
        await session.rollback()
        await message.answer(i18n.get(f"poll-bad-{error.reason}"))
        return
    await message.answer(i18n.get("poll-published", id=poll.id))


async def _start_paper(message: Message, state: FSMContext, i18n: I18nContext,
                       poll: Poll) -> None:
    if not paper_allowed(poll):
        await message.answer(i18n.get("poll-refuse-not-paper"))
        return
    await state.set_state(PollAsk.paper_household)
    await state.set_data({"poll": poll.id})
    await message.answer(i18n.get("poll-paper-ask-household"))


async def _chart(message: Message, session: AsyncSession, i18n: I18nContext, poll: Poll) -> None:
    if not export.results_visible(poll):
        await message.answer(i18n.get("poll-results-hidden"))
        return
    rows = await export.option_rows(session, poll)
    png = export.chart_for(rows, poll.kind)
    legend = [i18n.get("poll-chart-caption", question=poll.question)]
    for position, option, ballots, _ in rows:
        legend.append(i18n.get("poll-card-count", n=position,
                               option=views.option_text(i18n, option), count=ballots))
    await message.answer_photo(BufferedInputFile(png, filename=f"poll-{poll.id}.png"),
                               caption=truncate("\n".join(legend), CAPTION_LIMIT))


async def typed_extend(message: Message, state: FSMContext, session: AsyncSession,
                       i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    poll = await session.get(Poll, (await state.get_data()).get("poll", 0))
    if poll is None or not await lifecycle.may_manage(session, actor, poll):
        await state.clear()
        await message.answer(i18n.get("not-allowed"))
        return
    tz = await cards.timezone_of(session, poll.compound_id)
    try:
        when = parse.deadline(message.text or "", clock.now(), tz)
        await lifecycle.extend(session, clock, poll.id, when, actor.person.id)
    except parse.ParseError as error:
        await message.answer(i18n.get(f"poll-bad-{error.reason}"))
        return
    except lifecycle.LifecycleError as error:
        await session.rollback()
        await message.answer(i18n.get(f"poll-bad-{error.reason}"))
        return
    await state.clear()
    await message.answer(i18n.get("poll-extended-done", deadline=cards.local(when, tz)))


async def typed_cancel(message: Message, state: FSMContext, session: AsyncSession,
                       i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    poll = await session.get(Poll, (await state.get_data()).get("poll", 0))
    if poll is None or not await lifecycle.may_manage(session, actor, poll):
        await state.clear()
        await message.answer(i18n.get("not-allowed"))
        return
    try:
        reason = parse.text_field(message.text, 300)
        await lifecycle.cancel(session, clock, poll.id, reason, actor.person.id)
    except parse.ParseError as error:
        await message.answer(i18n.get(f"poll-bad-{error.reason}"))
        return
    except lifecycle.LifecycleError as error:
        await session.rollback()
        await state.clear()
        await message.answer(i18n.get(f"poll-bad-{error.reason}"))
        return
    await state.clear()
    await message.answer(i18n.get("poll-cancelled-done"))


def build_router() -> Router:
    router = Router(name="polls.manage")
    router.message.register(list_polls, Command("polls"), F.chat.type == "private")
    router.callback_query.register(pressed, PollManageCb.filter())
    router.message.register(typed_extend, PollAsk.extend, F.text)
    router.message.register(typed_cancel, PollAsk.cancel, F.text)
    return router
