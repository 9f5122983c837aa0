"""The scheduler holds no business data: each tick asks every sweep what is due now.

What is due (reminders, SLA deadlines, poll closings) lives in rows with due times, so a
restart loses nothing: the first tick after start finds whatever came due while we were down.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.clock import Clock

log = logging.getLogger(__name__)

# A sweep gets its own session and the current instant; it commits its own work and
# returns how many things it acted on. It must be safe to run twice for the same instant.
Sweep = Callable[[AsyncSession, datetime], Awaitable[int]]

# How long stopping waits for a tick already running; the same grace the outbox sender gets.
STOP_GRACE_SECONDS = 15.0


class SweepRegistry:
    def __init__(self) -> None:
        self._sweeps: dict[str, Sweep] = {}

    def add(self, name: str, sweep: Sweep) -> None:
        if name in self._sweeps:
            raise ValueError(f"sweep {name!r} registered twice")
        self._sweeps[name] = sweep

    @property
    def names(self) -> list[str]:
        return list(self._sweeps)

    async def run_all(
        self, sessions: async_sessionmaker[AsyncSession], clock: Clock
    ) -> dict[str, int]:
        """Run every sweep once; one failing sweep neither stops the others nor the loop."""
        now = clock.now()
        done: dict[str, int] = {}
        for name, sweep in self._sweeps.items():
            async with sessions() as session:
                try:
                    done[name] = await sweep(session, now)
                except Exception:
                    await session.rollback()
                    log.exception("sweep %s failed", name)
                    done[name] = -1
        return done


class TickScheduler:
    JOB_ID = "sweeps"

    def __init__(
        self,
        registry: SweepRegistry,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        timezone: ZoneInfo,
        every_seconds: int,
        after_tick: Callable[[], None] | None = None,
        before_tick: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.registry = registry
        # Cached rules another instance changed are dropped before the sweeps read them.
        self.before_tick = before_tick
        self.sessions = sessions
        self.clock = clock
        self.every_seconds = every_seconds
        self.after_tick = after_tick
        self.scheduler = AsyncIOScheduler(timezone=timezone)
        self._running: asyncio.Task[object] | None = None
        # Set after each tick, cleared while one runs: a caller that must not overlap a
        # sweep (a statement count) waits on it.
        self.idle = asyncio.Event()

    async def tick(self) -> dict[str, int]:
        self._running = asyncio.current_task()
        self.idle.clear()
        try:
            if self.before_tick is not None:
                await self.before_tick()
            done = await self.registry.run_all(self.sessions, self.clock)
        finally:
            self._running = None
            self.idle.set()
        if self.after_tick is not None:
            self.after_tick()  # wake the outbox sender: sweeps usually queue notices
        return done

    def start(self) -> None:
        self.scheduler.add_job(
            self.tick,
            "interval",
            seconds=self.every_seconds,
            id=self.JOB_ID,
            replace_existing=True,
            # Run once right away so whatever came due during downtime goes out now.
            next_run_time=datetime.now(self.scheduler.timezone),
            # Ticks are idempotent reads of due rows, so runs missed while the loop was busy
            # collapse into one (coalesce) and a late run is always worth doing (grace = None).
            coalesce=True,
            misfire_grace_time=None,
            max_instances=1,
        )
        self.scheduler.start()

    async def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """No new ticks; a tick already running finishes before the scheduler shuts down.

        APScheduler's shutdown cancels a running coroutine job, which would cut a sweep
        between its statements and log the cancellation as the job's failure.
        """
        if not self.scheduler.running:
            return
        self.scheduler.pause()
        running = self._running
        if running is not None and not running.done():
            _, pending = await asyncio.wait({running}, timeout=grace)
            if pending:
                log.warning("a scheduler tick still running after %.0f s is cancelled", grace)
        self.scheduler.shutdown(wait=False)
