"""Door-to-door follow-up (上门动员) for an owners' assembly vote: each building leader gets,
privately, the flats of their building whose vote has not come in, with the register's
owner name masked (李*兰) and the phone's last four digits, enough to knock and ask.

Only whether a flat is covered is read, never what anyone chose. A flat nobody has
registered for is listed too: those are the ones only a knock can reach.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.polls import Audience, Poll, PollCoverage, PollKind
from models.registry import Building, Entrance, Household
from models.roles import Role as R
from models.roles import RoleGrant
from services.clock import Clock
from services.outbox import Notice, enqueue, fragment
from services.place_names import place
from services.polls import cards
from services.register_check import mask_name, phone_tail

MAX_LINES = 120  # a long building goes in several messages (split on lines by the sender)


async def unvoted(session: AsyncSession, poll: Poll) -> dict[int, list[tuple[Household, str]]]:
    """building id -> [(household, entrance name)] not covered by a ballot yet."""
    covered = select(PollCoverage.household_id).where(PollCoverage.poll_id == poll.id)
    stmt = (select(Household, Entrance.name).join(Entrance, Entrance.id == Household.entrance_id)
            .where(Household.compound_id == poll.compound_id, Household.id.not_in(covered))
            .order_by(Household.building_id, Entrance.name, Household.room))
    if poll.audience == Audience.BUILDINGS:
        stmt = stmt.where(Household.building_id.in_(poll.audience_buildings or [-1]))
    out: dict[int, list[tuple[Household, str]]] = defaultdict(list)
    for home, entrance in (await session.execute(stmt)).all():
        out[home.building_id].append((home, entrance))
    return out


async def tell_leaders(session: AsyncSession, clock: Clock, poll: Poll, tag: str) -> int:
    """One private list per building leader and building; once per reminder round."""
    if poll.kind != PollKind.ASSEMBLY:
        return 0
    flats = await unvoted(session, poll)
    if not flats:
        return 0
    leaders = (await session.execute(
        select(RoleGrant.person_id, RoleGrant.building_id, Building.name)
        .join(Building, Building.id == RoleGrant.building_id)
        .where(RoleGrant.compound_id == poll.compound_id, RoleGrant.role == R.BUILDING_LEADER,
               RoleGrant.revoked_at.is_(None), RoleGrant.building_id.in_(list(flats))))).all()
    tz = await cards.timezone_of(session, poll.compound_id)
    told = 0
    for person_id, building_id, building in leaders:
        leader = await session.get(Person, person_id)
        if leader is None or leader.tg_id is None:
            continue
        homes = flats[building_id]
        lines = [fragment("poll-doors-line",
                          home=place(entrance=entrance, room=home.room),
                          owner=mask_name(home.owner_name) if home.owner_name
                          else fragment("poll-doors-unknown"),
                          phone=phone_tail(home.phone) if home.phone
                          else fragment("poll-doors-unknown"))
                 for home, entrance in homes[:MAX_LINES]]
        await enqueue(session, clock, Notice(
            key=f"poll:{poll.id}:doors:{tag}:{person_id}:{building_id}", chat_id=leader.tg_id,
            text_key="poll-doors", args={
                "question": poll.question, "building": place(building=building),
                "count": len(homes), "deadline": cards.local(poll.closes_at, tz),
                "lines": {"lines": lines},
                "more": fragment("poll-doors-more", count=len(homes) - MAX_LINES)
                if len(homes) > MAX_LINES else ""},
            ref=cards.ref(poll)))
        told += 1
    return told
