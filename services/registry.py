"""Compounds and where people live: lookups every feature shares."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import (
    Building,
    ChatBinding,
    Compound,
    Household,
    LinkStatus,
    Residency,
)
from models.roles import RoleGrant
from services import facts
from services.clock import Clock

_DIGITS = re.compile(r"(\d+)")


def natural_key(label: str) -> str:
    """A sort key that puts "2" before "10" and "2-101" before "10-101"."""
    return "".join(f"{int(p):010d}" if p.isdigit() else p.lower() for p in _DIGITS.split(label))


async def create_compound(
    session: AsyncSession, clock: Clock, name: str, created_by: Person | None,
    timezone: str = "Asia/Shanghai", locale: str = "zh-Hans",
) -> Compound:
    compound = Compound(name=name.strip()[:128], timezone=timezone, locale=locale,
                        created_by=created_by.id if created_by else None, created_at=clock.now())
    session.add(compound)
    await session.flush()
    return compound


async def binding_for(session: AsyncSession, chat_id: int) -> ChatBinding | None:
    return await facts.get(session, ChatBinding, chat_id)


async def households_of(
    session: AsyncSession, person_id: int, statuses: tuple[str, ...] = (LinkStatus.VERIFIED,)
) -> list[tuple[Residency, Household]]:
    rows = await session.execute(
        select(Residency, Household)
        .join(Household, Household.id == Residency.household_id)
        .where(Residency.person_id == person_id, Residency.status.in_(statuses))
        .order_by(Household.compound_id, Household.sort_key)
    )
    return [(r, h) for r, h in rows]


async def compounds_of(session: AsyncSession, person_id: int) -> list[Compound]:
    """Compounds a person lives in (verified or pending) or holds a role in."""
    lived = select(Household.compound_id).join(
        Residency, Residency.household_id == Household.id
    ).where(
        Residency.person_id == person_id,
        Residency.status.in_((LinkStatus.VERIFIED, LinkStatus.PENDING)),
    )
    roled = select(RoleGrant.compound_id).where(
        RoleGrant.person_id == person_id, RoleGrant.revoked_at.is_(None)
    )
    rows = await session.execute(
        select(Compound).where(Compound.id.in_(lived.union(roled))).order_by(Compound.id)
    )
    return list(rows.scalars())


async def buildings(session: AsyncSession, compound_id: int) -> list[Building]:
    rows = await session.execute(
        select(Building).where(Building.compound_id == compound_id).order_by(Building.sort_key)
    )
    return list(rows.scalars())
