"""Refusals a person can cause; each code has a Fluent key `ro-err-<code>`."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")


class RosterError(Exception):
    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args

    @property
    def key(self) -> str:
        return f"ro-err-{self.code}"


async def unit_of_work(session: AsyncSession, work: Awaitable[T]) -> T:
    """Commit what a step wrote, or roll all of it back when it refuses."""
    try:
        result = await work
    except Exception:
        await session.rollback()
        raise
    await session.commit()
    return result
