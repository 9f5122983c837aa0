"""Lists and details: /mytickets, /queue and /t N, as localized pieces to render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    false,
    func,
    null,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import Compound
from models.roles import Role, RoleGrant, TeamMember
from models.tickets import Ticket, TicketEvent, TicketFollower
from services.outbox import fragment
from services.policy import Action, Actor, allowed
from services.tickets import context as tc
from services.tickets import sla
from services.tickets.access import may_view
from services.tickets.errors import TicketError
from services.tickets.lifecycle import OPEN, Status
from services.tickets.sla import RESOLVING

RECENT = timedelta(days=30)
LIST_LIMIT = 25
HIDDEN_FROM_FOLLOWERS = frozenset({"note", "warn", "overdue"})
_OPEN = [s.value for s in OPEN]
TZ = "Asia/Shanghai"


async def find_visible(
    session: AsyncSession, actor: Actor, number: int, compound_id: int | None = None
) -> tuple[tc.TicketContext, str]:
    """Ticket #number as this actor may see it: ('staff' | 'follower')."""
    stmt = select(Ticket).where(Ticket.number == number)
    if compound_id is not None:
        stmt = stmt.where(Ticket.compound_id == compound_id)
    for ticket in (await session.execute(stmt.order_by(Ticket.id))).scalars():
        view = await may_view(session, actor, ticket)
        if view is not None:
            return await tc.load(session, ticket), view
    raise TicketError("tk-err-not-visible", number=number)


async def lines(
    session: AsyncSession, tickets: list[Ticket], now: datetime
) -> list[dict[str, Any]]:
    """One line per ticket, times in each ticket's compound's time zone."""
    zones: dict[int, ZoneInfo] = {}
    out = []
    for ticket in tickets:
        if ticket.compound_id not in zones:
            compound = await session.get(Compound, ticket.compound_id)
            zones[ticket.compound_id] = ZoneInfo(compound.timezone if compound else TZ)
        out.append(line(ticket, now, zones[ticket.compound_id]))
    return out


def line(t: Ticket, now: datetime, tz: ZoneInfo) -> dict[str, Any]:
    due = sla.current_due(t)
    return fragment(
        "tk-line", number=t.number, category=tc.category(t), status=tc.status_label(t.status),
        created=tc.local_time(t.created_at, tz),
        late=fragment("tk-line-late") if due is not None and due <= now else "",
        text=tc.clip(t.text, 40),
    )


async def mine(session: AsyncSession, person_id: int, now: datetime) -> list[Ticket]:
    """A resident's open tickets and those closed in the last 30 days, newest first."""
    rows = await session.execute(
        select(Ticket).join(TicketFollower, TicketFollower.ticket_id == Ticket.id)
        .where(TicketFollower.person_id == person_id,
               or_(Ticket.status.in_(_OPEN), Ticket.updated_at >= now - RECENT))
        .order_by(Ticket.id.desc()).limit(LIST_LIMIT)
    )
    tickets = list(rows.scalars())
    return sorted(tickets, key=lambda t: (t.status not in _OPEN, -t.id))


def _due() -> Any:
    """sla.current_due as SQL: the deadline that runs now, by status."""
    return case(
        (Ticket.status == Status.NEW.value, Ticket.accept_due_at),
        (Ticket.status.in_([s.value for s in RESOLVING]), Ticket.resolve_due_at),
        else_=null(),
    )


@dataclass
class Queue:
    """A steward's /queue: the most urgent of each list (overdue first, then by deadline,
    then oldest) and how many each list holds."""

    mine: list[Ticket]
    free: list[Ticket]
    mine_total: int
    free_total: int


_DUE = _due()
_NOW = bindparam("now", type_=Ticket.__table__.c.accept_due_at.type)
# Ordered and cut in the database, counted in the same statement: a team's open tickets are
# read as a number, not as a hundred objects of which the screen shows twenty. Built once:
# composing this statement cost more than running it.
_URGENT = (
    select(Ticket, func.count().over().label("total"))
    .order_by(case((_DUE <= _NOW, 0), else_=1), _DUE.is_(None), _DUE, Ticket.id)
    .limit(bindparam("shown"))
)
_MY_TEAMS = select(TeamMember.team_id).where(TeamMember.person_id == bindparam("me"))
_MINE = _URGENT.where(Ticket.status.in_(_OPEN), Ticket.assignee_id == bindparam("me"))
_TEAMS_WAITING = _URGENT.where(Ticket.status.in_(_OPEN), Ticket.assignee_id.is_(None),
                               Ticket.team_id.in_(_MY_TEAMS))


