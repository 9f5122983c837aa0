"""Roster test data, inserted through the models. Helpers flush; callers commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.chat import Chat
from models.person import Person
from models.registry import ChatBinding, Compound
from models.roles import Role, RoleGrant
from models.rosters import Assignment, HoldStatus, Roster, RosterMember, Shift, ShiftStatus
from services.clock import Clock
from services.rosters import setup

CODES = {"zh-Hans": "zh-hans", "zh-Hant": "zh-hant", "en": "en"}
TIMES = [["07:30", "08:10"], ["16:30", "17:10"]]


def local(tz: str, *args: int) -> datetime:
    """A local wall-clock moment in `tz`, as an aware UTC datetime for FrozenClock."""
    return datetime(*args, tzinfo=ZoneInfo(tz)).astimezone(UTC)  # type: ignore[misc]


async def person(session: AsyncSession, clock: Clock, name: str, *, tg_id: int | None = None,
                 locale: str = "zh-Hans", username: str | None = None) -> Person:
    row = Person(tg_id=tg_id, first_name=name, username=username, locale=locale,
                 created_at=clock.now(), seen_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def compound(session: AsyncSession, clock: Clock, *, tz: str = "Asia/Shanghai",
                   name: str = "Sunny Garden") -> Compound:
    row = Compound(name=name, timezone=tz, locale="zh-Hans", created_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def grant(session: AsyncSession, clock: Clock, compound_id: int, person_id: int,
                role: Role) -> None:
    session.add(RoleGrant(compound_id=compound_id, person_id=person_id, role=role.value,
                          granted_at=clock.now()))
    await session.flush()


async def group(session: AsyncSession, clock: Clock, chat_id: int, compound_id: int, *,
                purpose: str = "compound", title: str = "Group", locale: str = "zh-Hans") -> None:
    """A group chat bound to the compound, whose notices are in `locale`."""
    session.add(Chat(id=chat_id, type="supergroup", title=title, locale=locale,
                     created_at=clock.now()))
    await session.flush()
    session.add(ChatBinding(chat_id=chat_id, compound_id=compound_id, purpose=purpose,
                            bound_at=clock.now()))
    await session.flush()


async def roster(session: AsyncSession, clock: Clock, compound_id: int, organizer: Person, *,
                 name: str = "Crossing guard", place: str = "East gate",
                 times: list[list[str]] | None = None, per_shift: int = 2,
                 recurrence: str = "weekdays", leads: list[str] | None = None,
                 chat_id: int | None = None) -> Roster:
    """A roster created through the service (so its shifts are generated). Commits."""
    draft = setup.Draft(name=name, place=place, times=times or TIMES, per_shift=per_shift,
                        recurrence=recurrence)
    if leads is not None:
        draft.leads = leads
    created, _ = await setup.create(session, clock, compound_id, organizer, draft, chat_id)
    return created


async def join(session: AsyncSession, clock: Clock, roster_id: int, *people: Person) -> None:
    for p in people:
        session.add(RosterMember(roster_id=roster_id, person_id=p.id, joined_at=clock.now()))
    await session.flush()


async def shifts(session: AsyncSession, roster_id: int) -> list[Shift]:
    rows = await session.execute(
        select(Shift).where(Shift.roster_id == roster_id, Shift.status == ShiftStatus.OPEN.value)
        .order_by(Shift.starts_at).execution_options(populate_existing=True)
    )
    return list(rows.scalars())


async def shift_at(session: AsyncSession, roster_id: int, starts_at: datetime) -> Shift:
    rows = await session.execute(
        select(Shift).where(Shift.roster_id == roster_id, Shift.starts_at == starts_at,
                            Shift.status == ShiftStatus.OPEN.value)
        .execution_options(populate_existing=True)
    )
    return rows.scalar_one()


async def holder_ids(session: AsyncSession, shift_id: int) -> set[int]:
    rows = await session.execute(select(Assignment.person_id).where(
        Assignment.shift_id == shift_id, Assignment.status == HoldStatus.HELD.value))
    return set(rows.scalars())


@dataclass
class Cast:
    """Who plays in a roster scenario."""

    compound: Compound
    organizer: Person
    parents: list[Person]
