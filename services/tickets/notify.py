"""Notices about a ticket: to its followers (privately), its group thread, its working chats.

Keys are derived from the event that caused them, so a retried cause never queues twice.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from models.tickets import TicketEvent
from services.clock import Clock
from services.outbox import Button, Notice, enqueue, sent_message_id
from services.tickets import context as tc
from services.tickets.cards import cards_of, ref
from services.tickets.reach import group_fallback


def reply_ref(ticket_id: int) -> str:
    """Messages a reporter may answer by replying: the answer goes to the working chats."""
    return f"tkr:{ticket_id}"


def question_ref(ticket_id: int) -> str:
    return f"tkq:{ticket_id}"


async def followers(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, event: TicketEvent,
    text_key: str, args: dict[str, Any] | None = None, *,
    buttons: list[list[Button]] | None = None, ref_: str | None = None,
    exclude: int | None = None,
) -> int:
    """Tell every reporter, co-reporter and party privately. Returns how many were told.

    Whoever Telegram refuses to reach privately hears it in the report's group thread.
    """
    told = 0
    payload = {**tc.summary(ctx), **(args or {})}
    fallback = group_fallback(ctx.ticket, event, text_key, payload, buttons)
    for person in await tc.followers(session, ctx.ticket.id):
        if person.tg_id is None or person.id == exclude:
            continue
        await enqueue(session, clock, Notice(
            key=f"tk:n:{event.id}:{person.id}", chat_id=person.tg_id, text_key=text_key,
            args={**payload, "recipient": person.first_name}, buttons=buttons,
            ref=ref_ or reply_ref(ctx.ticket.id), fallback=fallback,
        ))
        told += 1
    return told


async def person(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, event: TicketEvent,
    person_tg_id: int | None, text_key: str, args: dict[str, Any] | None = None,
    *, staff: bool = False,
) -> None:
    """One person privately; `staff` decides where their reply to it goes."""
    if person_tg_id is None:
        return
    await enqueue(session, clock, Notice(
        key=f"tk:p:{event.id}:{person_tg_id}", chat_id=person_tg_id, text_key=text_key,
        args={**tc.summary(ctx), **(args or {})},
        ref=ref(ctx.ticket.id) if staff else reply_ref(ctx.ticket.id),
    ))


async def group_line(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, event: TicketEvent, text_key: str
) -> None:
    """A short status line in the group thread the report came from: never private content."""
    t = ctx.ticket
    if t.origin_chat_id is None:
        return
    await enqueue(session, clock, Notice(
        key=f"tk:g:{event.id}", chat_id=t.origin_chat_id, text_key=text_key,
        args=tc.summary(ctx), thread_id=t.origin_thread_id,
        reply_to_message_id=t.origin_message_id,
    ))


async def working_chats(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, event: TicketEvent,
    text_key: str, args: dict[str, Any] | None = None,
) -> int:
    """Post under every card of the ticket (as a reply to it, once delivered)."""
    seen: set[int] = set()
    for card in await cards_of(session, ctx.ticket.id):
        if card.chat_id in seen:
            continue
        seen.add(card.chat_id)
        await enqueue(session, clock, Notice(
            key=f"tk:w:{event.id}:{card.chat_id}", chat_id=card.chat_id, text_key=text_key,
            args={**tc.summary(ctx), **(args or {})},
            reply_to_message_id=await sent_message_id(session, card.notice_key),
            ref=ref(ctx.ticket.id),
        ))
    return len(seen)
