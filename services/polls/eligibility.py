"""Who may vote in a poll, and under which voter key (one ballot per key, by constraint).

Checked at vote time, so a resident verified after the poll opened can still vote and one
whose link was ended cannot.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.polls import Audience, Poll, PollKind, PollPost, VoteUnit
from models.registry import Household, LinkStatus, Relation, Residency
from services.policy import POLICY, Action, roles_of
from services.polls.tally278 import Side, Unit, head_count, owner_units

OWNER_RELATIONS = (Relation.OWNER.value, Relation.CO_OWNER.value)


class Refusal(enum.StrEnum):
    CLOSED = "closed"
    NOT_REGISTERED = "not-registered"
    NOT_VERIFIED = "not-verified"
    NOT_OWNER = "not-owner"
    NOT_AUDIENCE = "not-audience"
    NOT_COUNCIL = "not-council"
    WRONG_CHAT = "wrong-chat"
    BAD_OPTION = "bad-option"
    TAKEN = "taken"
    PAPER = "paper"
    ONLINE = "online"
    NO_CHANGE = "no-change"
    TOO_MANY = "too-many"
    LAST = "last"
    LOST = "lost"
    NOT_PAPER = "not-paper"
    UNKNOWN_HOUSEHOLD = "unknown-household"
    HOUSEHOLD_VOTED = "household-voted"  # a co-owner (or the owner) of the home voted first


class Refused(Exception):
    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class Voter:
    key: str
    person_id: int | None
    household_id: int | None = None
    building_id: int | None = None
    households: tuple[int, ...] = ()  # the households this ballot speaks for
    area: Decimal = Decimal(0)


async def compound_units(session: AsyncSession, compound_id: int) -> list[Unit]:
    """The owners' roll of a compound: every household, grouped into heads (tally278)."""
    areas: dict[int, Decimal] = {}
    developer: set[int] = set()
    for hid, area, dev in await session.execute(
        select(Household.id, Household.area_m2, Household.developer)
        .where(Household.compound_id == compound_id)
    ):
        areas[hid] = area
        if dev:
            developer.add(hid)
    return owner_units(areas, await _owner_links(session, compound_id), developer)


async def compound_electorate(session: AsyncSession, compound_id: int) -> Side:
    """The roll's total area and headcount, for tallies and turnout.

    The database sums the areas in whole cents (exact in SQLite's floating point too, and
    areas have two decimals): reading 10,000 areas row by row was most of a tally's time.
    """
    cents = (await session.execute(
        select(func.coalesce(func.sum(func.round(Household.area_m2 * 100)), 0))
        .where(Household.compound_id == compound_id)
    )).scalar_one()
    homes = dict((await session.execute(
        select(Household.developer, func.count(Household.id))
        .where(Household.compound_id == compound_id).group_by(Household.developer)
    )).all())
    bought = await session.execute(
        select(Residency.person_id, Residency.household_id)
        .join(Household, Household.id == Residency.household_id)
        .where(
            Household.compound_id == compound_id,
            Household.developer.is_(False),
            Residency.status == LinkStatus.VERIFIED.value,
            Residency.relation == Relation.OWNER.value,
        )
    )
    heads = head_count(int(homes.get(False, 0)), int(homes.get(True, 0)),
                       [(p, h) for p, h in bought])
    return Side(area=Decimal(int(cents)) / 100, heads=heads)


async def _owner_links(session: AsyncSession, compound_id: int) -> list[tuple[int, int, str]]:
    links = await session.execute(
        select(Residency.person_id, Residency.household_id, Residency.relation)
        .join(Household, Household.id == Residency.household_id)
        .where(
            Household.compound_id == compound_id,
            Residency.status == LinkStatus.VERIFIED.value,
            Residency.relation.in_(OWNER_RELATIONS),
        )
    )
    return [(p, h, r) for p, h, r in links]


async def _links(
    session: AsyncSession, person_id: int, compound_id: int
) -> list[tuple[Residency, Household]]:
    rows = await session.execute(
        select(Residency, Household)
        .join(Household, Household.id == Residency.household_id)
        .where(
            Residency.person_id == person_id,
            Household.compound_id == compound_id,
            Residency.status.in_((LinkStatus.VERIFIED.value, LinkStatus.PENDING.value)),
        )
        .order_by(Household.sort_key, Household.id)
    )
    return [(r, h) for r, h in rows]


async def _posted_in(session: AsyncSession, poll_id: int, chat_id: int | None) -> bool:
    if chat_id is None:
        return False
    return await session.get(PollPost, (poll_id, chat_id)) is not None


