"""Creating rosters and changing their rules; who may manage which roster.

Every rule change locks the roster, records an audit entry and regenerates the shifts in
the same unit of work, so the shift rows always follow the rule that is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.rosters import (
    HoldStatus,
    Roster,
    RosterMember,
    RosterSkip,
    RosterTerm,
    Shift,
    ShiftStatus,
)
from services import audit, registry
from services.clock import Clock
from services.policy import Action, Actor, can, compounds_for
from services.rosters import coverage
from services.rosters.display import shift_fragment, zone
from services.rosters.errors import RosterError
from services.rosters.filling import holders
from services.rosters.generation import Generated, generate
from services.rosters.locking import lock_roster
from services.rosters.notify import tell
from services.upsert import insert_for

DEFAULT_LEADS = ["eve@20:00", "30m"]
MAX_NAME = 64
MAX_PLACE = 128
RULE_FIELDS = {"times", "per_shift", "recurrence", "follow_holidays", "leads", "points",
               "chat_id", "grace_minutes"}


@dataclass
class Draft:
    name: str
    place: str
    times: list[list[str]]
    per_shift: int
    recurrence: str
    follow_holidays: bool = True
    leads: list[str] = field(default_factory=lambda: list(DEFAULT_LEADS))


def _check(draft: Draft) -> None:
    if not draft.name.strip() or len(draft.name.strip()) > MAX_NAME:
        raise RosterError("name-bad", most=MAX_NAME)
    if not draft.place.strip() or len(draft.place.strip()) > MAX_PLACE:
        raise RosterError("place-bad", most=MAX_PLACE)
    if not draft.times:
        raise RosterError("times-bad")
    if draft.per_shift < 1:
        raise RosterError("size-zero")


async def create(session: AsyncSession, clock: Clock, compound_id: int, organizer: Person,
                 draft: Draft, chat_id: int | None = None) -> tuple[Roster, Generated]:
    """Create a roster and its first weeks of shifts. Commits."""
    _check(draft)
    now = clock.now()
    roster = Roster(compound_id=compound_id, name=draft.name.strip(), place=draft.place.strip(),
                    times=draft.times, per_shift=draft.per_shift, recurrence=draft.recurrence,
                    follow_holidays=draft.follow_holidays, leads=draft.leads, horizon_days=28,
                    points=10, grace_minutes=coverage.DEFAULT_GRACE_MINUTES,
                    chat_id=chat_id, organizer_id=organizer.id, active=True,
                    calendar_noted=[], created_at=now, updated_at=now)
    session.add(roster)
    await session.flush()
    generated = await generate(session, clock, roster.id)
    audit.record(session, clock, "roster.create", actor_id=organizer.id,
                 compound_id=compound_id, roster_id=roster.id, name=roster.name)
    await session.commit()
    return roster, generated


async def may_manage(session: AsyncSession, actor: Actor, roster: Roster) -> bool:
    if roster.organizer_id == actor.person.id:
        return True
    return await can(session, actor, Action.ROSTER_MANAGE, roster.compound_id)


async def managed(session: AsyncSession, actor: Actor) -> list[Roster]:
    compounds = [c.id for c in await compounds_for(session, actor, Action.ROSTER_MANAGE)]
    rows = await session.execute(
        select(Roster).where(Roster.active.is_(True),
                             or_(Roster.organizer_id == actor.person.id,
                                 Roster.compound_id.in_(compounds)))
        .order_by(Roster.id)
    )
    return list(rows.scalars())


async def visible(session: AsyncSession, person_id: int) -> list[Roster]:
    """Rosters of the person's compounds, the ones they belong to and the ones they run."""
    compounds = [c.id for c in await registry.compounds_of(session, person_id)]
    mine = select(RosterMember.roster_id).where(RosterMember.person_id == person_id)
    rows = await session.execute(
        select(Roster).where(Roster.active.is_(True),
                             or_(Roster.compound_id.in_(compounds), Roster.id.in_(mine),
                                 Roster.organizer_id == person_id))
        .order_by(Roster.id)
    )
    return list(rows.scalars())


async def of_chat(session: AsyncSession, chat_id: int, compound_id: int | None) -> list[Roster]:
    """A group's own rosters first; in a compound's other groups, all the compound's."""
    own = await session.execute(select(Roster).where(Roster.active.is_(True),
                                                     Roster.chat_id == chat_id))
    found = list(own.scalars())
    if found or compound_id is None:
        return found
    rows = await session.execute(select(Roster).where(Roster.active.is_(True),
                                                      Roster.compound_id == compound_id)
                                 .order_by(Roster.id))
    return list(rows.scalars())


