"""Finding one's home for registration: deep-link payloads and the compound's register."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Building, Compound, Entrance, Household
from services import place_names

# Telegram accepts [A-Za-z0-9_-]{1,64} after ?start=; ids fit easily (at most 43 characters).
PAYLOAD = re.compile(r"^reg_([0-9]{1,19})_([0-9]{1,19})$")
# What people add around a room number when they type it ("1203室", "No. 1203").
ROOM_NOISE_INPUT = ("室", "号", "號", "房", "no.", "no", "#", "room")


@dataclass(frozen=True)
class LinkTarget:
    compound_id: int
    building_id: int | None


class LinkProblem(enum.StrEnum):
    COMPOUND_GONE = "compound_gone"
    BUILDING_GONE = "building_gone"


@dataclass(frozen=True)
class Place:
    """Where a household is, as names a person recognises."""

    compound: str
    building: str
    entrance: str
    room: str

    def args(self) -> dict[str, str]:
        return {"compound": self.compound, "building": self.building,
                "entrance": self.entrance, "room": self.room}

    def piece(self) -> dict[str, Any]:
        return place_names.place(**self.args())


def make_payload(compound_id: int, building_id: int | None) -> str:
    return f"reg_{compound_id}_{building_id or 0}"


def parse_payload(payload: str | None) -> LinkTarget | None:
    match = PAYLOAD.match(payload or "")
    if match is None:
        return None
    building = int(match.group(2))
    return LinkTarget(int(match.group(1)), building or None)


async def resolve_link(
    session: AsyncSession, target: LinkTarget
) -> tuple[Compound | None, Building | None, LinkProblem | None]:
    compound = await session.get(Compound, target.compound_id)
    if compound is None:
        return None, None, LinkProblem.COMPOUND_GONE
    if target.building_id is None:
        return compound, None, None
    building = await building_in(session, compound.id, target.building_id)
    if building is None:
        return compound, None, LinkProblem.BUILDING_GONE
    return compound, building, None


async def building_in(session: AsyncSession, compound_id: int, building_id: int) -> Building | None:
    building = await session.get(Building, building_id)
    return building if building is not None and building.compound_id == compound_id else None


async def entrance_in(session: AsyncSession, building_id: int, entrance_id: int) -> Entrance | None:
    entrance = await session.get(Entrance, entrance_id)
    return entrance if entrance is not None and entrance.building_id == building_id else None


async def household_in(
    session: AsyncSession, entrance_id: int, household_id: int
) -> Household | None:
    household = await session.get(Household, household_id)
    return household if household is not None and household.entrance_id == entrance_id else None


async def entrances_of(session: AsyncSession, building_id: int) -> list[Entrance]:
    rows = await session.execute(
        select(Entrance).where(Entrance.building_id == building_id)
        .order_by(Entrance.sort_key, Entrance.name)
    )
    return list(rows.scalars())


async def rooms_of(session: AsyncSession, entrance_id: int) -> list[tuple[int, str]]:
    """(household id, room label) in natural order; labels only, nothing private."""
    rows = await session.execute(
        select(Household.id, Household.room).where(Household.entrance_id == entrance_id)
        .order_by(Household.sort_key, Household.room)
    )
    return [(i, r) for i, r in rows]


def normalize_room(label: str) -> str:
    # NFKC folds the full-width digits a Chinese keyboard may type ("１２０３") to ASCII.
    text = unicodedata.normalize("NFKC", label).strip().casefold()
    for noise in ROOM_NOISE_INPUT:
        text = text.removeprefix(noise).removesuffix(noise).strip()
    return text


async def find_room(session: AsyncSession, entrance_id: int, typed: str) -> Household | None:
    """The household of an entrance whose room label matches what the person typed."""
    wanted = normalize_room(typed)
    if not wanted:
        return None
    for household_id, room in await rooms_of(session, entrance_id):
        if normalize_room(room) == wanted:
            return await session.get(Household, household_id)
    return None


async def places(session: AsyncSession, household_ids: Iterable[int]) -> dict[int, Place]:
    ids = list(set(household_ids))
    if not ids:
        return {}
    rows = await session.execute(
        select(Household.id, Compound.name, Building.name, Entrance.name, Household.room)
        .join(Compound, Compound.id == Household.compound_id)
        .join(Building, Building.id == Household.building_id)
        .join(Entrance, Entrance.id == Household.entrance_id)
        .where(Household.id.in_(ids))
    )
    return {hid: Place(c, b, e, r) for hid, c, b, e, r in rows}


async def place_of(session: AsyncSession, household_id: int) -> Place | None:
    return (await places(session, [household_id])).get(household_id)
