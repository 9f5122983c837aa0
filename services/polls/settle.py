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


async def ballot_areas(session: AsyncSession, poll: Poll) -> dict[int, Decimal]:
    """Each ballot's area from the roll as it stands now (also the live turnout's)."""
    unit_area = {h: u.area for u in await compound_units(session, poll.compound_id)
                 for h in u.households}
    rows = (await session.execute(
        select(PollBallot.id, PollBallot.household_id).where(PollBallot.poll_id == poll.id)
    )).all()
    return {bid: unit_area.get(hid, Decimal(0)) if hid is not None else Decimal(0)
            for bid, hid in rows}


async def settle_areas(session: AsyncSession, poll: Poll) -> None:
    """Does not commit; the caller's close does."""
    if poll.kind != PollKind.ASSEMBLY:
        return
    area_of = await ballot_areas(session, poll)
    for bid, area in area_of.items():
        await session.execute(update(PollBallot).where(PollBallot.id == bid).values(area=area))
    if poll.secret:
        return
    per_option: dict[int, Decimal] = {}
    for option_id, ballot_id in await session.execute(
        select(PollChoice.option_id, PollChoice.ballot_id).where(PollChoice.poll_id == poll.id)
    ):
        per_option[option_id] = per_option.get(option_id, Decimal(0)) + area_of.get(
            ballot_id, Decimal(0))
    for option_id in (await session.execute(
        select(PollCount.option_id).where(PollCount.poll_id == poll.id))).scalars().all():
        await session.execute(
            update(PollCount).where(PollCount.poll_id == poll.id,
                                    PollCount.option_id == option_id)
            .values(area=per_option.get(option_id, Decimal(0))))
    await session.flush()
