"""/qr and the numbers admins publish: a compound, then the whole compound or one building."""

from __future__ import annotations

import asyncio

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import render_piece
from bot.rendering import split_text
from handlers.compound_pick import CompoundPick, pick_compound
from handlers.keyboards import paged_choices
from models.person import Person
from models.registry import Building, Compound
from models.roles import DirectoryEntry
from services import directory as dirs
from services import qr, registry
from services.clock import Clock
from services.place_names import place
from services.policy import Action, Actor, can, compounds_for

GROUP_TYPES = {"group", "supergroup"}
# Who may choose a scope for which purpose: "q" makes a join poster, "a" files a number.
SCOPE_ACTIONS = {"q": Action.QR_MAKE, "a": Action.DIRECTORY_EDIT}


class ScopeCb(CallbackData, prefix="dsc"):
    a: str
    c: int
    b: int  # 0: the whole compound


class ScopePageCb(CallbackData, prefix="dsp"):
    a: str
    c: int
    page: int


class AddStates(StatesGroup):
    scope = State()


async def _ask_scope(
    bot: Bot, chat_id: int, i18n: I18nContext, session: AsyncSession, kind: str,
    compound: Compound, page: int = 0, edit: Message | None = None,
) -> bool:
    """Offer the buildings; False when the compound has none (so the whole compound it is)."""
    blds = await registry.buildings(session, compound.id)
    if not blds:
        return False
    markup = paged_choices(
        [(b.name, ScopeCb(a=kind, c=compound.id, b=b.id)) for b in blds], page,
        lambda p: ScopePageCb(a=kind, c=compound.id, page=p),
        (i18n.get("dir-page-prev"), i18n.get("dir-page-next")),
        head=[(i18n.get("dir-scope-whole"), ScopeCb(a=kind, c=compound.id, b=0))],
    )
    if edit is not None:
        await edit.edit_reply_markup(reply_markup=markup)
    else:
        text = i18n.get(f"dir-scope-ask-{kind}", compound=compound.name)
        await bot.send_message(chat_id, text, reply_markup=markup)
    return True


async def _scope_done(
    bot: Bot, chat_id: int, i18n: I18nContext, session: AsyncSession, person: Person,
    state: FSMContext, clock: Clock, kind: str, compound: Compound, building: Building | None,
) -> None:
    if kind == "q":
        me = await bot.me()
        url = qr.join_link(me.username or "", compound.id, building.id if building else None)
        block = place(building=building.name) if building else None
        poster = await asyncio.to_thread(
            qr.make_poster, url, compound.name,
            render_piece(i18n.core, i18n.locale, block) if block else None,
            i18n.get("qr-poster-hint"), i18n.locale == "zh-Hant")
        where = render_piece(i18n.core, i18n.locale, place(compound=compound.name,
                                  building=building.name if building else None))
        await bot.send_photo(chat_id, BufferedInputFile(poster.png, "join-qr.png"),
                             caption=i18n.get("qr-caption", place=where, link=url))
        return
    draft = (await state.get_data()).get("draft")
    if draft is None or await state.get_state() != AddStates.scope.state:
        await bot.send_message(chat_id, i18n.get("dir-add-expired"))
        return
    entry = await dirs.add_entry(session, clock, person, compound.id,
                                 building.id if building else None, dirs.EntryDraft(**draft))
    await state.clear()
    where = render_piece(i18n.core, i18n.locale, place(
        compound=None if building else compound.name,
        building=building.name if building else None))
    await bot.send_message(chat_id, i18n.get("dir-added", id=entry.id, label=entry.label,
                                             where=where))


async def _start_scoped(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
    state: FSMContext, clock: Clock, bot: Bot, kind: str,
) -> None:
    compound = await pick_compound(message, i18n, session, actor, SCOPE_ACTIONS[kind],
                                   f"dir.{kind}")
    if compound is None:
        return
    if not await _ask_scope(bot, message.chat.id, i18n, session, kind, compound):
        await _scope_done(bot, message.chat.id, i18n, session, actor.person, state, clock,
                          kind, compound, None)


async def qr_command(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
    state: FSMContext, clock: Clock, bot: Bot,
) -> None:
    await _start_scoped(message, i18n, session, actor, state, clock, bot, "q")


async def contact_add(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    actor: Actor, state: FSMContext, clock: Clock, bot: Bot,
) -> None:
    draft = dirs.parse_entry(command.args)
    if draft is None:
        await message.answer(i18n.get("dir-add-usage"))
        return
    if not await compounds_for(session, actor, Action.DIRECTORY_EDIT):
        await message.answer(i18n.get("compound-none-for-action"))
        return
    await state.set_state(AddStates.scope)
    await state.set_data({"draft": {"label": draft.label, "phone": draft.phone,
                                    "note": draft.note}})
    await _start_scoped(message, i18n, session, actor, state, clock, bot, "a")


