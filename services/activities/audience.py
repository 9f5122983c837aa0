"""Who an activity is for, and which group chats hear about it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import Activity, ActivityBuilding, Audience, Requirement
from models.person import Person
from models.registry import ChatBinding, Household, LinkStatus, Residency
from models.roles import RoleGrant, Team, TeamMember

RESIDENT_GROUPS = ("compound", "building")


async def building_ids(session: AsyncSession, activity_id: int) -> list[int]:
    rows = await session.execute(
        select(ActivityBuilding.building_id).where(ActivityBuilding.activity_id == activity_id)
    )
    return list(rows.scalars())


async def _verified_buildings(session: AsyncSession, person_id: int, compound_id: int) -> set[int]:
    rows = await session.execute(
        select(Household.building_id)
        .join(Residency, Residency.household_id == Household.id)
        .where(Residency.person_id == person_id, Household.compound_id == compound_id,
               Residency.status == LinkStatus.VERIFIED.value)
    )
    return set(rows.scalars())


async def _pending_here(session: AsyncSession, person_id: int, compound_id: int) -> bool:
    rows = await session.execute(
        select(Residency.id)
        .join(Household, Household.id == Residency.household_id)
        .where(Residency.person_id == person_id, Household.compound_id == compound_id,
               Residency.status == LinkStatus.PENDING.value).limit(1)
    )
    return rows.first() is not None


async def in_team(session: AsyncSession, person_id: int, team_id: int) -> bool:
    row = await session.get(TeamMember, (team_id, person_id))
    return row is not None


async def is_member(session: AsyncSession, person_id: int, compound_id: int) -> bool:
    """A verified resident, a role holder or a team member of the compound."""
    if await _verified_buildings(session, person_id, compound_id):
        return True
    role = await session.execute(
        select(RoleGrant.id).where(RoleGrant.person_id == person_id,
                                   RoleGrant.compound_id == compound_id,
                                   RoleGrant.revoked_at.is_(None)).limit(1)
    )
    if role.first() is not None:
        return True
    team = await session.execute(
        select(TeamMember.person_id).join(Team, Team.id == TeamMember.team_id)
        .where(TeamMember.person_id == person_id, Team.compound_id == compound_id).limit(1)
    )
    return team.first() is not None


async def refusal(session: AsyncSession, activity: Activity, person: Person) -> str | None:
    """Why this person may not sign up (an error code), or None when they may."""
    if activity.requirement == Requirement.PARTY_MEMBER and not person.party_member:
        return "party-only"
    if activity.audience == Audience.TEAM and activity.team_id is not None:
        return None if await in_team(session, person.id, activity.team_id) else "team-only"
    if activity.audience == Audience.BUILDINGS:
        mine = await _verified_buildings(session, person.id, activity.compound_id)
        if mine & set(await building_ids(session, activity.id)):
            return None
        return "buildings-only"
    if await is_member(session, person.id, activity.compound_id):
        return None
    if await _pending_here(session, person.id, activity.compound_id):
        return "not-verified"
    return "not-resident"


async def target_chats(session: AsyncSession, activity: Activity) -> list[int]:
    """Group chats that get the card: the audience's own groups, else the compound's."""
    bound = select(ChatBinding.chat_id).where(ChatBinding.compound_id == activity.compound_id)
    chats: list[int] = []
    if activity.audience == Audience.TEAM and activity.team_id is not None:
        rows = await session.execute(bound.where(ChatBinding.team_id == activity.team_id))
        chats = list(rows.scalars())
    elif activity.audience == Audience.BUILDINGS:
        ids = await building_ids(session, activity.id)
        rows = await session.execute(bound.where(ChatBinding.purpose == "building",
                                                 ChatBinding.building_id.in_(ids)))
        chats = list(rows.scalars())
    else:
        rows = await session.execute(bound.where(ChatBinding.purpose.in_(RESIDENT_GROUPS)))
        chats = list(rows.scalars())
    if not chats:
        rows = await session.execute(bound.where(ChatBinding.purpose == "compound"))
        chats = list(rows.scalars())
    if activity.requirement == Requirement.PARTY_MEMBER:
        rows = await session.execute(bound.where(ChatBinding.purpose == "party_branch"))
        chats += [c for c in rows.scalars() if c not in chats]
    return sorted(chats)
