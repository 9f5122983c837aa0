"""Refusals a person can cause; each code has a Fluent key `act-err-<code>`."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")


class ActivityError(Exception):
    def __init__(self, code: str, /, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args

    @property
    def key(self) -> str:
        return f"act-err-{self.code}"


async def unit_of_work(session: AsyncSession, work: Awaitable[T]) -> T:
    """Run a service step; commit what it wrote, or roll all of it back on a refusal."""
    try:
        result = await work
    except ActivityError:
        await session.rollback()
        raise
    await session.commit()
    return result
