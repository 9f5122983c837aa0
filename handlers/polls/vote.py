"""Voting: presses on a group card, and private ballots opened by a deep link or a button."""

from __future__ import annotations

import contextlib

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from handlers.polls import views
from handlers.polls.callbacks import PollBallotCb, PollVoteCb
from models.person import Person
from models.polls import Audience, Poll, PollKind, PollStatus
from services.clock import Clock
from services.polls import ballots, cards
from services.polls.eligibility import Refused

MEMBER_STATUSES = ("creator", "administrator", "member", "restricted")


async def _in_audience_chat(bot: Bot, poll: Poll, user_id: int) -> bool:
    if poll.kind != PollKind.RESIDENT or poll.audience != Audience.CHAT:
        return False
    if poll.audience_chat_id is None:
        return False
    try:
        member = await bot.get_chat_member(poll.audience_chat_id, user_id)
    except TelegramBadRequest:
        return False
    return member.status in MEMBER_STATUSES


async def _ballot_view(
    session: AsyncSession, i18n: I18nContext, settings: Settings, bot: Bot, poll: Poll,
    voter: tuple[int, int], chat_id: int,
) -> tuple[str, object | None]:
    """The private ballot's text and keyboard, or a refusal text and no keyboard."""
    if poll.status != PollStatus.OPEN:
        return i18n.get("poll-refuse-closed"), None
    key = ballots.server_key(settings.bot_token)
    person_id, tg_id = voter
    member = await _in_audience_chat(bot, poll, tg_id)
    try:
        mine, _, chosen = await ballots.my_choice(session, key, poll, person_id, chat_id=chat_id,
                                                  in_audience_chat=member)
    except Refused as refused:
        return i18n.get(f"poll-refuse-{refused.reason}"), None
    options = await cards.options_of(session, poll.id)
    tz = await cards.timezone_of(session, poll.compound_id)
    body = views.ballot_text(i18n, poll, options, chosen, cards.local(poll.closes_at, tz),
                             area=mine.area or None)
    return body, views.ballot_keyboard(i18n, poll, options, chosen)


async def open_by_link(
    message: Message, command: CommandObject, session: AsyncSession, i18n: I18nContext,
    person: Person, settings: Settings, bot: Bot,
) -> None:
    poll = await session.get(Poll, int((command.args or "pv0")[2:]))
    if poll is None:
        await message.answer(i18n.get("poll-not-found"))
        return
    body, markup = await _ballot_view(session, i18n, settings, bot, poll,
                                      (person.id, message.chat.id), message.chat.id)
    await message.answer(body, reply_markup=markup)  # type: ignore[arg-type]


async def open_by_button(
    query: CallbackQuery, callback_data: PollBallotCb, session: AsyncSession,
    i18n: I18nContext, person: Person, settings: Settings, bot: Bot,
) -> None:
    poll = await session.get(Poll, callback_data.poll)
    if poll is None or query.message is None:
        await query.answer(i18n.get("poll-not-found"), show_alert=True)
        return
    await query.answer()
    body, markup = await _ballot_view(session, i18n, settings, bot, poll,
                                      (person.id, query.from_user.id), query.message.chat.id)
    await bot.send_message(query.message.chat.id, body, reply_markup=markup)  # type: ignore[arg-type]


async def pressed(
    query: CallbackQuery, callback_data: PollVoteCb, session: AsyncSession, clock: Clock,
    i18n: I18nContext, person: Person, settings: Settings, bot: Bot,
) -> None:
    if query.message is None:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    chat = query.message.chat
    voter = (person.id, query.from_user.id)  # ids now: a retried vote expires loaded rows
    poll = await session.get(Poll, callback_data.poll)
    member = await _in_audience_chat(bot, poll, query.from_user.id) if poll else False
    press = ballots.Press(poll_id=callback_data.poll, option_id=callback_data.opt,
                          person_id=voter[0], chat_id=chat.id, in_audience_chat=member)
    try:
        result = await ballots.press(session, clock, ballots.server_key(settings.bot_token), press)
    except Refused as refused:
        await query.answer(i18n.get(f"poll-refuse-{refused.reason}"), show_alert=True)
        return
    options = await cards.options_of(session, result.poll.id)
    choice = views.choice_text(i18n, options, result.selection)
    await query.answer(i18n.get(f"poll-voted-{result.outcome}", choice=choice),
                       show_alert=chat.type == "private")
    if chat.type == "private" and result.outcome != "unchanged":
        await _refresh_ballot(query, session, i18n, settings, bot, result.poll, voter)


async def _refresh_ballot(
    query: CallbackQuery, session: AsyncSession, i18n: I18nContext, settings: Settings,
    bot: Bot, poll: Poll, voter: tuple[int, int],
) -> None:
    assert query.message is not None
    body, markup = await _ballot_view(session, i18n, settings, bot, poll, voter,
                                      query.message.chat.id)
    if not poll.allow_change and poll.max_choices == 1:
        markup = None
    with contextlib.suppress(TelegramBadRequest):  # "not modified" after a double press
        await bot.edit_message_text(body, chat_id=query.message.chat.id,
                                    message_id=query.message.message_id,
                                    reply_markup=markup)  # type: ignore[arg-type]


def build_router() -> Router:
    router = Router(name="polls.vote")
    router.message.register(
        open_by_link, CommandStart(deep_link=True, magic=F.args.regexp(r"^pv\d{1,12}$")),
        F.chat.type == "private",
    )
    router.callback_query.register(open_by_button, PollBallotCb.filter())
    router.callback_query.register(pressed, PollVoteCb.filter())
    return router
