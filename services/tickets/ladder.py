"""The escalation ladder (小事不出网格，大事不出社区).

L1 the ticket's team (its staff chat, else its members privately), L2 the compound's party
branch (its chat, else the people with that role) with the owners' committee informed,
L3 the community office. Each level is a chat bound for that purpose, or a set of people.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import ChatBinding
from models.roles import Role, TeamMember
from models.tickets import TicketEvent
from services import facts
from services.clock import Clock
from services.outbox import Notice, enqueue, fragment, sent_message_id
from services.tickets import cards, holes, notify
from services.tickets import context as tc
from services.tickets.context import Piece
from services.tickets.lifecycle import Event, apply, record

TOP = 3


@dataclass(frozen=True)
class Target:
    chat_id: int
    card: bool  # a working card with buttons, or information only


async def _bound(session: AsyncSession, compound_id: int, purpose: str,
                 team_id: int | None = None) -> list[int]:
    """Chats bound for a purpose; cached with the bindings, which drop it when they change."""
    key = (compound_id, purpose, team_id)
    cached = facts.derived(session, "bound", key)
    if cached is not None:
        return list(cached)
    stmt = select(ChatBinding.chat_id).where(
        ChatBinding.compound_id == compound_id, ChatBinding.purpose == purpose
    )
    if team_id is not None:
        stmt = stmt.where(ChatBinding.team_id == team_id)
    chats = [c for (c,) in (await session.execute(stmt.order_by(ChatBinding.chat_id))).all()]
    facts.remember_derived(session, "bound", key, tuple(chats))
    return chats


async def _role_holders(session: AsyncSession, compound_id: int, role: Role) -> list[int]:
    return await holes.role_holders(session, compound_id, role)


async def _team_members(session: AsyncSession, team_id: int) -> list[int]:
    rows = await session.execute(
        select(Person.tg_id).join(TeamMember, TeamMember.person_id == Person.id).where(
            TeamMember.team_id == team_id, TeamMember.on_duty.is_(True),
            Person.tg_id.is_not(None),
        )
    )
    return sorted(t for (t,) in rows.all())


async def targets(session: AsyncSession, ctx: tc.TicketContext, level: int) -> list[Target]:
    compound = ctx.compound.id
    if level == 1:
        if ctx.team is None:
            return []
        chats = await _bound(session, compound, "team", ctx.team.id)
        chats = chats or await _team_members(session, ctx.team.id)
        return [Target(c, True) for c in chats]
    if level == 2:
        chats = await _bound(session, compound, "party_branch")
        chats = chats or await _role_holders(session, compound, Role.PARTY_BRANCH)
        informed = await _bound(session, compound, "owners_committee")
        informed = informed or await _role_holders(session, compound, Role.OWNERS_COMMITTEE)
        return [Target(c, True) for c in chats] + [Target(c, False) for c in informed]
    chats = await _bound(session, compound, "community_office")
    chats = chats or await _role_holders(session, compound, Role.COMMUNITY_OFFICER)
    return [Target(c, True) for c in chats]


async def reach(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, level: int, *,
    inform: bool = True, photos: list[bytes] | None = None,
    fresh: tuple[int, int] | None = None,
) -> int:
    """Put the ticket in front of a level: cards where it works, information where told.
    `fresh`: the photos and co-reporters of a ticket opened in this transaction, which has
    no cards yet and nothing to count."""
    have: set[int] = set()
    if fresh is None:
        have = {c.chat_id for c in await cards.cards_of(session, ctx.ticket.id)}
    reached = 0
    for target in await targets(session, ctx, level):
        if target.chat_id in have:
            continue
        have.add(target.chat_id)
        reached += 1
        if target.card:
            await cards.post(session, clock, ctx, target.chat_id, level, photos,
                             counts=fresh)
        elif inform:
            await enqueue(session, clock, Notice(
                key=f"tk:info:{ctx.ticket.id}:{level}:{target.chat_id}", chat_id=target.chat_id,
                text_key="tk-info-escalated",
                args={**tc.summary(ctx), "level": tc.level_label(level),
                      "where": tc.where(ctx, private=False),
                      "text": tc.clip(ctx.ticket.text, 300)},
            ))
    return reached


async def _next_held(
    session: AsyncSession, ctx: tc.TicketContext, first: int
) -> tuple[int, list[Target], list[int]]:
    """The first level from `first` up that somebody would receive the ticket at; the
    compound's admins at the top when none would. Returns (level, its targets, skipped)."""
    skipped: list[int] = []
    for up in range(first, TOP + 1):
        found = [x for x in await targets(session, ctx, up) if x.card]
        if found:
            return up, found, skipped
        skipped.append(up)
    admins = await holes.role_holders(session, ctx.compound.id, Role.ADMIN)
    return TOP, [Target(a, True) for a in admins], skipped


