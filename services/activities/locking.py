"""Row locks that hold on both databases.

PostgreSQL locks the row (SELECT ... FOR UPDATE). SQLite has a single writer: a no-op
UPDATE takes the write lock, so everything read afterwards in the transaction is current
and no other writer can interleave until commit.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import Activity


async def lock_activity(session: AsyncSession, activity_id: int) -> Activity | None:
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(
            update(Activity).where(Activity.id == activity_id).values(taken=Activity.taken)
        )
    stmt = (
        select(Activity).where(Activity.id == activity_id)
        .with_for_update().execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalar_one_or_none()
