"""Who may work a ticket and who may see it. Roles come from services.policy; team
membership (a fact about the person, not a role) decides between teams."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.roles import Team, TeamMember
from models.tickets import Ticket, TicketFollower
from services.policy import Action, Actor, can
from services.tickets.categories import Category
from services.tickets.errors import TicketError

# Who may act on a ticket besides its team, by the level it has climbed to.
LEVEL_ACTION = {1: Action.TICKET_OVERSEE, 2: Action.TICKET_LEVEL2, 3: Action.TICKET_LEVEL3}


async def in_team(session: AsyncSession, person_id: int, team_id: int | None) -> bool:
    if team_id is None:
        return False
    row = await session.get(TeamMember, (team_id, person_id))
    return row is not None


async def teams_of(session: AsyncSession, person_id: int) -> list[Team]:
    rows = await session.execute(
        select(Team).join(TeamMember, TeamMember.team_id == Team.id)
        .where(TeamMember.person_id == person_id).order_by(Team.id)
    )
    return list(rows.scalars())


async def may_work(session: AsyncSession, actor: Actor, ticket: Ticket) -> bool:
    """The ticket's team, whoever its level reached, mediators for disputes, admins."""
    if actor.superadmin or await in_team(session, actor.person.id, ticket.team_id):
        return True
    compound = ticket.compound_id
    if ticket.team_id is None and await can(session, actor, Action.TICKET_LEVEL2, compound):
        return True  # the party branch's own desk
    for level in range(1, ticket.level + 1):
        if await can(session, actor, LEVEL_ACTION[level], compound):
            return True
    return ticket.category == Category.DISPUTE and await can(
        session, actor, Action.TICKET_MEDIATE, compound
    )


async def require_work(session: AsyncSession, actor: Actor, ticket: Ticket) -> None:
    if not await may_work(session, actor, ticket):
        raise TicketError("tk-err-not-your-team", number=ticket.number)


async def is_follower(session: AsyncSession, person_id: int, ticket_id: int) -> bool:
    return await session.get(TicketFollower, (ticket_id, person_id)) is not None


async def may_view(session: AsyncSession, actor: Actor, ticket: Ticket) -> str | None:
    """'staff' (everything, notes included), 'follower' (their own ticket), or None."""
    if await may_work(session, actor, ticket):
        return "staff"
    if await is_follower(session, actor.person.id, ticket.id):
        return "follower"
    return None