async def voter_for(
    session: AsyncSession, poll: Poll, person_id: int, *, chat_id: int | None,
    in_audience_chat: bool = False,
) -> Voter:
    """The voter key a person votes under, or Refused with the reason."""
    if poll.kind == PollKind.QUICK:
        if not await _posted_in(session, poll.id, chat_id):
            raise Refused(Refusal.WRONG_CHAT)
        return Voter(key=f"p:{person_id}", person_id=person_id)
    if poll.kind == PollKind.COUNCIL:
        if not POLICY[Action.POLL_COUNCIL] & await roles_of(session, person_id, poll.compound_id):
            raise Refused(Refusal.NOT_COUNCIL)
        return Voter(key=f"p:{person_id}", person_id=person_id)
    links = await _links(session, person_id, poll.compound_id)
    if poll.kind == PollKind.ASSEMBLY:
        return await _owner(session, poll, person_id, links)
    return _resident(poll, person_id, links, chat_id, in_audience_chat)


def _resident(
    poll: Poll, person_id: int, links: list[tuple[Residency, Household]],
    chat_id: int | None, in_audience_chat: bool,
) -> Voter:
    verified = [h for r, h in links if r.status == LinkStatus.VERIFIED]
    if poll.audience == Audience.CHAT:
        if not (in_audience_chat or chat_id == poll.audience_chat_id):
            raise Refused(Refusal.NOT_AUDIENCE)
        if poll.vote_unit == VoteUnit.PERSON:
            first = verified[0] if verified else None
            return Voter(key=f"p:{person_id}", person_id=person_id,
                         building_id=first.building_id if first else None)
    if not links:
        raise Refused(Refusal.NOT_REGISTERED)
    if not verified:
        raise Refused(Refusal.NOT_VERIFIED)
    if poll.audience == Audience.BUILDINGS:
        verified = [h for h in verified if h.building_id in set(poll.audience_buildings)]
        if not verified:
            raise Refused(Refusal.NOT_AUDIENCE)
    home = verified[0]
    if poll.vote_unit == VoteUnit.HOUSEHOLD:
        return Voter(key=f"h:{home.id}", person_id=person_id, household_id=home.id,
                     building_id=home.building_id, households=(home.id,))
    return Voter(key=f"p:{person_id}", person_id=person_id, household_id=home.id,
                 building_id=home.building_id)


async def _owner(
    session: AsyncSession, poll: Poll, person_id: int, links: list[tuple[Residency, Household]]
) -> Voter:
    if not links:
        raise Refused(Refusal.NOT_REGISTERED)
    owned = [(r, h) for r, h in links
             if r.status == LinkStatus.VERIFIED and r.relation in OWNER_RELATIONS]
    if not owned:
        pending_owner = any(r.relation in OWNER_RELATIONS for r, _ in links)
        raise Refused(Refusal.NOT_VERIFIED if pending_owner else Refusal.NOT_OWNER)
    # A person may belong to several heads (buyer of one part, co-owner of another): their
    # ballot is that of the parts they bought, else of a part they co-own, and a
    # developer's part last (stable sort: the register's order within each).
    owned.sort(key=lambda rh: (rh[1].developer, rh[0].relation != Relation.OWNER))
    home = owned[0][1]
    units = await compound_units(session, poll.compound_id)
    unit = next(u for u in units if home.id in u.households)
    return _unit_voter(unit, person_id, home)


def _unit_voter(unit: Unit, person_id: int | None, home: Household) -> Voter:
    return Voter(key=unit.key, person_id=person_id, household_id=home.id,
                 building_id=home.building_id, households=tuple(sorted(unit.households)),
                 area=unit.area)


async def voter_for_household(session: AsyncSession, poll: Poll, household_id: int) -> Voter:
    """The voter key of a paper ballot collected from a household."""
    home = await session.get(Household, household_id)
    if home is None or home.compound_id != poll.compound_id:
        raise Refused(Refusal.UNKNOWN_HOUSEHOLD)
    if poll.kind == PollKind.ASSEMBLY:
        units = await compound_units(session, poll.compound_id)
        unit = next(u for u in units if home.id in u.households)
        return _unit_voter(unit, None, home)
    if poll.kind != PollKind.RESIDENT or poll.vote_unit != VoteUnit.HOUSEHOLD:
        raise Refused(Refusal.NOT_PAPER)
    if poll.audience == Audience.BUILDINGS and home.building_id not in poll.audience_buildings:
        raise Refused(Refusal.NOT_AUDIENCE)
    return Voter(key=f"h:{home.id}", person_id=None, household_id=home.id,
                 building_id=home.building_id, households=(home.id,))
