"""Count and time every update; remember which ones finished so tests can wait on them."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError

from bot.metrics import Metrics


class UpdateTracker:
    """Which updates have been fully handled; a bounded memory of recent ids."""

    def __init__(self, keep: int = 10_000) -> None:
        self.handled: deque[int] = deque(maxlen=keep)
        self._handled_set: set[int] = set()
        self.in_flight = 0
        self.total = 0
        self._changed = asyncio.Condition()

    async def started(self) -> None:
        self.in_flight += 1

    async def finished(self, update_id: int) -> None:
        if len(self.handled) == self.handled.maxlen:
            self._handled_set.discard(self.handled[0])
        self.handled.append(update_id)
        self._handled_set.add(update_id)
        self.in_flight -= 1
        self.total += 1
        async with self._changed:
            self._changed.notify_all()

    def is_handled(self, update_id: int) -> bool:
        return update_id in self._handled_set

    async def wait(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(predicate)


class ObserveMiddleware(BaseMiddleware):
    """Metrics per update. Completion tracking happens in TrackingDispatcher, outside the
    errors middleware, so "handled" includes the apology an error handler sends."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, Update)
        try:
            kind = event.event_type
        except UpdateTypeLookupError:
            # A kind newer than this aiogram (a webhook gets every default kind Telegram
            # adds): aiogram skips it, so it is counted, not turned into an error.
            kind = "unknown"
        started = time.perf_counter()
        outcome = "error"
        try:
            result = await handler(event, data)
            outcome = "unhandled" if result is UNHANDLED else "ok"
            return result
        finally:
            self.metrics.latency.observe(time.perf_counter() - started)
            self.metrics.updates.labels(kind, outcome).inc()


class TrackingDispatcher(Dispatcher):
    """A Dispatcher that reports when each update is completely done."""

    def __init__(self, *, tracker: UpdateTracker, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tracker = tracker

    async def feed_update(self, bot: Bot, update: Update, **kwargs: Any) -> Any:
        await self.tracker.started()
        try:
            return await super().feed_update(bot, without_nul(update, bot), **kwargs)
        finally:
            await self.tracker.finished(update.update_id)


def without_nul(update: Update, bot: Bot) -> Update:
    """The update with NUL characters taken out of every string: PostgreSQL stores none in
    text or JSON columns, so a name or a message carrying one would fail whatever handles
    it, and to a reader a NUL means nothing."""
    if "\\u0000" not in update.model_dump_json():
        return update
    return Update.model_validate(_strip_nul(update.model_dump()), context={"bot": bot})


def _strip_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {k: _strip_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_nul(v) for v in value]
    return value
