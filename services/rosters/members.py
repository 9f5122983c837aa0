"""Who a roster can call on, and who may take its shifts."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.rosters import Roster, RosterMember
from services import people, registry
from services.clock import Clock
from services.upsert import insert_for


async def is_member(session: AsyncSession, roster_id: int, person_id: int) -> bool:
    return await session.get(RosterMember, (roster_id, person_id)) is not None


async def ensure(session: AsyncSession, clock: Clock, roster_id: int, person_id: int) -> bool:
    """Make the person a member; True when they were not one. Safe against a double press."""
    insert = insert_for(session)
    result = await session.execute(
        insert(RosterMember).values(roster_id=roster_id, person_id=person_id,
                                    joined_at=clock.now())
        .on_conflict_do_nothing().returning(RosterMember.person_id)
    )
    return result.scalar_one_or_none() is not None


async def of(session: AsyncSession, roster_id: int) -> list[Person]:
    rows = await session.execute(
        select(Person).join(RosterMember, RosterMember.person_id == Person.id)
        .where(RosterMember.roster_id == roster_id)
        .order_by(RosterMember.joined_at, Person.id)
    )
    return list(rows.scalars())


async def may_take(session: AsyncSession, roster: Roster, person_id: int,
                   here_compound_id: int | None) -> bool:
    """Members, people of the roster's compound, or someone pressing in one of its groups."""
    if here_compound_id == roster.compound_id or await is_member(session, roster.id, person_id):
        return True
    return any(c.id == roster.compound_id
               for c in await registry.compounds_of(session, person_id))


async def find(session: AsyncSession, ref: str) -> Person | None:
    """A person the bot knows, by @username or numeric Telegram id."""
    ref = ref.strip()
    if ref.isdigit():
        return await people.by_tg_id(session, int(ref))
    if not ref.startswith("@") or len(ref) < 2:
        return None
    rows = await session.execute(
        select(Person).where(func.lower(Person.username) == ref[1:].lower())
        .order_by(Person.seen_at.desc())
    )
    return rows.scalars().first()
