"""The append-only audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from models.roles import AuditEntry
from services.clock import Clock


def record(
    session: AsyncSession,
    clock: Clock,
    action: str,
    *,
    actor_id: int | None,
    compound_id: int | None = None,
    subject_id: int | None = None,
    **detail: Any,
) -> AuditEntry:
    """Add an audit row to the caller's unit of work (the caller commits)."""
    entry = AuditEntry(
        compound_id=compound_id, actor_id=actor_id, subject_id=subject_id,
        action=action, detail=detail, at=clock.now(),
    )
    session.add(entry)
    return entry
