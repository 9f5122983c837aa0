"""SLA deadlines stored on the ticket: accept-within, resolve-within, the warning before each.

Non-urgent categories of a team with business hours only count minutes inside those hours
(local time of the compound); urgent ones count every minute.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from models.tickets import Ticket
from services.tickets.config import Route
from services.tickets.lifecycle import Status

WARN_LEAD_MAX = timedelta(hours=2)
RESOLVING = frozenset({Status.ACCEPTED, Status.IN_PROGRESS, Status.REOPENED})


def add_working(
    start: datetime, minutes: int, tz: ZoneInfo, hours: tuple[int, int] | None
) -> datetime:
    """`start` plus `minutes` of working time; every minute counts when `hours` is None."""
    if hours is None:
        return start + timedelta(minutes=minutes)
    open_m, close_m = hours
    local = start.astimezone(tz)
    left = minutes
    for _ in range(minutes // max(close_m - open_m, 1) + 400):  # bounded: days, not minutes
        day = local.replace(hour=0, minute=0, second=0, microsecond=0)
        opens = day + timedelta(minutes=open_m)
        closes = day + timedelta(minutes=close_m)
        if local < opens:
            local = opens
        if local >= closes:
            local = day + timedelta(days=1, minutes=open_m)
            continue
        available = int((closes - local).total_seconds() // 60)
        if left <= available:
            return (local + timedelta(minutes=left)).astimezone(start.tzinfo)
        left -= available
        local = day + timedelta(days=1, minutes=open_m)
    return start + timedelta(minutes=minutes)  # unreachable with sane hours


def warn_lead(window_minutes: int) -> timedelta:
    """Warn a quarter of the window before the deadline, at most two hours before."""
    return min(timedelta(minutes=window_minutes) / 4, WARN_LEAD_MAX)


def _hours(route: Route) -> tuple[int, int] | None:
    return None if route.urgent else route.hours


def start_accept_clock(ticket: Ticket, route: Route, now: datetime, tz: ZoneInfo) -> None:
    ticket.accept_due_at = add_working(now, route.accept_minutes, tz, _hours(route))
    ticket.warn_at = ticket.accept_due_at - warn_lead(route.accept_minutes)


def start_resolve_clock(ticket: Ticket, route: Route, now: datetime, tz: ZoneInfo) -> None:
    ticket.resolve_due_at = add_working(now, route.resolve_minutes, tz, _hours(route))
    ticket.warn_at = ticket.resolve_due_at - warn_lead(route.resolve_minutes)


def start_clocks(ticket: Ticket, route: Route, now: datetime, tz: ZoneInfo) -> None:
    start_resolve_clock(ticket, route, now, tz)
    start_accept_clock(ticket, route, now, tz)


def after_accept(ticket: Ticket, route: Route) -> None:
    """Once accepted, the next warning is about the resolve deadline."""
    if ticket.resolve_due_at is not None:
        ticket.warn_at = ticket.resolve_due_at - warn_lead(route.resolve_minutes)


def current_due(ticket: Ticket) -> datetime | None:
    """The deadline that runs now: accepting while new, resolving while owned, none otherwise."""
    if ticket.status == Status.NEW:
        return ticket.accept_due_at
    if ticket.status in RESOLVING:
        return ticket.resolve_due_at
    return None


def overdue(ticket: Ticket, now: datetime) -> bool:
    due = current_due(ticket)
    return due is not None and due <= now
