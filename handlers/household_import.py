"""/import: an admin sends the household register as CSV, reads the report, confirms.

Nothing is written until Apply is pressed. The file is kept on Telegram's side: the FSM
holds only its file_id, and Apply parses it again, so what is applied is exactly what the
admin uploaded, measured against the register as it is at that moment.
"""

from __future__ import annotations

import contextlib
import secrets
from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Document, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import render
from bot.rendering import split_text
from handlers.compound_pick import CompoundPick, pick_compound
from handlers.keyboards import choices
from models.registry import Compound
from services import household_import as register
from services.clock import Clock
from services.csv_text import to_csv
from services.outbox import fragment
from services.policy import Action, Actor, can

PICK = "imp"
REJECTIONS_SHOWN = 30
LIMIT_MB = register.MAX_FILE_BYTES // (1024 * 1024)


class ImportFlow(StatesGroup):
    choosing = State()  # several compounds: a document sent with the command may wait here
    waiting_file = State()
    confirm = State()


class ImportCb(CallbackData, prefix="imp"):
    op: str  # "ok" | "no"
    token: str


def _t(i18n: I18nContext, piece: dict[str, Any]) -> str:
    return render(i18n.core, i18n.locale, piece["key"], piece["args"])


def _doc(document: Document | None) -> dict[str, Any] | None:
    return {"id": document.file_id, "size": document.file_size} if document else None


# ---- starting --------------------------------------------------------------------------
async def begin(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
    state: FSMContext, bot: Bot,
) -> None:
    await state.clear()
    doc = _doc(message.document)
    compound = await pick_compound(message, i18n, session, actor, Action.HOUSEHOLD_IMPORT, PICK)
    if compound is None:
        await state.set_state(ImportFlow.choosing)
        await state.set_data({"doc": doc})
        return
    await _ready(bot, message.chat.id, i18n, session, actor, state, compound, doc)


async def picked(
    query: CallbackQuery, callback_data: CompoundPick, i18n: I18nContext,
    session: AsyncSession, actor: Actor, state: FSMContext, bot: Bot,
) -> None:
    compound = await session.get(Compound, callback_data.compound_id)
    if compound is None or not await can(session, actor, Action.HOUSEHOLD_IMPORT, compound.id):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    waiting = await state.get_state() == ImportFlow.choosing
    doc = (await state.get_data()).get("doc") if waiting else None
    await query.answer()
    await _ready(bot, query.from_user.id, i18n, session, actor, state, compound, doc)


async def _ready(
    bot: Bot, chat_id: int, i18n: I18nContext, session: AsyncSession, actor: Actor,
    state: FSMContext, compound: Compound, doc: dict[str, Any] | None,
) -> None:
    await state.set_state(ImportFlow.waiting_file)
    await state.set_data({"compound_id": compound.id})
    if doc is None:
        await bot.send_message(
            chat_id, i18n.get("import-prompt", compound=compound.name, limit=LIMIT_MB)
        )
        return
    await _check(bot, chat_id, i18n, session, actor, state, compound, doc)


async def got_file(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
    state: FSMContext, bot: Bot,
) -> None:
    compound = await session.get(Compound, (await state.get_data()).get("compound_id", 0))
    if compound is None or not await can(session, actor, Action.HOUSEHOLD_IMPORT, compound.id):
        await state.clear()
        await message.answer(i18n.get("not-allowed"))
        return
    await _check(bot, message.chat.id, i18n, session, actor, state, compound,
                 _doc(message.document))


async def not_a_file(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("import-send-file"))


async def in_group(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("import-private-only"))


# ---- checking --------------------------------------------------------------------------
async def _download(bot: Bot, doc: dict[str, Any]) -> bytes | None:
    """The file's bytes, or None when it is over our limit (or Telegram's)."""
    if doc["size"] is not None and doc["size"] > register.MAX_FILE_BYTES:
        return None
    try:
        buffer = await bot.download(doc["id"])
    except TelegramBadRequest:  # "file is too big": over the Bot API's own 20 MB
        return None
    data = buffer.read() if buffer else b""
    return data if len(data) <= register.MAX_FILE_BYTES else None


