"""End-to-end harness: the production app, polling a Bot API emulator over HTTP.

A test says what a person does (`h.send`, `h.press`) and reads what the bot sent
(`h.emu.sent(chat_id)`). Waiting is event-driven: `settle()` returns once every update
the emulator handed out has been fully handled by the app; `deliver()` drains the outbox;
`tick()` runs the scheduler's sweeps at the frozen clock's time. Nothing sleeps.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from bot.app import App
from bot.config import Settings
from services.clock import FrozenClock
from tests import db as testdb
from tests.emulator import BotApiEmulator

TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz012"
SUPERADMIN_ID = 9001
# Generous: these bound a wait for events, they are not deadlines; a loaded CI machine is slow.
WAIT = 60.0


class Harness:
    def __init__(self, emu: BotApiEmulator, app: App, clock: FrozenClock) -> None:
        self.emu = emu
        self.app = app
        self.clock = clock
        self._task: asyncio.Task[None] | None = None
        self._after = 0  # updates up to this id were handled by an earlier app

    # ---- lifecycle ----------------------------------------------------------------------
    async def start(self) -> None:
        self._after = self.emu.state.updates.consumed_upto
        self._task = asyncio.create_task(self.app.run_polling(handle_signals=False))
        await self.emu.wait_for(
            lambda: any(m == "getUpdates" for m, _ in self.emu.calls) or self._task.done(),
            timeout=WAIT,
        )
        if self._task.done():
            self._task.result()  # surface a start-up failure
        # The leader's first tick runs right after start, on the same database: a test
        # that set things up meanwhile would race it. Start means "first tick done".
        await asyncio.wait_for(self.app.settled.wait(), timeout=WAIT)
        if self.app.leading:
            await asyncio.wait_for(self.app.scheduler.idle.wait(), timeout=WAIT)

    async def stop(self) -> None:
        if self._task is not None and not self._task.done():
            with contextlib.suppress(RuntimeError):
                await self.app.dp.stop_polling()
            await asyncio.wait_for(self._task, timeout=15)
        await self.app.close()

    # ---- acting -------------------------------------------------------------------------
    async def settle(self) -> None:
        """Wait until every update the emulator has queued was fully handled."""
        await self.emu.wait_consumed(timeout=WAIT)
        ids = [u["update_id"] for u in self.emu.state.updates.history
               if u["update_id"] > self._after]
        tracker = self.app.tracker
        await tracker.wait(lambda: all(tracker.is_handled(i) for i in ids), WAIT)

    async def send(self, user: Any, text: str | None = None, **kwargs: Any) -> int:
        message_id = self.emu.send(user, text, **kwargs)
        await self.settle()
        return message_id

    async def press(self, user: Any, message_id: int, label: str, chat: Any = None) -> Any:
        cq = self.emu.press(user, message_id, label, chat=chat)
        await self.settle()
        return self.emu.callback_answer(cq)

    async def deliver(self) -> int:
        return await self.app.sender.drain()

    async def tick(self) -> dict[str, int]:
        done = await self.app.scheduler.tick()
        await self.deliver()
        return done


def make_settings(db_url: str, base_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "bot_token": TOKEN,
        "database_url": db_url,
        "bot_api_base": base_url,
        "redis_url": testdb.REDIS_URL,
        "superadmin_ids": (SUPERADMIN_ID,),
        "migrate_on_start": False,  # the test database is migrated once per session
        "sweep_seconds": 3600,  # tests tick by hand with a frozen clock
        "outbox_sender": False,  # tests deliver by hand, so what arrives when is certain
        "throttle_burst": 1000,
        # Real pacing is measured by bench/; tests must not wait seconds per group message.
        "outbox_rate_per_second": 10_000,
        "outbox_group_per_minute": 600_000,
        "outbox_chat_per_second": 10_000,
    }
    values.update(overrides)
    return Settings(**values)


HarnessFactory = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    emulator = BotApiEmulator(token=TOKEN)
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def make_harness(
    emu: BotApiEmulator, db_url: str, clock: FrozenClock
) -> AsyncIterator[HarnessFactory]:
    started: list[Harness] = []
    if testdb.REDIS_URL:
        from redis.asyncio import Redis

        redis = Redis.from_url(testdb.REDIS_URL)
        await redis.flushdb()
        await redis.aclose()

    async def factory(**overrides: Any) -> Harness:
        app = App(make_settings(db_url, emu.base_url, **overrides), clock)
        h = Harness(emu, app, clock)
        await h.start()
        started.append(h)
        return h

    yield factory
    for h in reversed(started):
        await h.stop()


@pytest.fixture
async def h(make_harness: HarnessFactory) -> Harness:
    return await make_harness()
