"""Where a report is about: the reporter's own home(s) in a compound, or a common area."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Building, Entrance, Household, LinkStatus, Residency


@dataclass(frozen=True)
class Home:
    household_id: int
    building_id: int
    building: str
    entrance: str
    room: str


async def homes(
    session: AsyncSession, person_id: int, compound_id: int, building_id: int | None = None
) -> list[Home]:
    """Verified homes first; a pending claim still tells us the building."""
    stmt = (
        select(Residency.status, Household, Building, Entrance)
        .join(Household, Household.id == Residency.household_id)
        .join(Building, Building.id == Household.building_id)
        .join(Entrance, Entrance.id == Household.entrance_id)
        .where(Residency.person_id == person_id, Household.compound_id == compound_id,
               Residency.status.in_((LinkStatus.VERIFIED, LinkStatus.PENDING)))
        .order_by(Household.sort_key)
    )
    if building_id is not None:
        stmt = stmt.where(Household.building_id == building_id)
    rows = (await session.execute(stmt)).all()
    rows = sorted(rows, key=lambda r: r[0] != LinkStatus.VERIFIED)
    return [Home(h.id, b.id, b.name, e.name, h.room) for _, h, b, e in rows]


async def home(session: AsyncSession, person_id: int, household_id: int) -> Home | None:
    for candidate in await homes_any(session, person_id):
        if candidate.household_id == household_id:
            return candidate
    return None


async def homes_any(session: AsyncSession, person_id: int) -> list[Home]:
    compounds = (await session.execute(
        select(Household.compound_id).join(Residency, Residency.household_id == Household.id)
        .where(Residency.person_id == person_id).distinct()
    )).scalars().all()
    out: list[Home] = []
    for compound_id in compounds:
        out += await homes(session, person_id, compound_id)
    return out
