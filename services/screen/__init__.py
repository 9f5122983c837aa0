"""The lobby screen (电子大屏): its per-compound address and the figures it shows."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Compound
from models.screen import ScreenToken
from services.clock import Clock

TOKEN_BYTES = 24
# token_urlsafe(24) gives 32 characters; anything else in the path is not ours.
TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


async def token_for(session: AsyncSession, clock: Clock, compound_id: int) -> str:
    """The compound's current token, made on first use."""
    row = await session.get(ScreenToken, compound_id)
    if row is None:
        row = ScreenToken(compound_id=compound_id, token=secrets.token_urlsafe(TOKEN_BYTES),
                          created_at=clock.now())
        session.add(row)
        await session.flush()
    return row.token


async def rotate(session: AsyncSession, clock: Clock, compound_id: int) -> str:
    """A new token; the old address answers 404 from now on."""
    row = await session.get(ScreenToken, compound_id)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    if row is None:
        session.add(ScreenToken(compound_id=compound_id, token=token, created_at=clock.now()))
    else:
        row.token, row.created_at = token, clock.now()
    await session.flush()
    return token


async def compound_for(session: AsyncSession, token: str) -> Compound | None:
    if not token or len(token) > 64 or not set(token) <= TOKEN_CHARS:
        return None
    row = await session.execute(
        select(Compound).join(ScreenToken, ScreenToken.compound_id == Compound.id)
        .where(ScreenToken.token == token))
    return row.scalar_one_or_none()
