"""The area behind each ballot of an owners' assembly vote, taken from the roll at the close.

A ballot's area is not what the roll said when it was cast: an owner who voted before his
second flat was verified speaks, at the close, for both. So the close recomputes every
ballot's area from the verified ownership as it stands then, and the counts of an open
ballot from those areas (a secret ballot's box reads them when it is opened).
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.polls import Poll, PollBallot, PollChoice, PollCount, PollKind
from services.polls.eligibility import compound_units


async def standing(session: AsyncSession, poll: Poll) -> tuple[dict[int, Decimal], set[int]]:
    """Each ballot's area from the roll as it stands now, and the ballots that do not stand.

    The roll may change while a vote is open: a co-owner voted for a flat whose owner, later
    verified, had voted for his other flat; at the close both ballots speak for one owner.
    The first one cast stands (as it would have if the roll had been known then) and the
    later one counts for nothing, so no owner is counted twice."""
    unit_of = {h: u for u in await compound_units(session, poll.compound_id)
               for h in u.households}
    rows = (await session.execute(
        select(PollBallot.id, PollBallot.household_id).where(PollBallot.poll_id == poll.id)
        .order_by(PollBallot.cast_at, PollBallot.id)
    )).all()
    area_of: dict[int, Decimal] = {}
    later: set[int] = set()
    seen: set[str] = set()
    for bid, hid in rows:
        unit = unit_of.get(hid) if hid is not None else None
        if unit is not None and unit.key in seen:
            later.add(bid)
        elif unit is not None:
            seen.add(unit.key)
        area_of[bid] = unit.area if unit is not None and bid not in later else Decimal(0)
    return area_of, later


async def settle_areas(session: AsyncSession, poll: Poll) -> None:
    """Does not commit; the caller's close does."""
    if poll.kind != PollKind.ASSEMBLY:
        return
    area_of, later = await standing(session, poll)
    for bid, area in area_of.items():
        await session.execute(update(PollBallot).where(PollBallot.id == bid)
                              .values(area=area, superseded=bid in later))
    if poll.secret:
        return
    per_option: dict[int, tuple[int, Decimal]] = {}
    for option_id, ballot_id in await session.execute(
        select(PollChoice.option_id, PollChoice.ballot_id).where(PollChoice.poll_id == poll.id)
    ):
        if ballot_id in later:
            continue
        n, area = per_option.get(option_id, (0, Decimal(0)))
        per_option[option_id] = (n + 1, area + area_of.get(ballot_id, Decimal(0)))
    for option_id in (await session.execute(
        select(PollCount.option_id).where(PollCount.poll_id == poll.id))).scalars().all():
        n, area = per_option.get(option_id, (0, Decimal(0)))
        await session.execute(
            update(PollCount).where(PollCount.poll_id == poll.id,
                                    PollCount.option_id == option_id)
            .values(ballots=n, area=area))
    await session.flush()
