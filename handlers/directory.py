"""/contacts, and messages relayed through the bot to the people it lists."""

from __future__ import annotations

import re

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import render, render_piece
from bot.rendering import split_text
from handlers import directory_admin
from handlers.keyboards import choices
from models.person import Person
from models.registry import ChatBinding
from services import directory as dirs
from services.clock import Clock
from services.place_names import place
from services.teams import DEFAULT_TEAMS

MAX_MESSAGE_BUTTONS = 30
GROUP_TYPES = {"group", "supergroup"}
_DEEP_LINK = re.compile(r"^dir_(\d+)_(\d+)$")


class BuildingCb(CallbackData, prefix="dirb"):
    c: int
    b: int


class MessageCb(CallbackData, prefix="dm"):
    c: int
    b: int
    p: int


class ReplyCb(CallbackData, prefix=dirs.RELAY_REPLY_PREFIX):
    relay_id: int


class CancelCb(CallbackData, prefix="rlx"):
    pass


class RelayStates(StatesGroup):
    text = State()


# ---- rendering -----------------------------------------------------------------------------
def _phone(i18n: I18nContext, phone: str | None) -> str:
    return i18n.get("dir-phone-suffix", phone=phone) if phone else ""


def _team_name(i18n: I18nContext, team: dirs.TeamContacts) -> str:
    if team.name:
        return team.name
    return i18n.get(f"team-name-{team.code}") if team.code in DEFAULT_TEAMS else team.code


def _render(i18n: I18nContext, d: dirs.Directory) -> str:
    where = place(compound=d.compound.name,
                  building=d.building.name if d.building is not None else None)
    out = [render(i18n.core, i18n.locale, "dir-title", {"place": where})]
    if d.teams:
        out += ["", i18n.get("dir-section-teams")]
        out += [i18n.get("dir-line", label=_team_name(i18n, t), name=m.name,
                         phone=_phone(i18n, m.phone)) for t in d.teams for m in t.members]
    if d.leaders:
        out += ["", i18n.get("dir-section-leaders")]
        for c in d.leaders:
            label = i18n.get(f"role-name-{c.label}")
            if c.building:
                label = render(i18n.core, i18n.locale, "dir-role-in-building",
                               {"role": label, "building": place(building=c.building)})
            out.append(i18n.get("dir-line", label=label, name=c.name, phone=_phone(i18n, c.phone)))
    # Always: residents are told when the party branch holds their ticket.
    out += ["", i18n.get("dir-section-ladder")]
    if not dirs.has_branch(d):
        out.append(i18n.get("dir-branch-missing"))
    out += [i18n.get("dir-line", label=i18n.get(f"role-name-{c.label}"), name=c.name,
                     phone=_phone(i18n, c.phone)) for c in d.ladder]
    if d.party:
        out += ["", i18n.get("dir-section-party")]
        out += [i18n.get("dir-line-party", name=c.name, phone=_phone(i18n, c.phone))
                for c in d.party]
        if d.more_party:
            out.append(i18n.get("dir-party-more", count=d.more_party))
    if d.entries:
        out += ["", i18n.get("dir-section-entries")]
        out += [i18n.get("dir-line-entry", label=e.label, phone=e.phone or "",
                         note=i18n.get("dir-note-suffix", note=e.note) if e.note else "")
                for e in d.entries]
    if not d.people() and not d.entries:
        out += ["", i18n.get("dir-empty")]
    return "\n".join(out)


async def _send_directory(
    bot: Bot, chat_id: int, i18n: I18nContext, d: dirs.Directory, markup: InlineKeyboardMarkup
) -> None:
    parts = split_text(_render(i18n, d))
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        await bot.send_message(chat_id, part, reply_markup=markup if last else None)


def _message_buttons(
    i18n: I18nContext, d: dirs.Directory, me: Person
) -> InlineKeyboardMarkup:
    b = d.building.id if d.building else 0
    people = [c for c in d.people() if c.person_id != me.id][:MAX_MESSAGE_BUTTONS]
    return choices([(i18n.get("dir-message-button", name=c.name),
                     MessageCb(c=d.compound.id, b=b, p=c.person_id)) for c in people], columns=2)


async def _show_private(
    bot: Bot, chat_id: int, i18n: I18nContext, session: AsyncSession, person: Person,
    compound_id: int, building_id: int | None,
) -> None:
    found = await dirs.directory(session, compound_id, building_id)
    if found is None:
        await bot.send_message(chat_id, i18n.get("dir-not-found"))
        return
    await _send_directory(bot, chat_id, i18n, found, _message_buttons(i18n, found, person))


# ---- /contacts -----------------------------------------------------------------------------
async def contacts_private(
    message: Message, i18n: I18nContext, session: AsyncSession, person: Person, bot: Bot
) -> None:
    mine = await dirs.my_buildings(session, person.id)
    if not mine:
        await message.answer(i18n.get("dir-none-registered"))
        return
    if len(mine) == 1:
        compound, building = mine[0]
        await _show_private(bot, message.chat.id, i18n, session, person, compound.id, building.id)
        return
    await message.answer(i18n.get("dir-choose-building"), reply_markup=choices([
        (render_piece(i18n.core, i18n.locale, place(compound=c.name, building=b.name)),
         BuildingCb(c=c.id, b=b.id)) for c, b in mine]))


