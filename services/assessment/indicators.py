"""Indicators of one compound for one period, from the bot's own rows (README: Assessment).

Every figure is exact and depends only on rows stamped inside the period, so computing a
past period again gives the same numbers. Times are hours with one decimal; shares are
percent with one decimal (Decimal, rounded half up); None means "no data in the period".
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.assessment import AssessmentFigure
from models.points import Account, AccountKind, Posting, PostingKind, PostingLine
from models.registry import Household
from models.tickets import Ticket, TicketEvent, TicketRating
from services.assessment import participation
from services.assessment.periods import Period

_TENTH = Decimal("0.1")


@dataclass
class Indicators:
    period: Period
    households: int = 0
    tickets: int = 0
    per_100: Decimal | None = None
    by_category: dict[str, int] = field(default_factory=dict)
    accept_median: Decimal | None = None
    accept_p90: Decimal | None = None
    resolve_median: Decimal | None = None
    resolve_p90: Decimal | None = None
    within_sla: Decimal | None = None
    reopen_rate: Decimal | None = None
    escalated_l2: int = 0
    escalated_l3: int = 0
    ratings: int = 0
    mean_rating: Decimal | None = None
    rated_4_plus: Decimal | None = None
    mediated: int = 0
    points_earned: int = 0
    volunteer_hours: Decimal = Decimal(0)
    shift_coverage: Decimal | None = None
    turnout: Decimal | None = None
    fee_rate: Decimal | None = None


def share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100 * part) / whole).quantize(_TENTH, ROUND_HALF_UP)


def _hours(seconds: float) -> Decimal:
    return (Decimal(str(seconds)) / 3600).quantize(_TENTH, ROUND_HALF_UP)


def percentile(values: list[timedelta], p: int) -> Decimal | None:
    """Nearest-rank percentile (no interpolation), so it is always a time that happened."""
    if not values:
        return None
    ordered = sorted(v.total_seconds() for v in values)
    return _hours(ordered[max(0, math.ceil(p * len(ordered) / 100) - 1)])


def median(values: list[timedelta]) -> Decimal | None:
    if not values:
        return None
    ordered = sorted(v.total_seconds() for v in values)
    mid = len(ordered) // 2
    return _hours(ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2)


async def compute(session: AsyncSession, compound_id: int, period: Period) -> Indicators:
    out = Indicators(period=period)
    out.households = int(await session.scalar(
        select(func.count()).select_from(Household).where(Household.compound_id == compound_id)
    ) or 0)
    tickets = list((await session.scalars(select(Ticket).where(
        Ticket.compound_id == compound_id, Ticket.created_at >= period.start,
        Ticket.created_at < period.end))).all())
    _ticket_figures(out, tickets)
    await _events(session, out, compound_id, period, tickets)
    await _ratings(session, out, compound_id, period)
    out.mediated = int(await session.scalar(select(func.count()).select_from(Ticket).where(
        Ticket.compound_id == compound_id, Ticket.outcome == "mediated",
        Ticket.closed_at >= period.start, Ticket.closed_at < period.end)) or 0)
    out.points_earned = await _points(session, compound_id, period)
    part = await participation.compute(session, compound_id, period)
    out.volunteer_hours = part.volunteer_hours
    out.shift_coverage = share(part.covered, part.shifts)
    out.turnout = share(part.votes, part.eligible)
    out.fee_rate = await session.scalar(select(AssessmentFigure.value).where(
        AssessmentFigure.compound_id == compound_id, AssessmentFigure.period == period.code,
        AssessmentFigure.kind == "fee_rate"))
    return out


def _ticket_figures(out: Indicators, tickets: list[Ticket]) -> None:
    out.tickets = len(tickets)
    if out.households:
        out.per_100 = (Decimal(100 * len(tickets)) / out.households).quantize(
            _TENTH, ROUND_HALF_UP)
    out.by_category = dict(sorted(Counter(t.category for t in tickets).items()))
    accept = [t.accepted_at - t.created_at for t in tickets if t.accepted_at]
    resolve = [t.resolved_at - t.created_at for t in tickets if t.resolved_at]
    out.accept_median, out.accept_p90 = median(accept), percentile(accept, 90)
    out.resolve_median, out.resolve_p90 = median(resolve), percentile(resolve, 90)
    due = [t for t in tickets if t.resolved_at and t.resolve_due_at]
    out.within_sla = share(sum(1 for t in due if t.resolved_at <= t.resolve_due_at), len(due))


async def _events(session: AsyncSession, out: Indicators, compound_id: int, period: Period,
                  tickets: list[Ticket]) -> None:
    rows = (await session.execute(
        select(TicketEvent.ticket_id, TicketEvent.kind, TicketEvent.level)
        .join(Ticket, Ticket.id == TicketEvent.ticket_id)
        .where(Ticket.compound_id == compound_id, TicketEvent.at >= period.start,
               TicketEvent.at < period.end,
               TicketEvent.kind.in_(("escalate", "resolve", "deny"))))).all()
    levels = Counter(r.level for r in rows if r.kind == "escalate")
    out.escalated_l2, out.escalated_l3 = levels[2], levels[3]
    # Reopen rate: of the tickets resolved in the period, the share a reporter said was not
    # fixed (the "deny" that reopens a ticket).
    resolved = {r.ticket_id for r in rows if r.kind == "resolve"}
    denied = {r.ticket_id for r in rows if r.kind == "deny"} & resolved
    out.reopen_rate = share(len(denied), len(resolved))


async def _ratings(session: AsyncSession, out: Indicators, compound_id: int,
                   period: Period) -> None:
    stars = list((await session.scalars(
        select(TicketRating.stars).join(Ticket, Ticket.id == TicketRating.ticket_id)
        .where(Ticket.compound_id == compound_id, TicketRating.stars.is_not(None),
               TicketRating.at >= period.start, TicketRating.at < period.end))).all())
    out.ratings = len(stars)
    if stars:
        out.mean_rating = (Decimal(sum(stars)) / len(stars)).quantize(
            Decimal("0.01"), ROUND_HALF_UP)
        out.rated_4_plus = share(sum(1 for s in stars if s >= 4), len(stars))


async def _points(session: AsyncSession, compound_id: int, period: Period) -> int:
    """Points awarded to residents' wallets in the period, net of reversals."""
    total = await session.scalar(
        select(func.coalesce(func.sum(PostingLine.amount), 0))
        .join(Posting, Posting.id == PostingLine.posting_id)
        .join(Account, Account.id == PostingLine.account_id)
        .where(Posting.compound_id == compound_id, Account.kind == AccountKind.WALLET,
               Posting.kind.in_((PostingKind.AWARD, PostingKind.REVERSAL)),
               Posting.created_at >= period.start, Posting.created_at < period.end))
    return int(total or 0)
