"""The escalation ladder (小事不出网格，大事不出社区).

L1 the ticket's team (its staff chat, else its members privately), L2 the compound's party
branch (its chat, else the people with that role) with the owners' committee informed,
L3 the community office. Each level is a chat bound for that purpose, or a set of people.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import ChatBinding
from models.roles import Role, RoleGrant, TeamMember
from services import facts
from services.clock import Clock
from services.outbox import Notice, enqueue
from services.tickets import cards, notify
from services.tickets import context as tc
from services.tickets.lifecycle import Event, apply

TOP = 3


@dataclass(frozen=True)
class Target:
    chat_id: int
    card: bool  # a working card with buttons, or information only


async def _bound(session: AsyncSession, compound_id: int, purpose: str,
                 team_id: int | None = None) -> list[int]:
    """Chats bound for a purpose; cached with the bindings, which drop it when they change."""
    key = (compound_id, purpose, team_id)
    cached = facts.derived(session, "bound", key)
    if cached is not None:
        return list(cached)
    stmt = select(ChatBinding.chat_id).where(
        ChatBinding.compound_id == compound_id, ChatBinding.purpose == purpose
    )
    if team_id is not None:
        stmt = stmt.where(ChatBinding.team_id == team_id)
    chats = [c for (c,) in (await session.execute(stmt.order_by(ChatBinding.chat_id))).all()]
    facts.remember_derived(session, "bound", key, tuple(chats))
    return chats


async def _role_holders(session: AsyncSession, compound_id: int, role: Role) -> list[int]:
    rows = await session.execute(
        select(Person.tg_id).join(RoleGrant, RoleGrant.person_id == Person.id).where(
            RoleGrant.compound_id == compound_id, RoleGrant.role == role.value,
            RoleGrant.revoked_at.is_(None), Person.tg_id.is_not(None),
        ).distinct()
    )
    return sorted(t for (t,) in rows.all())


async def _team_members(session: AsyncSession, team_id: int) -> list[int]:
    rows = await session.execute(
        select(Person.tg_id).join(TeamMember, TeamMember.person_id == Person.id).where(
            TeamMember.team_id == team_id, TeamMember.on_duty.is_(True),
            Person.tg_id.is_not(None),
        )
    )
    return sorted(t for (t,) in rows.all())


async def targets(session: AsyncSession, ctx: tc.TicketContext, level: int) -> list[Target]:
    compound = ctx.compound.id
    if level == 1:
        if ctx.team is None:
            return []
        chats = await _bound(session, compound, "team", ctx.team.id)
        chats = chats or await _team_members(session, ctx.team.id)
        return [Target(c, True) for c in chats]
    if level == 2:
        chats = await _bound(session, compound, "party_branch")
        chats = chats or await _role_holders(session, compound, Role.PARTY_BRANCH)
        informed = await _bound(session, compound, "owners_committee")
        informed = informed or await _role_holders(session, compound, Role.OWNERS_COMMITTEE)
        return [Target(c, True) for c in chats] + [Target(c, False) for c in informed]
    chats = await _bound(session, compound, "community_office")
    chats = chats or await _role_holders(session, compound, Role.COMMUNITY_OFFICER)
    return [Target(c, True) for c in chats]


async def reach(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, level: int, *,
    inform: bool = True, photos: list[bytes] | None = None,
    fresh: tuple[int, int] | None = None,
) -> int:
    """Put the ticket in front of a level: cards where it works, information where told.
    `fresh`: the photos and co-reporters of a ticket opened in this transaction, which has
    no cards yet and nothing to count."""
    have: set[int] = set()
    if fresh is None:
        have = {c.chat_id for c in await cards.cards_of(session, ctx.ticket.id)}
    reached = 0
    for target in await targets(session, ctx, level):
        if target.chat_id in have:
            continue
        have.add(target.chat_id)
        reached += 1
        if target.card:
            await cards.post(session, clock, ctx, target.chat_id, level, photos,
                             counts=fresh)
        elif inform:
            await enqueue(session, clock, Notice(
                key=f"tk:info:{ctx.ticket.id}:{level}:{target.chat_id}", chat_id=target.chat_id,
                text_key="tk-info-escalated",
                args={**tc.summary(ctx), "level": tc.level_label(level),
                      "where": tc.where(ctx, private=False),
                      "text": tc.clip(ctx.ticket.text, 300)},
            ))
    return reached


async def climb(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, actor_id: int | None, reason: str
) -> bool:
    """One level up, told to the new level and to the reporters. False at the top."""
    t = ctx.ticket
    if t.level >= TOP:
        return False
    t.level += 1
    event = await apply(session, clock, t, Event.ESCALATE, actor_id, note=reason)
    await reach(session, clock, ctx, t.level)
    await notify.followers(session, clock, ctx, event, "tk-n-escalated",
                           {"level": tc.level_label(t.level),
                            "reason": tc.fragment_reason(reason)})
    await cards.refresh(session, clock, ctx)
    return True
