"""A ticket with what every message about it needs, and the localized pieces of those messages.

Pieces are outbox fragments (services.outbox.fragment), rendered in each recipient's language;
handlers render the same pieces for their immediate answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import Building, Compound, Entrance, Household
from models.roles import Team
from models.tickets import Ticket, TicketFollower, TicketPhoto
from services import facts
from services.outbox import fragment
from services.place_names import place
from services.tickets.errors import TicketError
from services.tickets.places import map_url

Piece = str | dict[str, Any]


@dataclass
class TicketContext:
    ticket: Ticket
    compound: Compound
    team: Team | None
    building: Building | None
    household: Household | None
    entrance: Entrance | None
    reporter: Person
    assignee: Person | None

    @property
    def tz(self) -> ZoneInfo:
        return zone_of(self.compound)


def zone_of(compound: Compound) -> ZoneInfo:
    try:
        return ZoneInfo(compound.timezone)
    except (KeyError, ValueError):
        return ZoneInfo("Asia/Shanghai")


async def load(session: AsyncSession, ticket: Ticket | int, *, lock: bool = False) -> TicketContext:
    if isinstance(ticket, int):
        stmt = select(Ticket).where(Ticket.id == ticket).execution_options(populate_existing=True)
        if lock:
            stmt = stmt.with_for_update()
        row = (await session.execute(stmt)).scalar_one_or_none()
        if row is None:
            raise TicketError("tk-err-no-ticket")
        ticket = row
    building, household, entrance = await _place(session, ticket)
    compound = await facts.get(session, Compound, ticket.compound_id)
    reporter = await session.get(Person, ticket.reporter_id)
    assert compound is not None and reporter is not None
    return TicketContext(
        ticket=ticket,
        compound=compound,
        team=await facts.get(session, Team, ticket.team_id) if ticket.team_id else None,
        building=building,
        household=household,
        entrance=entrance,
        reporter=reporter,
        assignee=await session.get(Person, ticket.assignee_id) if ticket.assignee_id else None,
    )


async def _place(
    session: AsyncSession, ticket: Ticket
) -> tuple[Building | None, Household | None, Entrance | None]:
    """The ticket's building, home and entrance: from the cache, or in one round trip."""
    if ticket.household_id is not None:
        household = facts.known(session, Household, ticket.household_id)
        entrance = household and facts.known(session, Entrance, household.entrance_id)
        building = ticket.building_id and facts.known(session, Building, ticket.building_id)
        if household and entrance and building:
            return building, household, entrance
    row = None if ticket.household_id is None else (await session.execute(
        select(Household, Entrance, Building)
        .join(Entrance, Entrance.id == Household.entrance_id)
        .outerjoin(Building, Building.id == ticket.building_id)
        .where(Household.id == ticket.household_id)
    )).one_or_none()
    if row is None:
        building = (await facts.get(session, Building, ticket.building_id)
                    if ticket.building_id else None)
        return building, None, None
    household, entrance, building = row
    for obj in (household, entrance, building):
        if obj is not None:
            facts.learn(session, obj)
    return building, household, entrance


async def followers(session: AsyncSession, ticket_id: int) -> list[Person]:
    rows = await session.execute(
        select(Person).join(TicketFollower, TicketFollower.person_id == Person.id)
        .where(TicketFollower.ticket_id == ticket_id)
        .order_by(TicketFollower.joined_at, Person.id)
    )
    return list(rows.scalars())


async def photo_count(session: AsyncSession, ticket_id: int) -> int:
    rows = await session.execute(select(TicketPhoto.id).where(TicketPhoto.ticket_id == ticket_id))
    return len(rows.all())


async def card_counts(session: AsyncSession, ticket_id: int) -> tuple[int, int]:
    """Photos and co-reporters a card shows, in one round trip."""
    photos = select(func.count()).select_from(TicketPhoto).where(
        TicketPhoto.ticket_id == ticket_id).scalar_subquery()
    plus = select(func.count()).select_from(TicketFollower).where(
        TicketFollower.ticket_id == ticket_id, TicketFollower.kind == "co_reporter"
    ).scalar_subquery()
    row = (await session.execute(select(photos, plus))).one()
    return int(row[0]), int(row[1])


# ---- pieces ----------------------------------------------------------------------------
def category(ticket: Ticket) -> Piece:
    return fragment(f"tk-cat-{ticket.category}")


def team_label(team: Team | None) -> Piece:
    if team is None:
        return fragment("tk-desk")
    return team.name or fragment("tk-team", code=team.code)


def level_label(level: int) -> Piece:
    return fragment(f"tk-level-{level}")


def status_label(status: str) -> Piece:
    return fragment(f"tk-status-{status}")


def area_label(area: str) -> Piece:
    return fragment(f"tk-area-{area}")


def where(ctx: TicketContext, *, private: bool) -> Piece:
    """Building and area; the room, the resident's own words for the place and a map link
    to their pin only when `private` (and the room only when not anonymous)."""
    base = _where(ctx, private=private)
    t = ctx.ticket
    if not private or (t.place is None and t.latitude is None):
        return base
    pin = t.latitude is not None and t.longitude is not None
    return fragment(
        "tk-where-more", where=base,
        place=fragment("tk-where-place", place=t.place) if t.place else "",
        map=fragment("tk-where-map", url=map_url(t.latitude, t.longitude))  # type: ignore[arg-type]
        if pin else "",
    )


def _where(ctx: TicketContext, *, private: bool) -> Piece:
    t = ctx.ticket
    if private and not t.anonymous and ctx.household is not None and ctx.entrance is not None:
        return place(building=ctx.building.name if ctx.building else None,
                     entrance=ctx.entrance.name, room=ctx.household.room)
    if ctx.building is not None:
        return fragment("tk-where-building", building=place(building=ctx.building.name),
                        area=area_label(t.area))
    return fragment("tk-where-area", area=area_label(t.area))


def reporter_label(ctx: TicketContext, *, to_staff: bool) -> Piece:
    if ctx.ticket.anonymous and not to_staff:
        return fragment("tk-anonymous")
    if ctx.ticket.anonymous:
        return fragment("tk-anonymous-staff")
    return ctx.reporter.display_name


def local_time(value: datetime | None, tz: ZoneInfo) -> str:
    return value.astimezone(tz).strftime("%m-%d %H:%M") if value else "—"


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split()) if limit <= 200 else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary(ctx: TicketContext) -> dict[str, Any]:
    """What may be said anywhere, groups included: number, category, team. Nothing private."""
    return {"number": ctx.ticket.number, "category": category(ctx.ticket),
            "team": team_label(ctx.team)}


def fragment_reason(reason: str) -> Piece:
    """Why a ticket climbed: accept-late, resolve-late, manual, not-fixed."""
    return fragment(f"tk-reason-{reason}")


def fragment_note(note: str) -> Piece:
    return fragment("tk-note-line", note=note)
