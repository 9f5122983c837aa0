"""The working card of a ticket: posted where a level works, edited as the ticket moves.

Edits are batched per card and time slot (the newest content wins) so a burst of actions
costs one edit, well inside a group's 20 messages a minute. A card that was never delivered
is rewritten in the queue instead of edited.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.tickets import TicketCard, TicketEvent
from services.clock import Clock
from services.outbox import Button, Notice, enqueue, fragment, sent_message_id
from services.tickets import contact
from services.tickets import context as tc
from services.tickets.lifecycle import OPEN, Event, allowed
from services.tickets.sla import current_due

CARD_TEXT_LIMIT = 600
SLOT_SECONDS = 5
PHOTOS_ON_CARD = 3
LATE_REASONS = ("accept-late", "resolve-late")


def ref(ticket_id: int) -> str:
    return f"tk:{ticket_id}"


def buttons(ctx: tc.TicketContext) -> list[list[Button]]:
    """Only the actions the table allows now; none once the ticket is final or resolved."""
    t = ctx.ticket
    if t.status not in OPEN:
        return []
    tid = t.id

    def b(key: str, action: str) -> Button:
        return Button(key, ("tk", action, tid))

    first = [b("tk-btn-take", "take")] if t.assignee_id is None else []
    first.append(b("tk-btn-resolve", "res"))
    if t.assignee_id is not None and allowed(Event.HANDOVER, t.status):
        first.append(b("tk-btn-handover", "hand"))
    second = [b("tk-btn-escalate", "esc")] if t.level < 3 else []
    second.append(b("tk-btn-duplicate", "dup"))
    third = [b("tk-btn-wait", "wait")] if allowed(Event.WAIT, t.status) else []
    third.append(b("tk-btn-reject", "rej"))
    return [first, second, third]


def card_args(ctx: tc.TicketContext, photos: int, plus: int, now: datetime,
              late: bool = False, reach: str | None = None) -> dict[str, Any]:
    t = ctx.ticket
    due = current_due(t)
    text = t.text
    if len(text) > CARD_TEXT_LIMIT:
        text = text[:CARD_TEXT_LIMIT] + "…"
    return {
        "number": t.number,
        "category": tc.category(t),
        "level": tc.level_label(t.level),
        "urgent": fragment("tk-card-urgent") if t.urgent else "",
        "late": fragment("tk-card-late") if late and t.status in OPEN else "",
        "where": tc.where(ctx, private=True),
        "reporter": tc.reporter_label(ctx, to_staff=True),
        "contact": fragment("tk-card-contact", how=reach) if reach else "",
        "status": tc.status_label(t.status),
        "assignee": fragment("tk-card-assignee", name=ctx.assignee.display_name)
        if ctx.assignee else "",
        "created": tc.local_time(t.created_at, ctx.tz),
        "due": _due_piece(due, now, ctx) if due else "",
        "photos": fragment("tk-card-photos", count=photos) if photos else "",
        "plus": fragment("tk-card-plus", count=plus) if plus else "",
        "more": fragment("tk-card-more", count=len(t.text)) if len(t.text) > CARD_TEXT_LIMIT
        else "",
        "team": tc.team_label(ctx.team),
        "text": text,
    }


def _due_piece(due: datetime, now: datetime, ctx: tc.TicketContext) -> dict[str, Any]:
    key = "tk-card-overdue" if due <= now else "tk-card-due"
    return fragment(key, due=tc.local_time(due, ctx.tz))


async def breached(session: AsyncSession, ticket_id: int) -> bool:
    """Has a deadline of this ticket ever run out? The card says so from then on."""
    row = (await session.execute(
        select(TicketEvent.id).where(TicketEvent.ticket_id == ticket_id,
                                     TicketEvent.kind.in_(("escalate", "overdue")),
                                     TicketEvent.note.in_(LATE_REASONS)).limit(1)
    )).first()
    return row is not None


async def post(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, chat_id: int, level: int,
    photos: list[bytes] | None = None, counts: tuple[int, int] | None = None,
) -> TicketCard:
    """A new card in `chat_id`; the long text and photos follow it as replies to it.
    `counts` (photos, co-reporters) when the caller knows them, as for a new ticket."""
    t = ctx.ticket
    # A key of its own rather than the card's id: the row goes in with it, no UPDATE after.
    tag = f"{t.id}:{secrets.token_hex(6)}"
    card = TicketCard(ticket_id=t.id, chat_id=chat_id, level=level, notice_key=f"tk:card:{tag}",
                      active=True, created_at=clock.now())
    session.add(card)
    count, plus = counts or await tc.card_counts(session, t.id)
    # A ticket opened in this transaction (counts given) has missed no deadline yet.
    late = False if counts is not None else await breached(session, t.id)
    await enqueue(session, clock, Notice(
        key=card.notice_key, chat_id=chat_id, text_key="tk-card",
        args=card_args(ctx, count, plus, clock.now(), late, await contact.reach_line(session, ctx)),
        buttons=buttons(ctx) or None, ref=ref(t.id),
    ))
    if len(t.text) > CARD_TEXT_LIMIT:
        await enqueue(session, clock, Notice(
            key=f"tk:full:{tag}", chat_id=chat_id, text_key="tk-card-fulltext",
            args={"number": t.number, "text": t.text}, ref=ref(t.id),
            reply_to_key=card.notice_key,
        ))
    for i, data in enumerate((photos or [])[:PHOTOS_ON_CARD], start=1):
        await enqueue(session, clock, Notice(
            key=f"tk:photo:{tag}:{i}", chat_id=chat_id, text_key="tk-photo-caption",
            args={"number": t.number, "n": i, "count": count}, method="send_photo",
            file_name=f"ticket-{t.number}-{i}.jpg", file_data=data, ref=ref(t.id),
            reply_to_key=card.notice_key,
        ))
    return card


async def repost(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, chat_id: int
) -> TicketCard:
    """A fresh card in a chat (e.g. after the old one was deleted); edits follow the new one."""
    await session.execute(
        update(TicketCard).where(TicketCard.ticket_id == ctx.ticket.id,
                                 TicketCard.chat_id == chat_id).values(active=False)
    )
    card = await post(session, clock, ctx, chat_id, ctx.ticket.level)
    await session.commit()
    return card


async def cards_of(session: AsyncSession, ticket_id: int) -> list[TicketCard]:
    rows = await session.execute(
        select(TicketCard).where(TicketCard.ticket_id == ticket_id, TicketCard.active)
        .order_by(TicketCard.id)
    )
    return list(rows.scalars())


async def refresh(session: AsyncSession, clock: Clock, ctx: tc.TicketContext) -> None:
    """Bring every card of the ticket up to date (batched; see the module docstring)."""
    now = clock.now()
    tid = ctx.ticket.id
    args = card_args(ctx, *await tc.card_counts(session, tid), now,
                     await breached(session, tid), await contact.reach_line(session, ctx))
    markup = buttons(ctx) or None
    for card in await cards_of(session, ctx.ticket.id):
        message_id = await sent_message_id(session, card.notice_key)
        if message_id is None:
            await enqueue(session, clock, Notice(
                key=card.notice_key, chat_id=card.chat_id, text_key="tk-card", args=args,
                buttons=markup, ref=ref(ctx.ticket.id),
            ), replace_pending=True)
            continue
        slot = int(now.timestamp()) // SLOT_SECONDS
        for attempt in range(2):
            edit = Notice(
                key=f"tk:ce:{card.id}:{slot + attempt}", chat_id=card.chat_id, text_key="tk-card",
                args=args, buttons=markup, method="edit_message_text",
                target_message_id=message_id, ref=ref(ctx.ticket.id),
                not_before=datetime.fromtimestamp((slot + attempt + 1) * SLOT_SECONDS, UTC),
            )
            if await enqueue(session, clock, edit, replace_pending=True):
                break
