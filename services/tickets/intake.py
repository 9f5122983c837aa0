"""Opening tickets: numbering, routing, SLA clocks, first cards; +1 and duplicate hints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import Compound
from models.roles import Team, TeamMember
from models.tickets import Ticket, TicketCounter, TicketFollower, TicketPhoto
from services import facts
from services.clock import Clock
from services.tickets import cards, ladder, notify, sla
from services.tickets import config as tconfig
from services.tickets import context as tc
from services.tickets.categories import TEXT_LIMIT, Category, effective_category
from services.tickets.errors import TicketError
from services.tickets.lifecycle import OPEN, Status, record
from services.upsert import insert_for

SIMILAR_WINDOW = timedelta(days=7)
SIMILAR_THRESHOLD = 0.3
_WORD = re.compile(r"[a-z0-9]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class Draft:
    compound_id: int
    category: Category
    text: str
    reporter_id: int
    building_id: int | None = None
    household_id: int | None = None
    area: str = "other"
    place: str | None = None  # the resident's words or a venue, at most PLACE_LIMIT
    latitude: float | None = None
    longitude: float | None = None
    anonymous: bool = False
    origin_chat_id: int | None = None
    origin_message_id: int | None = None
    origin_thread_id: int | None = None
    filed_by_id: int | None = None
    party_id: int | None = None  # the other side of a dispute
    photos: list[tuple[str, str]] = field(default_factory=list)  # (file_id, file_unique_id)


def check_text(text: str) -> str:
    clean = text.strip()
    if not clean:
        raise TicketError("tk-err-empty")
    if len(clean) > TEXT_LIMIT:
        raise TicketError("tk-err-too-long", limit=TEXT_LIMIT)
    return clean


async def next_number(session: AsyncSession, compound_id: int) -> int:
    """One atomic upsert: concurrent reports in one compound never share a number."""
    insert = insert_for(session)
    stmt = insert(TicketCounter).values(compound_id=compound_id, last_number=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=["compound_id"], set_={"last_number": TicketCounter.last_number + 1}
    ).returning(TicketCounter.last_number)
    return int((await session.execute(stmt)).scalar_one())


async def _round_robin(session: AsyncSession, team: Team) -> int | None:
    """The on-duty member after whoever got the team's last automatic assignment."""
    members = [p for (p,) in (await session.execute(
        select(TeamMember.person_id).where(TeamMember.team_id == team.id,
                                           TeamMember.on_duty.is_(True))
        .order_by(TeamMember.person_id)
    )).all()]
    if not members:
        return None
    last = (await session.execute(
        select(Ticket.assignee_id).where(Ticket.team_id == team.id, Ticket.auto_assigned)
        .order_by(Ticket.id.desc()).limit(1)
    )).scalar_one_or_none()
    later = [m for m in members if last is not None and m > last]
    return later[0] if later else members[0]


async def create(
    session: AsyncSession, clock: Clock, draft: Draft, photos: list[bytes] | None = None
) -> tc.TicketContext:
    """Open the ticket, start its clocks, post its cards; one commit."""
    text = check_text(draft.text)
    category = effective_category(draft.category, text)
    route = await tconfig.route(session, draft.compound_id, category)
    now = clock.now()
    ticket = Ticket(
        compound_id=draft.compound_id, number=await next_number(session, draft.compound_id),
        category=category.value, status=Status.NEW.value,
        team_id=route.team.id if route.team else None, urgent=route.urgent,
        level=2 if route.team is None or route.urgent else 1,
        reporter_id=draft.reporter_id, filed_by_id=draft.filed_by_id,
        anonymous=draft.anonymous, building_id=draft.building_id,
        household_id=draft.household_id, area=draft.area, text=text,
        place=draft.place, latitude=draft.latitude, longitude=draft.longitude,
        origin_chat_id=draft.origin_chat_id, origin_message_id=draft.origin_message_id,
        origin_thread_id=draft.origin_thread_id, created_at=now, updated_at=now,
        resolve_round=0,
    )
    if route.team is not None and route.team.round_robin:
        ticket.assignee_id = await _round_robin(session, route.team)
        ticket.auto_assigned = ticket.assignee_id is not None
    compound = await facts.get(session, Compound, draft.compound_id)
    assert compound is not None, "a draft is made from a bound chat or a household"
    # Before the INSERT, so the deadlines go in with it instead of in a second UPDATE.
    sla.start_clocks(ticket, route, now, tc.zone_of(compound))
    session.add(ticket)
    await session.flush()
    ctx = await tc.load(session, ticket)
    await _people(session, clock, ticket, draft)
    event = record(session, clock, ticket, "create", draft.filed_by_id or draft.reporter_id)
    await session.flush()
    for level in range(1 if route.team else 2, ticket.level + 1):
        await ladder.reach(session, clock, ctx, level, inform=route.team is not None,
                           photos=photos,
                           fresh=(len(dict.fromkeys(draft.photos)), 0))
    await ladder.fill_gap(session, clock, ctx, photos)
    if draft.filed_by_id is not None:
        await notify.person(session, clock, ctx, event, ctx.reporter.tg_id, "tk-n-filed-for-you",
                            {"text": tc.clip(text, 300), "recipient": ctx.reporter.first_name})
    if draft.party_id is not None and draft.party_id != draft.reporter_id:
        other = await session.get(Person, draft.party_id)
        if other is not None:
            await notify.person(session, clock, ctx, event, other.tg_id, "tk-n-party-added",
                                {"recipient": other.first_name})
    if ctx.assignee is not None:
        await notify.person(session, clock, ctx, event, ctx.assignee.tg_id, "tk-n-assigned",
                            staff=True)
    await session.commit()
    return ctx