async def compound_picked(
    query: CallbackQuery, callback_data: CompoundPick, i18n: I18nContext,
    session: AsyncSession, actor: Actor, state: FSMContext, clock: Clock, bot: Bot,
) -> None:
    kind = callback_data.action.removeprefix("dir.")
    compound = await session.get(Compound, callback_data.compound_id)
    if compound is None or not await can(session, actor, SCOPE_ACTIONS[kind], compound.id):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    await query.answer()
    chat_id = query.from_user.id
    if not await _ask_scope(bot, chat_id, i18n, session, kind, compound):
        await _scope_done(bot, chat_id, i18n, session, actor.person, state, clock, kind,
                          compound, None)


async def scope_page(
    query: CallbackQuery, callback_data: ScopePageCb, i18n: I18nContext,
    session: AsyncSession, actor: Actor, bot: Bot,
) -> None:
    compound = await session.get(Compound, callback_data.c)
    if callback_data.a not in SCOPE_ACTIONS or compound is None or not await can(
            session, actor, SCOPE_ACTIONS[callback_data.a], compound.id):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    await query.answer()
    edit = query.message if isinstance(query.message, Message) else None
    await _ask_scope(bot, query.from_user.id, i18n, session, callback_data.a, compound,
                     callback_data.page, edit=edit)


async def scope_chosen(
    query: CallbackQuery, callback_data: ScopeCb, i18n: I18nContext, session: AsyncSession,
    actor: Actor, state: FSMContext, clock: Clock, bot: Bot,
) -> None:
    compound = await session.get(Compound, callback_data.c)
    building = await session.get(Building, callback_data.b) if callback_data.b else None
    allowed = callback_data.a in SCOPE_ACTIONS and compound is not None and await can(
        session, actor, SCOPE_ACTIONS[callback_data.a], compound.id)
    if not allowed or compound is None:
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    if callback_data.b and (building is None or building.compound_id != compound.id):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await _scope_done(bot, query.from_user.id, i18n, session, actor.person, state, clock,
                      callback_data.a, compound, building)


# ---- /contactdel ---------------------------------------------------------------------------
async def contact_del(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    actor: Actor, clock: Clock,
) -> None:
    args = (command.args or "").strip().lstrip("#")
    if not args:
        await _list_entries(message, i18n, session, actor)
        return
    entry = await session.get(DirectoryEntry, int(args)) if args.isdigit() else None
    if entry is None:
        await message.answer(i18n.get("dir-del-unknown"))
        return
    if not await can(session, actor, Action.DIRECTORY_EDIT, entry.compound_id):
        await message.answer(i18n.get("not-allowed"))
        return
    label = entry.label
    await dirs.delete_entry(session, clock, actor.person, entry)
    await message.answer(i18n.get("dir-deleted", id=int(args), label=label))


async def _list_entries(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor
) -> None:
    compounds = {c.id: c for c in await compounds_for(session, actor, Action.DIRECTORY_EDIT)}
    if not compounds:
        await message.answer(i18n.get("compound-none-for-action"))
        return
    entries = await dirs.entries_of(session, list(compounds))
    if not entries:
        await message.answer(i18n.get("dir-del-none"))
        return
    out = [i18n.get("dir-del-list")]
    for e in entries:
        building = await session.get(Building, e.building_id) if e.building_id else None
        where = render_piece(i18n.core, i18n.locale, place(
            compound=None if building else compounds[e.compound_id].name,
            building=building.name if building else None))
        out.append(i18n.get("dir-del-item", id=e.id, label=e.label, phone=e.phone or "",
                            where=where))
    for part in split_text("\n".join(out)):
        await message.answer(part)


async def private_only(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("dir-private-only"))


def build_router() -> Router:
    router = Router(name="directory_admin")
    private = F.chat.type == "private"
    m, cb = router.message, router.callback_query
    m.register(qr_command, Command("qr"), private)
    m.register(contact_add, Command("contactadd"), private)
    m.register(contact_del, Command("contactdel"), private)
    m.register(private_only, Command("qr", "contactadd", "contactdel"),
               F.chat.type.in_(GROUP_TYPES))
    cb.register(compound_picked, CompoundPick.filter(F.action.in_({"dir.q", "dir.a"})))
    cb.register(scope_page, ScopePageCb.filter())
    cb.register(scope_chosen, ScopeCb.filter())
    return router
