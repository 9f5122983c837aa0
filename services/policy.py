"""The one permission policy: which roles may do what, per compound.

Handlers and services ask `can()` / `require()`; nothing else decides permissions.
Superadmins (SUPERADMIN_IDS) may do everything. Features add their actions to POLICY.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import Compound
from models.roles import Role, RoleGrant

R = Role


class Action(enum.StrEnum):
    COMPOUND_CREATE = "compound.create"
    CHAT_BIND = "chat.bind"
    HOUSEHOLD_IMPORT = "household.import"
    RESIDENCY_DECIDE = "residency.decide"
    ROLE_GRANT = "role.grant"
    ROLE_LIST = "role.list"
    TEAM_MANAGE = "team.manage"
    DIRECTORY_EDIT = "directory.edit"
    QR_MAKE = "qr.make"
    REGISTER_POST = "register.post"


STAFF = frozenset({R.ADMIN, R.ORGANIZER, R.PARTY_BRANCH, R.COMMUNITY_OFFICER})

POLICY: dict[Action, frozenset[Role]] = {
    Action.COMPOUND_CREATE: frozenset(),  # superadmins only
    Action.CHAT_BIND: frozenset({R.ADMIN}),
    Action.HOUSEHOLD_IMPORT: frozenset({R.ADMIN}),
    Action.RESIDENCY_DECIDE: frozenset({R.ADMIN, R.OWNERS_COMMITTEE}),
    Action.ROLE_GRANT: frozenset({R.ADMIN}),
    Action.ROLE_LIST: STAFF | {R.OWNERS_COMMITTEE},
    Action.TEAM_MANAGE: frozenset({R.ADMIN}),
    Action.DIRECTORY_EDIT: frozenset({R.ADMIN}),
    Action.QR_MAKE: STAFF | {R.BUILDING_LEADER, R.LIAISON_HEAD, R.GRID_WORKER},
    Action.REGISTER_POST: frozenset({R.ADMIN}),
}


class Denied(Exception):
    def __init__(self, action: Action) -> None:
        super().__init__(action.value)
        self.action = action


@dataclass(frozen=True)
class Actor:
    person: Person
    superadmin: bool = False


def allowed(roles: set[Role] | frozenset[Role], action: Action, superadmin: bool = False) -> bool:
    """Pure decision, so the whole table can be tested without a database."""
    return superadmin or bool(POLICY[action] & set(roles))


async def roles_of(session: AsyncSession, person_id: int, compound_id: int) -> set[Role]:
    rows = await session.execute(
        select(RoleGrant.role).where(
            RoleGrant.person_id == person_id,
            RoleGrant.compound_id == compound_id,
            RoleGrant.revoked_at.is_(None),
        )
    )
    return {Role(r) for (r,) in rows}


async def can(session: AsyncSession, actor: Actor, action: Action, compound_id: int | None) -> bool:
    if actor.superadmin:
        return True
    if compound_id is None:
        return False
    return allowed(await roles_of(session, actor.person.id, compound_id), action)


async def require(
    session: AsyncSession, actor: Actor, action: Action, compound_id: int | None
) -> None:
    if not await can(session, actor, action, compound_id):
        raise Denied(action)


async def compounds_for(session: AsyncSession, actor: Actor, action: Action) -> list[Compound]:
    """The compounds in which the actor may do `action` (every compound for superadmins)."""
    if actor.superadmin:
        rows = await session.execute(select(Compound).order_by(Compound.id))
        return list(rows.scalars())
    roles = [r for r in POLICY[action]]
    if not roles:
        return []
    rows = await session.execute(
        select(Compound)
        .join(RoleGrant, RoleGrant.compound_id == Compound.id)
        .where(
            RoleGrant.person_id == actor.person.id,
            RoleGrant.revoked_at.is_(None),
            RoleGrant.role.in_([r.value for r in roles]),
        )
        .distinct()
        .order_by(Compound.id)
    )
    return list(rows.scalars())
