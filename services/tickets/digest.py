"""The suggestion box and wish box: a "you said, we did" digest for the compound's groups.

Only suggestions and wishes that were acted on (resolved or closed) and not yet published
go in; rejected and duplicate ones do not. No names, no rooms: the text is cut
short (and left out for one made privately or anonymously) and the party branch sees the
preview before anything is posted.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import ChatBinding, Compound
from models.tickets import Ticket, TicketEvent
from models.tickets_mediation import TicketDigest
from services import audit
from services.clock import Clock
from services.outbox import Notice, enqueue, fragment
from services.policy import Action, Actor, require
from services.tickets import context as tc
from services.tickets.categories import Category
from services.tickets.errors import TicketError
from services.tickets.intake import kept_private
from services.tickets.lifecycle import Status

ITEM_LIMIT = 20
GROUP_PURPOSES = ("compound", "building")


async def _items(session: AsyncSession, compound_id: int) -> list[Ticket]:
    rows = await session.execute(
        select(Ticket).where(
            Ticket.compound_id == compound_id,
            Ticket.category.in_((Category.SUGGESTION.value, Category.WISH.value)),
            Ticket.status.in_((Status.RESOLVED.value, Status.CLOSED.value)),
            Ticket.digested_at.is_(None),
        ).order_by(Ticket.number).limit(ITEM_LIMIT)
    )
    return list(rows.scalars())


async def _what_we_did(session: AsyncSession, ticket: Ticket) -> str:
    if ticket.resolution:
        return ticket.resolution
    last = (await session.execute(
        select(TicketEvent.note).where(TicketEvent.ticket_id == ticket.id,
                                       TicketEvent.kind.in_(("reply", "canned")))
        .order_by(TicketEvent.id.desc()).limit(1)
    )).scalar_one_or_none()
    return last or ""


async def preview(session: AsyncSession, actor: Actor, compound: Compound) -> dict[str, Any]:
    await require(session, actor, Action.TICKET_DIGEST, compound.id)
    items = await _items(session, compound.id)
    if not items:
        raise TicketError("tk-digest-empty", compound=compound.name)
    lines = []
    for t in items:
        did = await _what_we_did(session, t)
        lines.append(fragment(
            "tk-digest-line", number=t.number, category=tc.category(t),
            said=fragment("tk-digest-said-private") if kept_private(t) else tc.clip(t.text, 80),
            did=fragment("tk-digest-did", text=tc.clip(did, 160)) if did else "",
        ))
    return {"compound": compound.name, "items": {"lines": lines}, "count": len(items)}


async def publish(
    session: AsyncSession, clock: Clock, actor: Actor, compound: Compound
) -> tuple[int, int]:
    """Post the digest to every compound and building group. Returns (items, groups)."""
    args = await preview(session, actor, compound)
    items = await _items(session, compound.id)
    groups = list((await session.execute(
        select(ChatBinding.chat_id).where(ChatBinding.compound_id == compound.id,
                                          ChatBinding.purpose.in_(GROUP_PURPOSES))
    )).scalars())
    if not groups:
        raise TicketError("tk-digest-no-groups", compound=compound.name)
    digest = TicketDigest(compound_id=compound.id, published_by=actor.person.id,
                          published_at=clock.now(), items=len(items), groups=len(groups))
    session.add(digest)
    await session.flush()
    for chat_id in groups:
        await enqueue(session, clock, Notice(
            key=f"tk:digest:{digest.id}:{chat_id}", chat_id=chat_id, text_key="tk-digest",
            args=args,
        ))
    await session.execute(
        update(Ticket).where(Ticket.id.in_([t.id for t in items])).values(digested_at=clock.now())
    )
    audit.record(session, clock, "ticket.digest", actor_id=actor.person.id,
                 compound_id=compound.id, items=len(items), groups=len(groups))
    await session.commit()
    return len(items), len(groups)
