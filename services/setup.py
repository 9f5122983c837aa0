"""Setting a compound up: creating it, and binding group chats to what they are for."""

from __future__ import annotations

import enum

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.chat import Chat
from models.person import Person
from models.registry import Building, ChatBinding, Compound
from models.roles import Role, RoleGrant, Team
from services import audit, people, registry, teams
from services.clock import Clock

NAME_LIMIT = 128


class Purpose(enum.StrEnum):
    COMPOUND = "compound"
    BUILDING = "building"
    TEAM = "team"
    PARTY_BRANCH = "party_branch"
    OWNERS_COMMITTEE = "owners_committee"
    COMMUNITY_OFFICE = "community_office"


class SetupError(Exception):
    """A refusal the person can fix; `reason` names what was wrong."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def create_compound(
    session: AsyncSession, clock: Clock, creator: Person, name: str, timezone: str
) -> Compound:
    """A new compound in the creator's language, with the default teams and its first admin."""
    name = " ".join(name.split())
    if not name or len(name) > NAME_LIMIT:
        raise SetupError("bad_name")
    same = await session.execute(
        select(Compound.id).where(func.lower(Compound.name) == name.lower())
    )
    if same.first() is not None:
        raise SetupError("exists")
    compound = await registry.create_compound(
        session, clock, name, creator, timezone=timezone, locale=creator.locale
    )
    await teams.create_defaults(session, compound.id)
    session.add(RoleGrant(compound_id=compound.id, person_id=creator.id, role=Role.ADMIN.value,
                          granted_by=creator.id, granted_at=clock.now()))
    audit.record(session, clock, "compound.create", actor_id=creator.id,
                 compound_id=compound.id, subject_id=creator.id, name=name)
    await session.commit()
    return compound


async def bind_chat(
    session: AsyncSession, clock: Clock, actor: Person, chat_id: int, compound_id: int,
    purpose: Purpose, target_id: int | None = None,
) -> ChatBinding:
    """Bind (or rebind) a group; a building's or a team's group names which one."""
    compound = await session.get(Compound, compound_id)
    chat = await session.get(Chat, chat_id)
    if compound is None or chat is None:
        raise SetupError("gone")
    building_id = await _target(session, compound_id, Building, target_id) \
        if purpose is Purpose.BUILDING else None
    team_id = await _target(session, compound_id, Team, target_id) \
        if purpose is Purpose.TEAM else None
    binding = await session.get(ChatBinding, chat_id)
    previous = binding.compound_id if binding else None
    if binding is None:
        binding = ChatBinding(chat_id=chat_id, compound_id=compound_id, purpose=purpose.value,
                              bound_at=clock.now())
        session.add(binding)
    binding.compound_id, binding.purpose = compound_id, purpose.value
    binding.building_id, binding.team_id = building_id, team_id
    binding.bound_by, binding.bound_at = actor.id, clock.now()
    if previous != compound_id:
        binding.register_message_id = None  # the old compound's register is not this one's
    chat.locale = compound.locale
    audit.record(session, clock, "chat.bind", actor_id=actor.id, compound_id=compound_id,
                 chat_id=chat_id, purpose=purpose.value, building_id=building_id,
                 team_id=team_id, previous_compound_id=previous)
    await session.commit()
    return binding


async def _target(
    session: AsyncSession, compound_id: int, model: type[Building] | type[Team],
    target_id: int | None,
) -> int:
    row = await session.get(model, target_id) if target_id is not None else None
    if row is None or row.compound_id != compound_id:
        raise SetupError("gone")
    return row.id


async def may_invite(session: AsyncSession, person_id: int | None, chat_id: int,
                     superadmin: bool) -> bool:
    """Whether a group the bot was just added to is one it serves: added by a superadmin or
    by someone who holds a role in some compound, or a chat that is already bound (added
    back). Anyone else is a stranger, and the bot leaves."""
    if superadmin:
        return True
    if await registry.binding_for(session, chat_id) is not None:
        return True
    if person_id is None:
        return False
    held = await session.scalar(select(RoleGrant.id).where(
        RoleGrant.person_id == person_id, RoleGrant.revoked_at.is_(None)).limit(1))
    return held is not None


async def unbind_chat(
    session: AsyncSession, clock: Clock, chat_id: int, actor_id: int | None
) -> ChatBinding | None:
    """The bot left or was removed: forget what the group was for, and stop sending there."""
    binding = await session.get(ChatBinding, chat_id)
    if binding is not None:
        audit.record(session, clock, "chat.unbind", actor_id=actor_id,
                     compound_id=binding.compound_id, chat_id=chat_id, purpose=binding.purpose,
                     building_id=binding.building_id, team_id=binding.team_id)
        await session.delete(binding)
    chat = await session.get(Chat, chat_id)
    if chat is not None:
        chat.unreachable_at = clock.now()
        chat.unreachable_reason = "bot removed from the chat"
    await session.commit()
    return binding


async def migrate_chat(
    session: AsyncSession, clock: Clock, old_id: int, new_id: int, title: str | None
) -> ChatBinding | None:
    """A group became a supergroup with a new id; its binding and language move with it."""
    old_chat = await session.get(Chat, old_id)
    new_chat = await people.note_chat(session, clock, new_id, "supergroup", title)
    binding = await session.get(ChatBinding, old_id)
    if old_chat is not None and new_chat.locale is None:
        new_chat.locale = old_chat.locale
    if binding is None or await session.get(ChatBinding, new_id) is not None:
        await session.commit()
        return None
    moved = ChatBinding(
        chat_id=new_id, compound_id=binding.compound_id, building_id=binding.building_id,
        team_id=binding.team_id, purpose=binding.purpose, bound_by=binding.bound_by,
        bound_at=binding.bound_at,
    )
    await session.execute(delete(ChatBinding).where(ChatBinding.chat_id == old_id))
    session.add(moved)
    audit.record(session, clock, "chat.migrate", actor_id=None, compound_id=binding.compound_id,
                 chat_id=new_id, old_chat_id=old_id)
    await session.commit()
    return moved


async def describe(
    session: AsyncSession, binding: ChatBinding
) -> tuple[Compound, Building | None, Team | None]:
    compound = await session.get(Compound, binding.compound_id)
    assert compound is not None
    building = await session.get(Building, binding.building_id) if binding.building_id else None
    team = await session.get(Team, binding.team_id) if binding.team_id else None
    return compound, building, team
