"""Uncovered shifts: two hours before, a short shift alerts the organizer and the roster's
group (or, when the roster has none, the compound's residents' groups); thirty minutes
before, still short, it escalates to the compound's party branch. Neither comes within the
roster's grace period (`grace_minutes`, 30 unless the organizer set another) after its
creation or last change: people have not seen the board yet. Both say the time really left.
A group bound later, to the roster or to the compound, hears a shortage still open once:
each group's notice has its own outbox key, and every sweep looks again until the start.

A place whose holder asked for a swap nobody took yet counts as missing. Each stage is
stamped on the shift row (alerted_at, escalated_at) in the same unit of work as its notices,
whose outbox keys are unique too, so a sweep running twice or late sends each stage once.
A shift that is fine at the alert moment is looked at again on every sweep until it starts.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import ChatBinding
from models.roles import Role, RoleGrant
from models.rosters import Roster, Shift, ShiftStatus
from services.clock import Clock, FrozenClock
from services.rosters import buttons
from services.rosters.display import left_fragment, shift_fragment, zone
from services.rosters.locking import lock_shift
from services.rosters.notify import post, tell
from services.rosters.swaps import open_count

ALERT_BEFORE = timedelta(hours=2)
ESCALATE_BEFORE = timedelta(minutes=30)
DEFAULT_GRACE_MINUTES = 30
MAX_GRACE_MINUTES = 24 * 60


async def missing(session: AsyncSession, shift: Shift) -> int:
    return shift.capacity - shift.taken + await open_count(session, shift.id)


def _short_args(shift: Shift, roster: Roster, tz: ZoneInfo, short: int, now: datetime
                ) -> dict[str, object]:
    return {"shift": shift_fragment(shift, roster, tz), "missing": short,
            "capacity": shift.capacity, "left": left_fragment(shift.starts_at, now, tz)}


async def group_targets(session: AsyncSession, roster: Roster) -> list[int]:
    """The roster's own group; without one, the groups of the compound's residents."""
    if roster.chat_id is not None:
        return [roster.chat_id]
    rows = await session.execute(select(ChatBinding.chat_id).where(
        ChatBinding.compound_id == roster.compound_id, ChatBinding.purpose == "compound")
        .order_by(ChatBinding.chat_id))
    return list(rows.scalars())


async def _to_groups(session: AsyncSession, clock: Clock, shift: Shift, roster: Roster,
                     args: dict[str, object]) -> int:
    sent = 0
    for chat_id in await group_targets(session, roster):
        sent += await post(session, clock, chat_id, f"ro:short:{shift.id}:chat:{chat_id}",
                           "ro-note-short", buttons=[[buttons.take(shift.id)]],
                           ref=f"shift:{shift.id}", **args)
    return sent


async def _alert(session: AsyncSession, clock: Clock, shift: Shift, roster: Roster,
                 args: dict[str, object]) -> int:
    sent = await tell(session, clock, roster.organizer_id, f"ro:short:{shift.id}:org",
                      "ro-note-short", buttons=[[buttons.take(shift.id)]],
                      ref=f"shift:{shift.id}", **args)
    return sent + await _to_groups(session, clock, shift, roster, args)


async def _party_chats(session: AsyncSession, compound_id: int) -> list[int]:
    rows = await session.execute(select(ChatBinding.chat_id).where(
        ChatBinding.compound_id == compound_id, ChatBinding.purpose == "party_branch"))
    return list(rows.scalars())


async def _party_people(session: AsyncSession, compound_id: int) -> list[int]:
    rows = await session.execute(select(RoleGrant.person_id).where(
        RoleGrant.compound_id == compound_id, RoleGrant.role == Role.PARTY_BRANCH.value,
        RoleGrant.revoked_at.is_(None)).distinct())
    return list(rows.scalars())


async def _escalate(session: AsyncSession, clock: Clock, shift: Shift, roster: Roster,
                    short_args: dict[str, object]) -> int:
    organizer = await session.get(Person, roster.organizer_id)
    args = {**short_args, "organizer": organizer.display_name if organizer else "—"}
    take = [[buttons.take(shift.id)]]
    sent = 0
    chats = await _party_chats(session, roster.compound_id)
    for chat_id in chats:
        sent += await post(session, clock, chat_id, f"ro:esc:{shift.id}:{chat_id}",
                           "ro-note-escalate", buttons=take, ref=f"shift:{shift.id}", **args)
    if not chats:  # no party-branch group bound yet: its members hear it privately
        for pid in await _party_people(session, roster.compound_id):
            sent += await tell(session, clock, pid, f"ro:esc:{shift.id}:p{pid}",
                               "ro-note-escalate", buttons=take, ref=f"shift:{shift.id}", **args)
    return sent


def in_grace(roster: Roster, now: datetime) -> bool:
    return now < roster.updated_at + timedelta(minutes=roster.grace_minutes)


async def check(session: AsyncSession, clock: Clock, shift_id: int) -> int:
    now = clock.now()
    shift = await lock_shift(session, shift_id)
    if shift is None or shift.status != ShiftStatus.OPEN or shift.starts_at <= now:
        return 0
    roster = await session.get(Roster, shift.roster_id)
    if roster is None or in_grace(roster, now):
        return 0  # looked at again on the next sweep, once people have seen the board
    short = await missing(session, shift)
    if short <= 0:
        return 0
    tz = await zone(session, roster.compound_id)
    args = _short_args(shift, roster, tz, short, now)
    if shift.alerted_at is None:
        shift.alerted_at = now
        sent = await _alert(session, clock, shift, roster, args)
    else:  # a group bound since the alert hears it now; the others' keys are taken
        sent = await _to_groups(session, clock, shift, roster, args)
    if shift.escalated_at is None and now >= shift.starts_at - ESCALATE_BEFORE:
        shift.escalated_at = now
        sent += await _escalate(session, clock, shift, roster, args)
    return sent


async def sweep_coverage(session: AsyncSession, now: datetime) -> int:
    rows = await session.execute(
        select(Shift.id).join(Roster, Roster.id == Shift.roster_id)
        .where(Shift.status == ShiftStatus.OPEN.value, Roster.active.is_(True),
               Shift.starts_at > now, Shift.starts_at <= now + ALERT_BEFORE)
        .order_by(Shift.starts_at)
    )
    clock = FrozenClock(now)
    sent = 0
    for shift_id in list(rows.scalars()):
        sent += await check(session, clock, shift_id)
        await session.commit()
    return sent


async def tell_new_chat(session: AsyncSession, clock: Clock, roster: Roster) -> int:
    """A group bound after the shortages were alerted hears them now, not at the next sweep."""
    rows = await session.execute(select(Shift).where(
        Shift.roster_id == roster.id, Shift.status == ShiftStatus.OPEN.value,
        Shift.alerted_at.is_not(None), Shift.starts_at > clock.now()).order_by(Shift.starts_at))
    tz = await zone(session, roster.compound_id)
    sent = 0
    for shift in rows.scalars():
        short = await missing(session, shift)
        if short > 0:
            args = _short_args(shift, roster, tz, short, clock.now())
            sent += await _to_groups(session, clock, shift, roster, args)
    return sent
