"""What stewards do with a ticket: take it (首问负责), wait on the resident, resolve, reject,
escalate. Each call is one unit of work: checks first, then changes, then one commit."""

from __future__ import annotations

from sqlalchemy import and_, or_, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.tickets import Ticket, TicketEvent
from services.clock import Clock
from services.outbox import Button
from services.policy import Actor, can
from services.tickets import cards, ladder, notify, sla
from services.tickets import config as tconfig
from services.tickets import context as tc
from services.tickets.access import LEVEL_ACTION, require_work
from services.tickets.categories import Category
from services.tickets.errors import TicketError
from services.tickets.lifecycle import OPEN, Event, Status, allowed, apply

REASON_LIMIT = 1000


async def oversees(session: AsyncSession, actor: Actor, ticket: Ticket) -> bool:
    """May act on a ticket someone else owns: admins, and whoever its level reached."""
    if actor.superadmin:
        return True
    for level in range(1, ticket.level + 1):
        if await can(session, actor, LEVEL_ACTION[level], ticket.compound_id):
            return True
    return False


async def check(
    session: AsyncSession, actor: Actor, ticket_id: int, event: Event, *, owner: bool = True
) -> tc.TicketContext:
    """Load, check the actor may act, and that the event fits the current status."""
    ctx = await tc.load(session, ticket_id)
    t = ctx.ticket
    await require_work(session, actor, t)
    if not allowed(event, t.status):
        raise TicketError("tk-err-stale", number=t.number, status=tc.status_label(t.status))
    if owner and t.assignee_id not in (None, actor.person.id) \
            and not await oversees(session, actor, t):
        name = ctx.assignee.display_name if ctx.assignee else "—"
        raise TicketError("tk-err-owned", number=t.number, name=name)
    return ctx


def steward_args(ctx: tc.TicketContext, actor: Actor) -> dict[str, object]:
    return {"steward": actor.person.first_name or actor.person.display_name}


async def take(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int
) -> tc.TicketContext:
    """Exactly one steward wins, however many press at once: a conditional update decides."""
    ctx = await check(session, actor, ticket_id, Event.TAKE, owner=False)
    me = actor.person.id
    t = ctx.ticket
    if t.assignee_id == me and t.accepted_at is not None:
        raise TicketError("tk-err-already-yours", number=t.number)
    if t.assignee_id not in (None, me):
        raise TicketError("tk-err-taken", number=t.number,
                          name=ctx.assignee.display_name if ctx.assignee else "—")
    won = await session.execute(
        update(Ticket)
        .where(Ticket.id == t.id, Ticket.status.in_([s.value for s in OPEN]),
               or_(Ticket.assignee_id.is_(None),
                   and_(Ticket.assignee_id == me, Ticket.accepted_at.is_(None))))
        .values(assignee_id=me, updated_at=clock.now())
        .execution_options(synchronize_session=False)
    )
    if won.rowcount != 1:
        await session.rollback()
        ctx = await tc.load(session, ticket_id)
        raise TicketError("tk-err-taken", number=ctx.ticket.number,
                          name=ctx.assignee.display_name if ctx.assignee else "—")
    ctx = await tc.load(session, ticket_id)
    first = ctx.ticket.accepted_at is None
    event = await apply(session, clock, ctx.ticket, Event.TAKE, me)
    route = await tconfig.route(session, t.compound_id, Category(t.category))
    sla.after_accept(ctx.ticket, route)
    await notify.followers(session, clock, ctx, event, "tk-n-taken", steward_args(ctx, actor))
    if first:
        await notify.group_line(session, clock, ctx, event, "tk-g-taken")
    await cards.refresh(session, clock, ctx)
    await session.commit()
    return ctx


async def _claim_if_unowned(
    session: AsyncSession, clock: Clock, actor: Actor, ctx: tc.TicketContext
) -> None:
    """Resolving or asking the resident while nobody owns it makes the actor the owner."""
    t = ctx.ticket
    if t.assignee_id is None:
        t.assignee_id = actor.person.id
        ctx.assignee = actor.person
        if t.accepted_at is None:
            t.accepted_at = clock.now()


async def resolve(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, note: str | None = None
) -> tc.TicketContext:
    ctx = await check(session, actor, ticket_id, Event.RESOLVE)
    await _claim_if_unowned(session, clock, actor, ctx)
    t = ctx.ticket
    if note:
        t.resolution = note.strip()[:REASON_LIMIT]
    event = await apply(session, clock, t, Event.RESOLVE, actor.person.id, note=t.resolution)
    question = [[
        Button("tk-btn-fixed", ("tq", "fix", t.id, t.resolve_round, 0)),
        Button("tk-btn-notfixed", ("tq", "nofix", t.id, t.resolve_round, 0)),
    ]]
    await notify.followers(
        session, clock, ctx, event, "tk-n-resolved",
        {**steward_args(ctx, actor),
         "note": tc.fragment_note(t.resolution) if t.resolution else ""},
        buttons=question, ref_=notify.question_ref(t.id),
    )
    await notify.group_line(session, clock, ctx, event, "tk-g-resolved")
    await cards.refresh(session, clock, ctx)
    await session.commit()
    return ctx


async def wait(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, question: str
) -> tc.TicketContext:
    """Ask the reporters something; the resolve clock stops until one of them answers."""
    question = question.strip()
    if not question:
        raise TicketError("tk-err-empty")
    ctx = await check(session, actor, ticket_id, Event.WAIT)
    await _claim_if_unowned(session, clock, actor, ctx)
    event = await apply(session, clock, ctx.ticket, Event.WAIT, actor.person.id,
                        note=question[:REASON_LIMIT])
    await notify.followers(session, clock, ctx, event, "tk-n-waiting",
                           {**steward_args(ctx, actor), "team": tc.team_label(ctx.team),
                            "text": question})
    await cards.refresh(session, clock, ctx)
    await session.commit()
    return ctx


async def reject(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, reason: str
) -> tc.TicketContext:
    reason = reason.strip()
    if not reason:
        raise TicketError("tk-err-reason-needed")
    ctx = await check(session, actor, ticket_id, Event.REJECT)
    event = await apply(session, clock, ctx.ticket, Event.REJECT, actor.person.id,
                        note=reason[:REASON_LIMIT])
    await notify.followers(session, clock, ctx, event, "tk-n-rejected",
                           {"reason": reason[:REASON_LIMIT]})
    await notify.group_line(session, clock, ctx, event, "tk-g-rejected")
    await cards.refresh(session, clock, ctx)
    await session.commit()
    return ctx


async def escalate(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int
) -> tc.TicketContext:
    """By hand: any worker of the ticket may pass it one level up."""
    ctx = await check(session, actor, ticket_id, Event.ESCALATE, owner=False)
    if ctx.ticket.level >= ladder.TOP:
        raise TicketError("tk-err-top-level", number=ctx.ticket.number)
    await ladder.climb(session, clock, ctx, actor.person.id, "manual")
    await session.commit()
    return ctx


async def start_if_accepted(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, actor_id: int
) -> TicketEvent | None:
    """The first reply after accepting means the work is under way."""
    if ctx.ticket.status in (Status.ACCEPTED, Status.REOPENED):
        return await apply(session, clock, ctx.ticket, Event.START, actor_id)
    return None
