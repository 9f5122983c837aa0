"""A poll's life: draft → open → closed (deadline or organizer) → result published;
an open poll can be extended or cancelled with a reason."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.polls import (
    Audience,
    Poll,
    PollCount,
    PollKind,
    PollOption,
    PollPost,
    PollStatus,
    VoteUnit,
)
from services import audit
from services.clock import Clock, FrozenClock
from services.outbox import Button, Notice, enqueue, sent_message_id
from services.policy import Action, Actor, can
from services.polls import box, cards, results, settle
from services.polls.turnout import council_members

FIXED_OPTIONS = ("yes", "no", "abstain")
MIN_LEAD = timedelta(minutes=5)


class LifecycleError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # closed | deadline-past | deadline-earlier | not-draft


@dataclass
class Draft:
    compound_id: int
    kind: PollKind
    question: str
    closes_at: datetime
    options: list[str] = field(default_factory=list)
    description: str | None = None
    fee_old: Decimal | None = None
    fee_new: Decimal | None = None
    audience: Audience = Audience.GROUP
    audience_chat_id: int | None = None
    audience_buildings: list[int] = field(default_factory=list)
    vote_unit: VoteUnit = VoteUnit.PERSON
    max_choices: int = 1
    secret: bool = False
    live_results: bool = True
    allow_change: bool = True
    matter: str | None = None
    chats: list[int] = field(default_factory=list)


async def may_manage(session: AsyncSession, actor: Actor, poll: Poll) -> bool:
    """The poll's creator, or whoever may manage polls in its compound."""
    if poll.created_by == actor.person.id:
        return True
    return await can(session, actor, Action.POLL_MANAGE, poll.compound_id)


async def create_draft(
    session: AsyncSession, clock: Clock, draft: Draft, creator_id: int, bot_username: str | None
) -> Poll:
    fixed = draft.kind in (PollKind.COUNCIL, PollKind.ASSEMBLY)
    poll = Poll(
        compound_id=draft.compound_id, kind=draft.kind, status=PollStatus.DRAFT,
        question=draft.question, description=draft.description, fee_old=draft.fee_old,
        fee_new=draft.fee_new, audience=draft.audience, audience_chat_id=draft.audience_chat_id,
        audience_buildings=list(draft.audience_buildings),
        vote_unit=VoteUnit.OWNER if draft.kind == PollKind.ASSEMBLY else draft.vote_unit,
        max_choices=1 if fixed else draft.max_choices,
        secret=False if draft.kind == PollKind.COUNCIL else draft.secret,
        live_results=draft.live_results and not draft.secret,
        allow_change=draft.allow_change or draft.max_choices > 1,
        matter=draft.matter if draft.kind == PollKind.ASSEMBLY else None,
        salt=secrets.token_hex(16), bot_username=bot_username, created_by=creator_id,
        created_at=clock.now(), closes_at=draft.closes_at,
    )
    session.add(poll)
    await session.flush()
    texts = list(FIXED_OPTIONS) if fixed else draft.options
    for i, text in enumerate(texts, start=1):
        session.add(PollOption(poll_id=poll.id, position=i, text=text,
                               code=text if fixed else None))
    for chat_id in dict.fromkeys(draft.chats):
        session.add(PollPost(poll_id=poll.id, chat_id=chat_id))
    await session.commit()
    return poll


async def publish(session: AsyncSession, clock: Clock, poll_id: int, actor_id: int) -> Poll:
    now = clock.now()
    poll = await session.get(Poll, poll_id, with_for_update=True)
    if poll is None or poll.status != PollStatus.DRAFT:
        raise LifecycleError("not-draft")
    if poll.closes_at <= now + MIN_LEAD:
        raise LifecycleError("deadline-past")
    poll.status, poll.opens_at = PollStatus.OPEN, now
    for option in await cards.options_of(session, poll.id):
        session.add(PollCount(poll_id=poll.id, option_id=option.id, ballots=0, area=Decimal(0)))
    await session.flush()
    await cards.touch(session, clock, poll)
    if poll.kind == PollKind.COUNCIL:
        await _invite_council(session, clock, poll)
    audit.record(session, clock, "poll.open", actor_id=actor_id, compound_id=poll.compound_id,
                 poll=poll.id, kind=poll.kind, secret=poll.secret)
    await session.commit()
    return poll


async def _invite_council(session: AsyncSession, clock: Clock, poll: Poll) -> None:
    tz = await cards.timezone_of(session, poll.compound_id)
    for person in await council_members(session, poll.compound_id):
        if person.tg_id is None:
            continue
        await enqueue(session, clock, Notice(
            key=f"poll:{poll.id}:invite:{person.id}", chat_id=person.tg_id,
            text_key="poll-invite", ref=cards.ref(poll),
            args={"question": poll.question, "deadline": cards.local(poll.closes_at, tz)},
            buttons=[[Button("poll-btn-open-ballot", ("pb", poll.id))]],
        ))


