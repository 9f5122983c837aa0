"""Who has voted, who has not, and reminders to those who have not.

Only "who has voted" is ever read here, never what anyone chose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.polls import Audience, Poll, PollBallot, PollCoverage, PollKind, PollStatus, VoteUnit
from models.registry import Building, Household, LinkStatus, Residency
from models.roles import RoleGrant
from services.clock import FrozenClock
from services.outbox import Button, Notice, enqueue
from services.policy import POLICY, Action
from services.polls import cards, doors, settle
from services.polls.eligibility import OWNER_RELATIONS, compound_electorate

REMINDERS = (("r24", timedelta(hours=24)), ("r2", timedelta(hours=2)))


@dataclass(frozen=True)
class BuildingTurnout:
    name: str
    voted: int
    eligible: int
    area_voted: Decimal = Decimal(0)
    area_total: Decimal = Decimal(0)


@dataclass(frozen=True)
class Turnout:
    voted: int
    eligible: int | None  # None when nobody can know (anyone in a group may vote)
    area_voted: Decimal
    area_total: Decimal
    buildings: list[BuildingTurnout]


async def council_members(session: AsyncSession, compound_id: int) -> list[Person]:
    roles = [r.value for r in POLICY[Action.POLL_COUNCIL]]
    rows = await session.execute(
        select(Person).join(RoleGrant, RoleGrant.person_id == Person.id)
        .where(RoleGrant.compound_id == compound_id, RoleGrant.revoked_at.is_(None),
               RoleGrant.role.in_(roles))
        .distinct().order_by(Person.id)
    )
    return list(rows.scalars())


def _audience_households(poll: Poll) -> Select[tuple[int]]:
    stmt = select(Household.id).where(Household.compound_id == poll.compound_id)
    if poll.audience == Audience.BUILDINGS:
        stmt = stmt.where(Household.building_id.in_(poll.audience_buildings or [-1]))
    return stmt


async def _residents(session: AsyncSession, poll: Poll, owners_only: bool) -> list[tuple[int, int]]:
    """(person, household) verified links within the poll's audience."""
    stmt = select(Residency.person_id, Residency.household_id).where(
        Residency.status == LinkStatus.VERIFIED.value,
        Residency.household_id.in_(_audience_households(poll)),
    )
    if owners_only:
        stmt = stmt.where(Residency.relation.in_(OWNER_RELATIONS))
    return [(p, h) for p, h in await session.execute(stmt)]


async def non_voters(session: AsyncSession, poll: Poll) -> list[Person]:
    """Eligible people who have not voted (empty where the bot cannot know who is eligible)."""
    voted_people = set((await session.execute(
        select(PollBallot.person_id).where(PollBallot.poll_id == poll.id)
    )).scalars())
    covered = set((await session.execute(
        select(PollCoverage.household_id).where(PollCoverage.poll_id == poll.id)
    )).scalars())
    if poll.kind == PollKind.COUNCIL:
        people = [p.id for p in await council_members(session, poll.compound_id)]
        wanted = [p for p in people if p not in voted_people]
    elif poll.kind == PollKind.ASSEMBLY or (
        poll.kind == PollKind.RESIDENT and poll.audience != Audience.CHAT
    ):
        owners = poll.kind == PollKind.ASSEMBLY
        links = await _residents(session, poll, owners_only=owners)
        by_household = owners or poll.vote_unit == VoteUnit.HOUSEHOLD
        wanted = sorted({p for p, h in links
                         if (h not in covered if by_household else p not in voted_people)})
    else:
        return []
    if not wanted:
        return []
    rows = await session.execute(select(Person).where(Person.id.in_(wanted)).order_by(Person.id))
    return list(rows.scalars())


async def turnout(session: AsyncSession, poll: Poll) -> Turnout:
    voted, area = await cards.totals(session, poll.id)
    if poll.kind == PollKind.ASSEMBLY:
        return await _assembly_turnout(session, poll, voted, area)
    eligible: int | None = None
    if poll.kind == PollKind.COUNCIL:
        eligible = len(await council_members(session, poll.compound_id))
    buildings: list[BuildingTurnout] = []
    if poll.kind == PollKind.RESIDENT and poll.audience != Audience.CHAT:
        links = await _residents(session, poll, owners_only=False)
        household = poll.vote_unit == VoteUnit.HOUSEHOLD
        eligible = len({h for _, h in links}) if household else len({p for p, _ in links})
        buildings = await _resident_buildings(session, poll, links, household)
    return Turnout(voted, eligible, area, Decimal(0), buildings)


