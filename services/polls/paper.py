"""Finding the household a paper ballot came from, as an organizer types it ("3-201")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Building, Entrance, Household

# Words people put around building and room numbers; dropped before matching.
HOUSEHOLD_NOISE_INPUT = frozenset("栋棟幢号號楼樓室单元單元座#-_/\\. ")


def squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch not in HOUSEHOLD_NOISE_INPUT)


async def find_household(session: AsyncSession, compound_id: int, text: str) -> list[Household]:
    """Households whose building (+ entrance) + room match what was typed."""
    wanted = squash(text)
    if not wanted:
        return []
    rows = await session.execute(
        select(Household, Building.name, Entrance.name)
        .join(Building, Building.id == Household.building_id)
        .join(Entrance, Entrance.id == Household.entrance_id)
        .where(Household.compound_id == compound_id)
    )
    found = []
    for home, building, entrance in rows:
        forms = {squash(building + home.room), squash(building + entrance + home.room)}
        if wanted in forms:
            found.append(home)
    return found


async def label(session: AsyncSession, household_id: int) -> str:
    row = (await session.execute(
        select(Building.name, Household.room)
        .join(Household, Household.building_id == Building.id)
        .where(Household.id == household_id)
    )).one_or_none()
    return f"{row[0]}-{row[1]}" if row else "?"
