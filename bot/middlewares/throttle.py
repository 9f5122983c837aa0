"""Per-person anti-flood: a sliding window per user; a dropped request gets one reply a minute.

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
from aiogram.types import Message, TelegramObject, Update, User
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

    def __init__(self, url: str, seconds: int, share: RedisWindows | None = None) -> None:
        from limits import RateLimitItemPerSecond
        from limits.aio.strategies import SlidingWindowCounterRateLimiter
        from limits.storage import storage_from_string

        self._item = RateLimitItemPerSecond
        self.seconds = seconds
        # Windows of another length may share one connection pool.
        self.limiter = share.limiter if share else SlidingWindowCounterRateLimiter(
            storage_from_string("async+" + url, implementation="redispy"))

    async def hit(self, name: str, limit: int, who: str) -> bool:
        item = self._item(limit, self.seconds, namespace=name)
        return bool(await self.limiter.hit(item, who))


class ThrottleMiddleware(BaseMiddleware):
    """Counts what a person sends: messages and commands. Presses on buttons and the bot's
    own membership changes are not a person typing fast, so they never count.

    A refused message is answered once per person per minute: privately, or in a group as
    a reply in the thread when it was a command or a report (a hashtag) — the person asked
    the bot for something and must not think it is ignored. Group chatter stays quiet.
    """

    WARN_SECONDS = 60

    def __init__(self, metrics: Metrics, burst: int, period: float,
                 redis_url: str | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.metrics = metrics
        self.burst = burst
        seconds = max(1, round(period))
        self.windows: Windows
        self.warnings: Windows
        if redis_url:
            self.windows = RedisWindows(redis_url, seconds)
            self.warnings = RedisWindows(redis_url, self.WARN_SECONDS, share=self.windows)
        else:
            self.windows = LocalWindows(seconds, clock)
            self.warnings = LocalWindows(self.WARN_SECONDS, clock)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or user.is_bot or not _counts(event):
            return await handler(event, data)
        who = str(user.id)
        if await self.windows.hit("steward-flood", self.burst, who):
            return await handler(event, data)
        self.metrics.throttled.inc()
        message = _asking(event)
        if message is not None and await self.warnings.hit("steward-flood-warned", 1, who):
            await _warn(message, user, data.get("i18n"))
        return None


def _counts(event: TelegramObject) -> bool:
    """Only what a person writes counts against their burst."""
    if not isinstance(event, Update):
        return True
    return event.callback_query is None and event.my_chat_member is None \
        and event.chat_member is None


def _asking(event: TelegramObject) -> Message | None:
    """The message to answer when refused: any private one; in a group only a command or
    a report, never someone's chatter."""
    inner = event.event if isinstance(event, Update) else event
    if not isinstance(inner, Message):
        return None
    if inner.chat.type == "private":
        return inner
    text = (inner.text or inner.caption or "").lstrip()
    return inner if text.startswith(("/", "#")) else None


async def _warn(message: Message, user: User, i18n: I18nContext | None) -> None:
    if i18n is None:
        return
    if message.chat.type == "private":
        await message.answer(i18n.get("slow-down"))
    else:  # in the thread it was asked in, naming whom it is for
        await message.reply(i18n.get("slow-down-group", name=user.first_name))
