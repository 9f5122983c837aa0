"""Where a report is about: the reporter's own home(s) in a compound, or a common area."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Building, Entrance, Household, LinkStatus, Residency
from services import facts
from services.tickets.errors import TicketError

PLACE_LIMIT = 200  # the column's width: a place is a few words, not a second description


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


def told(
    text: str | None, *, venue: str | None = None, pin: tuple[float, float] | None = None,
) -> tuple[str | None, float | None, float | None]:
    """Where the resident said it is: (words, latitude, longitude). A venue's name and
    address stand as its words; a bare pin has none. Empty or overlong words are refused."""
    words = " ".join((venue if venue is not None else text or "").split())
    if pin is not None:
        lat, lon = pin
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise TicketError("tk-err-place-pin")
        return (words[:PLACE_LIMIT] or None), lat, lon
    if not words:
        raise TicketError("tk-err-step-where")
    if len(words) > PLACE_LIMIT:
        raise TicketError("tk-err-place-long", limit=PLACE_LIMIT)
    return words, None, None


def map_url(latitude: float, longitude: float) -> str:
    """A map a phone opens at the pin (Telegram's coordinates are WGS-84)."""
    return (f"https://uri.amap.com/marker?position={longitude:.6f},{latitude:.6f}"
            "&coordinate=wgs84")