async def _locked(session: AsyncSession, roster_id: int) -> Roster:
    roster = await lock_roster(session, roster_id)
    if roster is None or not roster.active:
        raise RosterError("roster-gone")
    return roster


async def _regenerate(session: AsyncSession, clock: Clock, roster: Roster, actor_id: int,
                      action: str, **detail: Any) -> Generated:
    roster.updated_at = clock.now()
    await session.flush()
    generated = await generate(session, clock, roster.id)
    audit.record(session, clock, action, actor_id=actor_id, compound_id=roster.compound_id,
                 roster_id=roster.id, **detail)
    await session.commit()
    return generated


async def change(session: AsyncSession, clock: Clock, roster_id: int, actor_id: int,
                 **fields: Any) -> Generated:
    """Change rule fields (times, per_shift, recurrence, leads, …) and regenerate. Commits."""
    unknown = set(fields) - RULE_FIELDS
    if unknown:
        raise ValueError(f"not a rule field: {sorted(unknown)}")
    roster = await _locked(session, roster_id)
    new_chat = "chat_id" in fields and fields["chat_id"] != roster.chat_id
    for name, value in fields.items():
        setattr(roster, name, value)
    if new_chat:
        await coverage.tell_new_chat(session, clock, roster)
    return await _regenerate(session, clock, roster, actor_id, "roster.change",
                             fields=sorted(fields))


async def add_term(session: AsyncSession, clock: Clock, roster_id: int, first: date,
                   last: date, actor_id: int) -> Generated:
    roster = await _locked(session, roster_id)
    session.add(RosterTerm(roster_id=roster.id, starts_on=first, ends_on=last))
    return await _regenerate(session, clock, roster, actor_id, "roster.term",
                             first=first.isoformat(), last=last.isoformat())


async def clear_terms(session: AsyncSession, clock: Clock, roster_id: int, actor_id: int
                      ) -> Generated:
    roster = await _locked(session, roster_id)
    await session.execute(delete(RosterTerm).where(RosterTerm.roster_id == roster.id))
    return await _regenerate(session, clock, roster, actor_id, "roster.term.clear")


async def terms(session: AsyncSession, roster_id: int) -> list[tuple[date, date]]:
    rows = await session.execute(select(RosterTerm.starts_on, RosterTerm.ends_on)
                                 .where(RosterTerm.roster_id == roster_id)
                                 .order_by(RosterTerm.starts_on))
    return [(a, b) for a, b in rows]


async def skips(session: AsyncSession, roster_id: int, first: date) -> list[date]:
    rows = await session.execute(select(RosterSkip.day).where(
        RosterSkip.roster_id == roster_id, RosterSkip.day >= first).order_by(RosterSkip.day))
    return list(rows.scalars())


async def _cancel_day(session: AsyncSession, clock: Clock, roster: Roster, day: date) -> int:
    """A closure day cancels that day's shifts, held ones too; their holders are told."""
    rows = await session.execute(select(Shift).where(
        Shift.roster_id == roster.id, Shift.day == day, Shift.status == ShiftStatus.OPEN.value,
        Shift.starts_at > clock.now()))
    tz = await zone(session, roster.compound_id)
    told = 0
    for shift in rows.scalars():
        for assignment, person in await holders(session, shift.id):
            assignment.status, assignment.released_at = HoldStatus.REMOVED.value, clock.now()
            told += await tell(session, clock, person.id, f"ro:skip:{shift.id}:{person.id}",
                               "ro-note-cancelled", shift=shift_fragment(shift, roster, tz))
        shift.status, shift.taken = ShiftStatus.CANCELLED.value, 0
    return told


async def add_skip(session: AsyncSession, clock: Clock, roster_id: int, day: date,
                   actor_id: int) -> tuple[Generated, int]:
    """Add a closure day; returns (regeneration, holders told their shift is off)."""
    roster = await _locked(session, roster_id)
    if day < clock.now().astimezone(await zone(session, roster.compound_id)).date():
        raise RosterError("date-past")
    insert = insert_for(session)
    await session.execute(insert(RosterSkip).values(roster_id=roster.id, day=day)
                          .on_conflict_do_nothing())
    told = await _cancel_day(session, clock, roster, day)
    generated = await _regenerate(session, clock, roster, actor_id, "roster.skip",
                                  day=day.isoformat())
    return generated, told


async def remove_skip(session: AsyncSession, clock: Clock, roster_id: int, day: date,
                      actor_id: int) -> Generated:
    roster = await _locked(session, roster_id)
    await session.execute(delete(RosterSkip).where(RosterSkip.roster_id == roster.id,
                                                   RosterSkip.day == day))
    return await _regenerate(session, clock, roster, actor_id, "roster.unskip",
                             day=day.isoformat())
