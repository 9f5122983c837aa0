"""Casting, changing and recording ballots.

Concurrency: a vote's first statement bumps `poll.revision` with an UPDATE that only
matches an open poll before its deadline. That UPDATE takes the row lock on PostgreSQL and
the write lock on SQLite, so the votes of one poll are serialized, a vote never lands after
the poll was closed, and everything read afterwards is current. The unique
(poll_id, voter_key) constraint is the last word: an insert that loses a race fails, and the
press is retried once, when it finds the ballot and becomes a change (or nothing at all).

Secrecy: a secret ballot's choice is sealed into its own ballot row (services/polls/seal.py)
and nothing else is written about it: no choice row, no counter, until the close opens the
box. The server key is derived from the bot's token and never stored, so the database alone
cannot link a choice to a voter; if the key changes while a poll is open, earlier secret
choices can no longer be read, and changing them is refused rather than counted twice.
Audit rows of secret ballots name the voter and never the choice.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from models.polls import (
    BallotSource,
    Poll,
    PollBallot,
    PollChoice,
    PollCount,
    PollCoverage,
    PollKind,
    PollOption,
    PollStatus,
)
from services import audit
from services.clock import Clock
from services.polls import cards, seal
from services.polls.eligibility import Refusal, Refused, Voter, voter_for, voter_for_household


def server_key(bot_token: str) -> bytes:
    return hashlib.sha256(b"red-steward/ballot/" + bot_token.encode()).digest()


def ballot_token(key: bytes, poll: Poll, voter_key: str) -> str:
    return hmac.new(key, f"{poll.salt}:{voter_key}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class CastResult:
    outcome: str  # cast | changed | unchanged
    poll: Poll
    selection: tuple[int, ...]  # option ids, in option order


@dataclass(frozen=True)
class Press:
    poll_id: int
    option_id: int
    person_id: int
    chat_id: int | None = None
    in_audience_chat: bool = False


async def lock_open(session: AsyncSession, clock: Clock, poll_id: int) -> Poll:
    bumped = await session.execute(
        update(Poll)
        .where(Poll.id == poll_id, Poll.status == PollStatus.OPEN.value,
               Poll.closes_at > clock.now())
        .values(revision=Poll.revision + 1)
    )
    poll = await session.get(Poll, poll_id, populate_existing=True)
    if bumped.rowcount == 0 or poll is None:
        await session.commit()
        raise Refused(Refusal.CLOSED)
    return poll


async def _voters_ballot(
    session: AsyncSession, poll: Poll, voter: Voter, person_id: int
) -> PollBallot | None:
    """The ballot under the voter's key, or the person's own online ballot for one of the
    same homes: an owner's key names the first of their homes, so it changes when an
    earlier-listed flat of theirs is verified during the vote, and their ballot stays
    theirs to change (not a second one, not "your home already voted")."""
    ballot = await _ballot(session, poll.id, voter.key)
    if ballot is not None or not voter.households:
        return ballot
    return (await session.execute(
        select(PollBallot).join(PollCoverage, PollCoverage.ballot_id == PollBallot.id)
        .where(PollCoverage.poll_id == poll.id,
               PollCoverage.household_id.in_(voter.households),
               PollBallot.person_id == person_id,
               PollBallot.source == BallotSource.BOT.value)
        .limit(1)
    )).scalar_one_or_none()


def _someone_else(poll: Poll, ballot: PollBallot) -> Refusal:
    """Why a voter cannot touch the ballot their key found: a paper ballot, or (owners'
    assembly) a co-owner's or the owner's ballot for the same home, which stands."""
    if ballot.source == BallotSource.PAPER:
        return Refusal.PAPER
    return Refusal.HOUSEHOLD_VOTED if poll.kind == PollKind.ASSEMBLY else Refusal.TAKEN


async def _option(session: AsyncSession, poll: Poll, option_id: int) -> PollOption:
    option = await session.get(PollOption, option_id)
    if option is None or option.poll_id != poll.id:
        raise Refused(Refusal.BAD_OPTION)
    return option


async def _ballot(session: AsyncSession, poll_id: int, voter_key: str) -> PollBallot | None:
    return (await session.execute(
        select(PollBallot).where(PollBallot.poll_id == poll_id, PollBallot.voter_key == voter_key)
    )).scalar_one_or_none()


async def current_choice(
    session: AsyncSession, key: bytes, poll: Poll, ballot: PollBallot | None
) -> tuple[int, ...]:
    if ballot is None:
        return ()
    if poll.secret and ballot.sealed is not None:
        return await _unsealed(session, key, poll, ballot)
    stmt = select(PollChoice.option_id, PollOption.position).join(
        PollOption, PollOption.id == PollChoice.option_id
    )
    if poll.secret:  # a ballot cast before seals existed
        token = ballot_token(key, poll, ballot.voter_key)
        stmt = stmt.where(PollChoice.poll_id == poll.id, PollChoice.token == token)
    else:
        stmt = stmt.where(PollChoice.ballot_id == ballot.id)
    rows = (await session.execute(stmt.order_by(PollOption.position))).all()
    if not rows:
        raise Refused(Refusal.LOST)
    return tuple(r[0] for r in rows)


async def _unsealed(
    session: AsyncSession, key: bytes, poll: Poll, ballot: PollBallot
) -> tuple[int, ...]:
    assert ballot.sealed is not None
    try:
        positions = seal.unseal(key, poll, ballot.voter_key, ballot.sealed)
    except seal.Unreadable:
        raise Refused(Refusal.LOST) from None
    by_position = {o.position: o.id for o in await cards.options_of(session, poll.id)}
    if not positions or any(p not in by_position for p in positions):
        raise Refused(Refusal.LOST)
    return tuple(by_position[p] for p in positions)


async def _ordered(session: AsyncSession, poll: Poll, ids: set[int]) -> tuple[int, ...]:
    rows = await session.execute(
        select(PollOption.id).where(PollOption.poll_id == poll.id, PollOption.id.in_(ids))
        .order_by(PollOption.position)
    )
    return tuple(rows.scalars())


async def _next_selection(
    session: AsyncSession, poll: Poll, current: tuple[int, ...], option_id: int
) -> tuple[int, ...]:
    if poll.max_choices == 1:
        return (option_id,)
    chosen = set(current) ^ {option_id}
    if not chosen:
        raise Refused(Refusal.LAST)
    if len(chosen) > poll.max_choices:
        raise Refused(Refusal.TOO_MANY)
    return await _ordered(session, poll, chosen)


async def press(session: AsyncSession, clock: Clock, key: bytes, p: Press) -> CastResult:
    """A voter pressed an option (single choice: choose it; multiple: toggle it)."""
    for attempt in (1, 2):
        try:
            return await _press_once(session, clock, key, p)
        except IntegrityError:
            await session.rollback()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


async def _press_once(session: AsyncSession, clock: Clock, key: bytes, p: Press) -> CastResult:
    poll = await lock_open(session, clock, p.poll_id)
    try:
        option = await _option(session, poll, p.option_id)
        voter = await voter_for(session, poll, p.person_id, chat_id=p.chat_id,
                                in_audience_chat=p.in_audience_chat)
        ballot = await _voters_ballot(session, poll, voter, p.person_id)
        if ballot is not None and ballot.person_id != p.person_id:
            raise Refused(_someone_else(poll, ballot))
        current = await current_choice(session, key, poll, ballot)
        if len(current) > 1 and poll.max_choices == 1:
            raise Refused(Refusal.LOST)
        selection = await _next_selection(session, poll, current, option.id)
    except Refused:
        await session.commit()  # nothing but the lock was written; keeps rows loaded
        raise
    return await _apply(session, clock, key, poll, voter, ballot, current, selection,
                        actor_id=p.person_id)


async def record_paper(
    session: AsyncSession, clock: Clock, key: bytes, poll_id: int, organizer_id: int,
    household_id: int, option_id: int, note: str | None,
) -> CastResult:
    """A paper ballot collected from a household (by a building leader), typed in."""
    poll = await lock_open(session, clock, poll_id)
    try:
        option = await _option(session, poll, option_id)
        if poll.max_choices != 1:
            raise Refused(Refusal.NOT_PAPER)
        voter = await voter_for_household(session, poll, household_id)
        ballot = await _ballot(session, poll.id, voter.key)
        if ballot is not None and ballot.source != BallotSource.PAPER:
            raise Refused(Refusal.ONLINE)
        current = await current_choice(session, key, poll, ballot)
    except Refused:
        await session.commit()  # nothing but the lock was written; keeps rows loaded
        raise
    return await _apply(session, clock, key, poll, voter, ballot, current, (option.id,),
                        actor_id=organizer_id, paper_note=note or "")


async def _covered_elsewhere(
    session: AsyncSession, poll: Poll, voter: Voter, ballot: PollBallot | None
) -> bool:
    if not voter.households:
        return False
    stmt = select(PollCoverage.ballot_id).where(
        PollCoverage.poll_id == poll.id, PollCoverage.household_id.in_(voter.households)
    )
    if ballot is not None:
        stmt = stmt.where(PollCoverage.ballot_id != ballot.id)
    return (await session.execute(stmt.limit(1))).first() is not None


async def _apply(
    session: AsyncSession, clock: Clock, key: bytes, poll: Poll, voter: Voter,
    ballot: PollBallot | None, current: tuple[int, ...], selection: tuple[int, ...],
    *, actor_id: int, paper_note: str | None = None,
) -> CastResult:
    if ballot is not None and selection == current:
        await session.commit()  # (only the lock's revision bump; keeps `poll` loaded)
        return CastResult("unchanged", poll, current)
    try:
        if ballot is not None and not poll.allow_change and paper_note is None:
            raise Refused(Refusal.NO_CHANGE)
        if await _covered_elsewhere(session, poll, voter, ballot):
            raise Refused(Refusal.HOUSEHOLD_VOTED if poll.kind == PollKind.ASSEMBLY
                          else Refusal.TAKEN)
    except Refused:
        await session.commit()  # nothing but the lock was written; keeps rows loaded
        raise
    old_area = ballot.area if ballot is not None else Decimal(0)
    ballot = await _save_ballot(session, clock, poll, voter, ballot, actor_id, paper_note)
    if not poll.secret:  # a secret ballot's counts exist only from the close on
        await _move_counts(session, poll, current, old_area, selection, voter.area)
    await _save_choice(session, key, poll, ballot, selection)
    await _audit(session, clock, poll, ballot, selection, actor_id, changed=bool(current))
    await cards.touch(session, clock, poll)
    await session.commit()
    return CastResult("changed" if current else "cast", poll, selection)


async def _save_ballot(
    session: AsyncSession, clock: Clock, poll: Poll, voter: Voter, ballot: PollBallot | None,
    actor_id: int, paper_note: str | None,
) -> PollBallot:
    now = clock.now()
    paper = paper_note is not None
    if ballot is None:
        ballot = PollBallot(
            poll_id=poll.id, voter_key=voter.key, person_id=voter.person_id,
            household_id=voter.household_id, building_id=voter.building_id, area=voter.area,
            source=BallotSource.PAPER if paper else BallotSource.BOT,
            recorded_by=actor_id if paper else None, cast_at=now, updated_at=now,
        )
        session.add(ballot)
    else:
        ballot.updated_at, ballot.changes, ballot.area = now, ballot.changes + 1, voter.area
        await session.execute(delete(PollCoverage).where(PollCoverage.ballot_id == ballot.id))
    if paper:
        ballot.note, ballot.recorded_by = (paper_note or None), actor_id
    await session.flush()  # a lost race for the same voter key fails here
    for hid in voter.households:
        session.add(PollCoverage(poll_id=poll.id, household_id=hid, ballot_id=ballot.id))
    await session.flush()
    return ballot


async def _move_counts(
    session: AsyncSession, poll: Poll, current: tuple[int, ...], old_area: Decimal,
    selection: tuple[int, ...], new_area: Decimal,
) -> None:
    for option_id, ballots, area in [
        *((o, -1, -old_area) for o in current), *((o, 1, new_area) for o in selection)
    ]:
        # Rounded to the register's two decimals in the database: SQLite adds NUMERIC as
        # binary floats, and 22.63 + 10.00 - 10.00 - 22.63 must be 0, not -3.6e-15 (which
        # the non-negative check refuses); on PostgreSQL the rounding changes nothing.
        await session.execute(
            update(PollCount)
            .where(PollCount.poll_id == poll.id, PollCount.option_id == option_id)
            .values(ballots=PollCount.ballots + ballots,
                    area=func.round(PollCount.area + area, 2))
        )


async def _save_choice(
    session: AsyncSession, key: bytes, poll: Poll, ballot: PollBallot,
    selection: tuple[int, ...],
) -> None:
    if poll.secret:
        positions = {o.id: o.position for o in await cards.options_of(session, poll.id)}
        ballot.sealed = seal.seal(key, poll, ballot.voter_key,
                                  [positions[o] for o in selection])
        # The unsealed choice of a ballot cast before seals existed goes with the change.
        await session.execute(delete(PollChoice).where(
            PollChoice.poll_id == poll.id,
            PollChoice.token == ballot_token(key, poll, ballot.voter_key)))
        await session.flush()
        return
    await session.execute(delete(PollChoice).where(PollChoice.ballot_id == ballot.id))
    for option_id in selection:
        session.add(PollChoice(id=secrets.token_hex(16), poll_id=poll.id, option_id=option_id,
                               ballot_id=ballot.id))
    await session.flush()


async def _audit(
    session: AsyncSession, clock: Clock, poll: Poll, ballot: PollBallot,
    selection: tuple[int, ...], actor_id: int, *, changed: bool,
) -> None:
    paper = ballot.source == BallotSource.PAPER
    action = ("poll.paper" if paper else "poll.vote") + (".change" if changed else "")
    detail: dict[str, object] = {"poll": poll.id, "ballot": ballot.id}
    if paper:
        detail.update(household=ballot.household_id, note=ballot.note or "")
    if not poll.secret:
        detail["options"] = list(selection)
    audit.record(session, clock, action, actor_id=actor_id, compound_id=poll.compound_id,
                 subject_id=ballot.person_id, **detail)


async def my_choice(
    session: AsyncSession, key: bytes, poll: Poll, person_id: int, *,
    chat_id: int | None = None, in_audience_chat: bool = False,
) -> tuple[Voter, PollBallot | None, tuple[int, ...]]:
    """What a voter has chosen so far (for their private ballot). Raises Refused."""
    voter = await voter_for(session, poll, person_id, chat_id=chat_id,
                            in_audience_chat=in_audience_chat)
    ballot = await _voters_ballot(session, poll, voter, person_id)
    if ballot is not None and ballot.person_id != person_id:
        raise Refused(_someone_else(poll, ballot))
    return voter, ballot, await current_choice(session, key, poll, ballot)
