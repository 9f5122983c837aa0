"""The ticket's states and the one table of allowed transitions.

Every transition is stored as a TicketEvent (who, when, from, to, note). Escalations and
hand-overs keep the status but are events too, so the table lists them as well.
"""

from __future__ import annotations

import enum

from sqlalchemy.ext.asyncio import AsyncSession

from models.tickets import Ticket, TicketEvent
from services.clock import Clock
from services.tickets.errors import TicketError


class Status(enum.StrEnum):
    NEW = "new"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"  # on the resident; the SLA clock is paused
    RESOLVED = "resolved"
    CLOSED = "closed"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"
    REOPENED = "reopened"


class Event(enum.StrEnum):
    TAKE = "take"
    START = "start"
    WAIT = "wait"
    RESUME = "resume"
    RESOLVE = "resolve"
    CONFIRM = "confirm"  # a reporter says it is fixed
    DENY = "deny"  # a reporter says it is not fixed
    EXPIRE = "expire"  # nobody answered within 72 h
    REJECT = "reject"
    MERGE = "merge"  # duplicate of another ticket
    MEDIATE = "mediate"  # both parties accepted the agreement
    ESCALATE = "escalate"
    HANDOVER = "handover"


S, E = Status, Event
OPEN = frozenset({S.NEW, S.ACCEPTED, S.IN_PROGRESS, S.WAITING, S.REOPENED})
FINAL = frozenset({S.CLOSED, S.REJECTED, S.DUPLICATE})
OWNED = frozenset({S.ACCEPTED, S.IN_PROGRESS, S.WAITING, S.REOPENED})

TRANSITIONS: dict[tuple[Event, Status], Status] = {
    (E.TAKE, S.NEW): S.ACCEPTED,
    (E.TAKE, S.REOPENED): S.ACCEPTED,
    (E.TAKE, S.ACCEPTED): S.ACCEPTED,  # after a hand-over back to the queue
    (E.TAKE, S.IN_PROGRESS): S.IN_PROGRESS,
    (E.TAKE, S.WAITING): S.WAITING,
    (E.START, S.ACCEPTED): S.IN_PROGRESS,
    (E.START, S.REOPENED): S.IN_PROGRESS,
    (E.WAIT, S.NEW): S.WAITING,  # asking before taking makes the asker the owner
    (E.WAIT, S.ACCEPTED): S.WAITING,
    (E.WAIT, S.IN_PROGRESS): S.WAITING,
    (E.WAIT, S.REOPENED): S.WAITING,
    (E.RESUME, S.WAITING): S.IN_PROGRESS,
    **{(E.RESOLVE, s): S.RESOLVED for s in OPEN},
    (E.CONFIRM, S.RESOLVED): S.CLOSED,
    (E.DENY, S.RESOLVED): S.REOPENED,
    (E.EXPIRE, S.RESOLVED): S.CLOSED,
    **{(E.REJECT, s): S.REJECTED for s in OPEN},
    **{(E.MERGE, s): S.DUPLICATE for s in OPEN},
    **{(E.MEDIATE, s): S.CLOSED for s in OPEN},
    **{(E.ESCALATE, s): s for s in OPEN},
    **{(E.HANDOVER, s): s for s in OWNED},
}


def next_status(event: Event, status: Status | str) -> Status:
    target = TRANSITIONS.get((event, Status(status)))
    if target is None:
        raise TicketError("tk-err-transition", event=event.value, status=str(status),
                          status_name={"key": f"tk-status-{status}", "args": {}})
    return target


def allowed(event: Event, status: Status | str) -> bool:
    return (event, Status(status)) in TRANSITIONS


def record(
    session: AsyncSession, clock: Clock, ticket: Ticket, kind: str, actor_id: int | None,
    note: str | None = None, *, internal: bool = False, from_status: str | None = None,
) -> TicketEvent:
    """Add an event to the caller's unit of work."""
    event = TicketEvent(
        ticket_id=ticket.id, at=clock.now(), actor_id=actor_id, kind=kind,
        from_status=from_status or ticket.status, to_status=ticket.status, level=ticket.level,
        note=note, internal=internal,
    )
    session.add(event)
    return event


async def apply(
    session: AsyncSession, clock: Clock, ticket: Ticket, event: Event, actor_id: int | None,
    note: str | None = None,
) -> TicketEvent:
    """Move the ticket along the table, stamp its times, store the event (flushed only)."""
    before = Status(ticket.status)
    after = next_status(event, before)
    now = clock.now()
    ticket.status = after.value
    ticket.updated_at = now
    _stamp(ticket, event, before, after, clock)
    row = record(session, clock, ticket, event.value, actor_id, note, from_status=before.value)
    await session.flush()
    return row


def _stamp(ticket: Ticket, event: Event, before: Status, after: Status, clock: Clock) -> None:
    now = clock.now()
    if event is E.TAKE and ticket.accepted_at is None:
        ticket.accepted_at = now
    if after is S.WAITING and before is not S.WAITING:
        ticket.paused_at = now
    if before is S.WAITING and after is not S.WAITING and ticket.paused_at is not None:
        # The resident's time does not count against the team.
        paused = now - ticket.paused_at
        if ticket.resolve_due_at is not None:
            ticket.resolve_due_at += paused
        if ticket.warn_at is not None:
            ticket.warn_at += paused
        ticket.paused_at = None
    if after is S.RESOLVED:
        ticket.resolved_at = now
        ticket.resolve_round += 1
    if after in FINAL:
        ticket.closed_at = now
    if after is S.REOPENED:
        ticket.resolved_at = None
