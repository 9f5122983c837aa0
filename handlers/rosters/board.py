"""The roster board: upcoming shifts, who is on them, Take and Join buttons."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.rendering import MESSAGE_LIMIT, truncate
from handlers.keyboards import choices
from handlers.rosters.callbacks import RosterCb, ShiftCb
from handlers.rosters.text import alert, refuse, reminders_text, roster_summary, t
from models.person import Person
from models.registry import ChatBinding
from models.rosters import Roster
from services.clock import Clock
from services.rosters import filling, members, reminders, setup
from services.rosters.display import day_fragment, hhmm, shift_fragment, when_fragment, zone
from services.rosters.errors import RosterError

BOARD_DAYS = 7
BOARD_ROWS = 14
TAKE_BUTTONS = 8


async def board(session: AsyncSession, clock: Clock, i18n: I18nContext, roster: Roster,
                person: Person | None, chat_type: str) -> tuple[str, InlineKeyboardMarkup]:
    now = clock.now()
    tz = await zone(session, roster.compound_id)
    rows = await filling.upcoming(session, roster.id, now, now + timedelta(days=BOARD_DAYS),
                                  BOARD_ROWS)
    lines = [roster_summary(i18n, roster), ""]
    for row in rows:
        names = i18n.get("ro-list-sep").join(row.names) if row.names else "—"
        lines.append(t(i18n, "ro-board-line", when=when_fragment(row.shift, tz), names=names,
                       free=row.free))
    if not rows:
        lines.append(i18n.get("ro-board-empty"))
    buttons = [
        (t(i18n, "ro-btn-take-at", date=day_fragment(row.shift.day),
           start=hhmm(row.shift.starts_at, tz)), ShiftCb(action="take", id=row.shift.id))
        for row in rows if row.free > 0
    ][:TAKE_BUTTONS]
    # A group's board is shared, so it always offers Join; a private one only to non-members.
    shared = chat_type != "private"
    if shared or person is None or not await members.is_member(session, roster.id, person.id):
        buttons.append((i18n.get("ro-btn-join"), RosterCb(action="join", id=roster.id)))
    return truncate("\n".join(lines), MESSAGE_LIMIT), choices(buttons, columns=2)


async def show_board(message: Message, session: AsyncSession, clock: Clock, i18n: I18nContext,
                     roster: Roster, person: Person | None) -> None:
    text, markup = await board(session, clock, i18n, roster, person, message.chat.type)
    await message.answer(text, reply_markup=markup)


async def show_rosters(message: Message, session: AsyncSession, clock: Clock,
                       i18n: I18nContext, person: Person | None,
                       binding: ChatBinding | None) -> None:
    """/roster without arguments: this chat's roster, or a choice of the person's."""
    if message.chat.type == "private":
        rosters = await setup.visible(session, person.id) if person else []
    else:
        rosters = await setup.of_chat(session, message.chat.id,
                                      binding.compound_id if binding else None)
    if not rosters:
        await message.answer(i18n.get("ro-none"))
    elif len(rosters) == 1:
        await show_board(message, session, clock, i18n, rosters[0], person)
    else:
        await message.answer(i18n.get("ro-pick"), reply_markup=choices(
            [(r.name, RosterCb(action="board", id=r.id)) for r in rosters]))


async def board_pressed(query: CallbackQuery, callback_data: RosterCb, session: AsyncSession,
                        clock: Clock, i18n: I18nContext, person: Person) -> None:
    roster = await session.get(Roster, callback_data.id)
    if roster is None or not roster.active or not isinstance(query.message, Message):
        await refuse(query, i18n, RosterError("roster-gone"))
        return
    await query.answer()
    await show_board(query.message, session, clock, i18n, roster, person)


async def _redraw(query: CallbackQuery, bot: Bot, session: AsyncSession, clock: Clock,
                  i18n: I18nContext, roster: Roster, person: Person) -> None:
    if not isinstance(query.message, Message):
        return
    text, markup = await board(session, clock, i18n, roster, person, query.message.chat.type)
    # Unchanged, or too old to edit: the pop-up answer already told them.
    with contextlib.suppress(TelegramBadRequest):
        await bot.edit_message_text(text=text, chat_id=query.message.chat.id,
                                    message_id=query.message.message_id, reply_markup=markup)


async def join(query: CallbackQuery, callback_data: RosterCb, session: AsyncSession,
               clock: Clock, i18n: I18nContext, person: Person, binding: ChatBinding | None,
               bot: Bot) -> None:
    roster = await session.get(Roster, callback_data.id)
    here = binding.compound_id if binding else None
    if roster is None or not roster.active:
        await refuse(query, i18n, RosterError("roster-gone"))
        return
    if not await members.may_take(session, roster, person.id, here):
        await refuse(query, i18n, RosterError("not-member"))
        return
    fresh = await members.ensure(session, clock, roster.id, person.id)
    await session.commit()
    await alert(query, i18n.get("ro-joined" if fresh else "ro-joined-already",
                                 roster=roster.name))
    await _redraw(query, bot, session, clock, i18n, roster, person)


async def take(query: CallbackQuery, callback_data: ShiftCb, session: AsyncSession,
               clock: Clock, i18n: I18nContext, person: Person, binding: ChatBinding | None,
               bot: Bot) -> None:
    here = binding.compound_id if binding else None
    try:
        result = await filling.take(session, clock, callback_data.id, person, here)
    except RosterError as err:
        await refuse(query, i18n, err)
        return
    tz = await zone(session, result.roster.compound_id)
    what = shift_fragment(result.shift, result.roster, tz)
    if result.outcome is filling.Taken.ALREADY:
        await alert(query, t(i18n, "ro-take-already", shift=what))
        return
    private = query.message is not None and query.message.chat.type == "private"
    promised = reminders_text(i18n, reminders.coming(result.roster.leads, result.shift,
                                                     clock.now(), tz))
    await alert(query, t(i18n, "ro-take-done" if private else "ro-take-done-group", shift=what,
                         reminders=promised))
    if callback_data.action == "take":
        await _redraw(query, bot, session, clock, i18n, result.roster, person)
    elif isinstance(query.message, Message) and not private:
        await query.message.answer(t(
            i18n, "ro-take-announce", name=person.display_name, shift=what,
            missing=result.shift.capacity - result.shift.taken))
