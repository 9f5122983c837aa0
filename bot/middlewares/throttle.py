"""Per-person anti-flood: a sliding window per user; the first dropped update gets a reply.

With Redis the windows live there, so a person is limited once across all instances rather
than once per instance behind the balancer.

A sliding window counter (two counters per person, the last period's weighted by how much
of it is still in view) rather than a moving window of timestamps: limits' in-memory moving
window expires its timestamps with one worker-thread round trip per person who wrote
recently, after every update, which cost a busy group more than everything the bot did.
Without Redis the counters are a dict of this process (`LocalWindows`): the `limits`
package imports every storage it supports, the Redis client among them, which cost an
embedded bot 8 MB of memory for nothing.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, Update, User
from aiogram_i18n import I18nContext

from bot.metrics import Metrics


class Windows(Protocol):
    async def hit(self, name: str, limit: int, who: str) -> bool: ...


class LocalWindows:
    """Sliding window counters in this process: the last period's count, weighted by how
    much of it is still in view, plus this period's."""

    def __init__(self, seconds: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self._counts: dict[tuple[str, str], tuple[int, int, int]] = {}

    async def hit(self, name: str, limit: int, who: str) -> bool:
        now = self.clock()
        window, into = divmod(now, self.seconds)
        key = (name, who)
        start, previous, current = self._counts.get(key, (int(window), 0, 0))
        if window != start:
            previous, current = (current if window == start + 1 else 0), 0
        weighted = previous * (1 - into / self.seconds) + current
        if weighted + 1 > limit:
            self._counts[key] = (int(window), previous, current)
            return False
        if len(self._counts) > 100_000:
            self._forget(int(window))
        self._counts[key] = (int(window), previous, current + 1)
        return True

    def _forget(self, window: int) -> None:
        for key in [k for k, v in self._counts.items() if v[0] < window - 1]:
            del self._counts[key]


class RedisWindows:
    """The same counters in Redis, so a person is limited once across all instances."""

    def __init__(self, url: str, seconds: int) -> None:
        from limits import RateLimitItemPerSecond
        from limits.aio.strategies import SlidingWindowCounterRateLimiter
        from limits.storage import storage_from_string

        self._item = RateLimitItemPerSecond
        self.seconds = seconds
        self.limiter = SlidingWindowCounterRateLimiter(
            storage_from_string("async+" + url, implementation="redispy"))

    async def hit(self, name: str, limit: int, who: str) -> bool:
        item = self._item(limit, self.seconds, namespace=name)
        return bool(await self.limiter.hit(item, who))


class ThrottleMiddleware(BaseMiddleware):
    def __init__(self, metrics: Metrics, burst: int, period: float,
                 redis_url: str | None = None) -> None:
        self.metrics = metrics
        self.burst = burst
        seconds = max(1, round(period))
        self.windows: Windows = (RedisWindows(redis_url, seconds) if redis_url
                                 else LocalWindows(seconds))

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
        if await self.windows.hit("steward-flood", self.burst, who):
            return await handler(event, data)
        self.metrics.throttled.inc()
        if await self.windows.hit("steward-flood-warned", 1, who):
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
