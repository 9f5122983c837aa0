"""Row locks that hold on both databases.

PostgreSQL locks rows with SELECT ... FOR NO KEY UPDATE: it serializes writers of the row
but, unlike FOR UPDATE, lets other transactions insert rows that refer to it (a member, an
audit entry, an assignment), so a foreign key never makes two units of work wait on each
other. SQLite has one writer: a no-op UPDATE takes the write lock, so what is read
afterwards is current until commit. Where several rows are locked the order is person,
roster, shift, swap request.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.rosters import Roster, Shift, SwapRequest

M = TypeVar("M", Roster, Shift, SwapRequest, Person)


async def _lock(session: AsyncSession, model: type[M], row_id: int, column: Any) -> M | None:
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(update(model).where(model.id == row_id).values({column: column}))
    stmt = (
        select(model).where(model.id == row_id)
        .with_for_update(key_share=True).execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def lock_roster(session: AsyncSession, roster_id: int) -> Roster | None:
    return await _lock(session, Roster, roster_id, Roster.updated_at)


async def lock_shift(session: AsyncSession, shift_id: int) -> Shift | None:
    return await _lock(session, Shift, shift_id, Shift.taken)


async def lock_swap(session: AsyncSession, swap_id: int) -> SwapRequest | None:
    return await _lock(session, SwapRequest, swap_id, SwapRequest.status)


async def lock_person(session: AsyncSession, person_id: int) -> Person | None:
    """Serializes one person's own takes, so two presses cannot book overlapping shifts."""
    return await _lock(session, Person, person_id, Person.seen_at)
