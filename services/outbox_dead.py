"""Notices given up on: listed with their reasons, and put back once when asked.

Telegram's final answers (blocked, never started, chat not found) leave a notice
`unreachable`; `dead` is what ran out of attempts or was refused as malformed. An operator
who fixed the cause requeues the dead ones; each is requeued once, so running the command
twice, or again after it died a second time, sends nothing twice and hides no new failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.outbox import Outbox, OutboxStatus
from services.clock import Clock

GIVEN_UP = (OutboxStatus.DEAD.value, OutboxStatus.UNREACHABLE.value)


@dataclass(frozen=True)
class DeadNotice:
    id: int
    status: str
    created_at: datetime
    chat_id: int
    text_key: str
    attempts: int
    reason: str
    requeued_at: datetime | None


async def given_up(session: AsyncSession, since: datetime | None = None,
                   limit: int = 500) -> list[DeadNotice]:
    stmt = select(Outbox.id, Outbox.status, Outbox.created_at, Outbox.chat_id, Outbox.text_key,
                  Outbox.attempts, Outbox.last_error, Outbox.requeued_at
                  ).where(Outbox.status.in_(GIVEN_UP))
    if since is not None:
        stmt = stmt.where(Outbox.created_at >= since)
    rows = await session.execute(stmt.order_by(Outbox.id).limit(limit))
    return [DeadNotice(i, st, at, chat, key, n, err or "", again)
            for i, st, at, chat, key, n, err, again in rows]


async def requeue(session: AsyncSession, clock: Clock, since: datetime | None = None
                  ) -> tuple[int, int]:
    """Put dead notices not requeued before back in the queue. Returns (requeued, skipped:
    dead again after an earlier requeue). Commits."""
    now = clock.now()
    dead = Outbox.status == OutboxStatus.DEAD.value
    window = [] if since is None else [Outbox.created_at >= since]
    result = await session.execute(
        update(Outbox).where(dead, Outbox.requeued_at.is_(None), *window)
        .values(status=OutboxStatus.PENDING.value, attempts=0, next_attempt_at=now,
                claimed_until=None, requeued_at=now)
    )
    again = await session.scalar(
        select(func.count()).select_from(Outbox)
        .where(dead, Outbox.requeued_at.is_not(None), *window)
    )
    await session.commit()
    return int(result.rowcount or 0), int(again or 0)
