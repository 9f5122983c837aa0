"""Closing the loop (事事有答复，件件有回音): "is it fixed?", stars, comments, 72-hour close."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.tickets import Ticket, TicketRating
from services.clock import Clock
from services.tickets import cards, ladder, notify, reach, sla
from services.tickets import config as tconfig
from services.tickets import context as tc
from services.tickets.access import is_follower
from services.tickets.categories import Category
from services.tickets.errors import TicketError
from services.tickets.lifecycle import Event, Status, apply, record

CONFIRM_WINDOW = timedelta(hours=72)
COMMENT_LIMIT = 1000


async def _rating(
    session: AsyncSession, ticket_id: int, person_id: int, round_: int
) -> TicketRating | None:
    return (await session.execute(select(TicketRating).where(
        TicketRating.ticket_id == ticket_id, TicketRating.person_id == person_id,
        TicketRating.round == round_,
    ))).scalar_one_or_none()


async def answer(
    session: AsyncSession, clock: Clock, person: Person, ticket_id: int, round_: int, fixed: bool
) -> tc.TicketContext:
    """The first answer decides: Fixed closes, Not fixed reopens one level up.

    Later answers of co-reporters for the same resolution are kept as ratings only.
    """
    ctx = await tc.load(session, ticket_id, lock=True)
    t = ctx.ticket
    if not await is_follower(session, person.id, t.id):
        raise TicketError("tk-err-not-follower")
    if round_ and await _rating(session, t.id, person.id, round_) is not None:
        raise TicketError("tk-err-answered", number=t.number)  # a second press
    _require_current(t, round_, fixed)
    session.add(TicketRating(ticket_id=t.id, person_id=person.id, round=round_, fixed=fixed,
                             steward_id=t.assignee_id, team_id=t.team_id, level=t.level,
                             at=clock.now()))
    try:
        await session.flush()
    except IntegrityError:  # a double press
        await session.rollback()
        raise TicketError("tk-err-answered", number=t.number) from None
    if await _claim(session, clock, t.id, round_):
        await (_confirm if fixed else _reopen)(session, clock, ctx, person)
    elif fixed and t.status == Status.CLOSED and t.outcome in ("unconfirmed", "unreached"):
        t.outcome = "confirmed"  # late, but a resident did confirm the fix
    await session.commit()
    return ctx


def _require_current(t: Ticket, round_: int, fixed: bool) -> None:
    """A question counts only for the resolution it asked about, and only while that
    resolution stands: once the ticket was reopened (or resolved again) it is stale. A
    closed ticket cannot be reopened by a late "not fixed": that question is stale too."""
    standing = t.status == Status.RESOLVED or (
        t.status == Status.CLOSED and t.outcome != "mediated" and fixed)
    if round_ == 0 or round_ != t.resolve_round or not standing:
        raise TicketError("tk-err-question-stale", number=t.number,
                          status=tc.status_label(t.status))


async def _claim(session: AsyncSession, clock: Clock, ticket_id: int, round_: int) -> bool:
    """Only the first answer to a resolution moves the ticket, even when two arrive at once."""
    claimed = await session.execute(
        update(Ticket).where(Ticket.id == ticket_id, Ticket.status == Status.RESOLVED.value,
                             Ticket.resolve_round == round_)
        .values(updated_at=clock.now()).execution_options(synchronize_session=False)
    )
    return claimed.rowcount == 1


async def _confirm(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, person: Person
) -> None:
    ctx.ticket.outcome = "confirmed"
    event = await apply(session, clock, ctx.ticket, Event.CONFIRM, person.id)
    await notify.followers(session, clock, ctx, event, "tk-n-closed-confirmed", exclude=person.id)
    await notify.working_chats(session, clock, ctx, event, "tk-w-confirmed")
    await cards.refresh(session, clock, ctx)


async def _reopen(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, person: Person
) -> None:
    t = ctx.ticket
    handler = ctx.assignee
    deny = await apply(session, clock, t, Event.DENY, person.id)
    route = await tconfig.route(session, t.compound_id, Category(t.category))
    sla.start_resolve_clock(t, route, clock.now(), ctx.tz)
    if not await ladder.climb(session, clock, ctx, person.id, "not-fixed"):
        await notify.followers(session, clock, ctx, deny, "tk-n-reopened", exclude=person.id)
    await notify.working_chats(session, clock, ctx, deny, "tk-w-notfixed",
                               {"who": person.display_name})
    if handler is not None:  # whoever did the work hears it from the resident's side too
        await notify.person(session, clock, ctx, deny, handler.tg_id, "tk-n-reopened-steward",
                            {"who": person.display_name}, staff=True)
    await cards.refresh(session, clock, ctx)


async def rate(
    session: AsyncSession, clock: Clock, person: Person, ticket_id: int, round_: int, stars: int
) -> tc.TicketContext:
    if not 1 <= stars <= 5:
        raise TicketError("tk-err-stars")
    ctx = await tc.load(session, ticket_id)
    t = ctx.ticket
    if not await is_follower(session, person.id, t.id):
        raise TicketError("tk-err-not-follower")
    if round_ == 0 or round_ != t.resolve_round:
        raise TicketError("tk-err-question-stale", number=t.number,
                          status=tc.status_label(t.status))
    rating = await _rating(session, ticket_id, person.id, round_)
    if rating is None:
        raise TicketError("tk-err-answer-first", number=t.number)
    if rating.stars == stars:
        return ctx  # the same star pressed again: nothing new to tell anyone
    rating.stars = stars
    rating.at = clock.now()
    await _tell_staff(session, clock, ctx, person, "rate", "★" * stars,
                      "tk-w-rated", "tk-n-rated-steward", {"stars": stars})
    await session.commit()
    return ctx


async def comment(
    session: AsyncSession, clock: Clock, person: Person, ticket_id: int, text: str
) -> tc.TicketContext:
    """A reply to the "is it fixed?" message: kept with the person's latest rating."""
    text = text.strip()
    if not text:
        raise TicketError("tk-err-empty")
    ctx = await tc.load(session, ticket_id)
    rating = (await session.execute(
        select(TicketRating).where(TicketRating.ticket_id == ticket_id,
                                   TicketRating.person_id == person.id)
        .order_by(TicketRating.round.desc()).limit(1)
    )).scalar_one_or_none()
    if rating is None:
        raise TicketError("tk-err-answer-first", number=ctx.ticket.number)
    rating.comment = text[:COMMENT_LIMIT]
    rating.at = clock.now()
    await _tell_staff(session, clock, ctx, person, "comment", rating.comment,
                      "tk-w-commented", "tk-n-commented-steward", {"comment": rating.comment})
    await session.commit()
    return ctx