def holder_label(level: int, skipped: list[int]) -> Piece:
    """Who holds the ticket now, as residents are told: the admins when the top was empty."""
    if skipped and skipped[-1] == TOP:
        return fragment("tk-holder-admins")
    return tc.level_label(level)


def contacts_hint(level: int, skipped: list[int]) -> Piece | str:
    """Residents told the party branch (or the community office) holds their ticket learn
    where to find it: /contacts always lists both. The admins' own contact is not public."""
    if skipped and skipped[-1] == TOP:
        return ""
    return fragment("tk-contacts-hint", level=tc.level_label(level))


async def climb(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, actor_id: int | None, reason: str
) -> bool:
    """Up to the next level that has someone, told to it, to the team and to the reporters.

    A level without a chat or role holder is skipped (and logged), never climbed into in
    silence. False at the top.
    """
    t = ctx.ticket
    if t.level >= TOP:
        return False
    below = t.level
    level, found, skipped = await _next_held(session, ctx, below + 1)
    t.level = level
    event = await apply(session, clock, t, Event.ESCALATE, actor_id, note=reason)
    holder = holder_label(level, skipped)
    await _skip(session, clock, ctx, level, found, skipped)
    await reach(session, clock, ctx, level)
    await _tell_below(session, clock, ctx, event, below, holder, reason)
    await notify.followers(session, clock, ctx, event, "tk-n-escalated",
                           {"level": holder, "reason": tc.fragment_reason(reason),
                            "contacts": contacts_hint(level, skipped)})
    await cards.refresh(session, clock, ctx)
    return True


async def _skip(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, level: int,
    found: list[Target], skipped: list[int], photos: list[bytes] | None = None,
) -> None:
    """Log the levels passed over; with nobody at the top the admins get working cards."""
    if not skipped:
        return
    t = ctx.ticket
    fell = level in skipped
    record(session, clock, t, "skip", None, note=", ".join(f"L{n}" for n in skipped)
           + (" → admins" if fell else f" → L{level}"))
    await session.flush()
    if fell:
        have = {c.chat_id for c in await cards.cards_of(session, t.id)}
        for target in found:
            if target.chat_id not in have:
                have.add(target.chat_id)
                await cards.post(session, clock, ctx, target.chat_id, level, photos)


async def fill_gap(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext,
    photos: list[bytes] | None = None,
) -> None:
    """A new ticket that starts above the team (the desk, urgent) at a level nobody holds
    moves on to the next level that has someone, as climbing would."""
    t = ctx.ticket
    if t.level == 1:
        return
    level, found, skipped = await _next_held(session, ctx, t.level)
    if not skipped:
        return
    t.level = level
    await _skip(session, clock, ctx, level, found, skipped, photos)
    await reach(session, clock, ctx, level, photos=photos)


async def _tell_below(
    session: AsyncSession, clock: Clock, ctx: tc.TicketContext, event: TicketEvent,
    below: int, holder: Piece, reason: str,
) -> None:
    """A visible line under the cards of the levels the ticket left, not only a card edit."""
    seen: set[int] = set()
    for card in await cards.cards_of(session, ctx.ticket.id):
        if card.level > below or card.chat_id in seen:
            continue
        seen.add(card.chat_id)
        await enqueue(session, clock, Notice(
            key=f"tk:up:{event.id}:{card.chat_id}", chat_id=card.chat_id,
            text_key="tk-w-escalated",
            args={**tc.summary(ctx), "level": holder, "reason": tc.fragment_reason(reason)},
            reply_to_message_id=await sent_message_id(session, card.notice_key),
            ref=cards.ref(ctx.ticket.id),
        ))
