"""The activity card: what groups see, kept up to date with batched edits.

Every change (a sign-up, a cancellation) asks for a refresh. Edits go through the outbox
with one key per card and 5-second slot and `replace_pending`, so a burst of sign-ups
becomes one edit per slot carrying the newest numbers: a person told "you are in" never
reads a card saying otherwise for longer than a slot, and the sender's pacing of the
group keeps the edits within the 20-per-minute limit.
A card not delivered yet simply takes the new content before it goes out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import (
    Activity,
    ActivityCard,
    ActivityStatus,
    Requirement,
    Signup,
    SignupStatus,
)
from models.registry import Compound
from services.activities.audience import target_chats
from services.activities.timeparse import moment_fragment, span_fragment
from services.clock import Clock
from services.outbox import Button, Notice, enqueue, fragment, lines, sent_message_id

CARD_SLOT_SECONDS = 5  # the card may lag a private answer by at most this
CB = "aa"  # handlers.activities.callbacks.ActCb


async def zone(session: AsyncSession, compound_id: int) -> ZoneInfo:
    compound = await session.get(Compound, compound_id)
    return ZoneInfo(compound.timezone if compound else "Asia/Shanghai")


async def count(session: AsyncSession, activity_id: int, status: SignupStatus) -> int:
    stmt = select(func.count()).select_from(Signup).where(
        Signup.activity_id == activity_id, Signup.status == status.value
    )
    return int((await session.execute(stmt)).scalar_one())


async def _status_line(session: AsyncSession, activity: Activity) -> dict[str, Any]:
    if activity.status == ActivityStatus.CANCELLED:
        return fragment("act-card-cancelled")
    if activity.status == ActivityStatus.FINISHED:
        came = await session.execute(
            select(func.count()).select_from(Signup)
            .where(Signup.activity_id == activity.id, Signup.attended.is_(True))
        )
        return fragment("act-card-finished", attended=int(came.scalar_one()))
    waiting = await count(session, activity.id, SignupStatus.WAITLISTED)
    return fragment("act-card-seats", left=activity.capacity - activity.taken,
                    capacity=activity.capacity, waiting=waiting)


async def card_args(session: AsyncSession, activity: Activity) -> dict[str, Any]:
    """Arguments of the `act-card` message, rendered in each reader's language."""
    tz = await zone(session, activity.compound_id)
    parts: list[Any] = [
        fragment("act-card-title", title=activity.title),
        fragment("act-card-when", when=span_fragment(activity.starts_at, activity.ends_at, tz)),
        fragment("act-card-place", place=activity.place),
        await _status_line(session, activity),
    ]
    if activity.points:
        parts.append(fragment("act-card-points", points=activity.points))
    if activity.status == ActivityStatus.OPEN:
        parts.append(fragment("act-card-deadline",
                              deadline=moment_fragment(activity.signup_deadline, tz)))
    if activity.requirement == Requirement.PARTY_MEMBER:
        parts.append(fragment("act-card-party-only"))
    if activity.description:
        parts.append(activity.description)
    return {"body": lines(*parts)}


def card_buttons(activity: Activity) -> list[list[Button]] | None:
    if activity.status != ActivityStatus.OPEN:
        return None
    return [[Button("act-btn-join", (CB, "join", activity.id)),
             Button("act-btn-leave", (CB, "leave", activity.id))]]


def card_key(activity_id: int, chat_id: int) -> str:
    return f"act:{activity_id}:card:{chat_id}"


async def publish(session: AsyncSession, clock: Clock, activity: Activity) -> int:
    """Post the card to the audience's groups; returns how many."""
    chats = await target_chats(session, activity)
    args = await card_args(session, activity)
    for chat_id in chats:
        session.add(ActivityCard(activity_id=activity.id, chat_id=chat_id, posted_at=clock.now()))
        await enqueue(session, clock, Notice(
            key=card_key(activity.id, chat_id), chat_id=chat_id, text_key="act-card", args=args,
            buttons=card_buttons(activity), ref=f"activity:{activity.id}",
        ))
    return len(chats)


async def refresh(session: AsyncSession, clock: Clock, activity: Activity) -> None:
    """Bring every card of the activity up to date (batched per slot)."""
    args = await card_args(session, activity)
    buttons = card_buttons(activity)
    slot = int(clock.now().timestamp() // CARD_SLOT_SECONDS)
    slot_end = datetime.fromtimestamp((slot + 1) * CARD_SLOT_SECONDS, UTC)
    chats = await session.execute(
        select(ActivityCard.chat_id).where(ActivityCard.activity_id == activity.id)
    )
    for chat_id in chats.scalars():
        key = card_key(activity.id, chat_id)
        message_id = await sent_message_id(session, key)
        if message_id is None:
            notice = Notice(key=key, chat_id=chat_id, text_key="act-card", args=args,
                            buttons=buttons, ref=f"activity:{activity.id}")
        else:
            notice = Notice(key=f"{key}:e:{slot}", chat_id=chat_id, text_key="act-card",
                            args=args, buttons=buttons, method="edit_message_text",
                            target_message_id=message_id, not_before=slot_end,
                            ref=f"activity:{activity.id}")
        await enqueue(session, clock, notice, replace_pending=True)
