"""The scheduler's view of tickets: warnings before a deadline, breaches that climb the
ladder, and the 72-hour close. Everything it needs is stored on the ticket; running it twice
for the same instant does nothing more (each step moves a deadline or a status).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.tickets import Ticket
from services.outbox import Notice, enqueue
from services.tickets import cards, feedback, ladder, notify, sla
from services.tickets import config as tconfig
from services.tickets import context as tc
from services.tickets.categories import Category
from services.tickets.lifecycle import Status, record
from services.tickets.sla import RESOLVING

BATCH = 100


class _At:
    """The sweep's instant as a clock, for the services it calls."""

    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now


async def sweep(session: AsyncSession, now: datetime) -> int:
    clock = _At(now)
    done = 0
    for ticket_id in await _due(session, now, breach=True):
        done += await _breach(session, clock, ticket_id)
    for ticket_id in await _due(session, now, breach=False):
        done += await _warn(session, clock, ticket_id)
    expired = (await session.execute(
        select(Ticket.id).where(Ticket.status == Status.RESOLVED.value,
                                Ticket.resolved_at <= now - feedback.CONFIRM_WINDOW)
        .order_by(Ticket.id).limit(BATCH)
    )).scalars().all()
    for ticket_id in expired:
        done += int(await feedback.expire(session, clock, ticket_id))
    return done


async def _due(session: AsyncSession, now: datetime, *, breach: bool) -> list[int]:
    resolving = [s.value for s in RESOLVING]
    if breach:
        cond = or_(and_(Ticket.status == Status.NEW.value, Ticket.accept_due_at <= now),
                   and_(Ticket.status.in_(resolving), Ticket.resolve_due_at <= now))
    else:
        cond = and_(Ticket.status.in_([Status.NEW.value, *resolving]), Ticket.warn_at <= now)
    rows = await session.execute(select(Ticket.id).where(cond).order_by(Ticket.id).limit(BATCH))
    return list(rows.scalars())


async def _breach(session: AsyncSession, clock: _At, ticket_id: int) -> int:
    ctx = await tc.load(session, ticket_id, lock=True)
    t = ctx.ticket
    now = clock.now()
    if not sla.overdue(t, now):
        await session.rollback()
        return 0
    accepting = t.status == Status.NEW
    route = await tconfig.route(session, t.compound_id, Category(t.category))
    (sla.start_accept_clock if accepting else sla.start_resolve_clock)(t, route, now, ctx.tz)
    reason = "accept-late" if accepting else "resolve-late"
    if not await ladder.climb(session, clock, ctx, None, reason):
        # At the top the office is reminded each time a fresh window runs out.
        event = record(session, clock, t, "overdue", None, note=reason)
        await session.flush()
        await notify.working_chats(session, clock, ctx, event, "tk-w-overdue",
                                   {"reason": tc.fragment_reason(reason)})
        await cards.refresh(session, clock, ctx)
    await session.commit()
    return 1


async def _warn(session: AsyncSession, clock: _At, ticket_id: int) -> int:
    ctx = await tc.load(session, ticket_id, lock=True)
    t = ctx.ticket
    due = sla.current_due(t)
    now = clock.now()
    if due is None or t.warn_at is None or t.warn_at > now or due <= now:
        await session.rollback()
        return 0
    if t.warned_due_at == due:
        t.warn_at = None
        await session.commit()
        return 0
    t.warned_due_at = due
    t.warn_at = None
    event = record(session, clock, t, "warn", None, note=due.isoformat())
    await session.flush()
    args = {"due": tc.local_time(due, ctx.tz),
            "what": tc.fragment_reason("accept-soon" if t.status == Status.NEW
                                       else "resolve-soon")}
    if ctx.assignee is not None and ctx.assignee.tg_id is not None:
        await enqueue(session, clock, Notice(
            key=f"tk:warn:{event.id}", chat_id=ctx.assignee.tg_id, text_key="tk-warn",
            args={**tc.summary(ctx), **args}, ref=cards.ref(t.id),
        ))
    else:
        await notify.working_chats(session, clock, ctx, event, "tk-warn", args)
    await session.commit()
    return 1
