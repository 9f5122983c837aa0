"""/myshifts and /swap, and the buttons on reminders: On my way, Can't make it, Check in,
and Take over on a swap request."""

from __future__ import annotations

import contextlib

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from handlers.keyboards import choices
from handlers.rosters.callbacks import ShiftCb, SwapCb
from handlers.rosters.ical_route import feed_url
from handlers.rosters.text import alert, refuse, reminders_text, say, t
from models.person import Person
from models.rosters import HoldSource
from services.clock import Clock
from services.rosters import checkin, filling, ical, reminders, swaps
from services.rosters.display import day_fragment, hhmm, shift_fragment, zone
from services.rosters.errors import RosterError

RENEW_INPUT = {"new", "newlink", "renew", "reset", "新链接", "新鏈接", "新連結", "重置"}


async def _listing(message: Message, session: AsyncSession, clock: Clock, i18n: I18nContext,
                   person: Person, swap_only: bool) -> list[str]:
    now = clock.now()
    held = await filling.mine(session, person.id, now)
    lines, buttons = [], []
    for shift, roster, assignment in held:
        tz = await zone(session, roster.compound_id)
        state = "ro-mine-in" if assignment.checked_in_at else (
            "ro-mine-asked" if await swaps.open_request(session, assignment.id) else
            "ro-mine-assigned" if assignment.source == HoldSource.ASSIGN else "ro-mine-on")
        lines.append(t(i18n, "ro-mine-line", shift=shift_fragment(shift, roster, tz),
                       state=i18n.get(state)))
        label = {"date": day_fragment(shift.day), "start": hhmm(shift.starts_at, tz)}
        if not swap_only and assignment.checked_in_at is None \
                and shift.starts_at - checkin.CHECKIN_OPENS <= now <= shift.ends_at:
            buttons.append((t(i18n, "ro-btn-checkin-at", **label),
                            ShiftCb(action="in", id=shift.id)))
        if shift.starts_at > now and assignment.checked_in_at is None:
            buttons.append((t(i18n, "ro-btn-cant-at", **label),
                            ShiftCb(action="cant", id=shift.id)))
    if not held:
        return [i18n.get("ro-mine-empty")]
    title = "ro-swap-pick" if swap_only else "ro-mine-title"
    await message.answer("\n".join([i18n.get(title), *lines]),
                         reply_markup=choices(buttons[:20]) if buttons else None)
    return []


async def my_shifts(message: Message, command: CommandObject, session: AsyncSession,
                    clock: Clock, i18n: I18nContext, person: Person, settings: Settings) -> None:
    renew = (command.args or "").strip().lower() in RENEW_INPUT
    extra = await _listing(message, session, clock, i18n, person, swap_only=False)
    token = await ical.token_for(session, clock, person.id, renew=renew)
    url = feed_url(settings, token)
    extra.append(i18n.get("ro-mine-feed", url=url) if url else i18n.get("ro-mine-feed-off"))
    if renew:
        extra.append(i18n.get("ro-mine-feed-renewed"))
    await say(message, "\n\n".join(extra))


async def swap_command(message: Message, session: AsyncSession, clock: Clock,
                       i18n: I18nContext, person: Person) -> None:
    extra = await _listing(message, session, clock, i18n, person, swap_only=True)
    if extra:
        await say(message, "\n".join(extra))


async def shift_action(query: CallbackQuery, callback_data: ShiftCb, session: AsyncSession,
                       clock: Clock, i18n: I18nContext, person: Person) -> None:
    try:
        if callback_data.action == "in":
            done = await checkin.check_in(session, clock, callback_data.id, person)
            key = "ro-checkin-already" if done.already else (
                "ro-checkin-done-points" if done.points else "ro-checkin-done")
            await alert(query, i18n.get(key, points=done.points))
        elif callback_data.action == "omw":
            _, _, already = await checkin.on_my_way(session, clock, callback_data.id, person)
            await query.answer(i18n.get("ro-omw-already" if already else "ro-omw-done"))
        elif callback_data.action == "cant":
            asked = await swaps.ask(session, clock, callback_data.id, person)
            key = "ro-swap-already" if asked.already else (
                "ro-swap-asked" if asked.asked else "ro-swap-asked-nobody")
            await alert(query, i18n.get(key, count=asked.asked))
    except RosterError as err:
        await refuse(query, i18n, err)


async def take_over(query: CallbackQuery, callback_data: SwapCb, session: AsyncSession,
                    clock: Clock, i18n: I18nContext, person: Person, bot: Bot) -> None:
    try:
        took = await swaps.take_over(session, clock, callback_data.id, person)
    except RosterError as err:
        await refuse(query, i18n, err)
        return
    tz = await zone(session, took.roster.compound_id)
    promised = reminders_text(i18n, reminders.coming(took.roster.leads, took.shift,
                                                     clock.now(), tz))
    text = t(i18n, "ro-swap-took", shift=shift_fragment(took.shift, took.roster, tz),
             name=took.requester.display_name, reminders=promised)
    await alert(query, text)
    if isinstance(query.message, Message):
        with contextlib.suppress(TelegramBadRequest):
            await bot.edit_message_text(text=text, chat_id=query.message.chat.id,
                                        message_id=query.message.message_id)
