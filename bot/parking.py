"""Updates that arrived while the database was away, kept and handled once it is back.

Telegram counts an update as delivered once the webhook answered 200 (or polling moved
past it), so an update that failed only because the database was unreachable would be
lost. It is parked here instead, the person is told it will be dealt with, and a loop
replays it in arrival order as soon as the database answers again.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Update
from sqlalchemy import exc as sa_exc

if TYPE_CHECKING:
    from aiogram import Bot

log = logging.getLogger(__name__)
REPLAYING: contextvars.ContextVar[bool] = contextvars.ContextVar("replaying", default=False)
PING_SECONDS = 1.0
MAX_REPLAYS = 3  # a parked update that fails this often with the database up is a bug


def is_db_unavailable(exc: BaseException | None) -> bool:
    """True when the failure is the database being out of reach, not a fault in the code."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
            return True
        if isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError,
                            sa_exc.TimeoutError, ConnectionError, TimeoutError)):
            return True
        if type(exc).__module__.startswith("asyncpg") and "Connection" in type(exc).__name__:
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


class LateCallbackAnswers(BaseRequestMiddleware):
    """A replayed button press is minutes old: Telegram refuses to answer it; that is fine."""

    async def __call__(
        self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Any:
        if REPLAYING.get() and isinstance(method, AnswerCallbackQuery):
            try:
                return await make_request(bot, method)
            except TelegramBadRequest:
                return True
        return await make_request(bot, method)


class ParkedUpdates:
    def __init__(self, metrics_gauge: Any, limit: int = 10_000) -> None:
        self.limit = limit
        self._gauge = metrics_gauge
        self._queue: deque[Update] = deque()
        self._ids: set[int] = set()
        self._replays: dict[int, int] = {}
        self._told: set[int] = set()  # chats already told during this outage
        self._arrived = asyncio.Event()

    def __len__(self) -> int:
        return len(self._queue)

    def park(self, update: Update) -> bool:
        """Keep the update for later; False when it cannot be kept (full, or failed too often)."""
        tries = self._replays.get(update.update_id, 0)
        if len(self._queue) >= self.limit or tries >= MAX_REPLAYS:
            log.error("update %s dropped: database unavailable and nothing more can be kept",
                      update.update_id)
            self._replays.pop(update.update_id, None)
            return False
        self._queue.append(update)
        self._ids.add(update.update_id)
        self._gauge.set(len(self._queue))
        self._arrived.set()
        return True

    def first_word_to(self, chat_id: int | None) -> bool:
        """Whether this chat has not yet been told about the outage (then it is, now)."""
        if chat_id is None or chat_id in self._told:
            return False
        self._told.add(chat_id)
        return True

    async def run(self, ping: Callable[[], Awaitable[None]],
                  feed: Callable[[Update], Awaitable[Any]], stop: asyncio.Event) -> None:
        while not stop.is_set():
            if not self._queue:
                self._arrived.clear()
                await _either(stop, self._arrived)
                continue
            try:
                await ping()
            except Exception:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(PING_SECONDS):
                        await stop.wait()
                continue
            await self._replay_all(feed)

    async def _replay_all(self, feed: Callable[[Update], Awaitable[Any]]) -> None:
        batch = list(self._queue)
        self._queue.clear()
        self._ids.clear()
        self._told.clear()
        log.info("database is back: handling %d kept updates", len(batch))
        token = REPLAYING.set(True)
        try:
            for update in batch:
                uid = update.update_id
                self._replays[uid] = self._replays.get(uid, 0) + 1
                try:
                    await feed(update)
                except Exception:
                    log.exception("replaying update %s failed", uid)
                if uid not in self._ids:  # handled this time, or given up on
                    self._replays.pop(uid, None)
        finally:
            REPLAYING.reset(token)
            self._gauge.set(len(self._queue))


async def _either(a: asyncio.Event, b: asyncio.Event) -> None:
    tasks = [asyncio.ensure_future(a.wait()), asyncio.ensure_future(b.wait())]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for t in tasks:
            t.cancel()