async def _building_names(session: AsyncSession, compound_id: int) -> dict[int, str]:
    rows = await session.execute(
        select(Building.id, Building.name).where(Building.compound_id == compound_id)
        .order_by(Building.sort_key, Building.id)
    )
    return dict(rows.all())


async def _resident_buildings(
    session: AsyncSession, poll: Poll, links: list[tuple[int, int]], household: bool
) -> list[BuildingTurnout]:
    names = await _building_names(session, poll.compound_id)
    where = dict((await session.execute(
        select(Household.id, Household.building_id).where(
            Household.id.in_({h for _, h in links} or {-1}))
    )).all())
    eligible: dict[int, set[object]] = {}
    for p, h in links:
        eligible.setdefault(where[h], set()).add(h if household else p)
    voted = dict((await session.execute(
        select(PollBallot.building_id, func.count(PollBallot.id))
        .where(PollBallot.poll_id == poll.id).group_by(PollBallot.building_id)
    )).all())
    return [BuildingTurnout(name, int(voted.get(bid, 0)), len(eligible.get(bid, ())))
            for bid, name in names.items() if bid in eligible or bid in voted]


async def _assembly_turnout(
    session: AsyncSession, poll: Poll, voted: int, area: Decimal
) -> Turnout:
    roll = await compound_electorate(session, poll.compound_id)
    if poll.status == PollStatus.OPEN:  # the roll now, not the areas at the time of casting
        area_of, later = await settle.standing(session, poll)
        voted, area = len(area_of) - len(later), sum(area_of.values(), Decimal(0))
    names = await _building_names(session, poll.compound_id)
    homes = (await session.execute(
        select(Household.id, Household.building_id, Household.area_m2)
        .where(Household.compound_id == poll.compound_id)
    )).all()
    covered = set((await session.execute(
        select(PollCoverage.household_id).where(PollCoverage.poll_id == poll.id)
    )).scalars())
    stats: dict[int, list[Any]] = {bid: [0, 0, Decimal(0), Decimal(0)] for bid in names}
    for hid, bid, harea in homes:
        row = stats.setdefault(bid, [0, 0, Decimal(0), Decimal(0)])
        row[1] += 1
        row[3] += Decimal(harea)
        if hid in covered:
            row[0] += 1
            row[2] += Decimal(harea)
    buildings = [BuildingTurnout(names.get(bid, "?"), v, e, av, at)
                 for bid, (v, e, av, at) in stats.items() if e]
    return Turnout(voted, roll.heads, area, roll.area, buildings)


async def remind_sweep(session: AsyncSession, now: datetime) -> int:
    """24 h and 2 h before close: a private reminder to each eligible person not yet voted."""
    polls = (await session.execute(
        select(Poll).where(Poll.status == PollStatus.OPEN.value, Poll.closes_at > now,
                           Poll.closes_at <= now + timedelta(hours=24))
    )).scalars().all()
    clock = FrozenClock(now)
    sent = 0
    for poll in polls:
        sent += await _remind(session, clock, poll, now)
    await session.commit()
    return sent


async def _remind(session: AsyncSession, clock: FrozenClock, poll: Poll, now: datetime) -> int:
    due = [(tag, lead) for tag, lead in REMINDERS
           if now >= poll.closes_at - lead and getattr(poll, _flag(tag)) is None]
    if not due:
        return 0
    for tag, _ in due:
        setattr(poll, _flag(tag), now)
    tag, lead = due[-1]  # when both are due at once, only the nearer one is worth sending
    opened = poll.opens_at or poll.created_at
    if opened > poll.closes_at - lead:
        return 0  # the poll opened inside this window: the card itself was the reminder
    tz = await cards.timezone_of(session, poll.compound_id)
    sent = await doors.tell_leaders(session, clock, poll, tag)
    for person in await non_voters(session, poll):
        if person.tg_id is None:
            continue
        if await enqueue(session, clock, Notice(
            key=f"poll:{poll.id}:{tag}:{person.id}", chat_id=person.tg_id, text_key="poll-remind",
            args={"question": poll.question, "deadline": cards.local(poll.closes_at, tz),
                  "hours": int(lead.total_seconds() // 3600)},
            buttons=[[Button("poll-btn-open-ballot", ("pb", poll.id))]], ref=cards.ref(poll),
        )):
            sent += 1
    return sent


def _flag(tag: str) -> str:
    return "reminded_24_at" if tag == "r24" else "reminded_2_at"
