"""Conversation both ways: stewards reply to the card, reporters reply to what reached them.

The staff side never shows a reporter's contact; the reporter side sees "<first name>, <team>".
Internal notes stay in the ticket's history and never leave the staff side.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from services.clock import Clock
from services.policy import Actor
from services.tickets import cards, notify
from services.tickets import context as tc
from services.tickets.access import is_follower, require_work
from services.tickets.errors import TicketError
from services.tickets.lifecycle import FINAL, Event, Status, apply, record
from services.tickets.work import start_if_accepted


def parse_ref(ref: str | None) -> tuple[str, int] | None:
    """"tk:12" -> ("tk", 12); other features' refs -> None."""
    if not ref or ":" not in ref:
        return None
    kind, _, raw = ref.partition(":")
    if kind not in ("tk", "tkr", "tkq") or not raw.isdigit():
        return None
    return kind, int(raw)


async def staff_reply(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, text: str,
    *, canned: bool = False, public: bool = False,
) -> tuple[tc.TicketContext, int]:
    """Relay a steward's words to every follower. Returns the context and how many were told.

    `public`: the steward said the words may be read in the group, so a reporter who cannot
    be reached privately reads them there too (otherwise the group learns only that he replied).
    """
    text = text.strip()
    if not text:
        raise TicketError("tk-err-empty")
    ctx = await tc.load(session, ticket_id)
    await require_work(session, actor, ctx.ticket)
    if ctx.ticket.status in FINAL:
        raise TicketError("tk-err-final", number=ctx.ticket.number,
                          status=tc.status_label(ctx.ticket.status))
    started = await start_if_accepted(session, clock, ctx, actor.person.id)
    event = record(session, clock, ctx.ticket, "canned" if canned else "reply", actor.person.id,
                   note=text)
    await session.flush()
    told = await notify.followers(session, clock, ctx, event, "tk-relay-out", {
        "steward": actor.person.first_name or actor.person.display_name,
        "team": tc.team_label(ctx.team), "text": text, "public": public,
    })
    if started is not None:
        await cards.refresh(session, clock, ctx)
    await session.commit()
    return ctx, told


async def follower_reply(
    session: AsyncSession, clock: Clock, person: Person, ticket_id: int, text: str
) -> tc.TicketContext:
    """A reporter's answer goes under the ticket's cards; it resumes a waiting ticket."""
    text = text.strip()
    if not text:
        raise TicketError("tk-err-empty")
    ctx = await tc.load(session, ticket_id)
    t = ctx.ticket
    if not await is_follower(session, person.id, t.id):
        raise TicketError("tk-err-not-follower")
    if t.status in FINAL:
        raise TicketError("tk-err-final", number=t.number, status=tc.status_label(t.status))
    resumed = t.status == Status.WAITING
    if resumed:
        await apply(session, clock, t, Event.RESUME, person.id)
    event = record(session, clock, t, "message", person.id, note=text)
    await session.flush()
    who = tc.reporter_label(ctx, to_staff=True) if person.id == t.reporter_id \
        else person.display_name
    await notify.working_chats(session, clock, ctx, event, "tk-relay-in",
                               {"who": who, "text": text})
    if resumed:
        await cards.refresh(session, clock, ctx)
    await session.commit()
    return ctx


async def note(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, text: str
) -> tc.TicketContext:
    text = text.strip()
    if not text:
        raise TicketError("tk-err-empty")
    ctx = await tc.load(session, ticket_id)
    await require_work(session, actor, ctx.ticket)
    record(session, clock, ctx.ticket, "note", actor.person.id, note=text, internal=True)
    await session.commit()
    return ctx

