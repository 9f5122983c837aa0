"""The in-process anti-flood counters: a sliding window, as the Redis ones are."""

from __future__ import annotations

from bot.middlewares.throttle import LocalWindows


async def test_a_burst_is_let_through_then_refused_until_the_window_slides() -> None:
    now = [1000.0]
    windows = LocalWindows(4, clock=lambda: now[0])
    assert [await windows.hit("flood", 3, "u1") for _ in range(4)] == [True, True, True, False]
    assert await windows.hit("flood", 3, "u2")  # someone else has their own window
    now[0] += 4  # next window: the last one still weighs in fully at its start
    assert not await windows.hit("flood", 3, "u1")
    now[0] += 2  # half of it has slid out of view: 3 × 0.5 = 1.5 counted
    assert await windows.hit("flood", 3, "u1")
    now[0] += 8  # long quiet: nothing counts any more
    assert [await windows.hit("flood", 3, "u1") for _ in range(3)] == [True, True, True]


async def test_names_count_apart() -> None:
    windows = LocalWindows(60, clock=lambda: 5.0)
    assert await windows.hit("flood", 1, "u1")
    assert await windows.hit("warned", 1, "u1")
    assert not await windows.hit("warned", 1, "u1")
