"""Where a report is about: the reporter's own home(s) in a compound, or a common area."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Building, Entrance, Household, LinkStatus, Residency
from services import facts


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
    """Verified homes first; a pending claim still tells us the building.

    Cached with the rules, so a verification or a register change drops it everywhere. In a
    building group the whole building is read at once: a neighbour's first report then
    costs no query for their home."""
    if building_id is not None:
        return list((await _building_homes(session, compound_id, building_id)).get(person_id, ()))
    key = (person_id, compound_id)
    cached = facts.derived(session, "homes", key)
    if cached is None:
        by_person = await _load(session, compound_id, person_id=person_id)
        cached = by_person.get(person_id, ())
        facts.remember_derived(session, "homes", key, cached)
    return list(cached)


async def _building_homes(
    session: AsyncSession, compound_id: int, building_id: int
) -> dict[int, tuple[Home, ...]]:
    key = (compound_id, building_id)
    cached = facts.derived(session, "building_homes", key)
    if cached is None:
        cached = await _load(session, compound_id, building_id=building_id)
        facts.remember_derived(session, "building_homes", key, cached)
    return cached  # type: ignore[no-any-return]


async def _load(
    session: AsyncSession, compound_id: int, *, person_id: int | None = None,
    building_id: int | None = None,
) -> dict[int, tuple[Home, ...]]:
    stmt = (
        select(Residency.person_id, Residency.status, Household, Building, Entrance)
        .join(Household, Household.id == Residency.household_id)
        .join(Building, Building.id == Household.building_id)
        .join(Entrance, Entrance.id == Household.entrance_id)
        .where(Household.compound_id == compound_id,
               Residency.status.in_((LinkStatus.VERIFIED, LinkStatus.PENDING)))
        .order_by(Household.sort_key)
    )
    if person_id is not None:
        stmt = stmt.where(Residency.person_id == person_id)
    if building_id is not None:
        stmt = stmt.where(Household.building_id == building_id)
    rows = sorted((await session.execute(stmt)).all(), key=lambda r: r[1] != LinkStatus.VERIFIED)
    found: dict[int, list[Home]] = {}
    for who, _, h, b, e in rows:
        for obj in (h, b, e):
            facts.learn(session, obj)
        found.setdefault(who, []).append(Home(h.id, b.id, b.name, e.name, h.room))
    return {who: tuple(hs) for who, hs in found.items()}


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
