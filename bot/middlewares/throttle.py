"""Per-person anti-flood: a sliding window per user; the first dropped update gets a reply.

With Redis the windows live there, so a person is limited once across all instances rather
than once per instance behind the balancer.

A sliding window counter (two counters per person, the last period's weighted by how much
of it is still in view) rather than a moving window of timestamps: limits' in-memory moving
window expires its timestamps with one worker-thread round trip per person who wrote
recently, after every update, which cost a busy group more than everything the bot did.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, Update, User
from aiogram_i18n import I18nContext
from limits import RateLimitItemPerSecond
from limits.aio.storage import Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from limits.storage import storage_from_string

from bot.metrics import Metrics


class ThrottleMiddleware(BaseMiddleware):
    def __init__(self, metrics: Metrics, burst: int, period: float,
                 redis_url: str | None = None) -> None:
        self.metrics = metrics
        seconds = max(1, round(period))
        self.updates = RateLimitItemPerSecond(burst, seconds, namespace="steward-flood")
        self.warning = RateLimitItemPerSecond(1, seconds, namespace="steward-flood-warned")
        self.storage: Storage = (
            storage_from_string("async+" + redis_url, implementation="redispy")
            if redis_url else storage_from_string("async+memory://")
        )
        self.limiter = SlidingWindowCounterRateLimiter(self.storage)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or user.is_bot:
            return await handler(event, data)
        who = str(user.id)
        if await self.limiter.hit(self.updates, who):
            return await handler(event, data)
        self.metrics.throttled.inc()
        if await self.limiter.hit(self.warning, who):
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
