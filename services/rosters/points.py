"""Attendance earns points through the ledger, behind a narrow seam.

The roster only needs "credit this person for this shift, once"; `Ledger` is that seam and
services.ledger fulfils it. The key `shift:{id}:{person}` makes a retry or a double press
credit once.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from services import ledger as points_ledger
from services.clock import Clock


class Ledger(Protocol):
    async def award(
        self, session: AsyncSession, clock: Clock, *, compound_id: int, person_id: int,
        amount: int, key: str, reason: str,
    ) -> Any: ...


class _RealLedger:
    async def award(
        self, session: AsyncSession, clock: Clock, *, compound_id: int, person_id: int,
        amount: int, key: str, reason: str,
    ) -> Any:
        return await points_ledger.award(session, clock, compound_id=compound_id,
                                         person_id=person_id, amount=amount, key=key,
                                         reason=reason)


LEDGER: Ledger = _RealLedger()


def key_for(shift_id: int, person_id: int) -> str:
    return f"shift:{shift_id}:{person_id}"


async def credit_attendance(
    session: AsyncSession, clock: Clock, *, compound_id: int, shift_id: int, person_id: int,
    amount: int, reason: str, ledger: Ledger | None = None,
) -> bool:
    """Post the shift's points in the caller's unit of work; False when it earns none."""
    if amount <= 0:
        return False
    await (ledger or LEDGER).award(session, clock, compound_id=compound_id, person_id=person_id,
                                   amount=amount, key=key_for(shift_id, person_id),
                                   reason=reason)
    return True
