"""Lists and details: /mytickets, /queue and /t N, as localized pieces to render."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Select,
    and_,
    bindparam,
    case,
    false,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import Compound
from models.roles import Role, RoleGrant, TeamMember
from models.tickets import Ticket, TicketEvent, TicketFollower
from services import facts
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
# The open statuses written into the statement: as a list of parameters SQLAlchemy expands
# them anew on every call, which cost /queue more than SQLite spent running it.
_IS_OPEN = Ticket.status.in_([literal_column(f"'{s}'") for s in _OPEN])
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
    session: AsyncSession, tickets: Sequence[Ticket | QueueLine], now: datetime
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


def line(t: Ticket | QueueLine, now: datetime, tz: ZoneInfo) -> dict[str, Any]:
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
               or_(_IS_OPEN, Ticket.updated_at >= now - RECENT))
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


class QueueLine(Protocol):
    """What a /queue line shows of a ticket: the columns `_URGENT` reads, not a whole row."""

    id: int
    compound_id: int
    number: int
    category: str
    status: str
    level: int
    urgent: bool
    team_id: int | None
    assignee_id: int | None
    created_at: datetime
    accept_due_at: datetime | None
    resolve_due_at: datetime | None
    text: str


@dataclass
class Queue:
    """A steward's /queue: the most urgent of each list (overdue first, then by deadline,
    then oldest) and how many each list holds."""

    mine: list[QueueLine]
    free: list[QueueLine]
    mine_total: int
    free_total: int


_DUE = _due()
_NOW = bindparam("now", type_=Ticket.__table__.c.accept_due_at.type)
# Ordered and cut in the database, counted in the same statement: a team's open tickets are
# read as a number, not as a hundred objects of which the screen shows twenty. Built once:
# composing this statement cost more than running it.
# Whole ticket rows cost a million-ticket /queue more in building objects and converting
# timestamps than the database spent finding them; a line needs these columns, and a
# clipped text (tc.clip shows 40 characters).
_LINE_TEXT = 60
_ORDER = (case((_DUE <= _NOW, 0), else_=1), _DUE.is_(None), _DUE, Ticket.id)
_URGENT = (
    select(Ticket.id, Ticket.compound_id, Ticket.number, Ticket.category, Ticket.status,
           Ticket.level, Ticket.urgent, Ticket.team_id, Ticket.assignee_id, Ticket.created_at,
           Ticket.accept_due_at, Ticket.resolve_due_at,
           func.substr(Ticket.text, 1, _LINE_TEXT).label("text"),
           func.count().over().label("total"),
           func.row_number().over(order_by=_ORDER).label("pos"))
    .order_by(*_ORDER)
    .limit(bindparam("shown"))
)
_MY_TEAMS = select(TeamMember.team_id).where(TeamMember.person_id == bindparam("me"))
_MINE = _URGENT.where(_IS_OPEN, Ticket.assignee_id == bindparam("me"))
_TEAMS_WAITING = _URGENT.where(_IS_OPEN, Ticket.assignee_id.is_(None),
                               Ticket.team_id.in_(_MY_TEAMS))


def _both(waiting: Select[Any]) -> Select[Any]:
    """Both lists in one statement: each round trip to SQLite's worker thread costs about
    as much as finding a steward's twenty most urgent tickets."""
    mine = _MINE.add_columns(literal(0).label("list")).subquery()
    free = waiting.add_columns(literal(1).label("list")).subquery()
    both = union_all(select(mine), select(free)).subquery()
    return select(both).order_by(both.c.list, both.c.pos)


async def held_roles(session: AsyncSession, person_id: int) -> dict[int, frozenset[Role]]:
    """A person's live roles by compound, cached until any grant changes anywhere."""
    cached = facts.derived(session, "roles", person_id)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    grants = await session.execute(
        select(RoleGrant.compound_id, RoleGrant.role).where(
            RoleGrant.person_id == person_id, RoleGrant.revoked_at.is_(None))
    )
    found: dict[int, set[Role]] = {}
    for compound_id, role in grants:
        found.setdefault(compound_id, set()).add(Role(role))
    roles = {c: frozenset(r) for c, r in found.items()}
    facts.remember_derived(session, "roles", person_id, roles)
    return roles


async def _supervised(session: AsyncSession, actor: Actor) -> tuple[tuple[int, int], ...]:
    """The compounds whose unowned open tickets this person answers for, with the lowest
    level they answer for there: (compound id, level), in a stable order."""
    # All of the person's roles in one query (cached): asking per compound and level cost
    # /queue four round trips for every steward, who supervises nothing.
    roles = await held_roles(session, actor.person.id)
    found: list[tuple[int, int]] = []
    for compound_id, held in sorted(roles.items()):
        floor = 4
        for level, action in ((3, Action.TICKET_LEVEL3), (2, Action.TICKET_LEVEL2),
                              (1, Action.TICKET_OVERSEE)):
            if allowed(held, action, actor.superadmin):
                floor = level
        if floor <= 3:
            found.append((compound_id, floor))
    return tuple(found)


@lru_cache(maxsize=512)
def _queue_statement(supervised: tuple[tuple[int, int], ...]) -> Select[Any]:
    """Built once per shape of supervision: composing it cost more than running it."""
    if not supervised:
        return _both(_TEAMS_WAITING)
    where = [and_(Ticket.compound_id == compound_id,
                  or_(Ticket.level >= floor,
                      Ticket.team_id.is_(None) if floor <= 2 else false()))
             for compound_id, floor in supervised]
    return _both(_URGENT.where(_IS_OPEN, Ticket.assignee_id.is_(None),
                               or_(Ticket.team_id.in_(_MY_TEAMS), *where)))


async def queue(session: AsyncSession, actor: Actor, now: datetime, shown: int = 20) -> Queue:
    """Tickets this person owns, and those waiting for someone to take: the unowned ones of
    their teams and of the levels they supervise."""
    stmt = _queue_statement(await _supervised(session, actor))
    params = {"me": actor.person.id, "now": now, "shown": shown}
    rows = (await session.execute(stmt, params)).all()
    mine = [r for r in rows if r.list == 0]
    free = [r for r in rows if r.list == 1]
    return Queue(mine, free, mine[0].total if mine else 0, free[0].total if free else 0)


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
