"""A compound's own settings of its accounts: the ceiling above which an amount is refused."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import AccountSettings
from services import audit
from services.accounts import ledger
from services.clock import Clock
from services.policy import Actor

# Even a compound's own ceiling stays below this: ten billion yuan is no compound's money.
MAX_CEILING = 10_000_000_000 * 100


async def set_ceiling(session: AsyncSession, clock: Clock, actor: Actor, compound_id: int,
                      fen: int) -> tuple[int, int]:
    """Set the ceiling (audited with the old value); returns (before, after)."""
    before = await ledger.ceiling(session, compound_id)
    row = await session.get(AccountSettings, compound_id)
    if row is None:
        session.add(AccountSettings(compound_id=compound_id, ceiling=fen, period="month"))
    else:
        row.ceiling = fen
    audit.record(session, clock, "acct.ceiling", actor_id=actor.person.id,
                 compound_id=compound_id, before=before, after=fen)
    await session.commit()
    return before, fen
