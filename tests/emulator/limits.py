"""Fault injection, artificial delays and Telegram-like flood limits."""

from __future__ import annotations

import math
import random
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

from .params import ApiError
from .state import Chat

RATE_LIMITED_METHODS = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "senddocument",
        "sendvideo",
        "sendaudio",
        "sendanimation",
        "sendvoice",
        "sendmediagroup",
        "copymessage",
        "forwardmessage",
    }
)


def retry_error(retry_after: int, description: str | None = None) -> ApiError:
    text = description or f"Too Many Requests: retry after {retry_after}"
    return ApiError(429, text, {"retry_after": retry_after})


def fault_error(status: int, retry_after: int | None, description: str | None) -> ApiError:
    if status == 429:
        return retry_error(retry_after or 1, description)
    if description is None:
        try:
            description = HTTPStatus(status).phrase
        except ValueError:
            description = "Error"
        if status == 400:
            description = "Bad Request: injected failure"
    parameters = {"retry_after": retry_after} if retry_after else None
    return ApiError(status, description, parameters)


@dataclass
class Fault:
    status: int
    remaining: int
    retry_after: int | None = None
    description: str | None = None


@dataclass
class RatioFault:
    ratio: float
    status: int
    rng: random.Random
    description: str | None = None


class FaultInjector:
    """Per-method failures and delays; the method name ``"*"`` matches every method."""

    def __init__(self) -> None:
        self.faults: dict[str, list[Fault]] = {}
        self.ratios: dict[str, RatioFault] = {}
        self.delays: dict[str, float] = {}

    def clear(self) -> None:
        self.faults.clear()
        self.ratios.clear()
        self.delays.clear()

    def delay_for(self, method: str) -> float:
        return self.delays.get(method.lower(), self.delays.get("*", 0.0))

    def check(self, method: str) -> ApiError | None:
        for key in (method.lower(), "*"):
            queue = self.faults.get(key)
            if queue:
                fault = queue[0]
                fault.remaining -= 1
                if fault.remaining <= 0:
                    queue.pop(0)
                return fault_error(fault.status, fault.retry_after, fault.description)
        for key in (method.lower(), "*"):
            ratio = self.ratios.get(key)
            if ratio and ratio.rng.random() < ratio.ratio:
                return fault_error(ratio.status, None, ratio.description)
        return None


class SlidingWindow:
    def __init__(self, limit: int, period: float) -> None:
        self.limit = limit
        self.period = period
        self.hits: deque[float] = deque()

    def retry_after(self, now: float) -> int | None:
        while self.hits and self.hits[0] <= now - self.period:
            self.hits.popleft()
        if len(self.hits) < self.limit:
            return None
        return max(1, math.ceil(self.hits[0] + self.period - now))


class RateLimiter:
    """Global, per-group and per-private-chat sliding windows over a monotonic clock."""

    def __init__(
        self,
        global_per_s: int | None = 30,
        group_per_min: int | None = 20,
        chat_per_s: int | None = 1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.global_per_s = global_per_s
        self.group_per_min = group_per_min
        self.chat_per_s = chat_per_s
        self.clock = clock
        self.global_window = SlidingWindow(global_per_s or 0, 1.0)
        self.chat_windows: dict[int, SlidingWindow] = {}

    def _chat_window(self, chat: Chat) -> SlidingWindow | None:
        if chat.is_group and self.group_per_min:
            limit, period = self.group_per_min, 60.0
        elif not chat.is_group and self.chat_per_s:
            limit, period = self.chat_per_s, 1.0
        else:
            return None
        return self.chat_windows.setdefault(chat.id, SlidingWindow(limit, period))

    def check(self, chat: Chat | None) -> ApiError | None:
        """Record one message, or return the 429 error if a window is full."""
        now = self.clock()
        windows = [self.global_window] if self.global_per_s else []
        if chat is not None and (window := self._chat_window(chat)):
            windows.append(window)
        waits = [w for w in (window.retry_after(now) for window in windows) if w]
        if waits:
            return retry_error(max(waits))
        for window in windows:
            window.hits.append(now)
        return None