async def building_picked(
    query: CallbackQuery, callback_data: BuildingCb, i18n: I18nContext,
    session: AsyncSession, person: Person, bot: Bot,
) -> None:
    if not await dirs.lives_in(session, person.id, callback_data.b):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await _show_private(bot, query.from_user.id, i18n, session, person,
                        callback_data.c, callback_data.b)


async def contacts_link(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    person: Person, bot: Bot,
) -> None:
    """The group's "open in private chat" button lands here with the group's scope."""
    match = _DEEP_LINK.match(command.args or "")
    assert match is not None  # the filter let only this shape through
    compound_id, building_id = int(match.group(1)), int(match.group(2))
    await _show_private(bot, message.chat.id, i18n, session, person,
                        compound_id, building_id or None)


async def contacts_group(
    message: Message, i18n: I18nContext, session: AsyncSession, bot: Bot,
    binding: ChatBinding | None,
) -> None:
    if binding is None:
        await message.answer(i18n.get("dir-group-unbound"))
        return
    found = await dirs.directory(session, binding.compound_id, binding.building_id)
    if found is None:
        await message.answer(i18n.get("dir-not-found"))
        return
    me = await bot.me()
    link = f"https://t.me/{me.username}?start=dir_{binding.compound_id}_{binding.building_id or 0}"
    markup = InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=i18n.get("dir-open-private"), url=link)]])
    await _send_directory(bot, message.chat.id, i18n, found, markup)


# ---- relaying a message --------------------------------------------------------------------
async def _ask_text(
    bot: Bot, chat_id: int, i18n: I18nContext, state: FSMContext, to: Person, key: str
) -> None:
    await state.set_state(RelayStates.text)
    await state.set_data({"to": to.id, "name": to.first_name})
    await bot.send_message(chat_id, i18n.get(key, name=to.first_name), reply_markup=choices(
        [(i18n.get("dir-relay-cancel-button"), CancelCb())]))


async def message_pressed(
    query: CallbackQuery, callback_data: MessageCb, i18n: I18nContext,
    session: AsyncSession, person: Person, state: FSMContext, bot: Bot,
) -> None:
    found = await dirs.directory(session, callback_data.c, callback_data.b or None)
    listed = {c.person_id for c in found.people()} if found else set()
    target = await session.get(Person, callback_data.p)
    if callback_data.p not in listed or target is None or callback_data.p == person.id:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await _ask_text(bot, query.from_user.id, i18n, state, target, "dir-relay-ask")


async def reply_pressed(
    query: CallbackQuery, callback_data: ReplyCb, i18n: I18nContext,
    session: AsyncSession, person: Person, state: FSMContext, bot: Bot,
) -> None:
    sender_id = await dirs.reply_target(session, callback_data.relay_id, person.id)
    target = await session.get(Person, sender_id) if sender_id else None
    if target is None:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    if target.tg_id is None:
        await query.answer(i18n.get("dir-relay-gone"), show_alert=True)
        return
    await query.answer()
    await _ask_text(bot, query.from_user.id, i18n, state, target, "dir-relay-ask-reply")


async def relay_text(
    message: Message, i18n: I18nContext, session: AsyncSession, person: Person,
    state: FSMContext, clock: Clock,
) -> None:
    data = await state.get_data()
    try:
        await dirs.relay(session, clock, person, int(data["to"]), message.text or "")
    except dirs.RelayRefused as refused:
        if refused.reason in ("self", "gone"):
            await state.clear()
        await message.answer(i18n.get(f"dir-relay-refused-{refused.reason.replace('_', '-')}",
                                      limit=dirs.RELAY_TEXT_MAX))
        return
    await state.clear()
    await message.answer(i18n.get("dir-relay-sent", name=data.get("name", "")))


async def relay_not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("dir-relay-text-only"))


async def relay_cancel(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await query.answer()
    if isinstance(query.message, Message):
        try:
            await query.message.edit_text(i18n.get("dir-relay-cancelled"))
        except TelegramBadRequest as exc:
            if "not modified" not in exc.message:  # a double tap finds it already said
                raise


def build_router() -> Router:
    router = Router(name="directory")
    private = F.chat.type == "private"
    in_group = F.chat.type.in_(GROUP_TYPES)
    m, cb = router.message, router.callback_query
    m.register(contacts_link, CommandStart(deep_link=True, magic=F.args.regexp(_DEEP_LINK)),
               private)
    m.register(contacts_private, Command("contacts"), private)
    m.register(contacts_group, Command("contacts"), in_group)
    m.register(relay_text, StateFilter(RelayStates.text), private, F.text,
               ~F.text.startswith("/"))
    m.register(relay_not_text, StateFilter(RelayStates.text), private, ~F.text)
    cb.register(building_picked, BuildingCb.filter())
    cb.register(message_pressed, MessageCb.filter(), F.message.chat.type == "private")
    cb.register(reply_pressed, ReplyCb.filter(), F.message.chat.type == "private")
    cb.register(relay_cancel, CancelCb.filter())
    router.include_router(directory_admin.build_router())
    return router