async def _check(
    bot: Bot, chat_id: int, i18n: I18nContext, session: AsyncSession, actor: Actor,
    state: FSMContext, compound: Compound, doc: dict[str, Any],
) -> None:
    data = await _download(bot, doc)
    if data is None:
        await bot.send_message(chat_id, i18n.get("import-file-too-big", limit=LIMIT_MB))
        return
    try:
        parsed = register.parse(data)
    except register.ImportFileError as error:
        await bot.send_message(chat_id, _t(i18n, register.file_problem(error)))
        return
    counts = await register.preview(session, compound.id, parsed.rows)
    pieces = register.report(parsed, counts, compound=compound.name, limit=REJECTIONS_SHOWN)
    markup = None
    if counts.changes:
        token = secrets.token_hex(4)
        await state.set_state(ImportFlow.confirm)
        await state.set_data({"compound_id": compound.id, "file_id": doc["id"],
                              "token": token, "uploader": actor.person.id})
        pieces.append(fragment("import-report-confirm"))
        markup = choices([(i18n.get("import-btn-apply"), ImportCb(op="ok", token=token)),
                          (i18n.get("import-btn-cancel"), ImportCb(op="no", token=token))],
                         columns=2)
    else:
        await state.clear()
        pieces.append(fragment("import-report-nothing"))
    parts = split_text("\n".join(_t(i18n, p) for p in pieces))
    for i, part in enumerate(parts):
        await bot.send_message(chat_id, part, reply_markup=markup if i == len(parts) - 1 else None)
    if len(parsed.rejections) > REJECTIONS_SHOWN:
        await _send_rejections(bot, chat_id, i18n, parsed)


async def _send_rejections(
    bot: Bot, chat_id: int, i18n: I18nContext, parsed: register.Parsed
) -> None:
    labels = (i18n.get("import-csv-line"), i18n.get("import-csv-reason"))
    table = register.rejection_table(parsed, labels, lambda p: _t(i18n, p))
    await bot.send_document(
        chat_id, BufferedInputFile(to_csv(table), filename="rejected.csv"),
        caption=i18n.get("import-rejections-caption", count=parsed.rejected_lines),
    )


# ---- confirming ------------------------------------------------------------------------
async def _pending(
    query: CallbackQuery, callback_data: ImportCb, i18n: I18nContext, actor: Actor,
    state: FSMContext,
) -> dict[str, Any] | None:
    """The import this button belongs to, or None after telling the presser why not."""
    # In a private chat the chat is the uploader's; anyone else pressing is not them.
    chat_id = query.message.chat.id if query.message else None
    if chat_id != query.from_user.id:
        await query.answer(i18n.get("import-not-yours"), show_alert=True)
        return None
    data = await state.get_data()
    if await state.get_state() != ImportFlow.confirm or data.get("token") != callback_data.token:
        await query.answer(i18n.get("import-expired"), show_alert=True)
        return None
    if data.get("uploader") != actor.person.id:
        await query.answer(i18n.get("import-not-yours"), show_alert=True)
        return None
    return data


async def _close_buttons(bot: Bot, query: CallbackQuery) -> None:
    if query.message is not None:
        with contextlib.suppress(TelegramBadRequest):
            await bot.edit_message_reply_markup(
                chat_id=query.message.chat.id, message_id=query.message.message_id,
                reply_markup=None,
            )


async def confirm(
    query: CallbackQuery, callback_data: ImportCb, i18n: I18nContext, session: AsyncSession,
    actor: Actor, state: FSMContext, bot: Bot, clock: Clock,
) -> None:
    data = await _pending(query, callback_data, i18n, actor, state)
    if data is None:
        return
    compound_id = int(data["compound_id"])
    if not await can(session, actor, Action.HOUSEHOLD_IMPORT, compound_id):
        await state.clear()
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    raw = await _download(bot, {"id": data["file_id"], "size": None})
    try:
        parsed = register.parse(raw or b"")
    except register.ImportFileError:
        await state.clear()
        await query.answer(i18n.get("import-expired"), show_alert=True)
        return
    counts = await register.apply(
        session, clock, compound_id, parsed.rows, actor_id=actor.person.id,
        rejected=parsed.rejected_lines, source="telegram",
    )
    await state.clear()
    await query.answer()
    await _close_buttons(bot, query)
    await bot.send_message(query.from_user.id, i18n.get(
        "import-applied", new=counts.new, updated=counts.updated, unchanged=counts.unchanged))


async def cancel(
    query: CallbackQuery, callback_data: ImportCb, i18n: I18nContext, actor: Actor,
    state: FSMContext, bot: Bot,
) -> None:
    if await _pending(query, callback_data, i18n, actor, state) is None:
        return
    await state.clear()
    await query.answer()
    await _close_buttons(bot, query)
    await bot.send_message(query.from_user.id, i18n.get("import-cancelled"))


def build_router() -> Router:
    router = Router(name="household_import")
    private = F.chat.type == "private"
    router.message.register(begin, Command("import"), private)
    router.message.register(in_group, Command("import"), ~private)
    # A new file while a report awaits Apply replaces it; the old buttons then expire.
    router.message.register(
        got_file, StateFilter(ImportFlow.waiting_file, ImportFlow.confirm), private, F.document
    )
    router.message.register(
        not_a_file, StateFilter(ImportFlow.waiting_file), private,
        ~F.text.startswith("/"),
    )
    router.callback_query.register(picked, CompoundPick.filter(F.action == PICK))
    router.callback_query.register(confirm, ImportCb.filter(F.op == "ok"))
    router.callback_query.register(cancel, ImportCb.filter(F.op == "no"))
    return router