async def _urgent_first(
    session: AsyncSession, stmt: Select[Any], me: int, now: datetime, shown: int
) -> tuple[list[Ticket], int]:
    rows = (await session.execute(stmt, {"me": me, "now": now, "shown": shown})).all()
    return [r[0] for r in rows], (rows[0][1] if rows else 0)


async def _supervised(session: AsyncSession, actor: Actor) -> list[ColumnElement[bool]]:
    """Where the unowned open tickets that climbed to a level this person answers for are."""
    # All of the person's roles in one query: asking per compound and level cost /queue
    # four round trips for every steward, who supervises nothing.
    grants = await session.execute(
        select(RoleGrant.compound_id, RoleGrant.role).where(
            RoleGrant.person_id == actor.person.id, RoleGrant.revoked_at.is_(None))
    )
    roles: dict[int, set[Role]] = {}
    for compound_id, role in grants:
        roles.setdefault(compound_id, set()).add(Role(role))
    found: list[ColumnElement[bool]] = []
    for compound_id, held in roles.items():
        floor = 4
        for level, action in ((3, Action.TICKET_LEVEL3), (2, Action.TICKET_LEVEL2),
                              (1, Action.TICKET_OVERSEE)):
            if allowed(held, action, actor.superadmin):
                floor = level
        if floor <= 3:
            found.append(and_(
                Ticket.compound_id == compound_id,
                or_(Ticket.level >= floor,
                    Ticket.team_id.is_(None) if floor <= 2 else false()),
            ))
    return found


async def queue(session: AsyncSession, actor: Actor, now: datetime, shown: int = 20) -> Queue:
    """Tickets this person owns, and those waiting for someone to take: the unowned ones of
    their teams and of the levels they supervise."""
    me = actor.person.id
    mine, mine_total = await _urgent_first(session, _MINE, me, now, shown)
    supervised = await _supervised(session, actor)
    waiting = _TEAMS_WAITING if not supervised else _URGENT.where(
        Ticket.status.in_(_OPEN), Ticket.assignee_id.is_(None),
        or_(Ticket.team_id.in_(_MY_TEAMS), *supervised))
    free, free_total = await _urgent_first(session, waiting, me, now, shown)
    return Queue(mine, free, mine_total, free_total)


async def timeline(
    session: AsyncSession, ctx: tc.TicketContext, view: str
) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(TicketEvent, Person).outerjoin(Person, Person.id == TicketEvent.actor_id)
        .where(TicketEvent.ticket_id == ctx.ticket.id).order_by(TicketEvent.id)
    )
    out = []
    for event, person in rows.all():
        if view != "staff" and (event.internal or event.kind in HIDDEN_FROM_FOLLOWERS):
            continue
        who = _who(ctx, event, person, view)
        out.append(fragment(
            "tk-tl-line", at=tc.local_time(event.at, ctx.tz), what=fragment(f"tk-ev-{event.kind}"),
            who=who, note=fragment("tk-tl-note", note=tc.clip(event.note, 300))
            if event.note and event.kind not in ("create", "warn") else "",
        ))
    return out


def _who(ctx: tc.TicketContext, event: TicketEvent, person: Person | None, view: str) -> Any:
    if person is None:
        return fragment("tk-who-system")
    if person.id == ctx.ticket.reporter_id and ctx.ticket.anonymous:
        return tc.reporter_label(ctx, to_staff=view == "staff")
    return person.first_name or person.display_name


def details(ctx: tc.TicketContext, view: str, photos: int, now: datetime) -> dict[str, Any]:
    t = ctx.ticket
    due = sla.current_due(t)
    return {
        **tc.summary(ctx),
        "status": tc.status_label(t.status),
        "level": tc.level_label(t.level),
        "where": tc.where(ctx, private=True),
        "reporter": tc.reporter_label(ctx, to_staff=view == "staff"),
        "assignee": ctx.assignee.first_name if ctx.assignee else "—",
        "created": tc.local_time(t.created_at, ctx.tz),
        "due": fragment("tk-card-overdue" if due <= now else "tk-card-due",
                        due=tc.local_time(due, ctx.tz)) if due else "",
        "photos": fragment("tk-card-photos", count=photos) if photos else "",
        "text": t.text,
    }
