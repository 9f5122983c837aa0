"""Gaps in the escalation ladder: a level with no chat and no role holder.

A ticket must never climb into such a level in silence. `gaps` finds them, `warn` tells the
compound's admins privately (through the outbox) with the command that fills each gap, and
`sweep` does so once a day; the ladder itself skips a gap (services.tickets.ladder.climb).
"""

from __future__ import annotations

from datetime import datetime
from weakref import WeakKeyDictionary

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import ChatBinding, Compound
from models.roles import Role, RoleGrant
from services.clock import Clock, FrozenClock
from services.outbox import Notice, enqueue
from services.tickets import context as tc

# Level -> (the chat purpose that serves it, the role whose holders serve it otherwise).
LEVELS: dict[int, tuple[str, Role]] = {
    2: ("party_branch", Role.PARTY_BRANCH),
    3: ("community_office", Role.COMMUNITY_OFFICER),
}
# Per database engine: compound id -> the local date its gaps were last checked, so a tick
# every few seconds costs one query, not one per level and compound.
_checked: WeakKeyDictionary[object, dict[int, str]] = WeakKeyDictionary()


async def role_holders(session: AsyncSession, compound_id: int, role: Role) -> list[int]:
    rows = await session.execute(
        select(Person.tg_id).join(RoleGrant, RoleGrant.person_id == Person.id).where(
            RoleGrant.compound_id == compound_id, RoleGrant.role == role.value,
            RoleGrant.revoked_at.is_(None), Person.tg_id.is_not(None),
        ).distinct()
    )
    return sorted(t for (t,) in rows.all())


async def has_holder(session: AsyncSession, compound_id: int, level: int) -> bool:
    purpose, role = LEVELS[level]
    bound = (await session.execute(
        select(ChatBinding.chat_id).where(ChatBinding.compound_id == compound_id,
                                          ChatBinding.purpose == purpose).limit(1)
    )).first()
    return bound is not None or bool(await role_holders(session, compound_id, role))


async def gaps(session: AsyncSession, compound_id: int) -> list[int]:
    """The levels above the team that nobody would receive a ticket at."""
    return [level for level in LEVELS if not await has_holder(session, compound_id, level)]


async def warn(session: AsyncSession, clock: Clock, compound: Compound) -> int:
    """Tell the compound's admins privately about each gap, once per local day."""
    found = await gaps(session, compound.id)
    if not found:
        return 0
    day = clock.now().astimezone(tc.zone_of(compound)).date().isoformat()
    admins = await role_holders(session, compound.id, Role.ADMIN)
    for level in found:
        for tg_id in admins:
            await enqueue(session, clock, Notice(
                key=f"tk:gap:{compound.id}:{level}:{day}:{tg_id}", chat_id=tg_id,
                text_key=f"tk-gap-{level}", args={"compound": compound.name},
            ))
    return len(found) * len(admins)


async def sweep(session: AsyncSession, now: datetime) -> int:
    """The daily check: each compound once per local day (per process; keys dedupe the rest)."""
    clock = FrozenClock(now)  # the sweep's instant, for the notices it queues
    done = 0
    checked = _checked.setdefault(session.get_bind(), {})
    for compound in (await session.execute(select(Compound).order_by(Compound.id))).scalars():
        day = now.astimezone(tc.zone_of(compound)).date().isoformat()
        if checked.get(compound.id) == day:
            continue
        done += await warn(session, clock, compound)
        checked[compound.id] = day
    await session.commit()
    return done

