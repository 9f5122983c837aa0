"""Sweeps run from the scheduler: idempotent, isolated from each other, started at once."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from scheduler import SweepRegistry, TickScheduler
from services.clock import FrozenClock


async def test_a_failing_sweep_does_not_stop_the_others(
    engine: AsyncEngine, clock: FrozenClock
) -> None:
    seen: list[datetime] = []

    async def broken(session: AsyncSession, now: datetime) -> int:
        raise RuntimeError("bad sweep")

    async def counting(session: AsyncSession, now: datetime) -> int:
        seen.append(now)
        return 1

    registry = SweepRegistry()
    registry.add("broken", broken)
    registry.add("counting", counting)
    done = await registry.run_all(db.session_factory(engine), clock)
    assert done == {"broken": -1, "counting": 1}
    assert seen == [clock.now()]


async def test_scheduler_runs_a_tick_at_start_and_wakes_the_sender(
    engine: AsyncEngine, clock: FrozenClock
) -> None:
    ran = asyncio.Event()
    woken = asyncio.Event()

    async def sweep(session: AsyncSession, now: datetime) -> int:
        ran.set()
        return 0

    registry = SweepRegistry()
    registry.add("s", sweep)
    ticker = TickScheduler(registry, db.session_factory(engine), clock,
                           ZoneInfo("Europe/Berlin"), every_seconds=3600, after_tick=woken.set)
    ticker.start()
    try:
        await asyncio.wait_for(ran.wait(), 5)
        await asyncio.wait_for(woken.wait(), 5)
        job = ticker.scheduler.get_job(TickScheduler.JOB_ID)
        assert job.coalesce is True and job.misfire_grace_time is None
        assert str(ticker.scheduler.timezone) == "Europe/Berlin"
    finally:
        await ticker.stop()


async def test_stopping_lets_the_running_tick_finish_and_logs_no_error(
    engine: AsyncEngine, clock: FrozenClock, caplog: pytest.LogCaptureFixture
) -> None:
    started, release = asyncio.Event(), asyncio.Event()
    finished: list[bool] = []

    async def slow(session: AsyncSession, now: datetime) -> int:
        started.set()
        await release.wait()
        finished.append(True)
        return 1

    registry = SweepRegistry()
    registry.add("slow", slow)
    ticker = TickScheduler(registry, db.session_factory(engine), clock,
                           ZoneInfo("Asia/Shanghai"), every_seconds=3600)
    ticker.start()
    await asyncio.wait_for(started.wait(), 5)
    stopping = asyncio.create_task(ticker.stop())
    await asyncio.sleep(0)  # stop() is now waiting for the tick
    assert not stopping.done()
    release.set()
    await asyncio.wait_for(stopping, 5)
    assert finished == [True] and not ticker.scheduler.running
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_a_tick_that_outlives_the_grace_is_cancelled_with_a_warning(
    engine: AsyncEngine, clock: FrozenClock, caplog: pytest.LogCaptureFixture
) -> None:
    started = asyncio.Event()

    async def stuck(session: AsyncSession, now: datetime) -> int:
        started.set()
        await asyncio.Event().wait()
        return 0

    registry = SweepRegistry()
    registry.add("stuck", stuck)
    ticker = TickScheduler(registry, db.session_factory(engine), clock,
                           ZoneInfo("Asia/Shanghai"), every_seconds=3600)
    ticker.start()
    await asyncio.wait_for(started.wait(), 5)
    await asyncio.wait_for(ticker.stop(grace=0.05), 5)
    assert not ticker.scheduler.running
    assert any("still running" in r.getMessage() for r in caplog.records
               if r.levelno == logging.WARNING)


def test_registering_a_sweep_twice_is_an_error() -> None:
    registry = SweepRegistry()

    async def s(session: AsyncSession, now: datetime) -> int:
        return 0

    registry.add("x", s)
    try:
        registry.add("x", s)
    except ValueError:
        return
    raise AssertionError("duplicate sweep accepted")
