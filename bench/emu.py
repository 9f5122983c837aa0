"""Running bots against the Bot API emulator of tests/emulator: start, feed, wait, stop."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from tests import db as testdb
from tests.emulator import BotApiEmulator
from tests.emulator.state import Chat, User

# A bound on waiting for events, not a deadline: a shared 2-core machine can be slow.
WAIT = 300.0


def sent_count(emu: BotApiEmulator, chat: Chat | User) -> int:
    """Messages the bot sent to a chat; O(1), as it is checked after every API call."""
    return len(emu.state.sent.get(chat.id, ()))


async def fresh_sqlite(path: Path) -> str:
    """A migrated, empty SQLite database (the schema the bot creates at its first start)."""
    await testdb.make_sqlite_template(path)
    return f"sqlite+aiosqlite:///{path}"


async def wait_polling(emu: BotApiEmulator, task: asyncio.Task[Any]) -> None:
    await emu.wait_for(
        lambda: task.done() or any(name == "getUpdates" for name, _ in emu.calls), WAIT
    )
    if task.done():
        task.result()  # a start-up failure, surfaced


Waiter = Callable[[Callable[[], bool], str], Awaitable[None]]


def emu_waiter(emu: BotApiEmulator) -> Waiter:
    """Re-check after every API call: for work that ends in a message sent."""
    async def wait(predicate: Callable[[], bool], what: str) -> None:
        await emu.wait_for(predicate, WAIT, what)
    return wait


async def pump(
    emu: BotApiEmulator, jobs: Sequence[tuple[User, str]], chat: Chat,
    done: Callable[[], int], window: int, wait: Waiter | None = None,
) -> float:
    """Send the messages with at most `window` unanswered at once; seconds until all done.

    A bounded window keeps the load at what the bot can take (an unbounded burst only
    measures how long the connection pool lets requests queue) and is the same for every
    bot measured, so rates compare.
    """
    wait = wait or emu_waiter(emu)
    base = done()
    start = time.perf_counter()
    for i, (user, text) in enumerate(jobs):
        if i - (done() - base) >= window:
            await wait(lambda i=i: i - (done() - base) < window,
                       f"{window} answers in flight after {i} messages")
        emu.send(user, text, chat=chat)
    await wait(lambda: done() - base >= len(jobs), f"{len(jobs)} answers")
    return time.perf_counter() - start


async def stop_polling(dp: Any, task: asyncio.Task[Any]) -> None:
    if not task.done():
        with contextlib.suppress(RuntimeError):
            await dp.stop_polling()
        await asyncio.wait_for(task, timeout=30)
