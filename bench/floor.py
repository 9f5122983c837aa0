"""The floor for intake: a minimal but honest ticket bot, measured beside the real one.

aiogram and aiosqlite, no ORM, no middlewares: a `#报修` / `#repair` message in the group
upserts its sender, inserts the ticket, commits, replies in the group and posts a card to
the staff chat. That is the work a ticket cannot do without; the project's intake does
more (routing, deadlines, the outbox, its audit trail, similar reports), and its rate is
reported as a ratio of this one's.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import aiosqlite
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

from bench.emu import pump, sent_count, stop_polling, wait_polling
from tests.emulator import BotApiEmulator
from tests.emulator.state import Chat, User
from tests.harness import TOKEN

SCHEMA = """
CREATE TABLE person (id INTEGER PRIMARY KEY, tg_id INTEGER NOT NULL UNIQUE,
                     first_name TEXT NOT NULL, username TEXT, language_code TEXT);
CREATE TABLE ticket (id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL,
                     message_id INTEGER NOT NULL, reporter_id INTEGER NOT NULL
                     REFERENCES person(id), category TEXT NOT NULL, text TEXT NOT NULL,
                     created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
"""
TAGS = {"#报修": "repair", "#repair": "repair"}


class MinimalTicketBot:
    def __init__(self, db: aiosqlite.Connection, staff_chat: int) -> None:
        self.db = db
        self.staff_chat = staff_chat
        self.lock = asyncio.Lock()

    async def _one(self, sql: str, params: tuple[object, ...]) -> int:
        async with self.db.execute(sql, params) as cursor:
            rows = list(await cursor.fetchall())
        return int(rows[0][0])

    async def report(self, message: Message) -> None:
        text = message.text or ""
        tag = next((t for t in TAGS if text.startswith(t)), None)
        user = message.from_user
        if tag is None or user is None:
            return
        body = text[len(tag):].strip()
        # One connection, one writer: each ticket is its own transaction.
        async with self.lock:
            person_id = await self._one(
                "INSERT INTO person (tg_id, first_name, username, language_code) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (tg_id) DO UPDATE SET "
                "first_name = excluded.first_name, username = excluded.username, "
                "language_code = excluded.language_code RETURNING id",
                (user.id, user.first_name, user.username, user.language_code))
            ticket_id = await self._one(
                "INSERT INTO ticket (chat_id, message_id, reporter_id, category, text) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (message.chat.id, message.message_id, person_id, TAGS[tag], body))
            await self.db.commit()
        await message.reply(f"已登记工单 #{ticket_id}，会有专人跟进。")
        await message.bot.send_message(  # type: ignore[union-attr]
            self.staff_chat, f"新工单 #{ticket_id} 报修\n{body}\n报告人：{user.full_name}")


async def floor_rate(jobs: list[tuple[User, str]], group: Chat, staff: Chat,
                     emu: BotApiEmulator, warmup: int, window: int) -> float:
    """Seconds for `jobs[warmup:]`, each done when its reply and its card have arrived."""
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as tmp:
        async with aiosqlite.connect(Path(tmp) / "floor.db") as conn:
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA synchronous=NORMAL")
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.executescript(SCHEMA)
            bot = Bot(TOKEN, session=AiohttpSession(
                api=TelegramAPIServer.from_base(emu.base_url)))
            dp = Dispatcher()
            dp.message.register(MinimalTicketBot(conn, staff.id).report,
                                F.chat.type.in_({"group", "supergroup"}))
            task = asyncio.create_task(dp.start_polling(bot, handle_signals=False,
                                                        polling_timeout=25))
            try:
                await wait_polling(emu, task)

                def done() -> int:
                    return min(sent_count(emu, group), sent_count(emu, staff))

                await pump(emu, jobs[:warmup], group, done, window)
                return await pump(emu, jobs[warmup:], group, done, window)
            finally:
                await stop_polling(dp, task)
                await bot.session.close()