async def close(
    session: AsyncSession, clock: Clock, poll_id: int, by: int | None = None, *, key: bytes
) -> Poll | None:
    """Close an open poll and publish its result; None when it was not open (idempotent).

    `key` is the server key that reads a secret poll's sealed choices."""
    now = clock.now()
    done = await session.execute(
        update(Poll).where(Poll.id == poll_id, Poll.status == PollStatus.OPEN.value)
        .values(status=PollStatus.CLOSED.value, closed_at=now, closed_by=by,
                revision=Poll.revision + 1)
    )
    if done.rowcount == 0:
        await session.rollback()
        return None
    poll = await session.get(Poll, poll_id, populate_existing=True)
    assert poll is not None
    await settle.settle_areas(session, poll)  # the roll as it stands at the close
    opened = await box.open_box(session, key, poll) if poll.secret else None
    poll.result = await results.compute(session, poll)
    if opened is not None and opened.unreadable:
        poll.result["unreadable"] = opened.unreadable
    # Said in the result as the compound's clock read it, so every reader sees one time.
    poll.result["closed_local"] = cards.local(clock.now(),
                                              await cards.timezone_of(session, poll.compound_id))
    await session.flush()
    await cards.touch(session, clock, poll, final=True)
    await _announce(session, clock, poll, "result", "poll-result",
                    results.result_args(poll, poll.result))
    if poll.created_by is not None:
        await _tell_organizer(session, clock, poll)
    audit.record(session, clock, "poll.close", actor_id=by, compound_id=poll.compound_id,
                 poll=poll.id, ballots=poll.result["ballots"],
                 passed=poll.result.get("assembly", {}).get("passed"))
    await session.commit()
    return poll


async def _announce(
    session: AsyncSession, clock: Clock, poll: Poll, tag: str, text_key: str, args: dict
) -> None:
    posts = (await session.execute(select(PollPost).where(PollPost.poll_id == poll.id))).scalars()
    for post in posts.all():
        reply_to = await sent_message_id(session, cards.card_key(poll.id, post.chat_id))
        await enqueue(session, clock, Notice(
            key=f"poll:{poll.id}:{tag}:{post.chat_id}", chat_id=post.chat_id, text_key=text_key,
            args=args, thread_id=post.thread_id, reply_to_message_id=reply_to, ref=cards.ref(poll),
        ))


async def _tell_organizer(session: AsyncSession, clock: Clock, poll: Poll) -> None:
    from models.person import Person

    organizer = await session.get(Person, poll.created_by)
    if organizer is None or organizer.tg_id is None or poll.result is None:
        return
    await enqueue(session, clock, Notice(
        key=f"poll:{poll.id}:result:organizer", chat_id=organizer.tg_id, text_key="poll-result",
        args=results.result_args(poll, poll.result), ref=cards.ref(poll),
        buttons=[[Button("poll-btn-manage", ("pm", "view", poll.id))]],
    ))


async def close_sweep(session: AsyncSession, now: datetime, *, key: bytes) -> int:
    """Close every open poll whose deadline has come."""
    due = (await session.execute(
        select(Poll.id).where(Poll.status == PollStatus.OPEN.value, Poll.closes_at <= now)
        .order_by(Poll.closes_at)
    )).scalars().all()
    clock = FrozenClock(now)
    closed = 0
    for poll_id in due:
        if await close(session, clock, poll_id, key=key) is not None:
            closed += 1
    return closed


async def extend(
    session: AsyncSession, clock: Clock, poll_id: int, closes_at: datetime, actor_id: int
) -> Poll:
    now = clock.now()
    poll = await session.get(Poll, poll_id, with_for_update=True)
    if poll is None or poll.status != PollStatus.OPEN:
        raise LifecycleError("closed")
    if closes_at <= poll.closes_at or closes_at <= now + MIN_LEAD:
        raise LifecycleError("deadline-earlier")
    previous, poll.closes_at = poll.closes_at, closes_at
    # A reminder already sent stays sent; one that is now further away becomes due again.
    if poll.reminded_24_at is not None and closes_at - timedelta(hours=24) > now:
        poll.reminded_24_at = None
    if poll.reminded_2_at is not None and closes_at - timedelta(hours=2) > now:
        poll.reminded_2_at = None
    await session.flush()
    await cards.touch(session, clock, poll)
    tz = await cards.timezone_of(session, poll.compound_id)
    stamp = int(closes_at.timestamp())
    await _announce(session, clock, poll, f"extended:{stamp}", "poll-extended",
                    {"question": poll.question, "deadline": cards.local(closes_at, tz)})
    audit.record(session, clock, "poll.extend", actor_id=actor_id, compound_id=poll.compound_id,
                 poll=poll.id, previous=previous.isoformat(), closes_at=closes_at.isoformat())
    await session.commit()
    return poll


async def cancel(
    session: AsyncSession, clock: Clock, poll_id: int, reason: str, actor_id: int
) -> Poll:
    poll = await session.get(Poll, poll_id, with_for_update=True)
    if poll is None or poll.status not in (PollStatus.OPEN, PollStatus.DRAFT):
        raise LifecycleError("closed")
    was_open = poll.status == PollStatus.OPEN
    poll.status, poll.cancel_reason = PollStatus.CANCELLED, reason[:300]
    poll.closed_at, poll.closed_by = clock.now(), actor_id
    await session.flush()
    if was_open:
        await cards.touch(session, clock, poll, final=True)
        await _announce(session, clock, poll, "cancelled", "poll-cancelled-notice",
                        {"question": poll.question, "reason": poll.cancel_reason})
    audit.record(session, clock, "poll.cancel", actor_id=actor_id, compound_id=poll.compound_id,
                 poll=poll.id, reason=poll.cancel_reason)
    await session.commit()
    return poll
