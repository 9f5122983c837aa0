"""Mediation of disputes (矛盾调解): two parties, an agreement a mediator writes down,
both parties confirm, and the ticket closes as mediated."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.tickets import TicketFollower
from models.tickets_mediation import TicketAgreement, TicketAgreementVote
from services.clock import Clock
from services.outbox import Button
from services.policy import Actor
from services.tickets import cards, notify
from services.tickets import context as tc
from services.tickets.access import require_work
from services.tickets.categories import Category
from services.tickets.errors import TicketError
from services.tickets.lifecycle import OPEN, Event, apply, record

AGREEMENT_LIMIT = 3000


async def parties(session: AsyncSession, ticket_id: int) -> list[int]:
    """Person ids of both sides: the reporter and whoever was named as the other party."""
    rows = await session.execute(
        select(TicketFollower.person_id).where(
            TicketFollower.ticket_id == ticket_id,
            TicketFollower.kind.in_(("reporter", "party")),
        ).order_by(TicketFollower.joined_at, TicketFollower.person_id)
    )
    return list(rows.scalars())


async def _dispute(session: AsyncSession, actor: Actor, ticket_id: int) -> tc.TicketContext:
    ctx = await tc.load(session, ticket_id)
    if ctx.ticket.category != Category.DISPUTE:
        raise TicketError("tk-err-not-dispute", number=ctx.ticket.number)
    await require_work(session, actor, ctx.ticket)
    if ctx.ticket.status not in OPEN:
        raise TicketError("tk-err-stale", number=ctx.ticket.number,
                          status=tc.status_label(ctx.ticket.status))
    return ctx


async def add_party(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, person: Person
) -> tc.TicketContext:
    ctx = await _dispute(session, actor, ticket_id)
    if person.id in await parties(session, ticket_id):
        raise TicketError("tk-err-already-party", number=ctx.ticket.number)
    existing = await session.get(TicketFollower, (ticket_id, person.id))
    if existing is not None:
        existing.kind = "party"
    else:
        session.add(TicketFollower(ticket_id=ticket_id, person_id=person.id, kind="party",
                                   joined_at=clock.now()))
    event = record(session, clock, ctx.ticket, "party", actor.person.id,
                   note=person.display_name)
    await session.flush()
    await notify.person(session, clock, ctx, event, person.tg_id, "tk-n-party-added",
                        {"recipient": person.first_name})
    await session.commit()
    return ctx


async def propose(
    session: AsyncSession, clock: Clock, actor: Actor, ticket_id: int, text: str
) -> tuple[tc.TicketContext, TicketAgreement]:
    """Write down the agreement and ask both parties to confirm it."""
    text = text.strip()
    if not text:
        raise TicketError("tk-agree-usage")
    if len(text) > AGREEMENT_LIMIT:
        raise TicketError("tk-err-too-long", limit=AGREEMENT_LIMIT)
    ctx = await _dispute(session, actor, ticket_id)
    if len(await parties(session, ticket_id)) < 2:
        raise TicketError("tk-err-need-parties", number=ctx.ticket.number)
    await session.execute(
        update(TicketAgreement).where(TicketAgreement.ticket_id == ticket_id,
                                      TicketAgreement.status == "pending")
        .values(status="superseded")
    )
    agreement = TicketAgreement(ticket_id=ticket_id, text=text, status="pending",
                                recorded_by=actor.person.id, recorded_at=clock.now())
    session.add(agreement)
    event = record(session, clock, ctx.ticket, "agree", actor.person.id, note=text)
    await session.flush()
    buttons = [[Button("tk-btn-agree-yes", ("ta", "yes", agreement.id)),
                Button("tk-btn-agree-no", ("ta", "no", agreement.id))]]
    await notify.followers(session, clock, ctx, event, "tk-n-agreement", {"text": text},
                           buttons=buttons)
    await session.commit()
    return ctx, agreement


async def vote(
    session: AsyncSession, clock: Clock, person: Person, agreement_id: int, accepted: bool
) -> tuple[tc.TicketContext, str]:
    """Returns the context and what happened: 'waiting' | 'mediated' | 'declined'."""
    agreement = await session.get(TicketAgreement, agreement_id)
    if agreement is None:
        raise TicketError("tk-err-no-ticket")
    ctx = await tc.load(session, agreement.ticket_id, lock=True)
    sides = await parties(session, agreement.ticket_id)
    if person.id not in sides:
        raise TicketError("tk-err-not-party", number=ctx.ticket.number)
    if agreement.status != "pending" or ctx.ticket.status not in OPEN:
        raise TicketError("tk-err-agreement-stale", number=ctx.ticket.number)
    session.add(TicketAgreementVote(agreement_id=agreement_id, person_id=person.id,
                                    accepted=accepted, at=clock.now()))
    try:
        await session.flush()
    except IntegrityError:
        await session.rollback()
        raise TicketError("tk-err-answered", number=ctx.ticket.number) from None
    outcome = await _settle(session, clock, ctx, agreement, sides, person, accepted)
    await session.commit()
    return ctx, outcome


async def _settle(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, agreement: TicketAgreement,
    sides: list[int], person: Person, accepted: bool,
) -> str:
    if not accepted:
        agreement.status = "declined"
        event = record(session, clock, ctx.ticket, "agree_no", person.id)
        await session.flush()
        await notify.working_chats(session, clock, ctx, event, "tk-w-agreement-declined",
                                   {"who": person.display_name})
        await notify.followers(session, clock, ctx, event, "tk-n-agreement-declined",
                               exclude=person.id)
        return "declined"
    yes = set((await session.execute(
        select(TicketAgreementVote.person_id).where(
            TicketAgreementVote.agreement_id == agreement.id,
            TicketAgreementVote.accepted.is_(True))
    )).scalars())
    if not set(sides) <= yes:
        return "waiting"
    agreement.status = "accepted"
    ctx.ticket.outcome = "mediated"
    ctx.ticket.resolution = agreement.text
    event = await apply(session, clock, ctx.ticket, Event.MEDIATE, person.id)
    await notify.followers(session, clock, ctx, event, "tk-n-mediated", {"text": agreement.text},
                           exclude=person.id)
    await notify.working_chats(session, clock, ctx, event, "tk-w-mediated")
    await cards.refresh(session, clock, ctx)
    return "mediated"
