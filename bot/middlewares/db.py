"""One session per update. Services commit their unit of work; errors roll back."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


class DbSessionMiddleware(BaseMiddleware):
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], after: Callable[[], None] | None = None,
        before: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.sessions = sessions
        # Called once the unit of work is over: wakes the sender for notices it queued.
        self.after = after
        # Called before it starts: cached rules another instance changed are dropped.
        self.before = before

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if self.before is not None:
            await self.before()
        async with self.sessions() as session:
            data["session"] = session
            try:
                return await handler(event, data)
            except BaseException:
                # With the database gone the rollback fails too; the first error is the one
                # that says what happened.
                with contextlib.suppress(Exception):
                    await session.rollback()
                raise
            finally:
                data.pop("session", None)
                if self.after is not None:
                    self.after()
