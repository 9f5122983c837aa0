"""Per-person anti-flood: a leaky bucket per user; the first dropped update gets a reply."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, Update, User
from aiogram_i18n import I18nContext
from aiolimiter import AsyncLimiter
from cachetools import TTLCache

from bot.metrics import Metrics


class ThrottleMiddleware(BaseMiddleware):
    def __init__(self, metrics: Metrics, burst: int, period: float) -> None:
        self.metrics = metrics
        self.burst = burst
        self.period = period
        # Buckets of people who went quiet are forgotten; the cache bounds memory.
        self.buckets: TTLCache[int, AsyncLimiter] = TTLCache(maxsize=100_000, ttl=period * 4)
        self.warned: TTLCache[int, bool] = TTLCache(maxsize=100_000, ttl=period)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or user.is_bot:
            return await handler(event, data)
        bucket = self.buckets.get(user.id)
        if bucket is None:
            bucket = self.buckets[user.id] = AsyncLimiter(self.burst, self.period)
        if bucket.has_capacity():
            await bucket.acquire()
            return await handler(event, data)
        self.metrics.throttled.inc()
        if not self.warned.get(user.id):
            self.warned[user.id] = True
            await self._warn(event, data.get("i18n"))
        return None

    @staticmethod
    async def _warn(event: TelegramObject, i18n: I18nContext | None) -> None:
        if i18n is None or not isinstance(event, Update):
            return
        text = i18n.get("slow-down")
        inner = event.event
        if isinstance(inner, CallbackQuery):
            await inner.answer(text, show_alert=False)
        elif isinstance(inner, Message) and inner.chat.type == "private":
            await inner.answer(text)
