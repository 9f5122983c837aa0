"""Canned replies per team (or the party branch's desk): saved once, sent with /canned <n>."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import ChatBinding
from models.tickets_config import TicketCanned
from services.clock import Clock
from services.policy import Action, Actor, can
from services.tickets.access import in_team
from services.tickets.errors import TicketError

TITLE_LIMIT = 64
TEXT_LIMIT = 2000


def scope(compound_id: int, team_id: int | None) -> str:
    return f"t{team_id}" if team_id is not None else f"c{compound_id}"


async def listing(
    session: AsyncSession, compound_id: int, team_id: int | None
) -> list[TicketCanned]:
    rows = await session.execute(
        select(TicketCanned).where(TicketCanned.team_key == scope(compound_id, team_id))
        .order_by(TicketCanned.id)
    )
    return list(rows.scalars())


def parse_add(text: str) -> tuple[str, str]:
    """"Title: the reply text" (a full-width colon works too)."""
    for sep in (":", "\uff1a"):
        if sep in text:
            title, _, body = text.partition(sep)
            title, body = title.strip(), body.strip()
            if title and body:
                return title[:TITLE_LIMIT], body
    raise TicketError("tk-canned-usage")


async def add(
    session: AsyncSession, clock: Clock, compound_id: int, team_id: int | None, author_id: int,
    text: str,
) -> TicketCanned:
    title, body = parse_add(text)
    if len(body) > TEXT_LIMIT:
        raise TicketError("tk-err-too-long", limit=TEXT_LIMIT)
    row = TicketCanned(compound_id=compound_id, team_id=team_id,
                       team_key=scope(compound_id, team_id), title=title, text=body,
                       created_by=author_id, created_at=clock.now())
    session.add(row)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        raise TicketError("tk-canned-exists", title=title) from None
    return row


async def pick(
    session: AsyncSession, compound_id: int, team_id: int | None, index: int
) -> TicketCanned:
    items = await listing(session, compound_id, team_id)
    if not 1 <= index <= len(items):
        raise TicketError("tk-canned-unknown", n=index)
    return items[index - 1]


async def remove(
    session: AsyncSession, compound_id: int, team_id: int | None, index: int
) -> TicketCanned:
    row = await pick(session, compound_id, team_id, index)
    await session.execute(delete(TicketCanned).where(TicketCanned.id == row.id))
    await session.commit()
    return row


async def scope_of_chat(
    session: AsyncSession, actor: Actor, binding: ChatBinding | None
) -> tuple[int, int | None]:
    """Canned replies are kept per staff chat: a team's, or the party branch's desk."""
    if binding is None or binding.purpose not in ("team", "party_branch"):
        raise TicketError("tk-canned-where")
    if binding.purpose == "team":
        if actor.superadmin or await in_team(session, actor.person.id, binding.team_id) \
                or await can(session, actor, Action.TICKET_OVERSEE, binding.compound_id):
            return binding.compound_id, binding.team_id
    elif await can(session, actor, Action.TICKET_LEVEL2, binding.compound_id):
        return binding.compound_id, None
    raise TicketError("tk-canned-denied")
