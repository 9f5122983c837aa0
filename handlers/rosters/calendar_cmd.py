"""/roster calendar [load]: the official holiday arrangement, shown or loaded.

The arrangement may come in the same message after `load`, in a message the command replies
to, as a CSV or text file (sent with the command as its caption, or replied to), or in
private as the next message after a bare `/roster calendar load`.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Document, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.rosters.text import say, t
from services.clock import Clock
from services.csv_text import NotText, decode
from services.policy import Action, Actor, compounds_for
from services.rosters import official, official_load, official_report, official_text
from services.rosters.display import DEFAULT_TZ

MAX_FILE_BYTES = 64 * 1024
LOAD_INPUT = {"load", "import", "导入", "導入", "载入", "載入", "上传", "上傳", "录入", "錄入"}


class CalendarLoad(StatesGroup):
    waiting = State()


async def may_load(session: AsyncSession, actor: Actor) -> bool:
    return actor.superadmin or bool(await compounds_for(session, actor, Action.CALENDAR_LOAD))


def _next_year(clock: Clock) -> int:
    return clock.now().astimezone(ZoneInfo(DEFAULT_TZ)).year + 1


async def _say(message: Message, i18n: I18nContext, piece: dict[str, Any]) -> None:
    await say(message, t(i18n, piece["key"], **piece["args"]))


async def run(message: Message, state: FSMContext, session: AsyncSession, clock: Clock,
              i18n: I18nContext, actor: Actor, bot: Bot, rest: str) -> None:
    word, body = [*rest.split(maxsplit=1), "", ""][:2]
    if word.lower() not in LOAD_INPUT:
        # Which years are known is no secret: guards ask why a holiday has a shift too.
        years = await official.loaded_years(session)
        await _say(message, i18n, official_report.status(years, clock.now()))
        return
    if not await may_load(session, actor):
        await message.answer(i18n.get("cal-err-denied"))
        return
    text = body.strip() or await _attached(message, bot, i18n)
    if text is None:
        return
    if text:
        await load_text(message, session, clock, i18n, actor, text, _first_line(message, body))
    elif message.chat.type == "private":
        await state.set_state(CalendarLoad.waiting)
        await message.answer(i18n.get("cal-prompt", year=str(_next_year(clock))))
    else:
        await message.answer(i18n.get("cal-prompt-group"))


async def _attached(message: Message, bot: Bot, i18n: I18nContext) -> str | None:
    """Text of a file sent with the command or of the message replied to; "" when none,
    None when a file could not be read (the sender was told why)."""
    reply = message.reply_to_message
    document = message.document or (reply.document if reply is not None else None)
    if document is not None:
        return await _read(document, message, bot, i18n)
    if reply is not None and (reply.text or reply.caption):
        return reply.text or reply.caption or ""
    return ""


async def _read(document: Document, message: Message, bot: Bot, i18n: I18nContext
                ) -> str | None:
    kb = MAX_FILE_BYTES // 1024
    if document.file_size is not None and document.file_size > MAX_FILE_BYTES:
        await message.answer(i18n.get("cal-err-too-big", kb=kb))
        return None
    try:
        buffer = await bot.download(document.file_id)
    except TelegramBadRequest:
        await message.answer(i18n.get("cal-err-too-big", kb=kb))
        return None
    data = buffer.read() if buffer else b""
    if len(data) > MAX_FILE_BYTES:
        await message.answer(i18n.get("cal-err-too-big", kb=kb))
        return None
    try:
        return decode(data) or " "  # an empty file is refused as empty, not waited for
    except NotText:
        await message.answer(i18n.get("cal-err-not-text"))
        return None


def _first_line(message: Message, body: str) -> int:
    """The line of the message the pasted arrangement starts on, so refusals name the line
    the organizer sees."""
    whole = message.text or message.caption or ""
    at = whole.find(body.strip()) if body.strip() else -1
    return whole.count("\n", 0, at) + 1 if at >= 0 else 1


async def load_text(message: Message, session: AsyncSession, clock: Clock, i18n: I18nContext,
                    actor: Actor, text: str, first_line: int = 1) -> None:
    try:
        parsed = official_text.parse(text, first_line)
    except official_text.ArrangementError as error:
        await _say(message, i18n, official_report.refused(error))
        return
    out = await official_load.load(session, clock, parsed, actor.person.id, "chat")
    await _say(message, i18n, official_report.loaded(out))


async def got_arrangement(message: Message, state: FSMContext, session: AsyncSession,
                          clock: Clock, i18n: I18nContext, actor: Actor | None, bot: Bot
                          ) -> None:
    await state.clear()
    if actor is None or not await may_load(session, actor):
        await message.answer(i18n.get("cal-err-denied"))
        return
    text = await _read(message.document, message, bot, i18n) if message.document \
        else message.text or ""
    if text is not None:
        await load_text(message, session, clock, i18n, actor, text)


def build_router() -> Router:
    router = Router(name="roster_calendar")
    waiting = StateFilter(CalendarLoad.waiting)
    private = F.chat.type == "private"
    router.message.register(got_arrangement, waiting, private, F.document)
    router.message.register(got_arrangement, waiting, private, F.text, ~F.text.startswith("/"))
    return router