async def _people(session: AsyncSession, clock: Clock, ticket: Ticket, draft: Draft) -> None:
    now = clock.now()
    session.add(TicketFollower(ticket_id=ticket.id, person_id=draft.reporter_id,
                               kind="reporter", joined_at=now))
    if draft.party_id is not None and draft.party_id != draft.reporter_id:
        session.add(TicketFollower(ticket_id=ticket.id, person_id=draft.party_id,
                                   kind="party", joined_at=now))
    for file_id, unique in dict.fromkeys(draft.photos):
        session.add(TicketPhoto(ticket_id=ticket.id, file_id=file_id, file_unique_id=unique,
                                added_at=now))


# ---- duplicates and +1 ------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    """Cached by text: a report is compared with up to 200 open tickets whose texts do not
    change, and tokenizing them again for every report was most of the comparison's cost."""
    lowered = text.lower()
    words = set(_WORD.findall(lowered))
    han = _CJK.findall(lowered)
    return frozenset(words | {a + b for a, b in pairwise(han)} | set(han))


def _jaccard(ta: frozenset[str], tb: frozenset[str]) -> float:
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def similarity(a: str, b: str) -> float:
    return _jaccard(_tokens(a), _tokens(b))


async def similar(
    session: AsyncSession, clock: Clock, compound_id: int, category: Category,
    building_id: int | None, text: str,
) -> Ticket | None:
    """An open ticket of the same category and building from the last week that reads alike."""
    category = effective_category(category, text)
    # Only ids and texts: building 200 whole tickets per report was most of intake's cost.
    stmt = select(Ticket.id, Ticket.text).where(
        Ticket.compound_id == compound_id, Ticket.category == category.value,
        Ticket.status.in_([s.value for s in OPEN]),
        Ticket.created_at >= clock.now() - SIMILAR_WINDOW,
    )
    stmt = stmt.where(Ticket.building_id.is_(None) if building_id is None
                      else Ticket.building_id == building_id)
    best, score = None, SIMILAR_THRESHOLD
    mine = _tokens(text)  # once, not once per candidate
    for ticket_id, candidate in await session.execute(stmt.order_by(Ticket.id.desc()).limit(200)):
        s = _jaccard(mine, _tokens(candidate))
        if s >= score:
            best, score = ticket_id, s
    return None if best is None else await session.get(Ticket, best)


def kept_private(ticket: Ticket) -> bool:
    """Reported in a private chat, or anonymously: its text, flat and name are for staff."""
    return ticket.origin_chat_id is None or ticket.anonymous


def hint(twin: Ticket) -> tuple[str, dict[str, Any]]:
    """What "a similar report exists" may say: a private one only that it exists."""
    args: dict[str, Any] = {"number": twin.number, "category": tc.category(twin)}
    if kept_private(twin):
        return "tk-dup-offer-private", args
    return "tk-dup-offer", {**args, "text": tc.clip(twin.text, 120)}


async def plus_one(
    session: AsyncSession, clock: Clock, ticket_id: int, person_id: int
) -> tc.TicketContext:
    """The person has this too: a co-reporter who hears every update."""
    ctx = await tc.load(session, ticket_id)
    if ctx.ticket.status not in OPEN:
        raise TicketError("tk-err-plus-closed", number=ctx.ticket.number)
    if await session.get(TicketFollower, (ticket_id, person_id)) is not None:
        raise TicketError("tk-err-already-following", number=ctx.ticket.number)
    session.add(TicketFollower(ticket_id=ticket_id, person_id=person_id, kind="co_reporter",
                               joined_at=clock.now()))
    record(session, clock, ctx.ticket, "plus_one", person_id)
    try:
        await session.flush()
    except IntegrityError:  # the same person pressing twice at once
        await session.rollback()
        raise TicketError("tk-err-already-following", number=ctx.ticket.number) from None
    await cards.refresh(session, clock, ctx)
    await session.commit()
    return ctx
