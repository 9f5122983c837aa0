from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from models.roles import Role
from services.clock import FrozenClock
from tests.rosters import factories as f

TZ = "Asia/Shanghai"


@pytest.fixture
async def cast(session: AsyncSession, clock: FrozenClock) -> f.Cast:
    """A compound, its organizer and four parents, on Friday 26 Sep 2025, 10:00 in Shanghai."""
    clock.set(f.local(TZ, 2025, 9, 26, 10, 0))
    compound = await f.compound(session, clock, tz=TZ)
    organizer = await f.person(session, clock, "Organizer", tg_id=5001)
    await f.grant(session, clock, compound.id, organizer.id, Role.ORGANIZER)
    parents = [await f.person(session, clock, name, tg_id=5002 + i)
               for i, name in enumerate(["Ann", "Bo", "Cai", "Dee"])]
    await session.commit()
    return f.Cast(compound, organizer, parents)
