"""Sweeps run from the scheduler: idempotent, isolated from each other, started at once."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

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
        ticker.stop()


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
