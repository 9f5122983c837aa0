"""Passing a ticket on: to another steward (with a reason, logged) or into another ticket
(a duplicate: its reporters move to the survivor)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.roles import TeamMember
from models.tickets import Ticket, TicketFollower
from services import audit
from services.clock import Clock
from services.policy import Actor
from services.tickets import cards, notify
from services.tickets import context as tc
from services.tickets.access import may_work
from services.tickets.errors import TicketError
from services.tickets.lifecycle import OPEN, Event, apply, record
from services.tickets.work import REASON_LIMIT, check


async def candidates(session: AsyncSession, ctx: tc.TicketContext) -> list[Person]:
    """Who a ticket can be handed to: the team's members other than its owner."""
    if ctx.team is None:
        return []
    rows = await session.execute(
        select(Person).join(TeamMember, TeamMember.person_id == Person.id)
        .where(TeamMember.team_id == ctx.team.id, Person.tg_id.is_not(None))
        .order_by(Person.id)
    )
    return [p for p in rows.scalars() if p.id != ctx.ticket.assignee_id]


async def check_handover(
    session: AsyncSession, actor: Actor, ticket_id: int
) -> tc.TicketContext:
    """Before asking for the reason: may this actor hand this ticket over at all?"""
    ctx = await check(session, actor, ticket_id, Event.HANDOVER)
    if ctx.ticket.assignee_id is None:
        raise TicketError("tk-err-not-assigned", number=ctx.ticket.number)
    return ctx


async def handover(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, to_person_id: int | None,
    reason: str,
) -> tc.TicketContext:
    """To another steward, or back to the team's queue (to_person_id None)."""
    reason = reason.strip()
    if not reason:
        raise TicketError("tk-err-reason-needed")
    ctx = await check_handover(session, actor, ticket_id)
    t = ctx.ticket
    target: Person | None = None
    if to_person_id is not None:
        target = await session.get(Person, to_person_id)
        if target is None or target.id == t.assignee_id or not await may_work(
            session, _as_actor(target), t
        ):
            raise TicketError("tk-err-handover-target", number=t.number)
    previous = ctx.assignee
    t.assignee_id = target.id if target else None
    t.auto_assigned = False
    ctx.assignee = target
    note = f"{previous.display_name if previous else '—'} → " \
           f"{target.display_name if target else '…'}: {reason[:REASON_LIMIT]}"
    event = await apply(session, clock, t, Event.HANDOVER, actor.person.id, note=note)
    audit.record(session, clock, "ticket.handover", actor_id=actor.person.id,
                 compound_id=t.compound_id, subject_id=target.id if target else None,
                 ticket=t.id, reason=reason[:REASON_LIMIT])
    if target is not None:
        await notify.person(session, clock, ctx, event, target.tg_id, "tk-n-handed-to-you",
                            {"reason": reason[:REASON_LIMIT],
                             "steward": actor.person.display_name}, staff=True)
    await cards.refresh(session, clock, ctx)
    await session.commit()
    return ctx


def _as_actor(person: Person) -> Actor:
    return Actor(person)


async def find(session: AsyncSession, compound_id: int, number: int) -> Ticket | None:
    return (await session.execute(
        select(Ticket).where(Ticket.compound_id == compound_id, Ticket.number == number)
    )).scalar_one_or_none()


async def merge(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, survivor_number: int
) -> tuple[tc.TicketContext, tc.TicketContext]:
    """Mark a ticket as a duplicate of an open one; its people follow the survivor."""
    ctx = await check(session, actor, ticket_id, Event.MERGE)
    t = ctx.ticket
    survivor = await find(session, t.compound_id, survivor_number)
    if survivor is None or survivor.id == t.id:
        raise TicketError("tk-err-dup-target", number=survivor_number)
    if survivor.status not in OPEN:
        raise TicketError("tk-err-dup-closed", number=survivor_number)
    t.duplicate_of_id = survivor.id
    event = await apply(session, clock, t, Event.MERGE, actor.person.id,
                        note=f"#{survivor.number}")
    other = await tc.load(session, survivor)
    await notify.followers(session, clock, ctx, event, "tk-n-duplicate",
                           {"survivor": survivor.number})
    await notify.group_line(session, clock, ctx, event, "tk-g-duplicate")
    await _move_followers(session, clock, t, survivor)
    record(session, clock, survivor, "absorb", actor.person.id, note=f"#{t.number}")
    await session.flush()
    await cards.refresh(session, clock, ctx)
    await cards.refresh(session, clock, other)
    await session.commit()
    return ctx, other


async def _move_followers(
    session: AsyncSession, clock: Clock, dup: Ticket, survivor: Ticket
) -> None:
    have = {p for (p,) in (await session.execute(
        select(TicketFollower.person_id).where(TicketFollower.ticket_id == survivor.id)
    )).all()}
    moving = (await session.execute(
        select(TicketFollower).where(TicketFollower.ticket_id == dup.id)
    )).scalars()
    for follower in moving:
        if follower.person_id not in have:
            session.add(TicketFollower(ticket_id=survivor.id, person_id=follower.person_id,
                                       kind="co_reporter", joined_at=clock.now()))
            have.add(follower.person_id)
