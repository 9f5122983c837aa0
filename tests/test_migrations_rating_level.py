"""Migration 0020 gives every rating given before it the level its ticket is at."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import db
from models.tickets import Ticket, TicketRating
from services.clock import FrozenClock
from services.tickets import intake
from tests.test_migrations_ballots import _alembic
from tests.tickets import scene as sc

BEFORE, AFTER = "0021_person_contact", "heads"


async def test_ratings_before_the_upgrade_take_their_tickets_level(
    engine: AsyncEngine, clock: FrozenClock
) -> None:
    async with db.session_factory(engine)() as s:
        scene = await sc.make(s, clock)
        team_ticket = (await intake.create(s, clock, scene.draft())).ticket.id
        desk_ticket = (await intake.create(s, clock, scene.draft("电梯不动了"))).ticket.id
        people = (scene.mei.id, scene.wang.id)
    await _alembic(engine, "downgrade", BEFORE)
    rating, ticket = TicketRating.__table__, Ticket.__table__
    # The table as it was before 0020: no level column, so no default for it either.
    legacy = sa.table("ticket_rating", *(sa.column(c) for c in (
        "ticket_id", "person_id", "round", "fixed", "stars", "steward_id", "at")))
    async with engine.begin() as conn:
        await conn.execute(update(ticket).where(ticket.c.id == desk_ticket).values(level=2))
        for ticket_id, stars in ((team_ticket, 5), (desk_ticket, 2)):
            await conn.execute(insert(legacy).values(
                ticket_id=ticket_id, person_id=people[0], round=1, fixed=True, stars=stars,
                steward_id=people[1], at=clock.now()))

    await _alembic(engine, "upgrade", AFTER)

    async with engine.connect() as conn:
        levels = dict((await conn.execute(
            select(rating.c.ticket_id, rating.c.level))).all())
    assert levels == {team_ticket: 1, desk_ticket: 2}
