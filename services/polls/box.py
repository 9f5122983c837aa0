"""Opening a secret poll's ballot box at the close (see services/polls/seal.py for why).

One transaction: read every seal, write the choices as anonymous rows in a random order
(so neither row order nor row ids follow the order of voting), set the counters, erase the
seals and replace the poll's salt, which destroys the poll key for good.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.polls import Poll, PollBallot, PollChoice, PollCount, PollOption
from services.polls import seal
from services.polls.ballots import ballot_token


@dataclass(frozen=True)
class Opened:
    ballots: int
    unreadable: int  # seals that did not verify: participating, counted for no option


async def open_box(session: AsyncSession, key: bytes, poll: Poll) -> Opened:
    """Count a secret poll. Does not commit; the caller's close does."""
    options = (await session.execute(
        select(PollOption.position, PollOption.id).where(PollOption.poll_id == poll.id)
    )).all()
    by_position = dict(options)
    ballots = (await session.execute(
        select(PollBallot.voter_key, PollBallot.sealed, PollBallot.area)
        .where(PollBallot.poll_id == poll.id, PollBallot.superseded.is_(False))
    )).all()
    chosen: list[tuple[int, Decimal]] = []
    unreadable = 0
    earlier = await _earlier_choices(session, poll)
    for voter_key, sealed, area in ballots:
        if sealed is None:  # cast before seals existed: a choice row under a token
            ids = earlier.get(ballot_token(key, poll, voter_key), [])
        else:
            try:
                ids = [by_position.get(p, 0) for p in seal.unseal(key, poll, voter_key, sealed)]
            except seal.Unreadable:
                ids = []
        if not ids or 0 in ids:
            unreadable += 1
            continue
        chosen += [(o, Decimal(area)) for o in ids]
    random.SystemRandom().shuffle(chosen)
    await session.execute(delete(PollChoice).where(PollChoice.poll_id == poll.id))
    session.add_all(PollChoice(id=secrets.token_hex(16), poll_id=poll.id, option_id=o)
                    for o, _ in chosen)
    await _set_counts(session, poll, [o for _, o in options], chosen)
    await session.execute(update(PollBallot).where(PollBallot.poll_id == poll.id)
                          .values(sealed=None))
    poll.salt = secrets.token_hex(16)
    await session.flush()
    return Opened(ballots=len(ballots), unreadable=unreadable)


async def _earlier_choices(session: AsyncSession, poll: Poll) -> dict[str, list[int]]:
    """Choice rows of ballots cast before seals existed, by token, HMAC(server key, salt +
    voter key): found with the key, as a change of vote finds them."""
    found: dict[str, list[int]] = {}
    for token, option_id in await session.execute(
        select(PollChoice.token, PollChoice.option_id)
        .where(PollChoice.poll_id == poll.id, PollChoice.token.is_not(None))
    ):
        found.setdefault(token, []).append(option_id)
    return found


async def _set_counts(
    session: AsyncSession, poll: Poll, option_ids: list[int],
    chosen: list[tuple[int, Decimal]],
) -> None:
    for option_id in option_ids:
        mine = [area for o, area in chosen if o == option_id]
        await session.execute(
            update(PollCount)
            .where(PollCount.poll_id == poll.id, PollCount.option_id == option_id)
            .values(ballots=len(mine), area=sum(mine, Decimal(0)))
        )
