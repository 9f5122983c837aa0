"""The resolution note: after 已处理 the steward may add one short line the residents see."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.tickets import TicketEvent
from services.clock import Clock
from services.policy import Actor
from services.tickets import cards, notify
from services.tickets import context as tc
from services.tickets.access import require_work
from services.tickets.errors import TicketError
from services.tickets.lifecycle import Status, record
from services.tickets.work import REASON_LIMIT, oversees, steward_args

NOTE_LIMIT = 300


async def add_note(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, round_: int, note: str
) -> tc.TicketContext:
    """Once per resolution, while it is still the resolution the note is about."""
    ctx = await tc.load(session, ticket_id)
    t = ctx.ticket
    await require_work(session, actor, t)
    if t.status != Status.RESOLVED or t.resolve_round != round_:
        raise TicketError("tk-err-stale", number=t.number, status=tc.status_label(t.status))
    if t.assignee_id not in (None, actor.person.id) and not await oversees(session, actor, t):
        raise TicketError("tk-err-owned", number=t.number,
                          name=ctx.assignee.display_name if ctx.assignee else "—")
    note = " ".join(note.split())[:min(NOTE_LIMIT, REASON_LIMIT)]
    if not note:
        raise TicketError("tk-err-reason-needed")
    given = (await session.execute(
        select(TicketEvent.id).where(TicketEvent.ticket_id == t.id,
                                     TicketEvent.kind == "resolution",
                                     TicketEvent.at >= t.resolved_at).limit(1)
    )).first()
    if given is not None:
        raise TicketError("tk-err-note-given", number=t.number)
    t.resolution = note
    event = record(session, clock, t, "resolution", actor.person.id, note=note)
    await session.flush()
    await notify.followers(session, clock, ctx, event, "tk-n-resolution",
                           {**steward_args(ctx, actor), "note": note})
    await cards.refresh(session, clock, ctx)
    await session.commit()
    return ctx
