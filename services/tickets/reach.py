"""Reporters the bot cannot write to privately still follow their ticket.

Most residents of a building group never started the bot, and Telegram refuses private
messages to them (403). Every private notice about a group report therefore carries a
fallback: a short line in the report's own thread, queued by the outbox only when the
private one is refused. The line says what happened, never the private details (a
steward's words, a question, a room). Pressing the deep link under the group answer
(`?start=tk_<id>`) starts the private chat, and from then on notices arrive privately.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.outbox import Outbox, OutboxStatus
from models.person import Person
from models.tickets import Ticket, TicketEvent
from services.clock import Clock
from services.outbox import Button, Notice, enqueue, fragment
from services.tickets import context as tc
from services.tickets.access import is_follower
from services.tickets.errors import TicketError
from services.tickets.lifecycle import Status

DEEP_LINK_PREFIX = "tk_"
PAYLOAD = r"^tk_\d{1,18}$"

# Private notice -> its group line. Lines that share the key of a line the ticket already
# posts for everyone (taken, rejected, duplicate) are not posted twice.
GROUP_LINE: dict[str, str] = {
    "tk-n-taken": "tk-g-taken",
    "tk-relay-out": "tk-gf-replied",
    "tk-n-waiting": "tk-gf-waiting",
    "tk-n-resolved": "tk-gf-resolved",
    "tk-n-escalated": "tk-gf-escalated",
    "tk-n-reopened": "tk-gf-reopened",
    "tk-n-closed-confirmed": "tk-gf-closed-confirmed",
    "tk-n-rejected": "tk-g-rejected",
    "tk-n-duplicate": "tk-g-duplicate",
}
SHARED_KEY = frozenset({"tk-g-taken", "tk-g-rejected", "tk-g-duplicate"})
# What a group line may show: no recipient, no steward's text, no reason typed by staff.
GROUP_ARGS = frozenset({"number", "category", "team", "steward", "level", "note", "survivor",
                        "contacts"})


def deep_link(bot_username: str, ticket_id: int) -> str:
    return f"https://t.me/{bot_username}?start={DEEP_LINK_PREFIX}{ticket_id}"


def group_fallback(
    ticket: Ticket, event: TicketEvent, text_key: str, args: dict[str, Any],
    buttons: list[list[Button]] | None,
) -> Notice | None:
    """The line in the report's thread that stands in for a refused private notice."""
    line = GROUP_LINE.get(text_key)
    if line is None or ticket.origin_chat_id is None:
        return None
    prefix = "tk:g" if line in SHARED_KEY else "tk:gf"
    safe = {k: v for k, v in args.items() if k in GROUP_ARGS}
    if text_key == "tk-relay-out" and args.get("public"):
        line, safe["text"] = "tk-gf-replied-public", args.get("text", "")
    return Notice(
        key=f"{prefix}:{event.id}", chat_id=ticket.origin_chat_id, text_key=line, args=safe,
        buttons=buttons, thread_id=ticket.origin_thread_id,
        reply_to_message_id=ticket.origin_message_id,
    )


async def reached(session: AsyncSession, person: Person, ticket_id: int) -> bool:
    """Did any private notice about this ticket ever arrive in the person's chat?"""
    if person.tg_id is None:
        return False
    refs = [f"tkr:{ticket_id}", f"tkq:{ticket_id}"]
    stmt = select(exists().where(
        Outbox.chat_id == person.tg_id, Outbox.ref.in_(refs),
        Outbox.status == OutboxStatus.SENT.value,
    ))
    return bool((await session.execute(stmt)).scalar())


def parse_payload(payload: str | None) -> int | None:
    if not payload or not payload.startswith(DEEP_LINK_PREFIX):
        return None
    raw = payload[len(DEEP_LINK_PREFIX):]
    return int(raw) if raw.isdigit() else None


async def follow(
    session: AsyncSession, clock: Clock, person: Person, ticket_id: int
) -> tc.TicketContext:
    """The deep link: a reporter or co-reporter who now wrote to the bot privately.

    Writing privately is what makes them reachable (the middleware notes the chat as
    reachable); here only who may follow is checked, and others are refused with nothing
    changed. The confirmation goes through the outbox so that a reply to it, or a press on
    the question it repeats, finds the ticket like any other notice about it.
    """
    found = await session.get(Ticket, ticket_id)
    if found is None or person.tg_id is None \
            or not await is_follower(session, person.id, ticket_id):
        raise TicketError("tk-err-follow-not-yours")
    ctx = await tc.load(session, ticket_id)
    question = pending_question(ctx)
    await enqueue(session, clock, Notice(
        key=f"tk:follow:{ticket_id}:{person.id}:{clock.now().timestamp():.0f}",
        chat_id=person.tg_id, text_key="tk-follow-ok",
        args={**tc.summary(ctx), "status": tc.status_label(ctx.ticket.status),
              "ask": fragment("tk-follow-ask") if question else ""},
        buttons=question,
        ref=f"tkq:{ticket_id}" if question else f"tkr:{ticket_id}",
    ))
    await _replay(session, clock, person.tg_id, ticket_id)
    await session.commit()
    return ctx


# What the group line only announced ("the steward replied", "has a question"): the words
# themselves are sent again once the person can be written to.
REPLAYED = ("tk-relay-out", "tk-n-waiting")
REPLAY_LIMIT = 5


async def _replay(session: AsyncSession, clock: Clock, chat_id: int, ticket_id: int) -> None:
    refused = (await session.execute(
        select(Outbox).where(Outbox.chat_id == chat_id, Outbox.ref == f"tkr:{ticket_id}",
                             Outbox.status == OutboxStatus.UNREACHABLE.value,
                             Outbox.text_key.in_(REPLAYED))
        .order_by(Outbox.id.desc()).limit(REPLAY_LIMIT)
    )).scalars().all()
    for row in reversed(refused):
        await enqueue(session, clock, Notice(
            key=f"{row.idem_key}:again", chat_id=chat_id, text_key=row.text_key,
            args=row.args, ref=row.ref, locale=row.locale,
        ))


def pending_question(ctx: tc.TicketContext) -> list[list[Button]] | None:
    """A resolved ticket still waits for "is it fixed?": the buttons to ask it again."""
    t = ctx.ticket
    if t.status != Status.RESOLVED or t.resolve_round == 0:
        return None
    return [[
        Button("tk-btn-fixed", ("tq", "fix", t.id, t.resolve_round, 0)),
        Button("tk-btn-notfixed", ("tq", "nofix", t.id, t.resolve_round, 0)),
    ]]