async def _tell_staff(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, person: Person, kind: str,
    note: str, chat_key: str, steward_key: str, args: dict[str, object],
) -> None:
    """A rating or comment is the team's feedback: it goes under the card in the staff
    chat and to the steward who did the work, and stays in the ticket's staff log."""
    event = record(session, clock, ctx.ticket, kind, person.id, note, internal=True)
    await session.flush()
    who = (tc.reporter_label(ctx, to_staff=True) if person.id == ctx.ticket.reporter_id
           else person.display_name)
    payload = {**args, "who": who}
    await notify.working_chats(session, clock, ctx, event, chat_key, payload)
    steward = ctx.assignee
    if steward is not None and steward.id != person.id:
        await notify.person(session, clock, ctx, event, steward.tg_id, steward_key,
                            payload, staff=True)


async def expire(session: AsyncSession, clock: Clock, ticket_id: int) -> bool:
    """Nobody answered within 72 h: closed as resolved-unconfirmed. False if already moved.

    A reporter no private notice ever reached did not stay silent, they were never asked
    privately: such a ticket closes as "unreached", which no figure counts as resolved.
    """
    ctx = await tc.load(session, ticket_id, lock=True)
    t = ctx.ticket
    if t.status != Status.RESOLVED or t.resolved_at is None \
            or t.resolved_at + CONFIRM_WINDOW > clock.now():
        return False
    heard = await reach.reached(session, ctx.reporter, t.id)
    t.outcome = "unconfirmed" if heard else "unreached"
    event = await apply(session, clock, t, Event.EXPIRE, None)
    await notify.followers(session, clock, ctx, event,
                           "tk-n-closed-unconfirmed" if heard else "tk-n-closed-unreached")
    if not heard:
        await notify.group_line(session, clock, ctx, event, "tk-g-closed-unreached")
    await cards.refresh(session, clock, ctx)
    await session.commit()
    return True
