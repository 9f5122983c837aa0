"""The poll card in each group, and how it is kept current without flooding Telegram.

Card edits are batched: every change asks for an edit keyed by the card and a time slot of
EDIT_SECONDS, due at the end of the slot, and later changes in the same slot only replace
its content. So a card is edited at most once per slot however many votes arrive.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.polls import (
    Matter,
    Poll,
    PollBallot,
    PollCount,
    PollKind,
    PollOption,
    PollPost,
    PollStatus,
)
from models.registry import Compound
from services.clock import Clock
from services.outbox import Button, Notice, enqueue, fragment, lines, sent_message_id
from services.polls.tally278 import SPECIAL_MATTERS

EDIT_SECONDS = 5
Buttons = list[list[Button]]


def card_key(poll_id: int, chat_id: int) -> str:
    return f"poll:{poll_id}:card:{chat_id}"


def ref(poll: Poll) -> str:
    return f"poll:{poll.id}"


def deep_link(poll: Poll) -> str | None:
    return f"https://t.me/{poll.bot_username}?start=pv{poll.id}" if poll.bot_username else None


def money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):+}"


def area_text(value: Decimal) -> str:
    return str(Decimal(value).quantize(Decimal("0.01")))


async def timezone_of(session: AsyncSession, compound_id: int) -> ZoneInfo:
    compound = await session.get(Compound, compound_id)
    try:
        return ZoneInfo(compound.timezone if compound else "Asia/Shanghai")
    except (KeyError, ValueError):
        return ZoneInfo("Asia/Shanghai")


def local(when: datetime, tz: ZoneInfo) -> str:
    return when.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def option_label(option: PollOption) -> str | dict[str, Any]:
    return fragment(f"poll-option-{option.code}") if option.code else option.text


def votes_in_group(poll: Poll) -> bool:
    """Quick polls and open council/resident votes take presses on the group card."""
    if poll.kind == PollKind.QUICK:
        return True
    return poll.kind in (PollKind.COUNCIL, PollKind.RESIDENT) and not poll.secret


def fee_note(poll: Poll, area: Decimal | None = None) -> dict[str, Any] | None:
    if poll.fee_old is None or poll.fee_new is None:
        return None
    diff = Decimal(poll.fee_new) - Decimal(poll.fee_old)
    note = fragment("poll-fee", old=str(poll.fee_old), new=str(poll.fee_new), diff=money(diff),
                    example=money(diff * 100))
    if area is None or area <= 0:
        return note
    return lines(note, fragment("poll-fee-mine", area=area_text(area), monthly=money(diff * area),
                                yearly=money(diff * area * 12)))


async def options_of(session: AsyncSession, poll_id: int) -> list[PollOption]:
    rows = await session.execute(
        select(PollOption).where(PollOption.poll_id == poll_id).order_by(PollOption.position)
    )
    return list(rows.scalars())


async def counts_of(session: AsyncSession, poll_id: int) -> dict[int, tuple[int, Decimal]]:
    rows = await session.execute(
        select(PollCount.option_id, PollCount.ballots, PollCount.area)
        .where(PollCount.poll_id == poll_id)
    )
    return {o: (b, Decimal(a)) for o, b, a in rows}


async def totals(session: AsyncSession, poll_id: int) -> tuple[int, Decimal]:
    n, area = (await session.execute(
        select(func.count(PollBallot.id), func.coalesce(func.sum(PollBallot.area), 0))
        .where(PollBallot.poll_id == poll_id, PollBallot.superseded.is_(False))
    )).one()
    return int(n), Decimal(area)


def header(poll: Poll) -> list[Any]:
    parts: list[Any] = [fragment("poll-card-title", kind=fragment(f"poll-kind-{poll.kind}"),
                                 question=poll.question)]
    if poll.description:
        parts.append(poll.description)
    if (fee := fee_note(poll)) is not None:
        parts.append(fee)
    if poll.kind == PollKind.ASSEMBLY and poll.matter:
        special = Matter(poll.matter) in SPECIAL_MATTERS
        rule = fragment("poll-rule-special" if special else "poll-rule-majority")
        parts.append(fragment("poll-card-matter", matter=fragment(f"poll-matter-{poll.matter}"),
                              rule=rule))
    choices = (fragment("poll-choices-one") if poll.max_choices == 1
               else fragment("poll-choices-many", k=poll.max_choices))
    mode = fragment("poll-mode-secret" if poll.secret else "poll-mode-open")
    parts.append(fragment("poll-card-settings", mode=mode, choices=choices))
    return parts


async def card_content(
    session: AsyncSession, poll: Poll
) -> tuple[str, dict[str, Any], Buttons | None]:
    tz = await timezone_of(session, poll.compound_id)
    options = await options_of(session, poll.id)
    counts = await counts_of(session, poll.id)
    voters, _ = await totals(session, poll.id)
    parts = header(poll)
    closed = poll.status == PollStatus.CLOSED
    show = closed or (poll.live_results and not poll.secret and poll.kind != PollKind.ASSEMBLY)
    if poll.status != PollStatus.CANCELLED:
        if show:
            parts += [fragment("poll-card-count", n=o.position, option=option_label(o),
                               count=counts.get(o.id, (0, 0))[0]) for o in options]
        parts.append(fragment("poll-card-turnout", voters=voters))
    if poll.status == PollStatus.OPEN:
        parts.append(fragment("poll-card-deadline", deadline=local(poll.closes_at, tz)))
    elif closed:
        parts.append(fragment("poll-card-closed"))
    elif poll.status == PollStatus.CANCELLED:
        parts.append(fragment("poll-card-cancelled", reason=poll.cancel_reason or "—"))
    return "poll-card", {"body": lines(*parts)}, _buttons(poll, options)


def _buttons(poll: Poll, options: list[PollOption]) -> Buttons | None:
    if poll.status != PollStatus.OPEN:
        return None
    if votes_in_group(poll):
        return [[Button("poll-btn-option", ("pv", poll.id, o.id),
                        args={"n": o.position, "option": option_label(o)})] for o in options]
    link = deep_link(poll)
    return [[Button("poll-btn-private", url=link)]] if link else None


async def touch(session: AsyncSession, clock: Clock, poll: Poll, *, final: bool = False) -> None:
    """Bring every card of the poll up to date (batched per slot). Does not commit."""
    posts = (await session.execute(
        select(PollPost).where(PollPost.poll_id == poll.id)
    )).scalars().all()
    if not posts:
        return
    text_key, args, buttons = await card_content(session, poll)
    slot = int(clock.now().timestamp()) // EDIT_SECONDS
    slot_end = datetime.fromtimestamp((slot + 1) * EDIT_SECONDS, UTC)
    for post in posts:
        key = card_key(poll.id, post.chat_id)
        common: dict[str, Any] = {"chat_id": post.chat_id, "text_key": text_key, "args": args,
                                  "buttons": buttons, "thread_id": post.thread_id,
                                  "ref": ref(poll)}
        message_id = await sent_message_id(session, key)
        if message_id is None:
            # Not delivered yet: the queued card itself takes the newest content.
            await enqueue(session, clock, Notice(key=key, **common), replace_pending=True)
            continue
        await enqueue(session, clock, Notice(
            key=f"poll:{poll.id}:edit:{post.chat_id}:{slot}", method="edit_message_text",
            target_message_id=message_id, not_before=None if final else slot_end, **common,
        ), replace_pending=True)
