"""Casting ballots: eligibility, one vote per voter/household/owner, secrecy, concurrency."""

from __future__ import annotations

import asyncio
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from models.polls import (
    Audience,
    Poll,
    PollBallot,
    PollChoice,
    PollCount,
    PollKind,
    VoteUnit,
)
from models.roles import AuditEntry
from services.clock import FrozenClock
from services.polls import ballots, cards, lifecycle, results, turnout
from services.polls.eligibility import Refusal, Refused
from tests.polls import factories as f

KEY = ballots.server_key("123:test")
CHAT = -100500


async def options(session: AsyncSession, poll_id: int) -> list[int]:
    return [o.id for o in await cards.options_of(session, poll_id)]


async def counts(session: AsyncSession, poll_id: int) -> dict[int, tuple[int, D]]:
    return await cards.counts_of(session, poll_id)


async def press(session: AsyncSession, clock: FrozenClock, poll_id: int, option: int,
                person_id: int, chat_id: int | None = None) -> ballots.CastResult:
    return await ballots.press(session, clock, KEY, ballots.Press(
        poll_id=poll_id, option_id=option, person_id=person_id, chat_id=chat_id))


@pytest.fixture
async def world(session: AsyncSession, clock: FrozenClock) -> dict:
    c = await f.compound(session, clock)
    b1, b2 = await f.building(session, c, "1"), await f.building(session, c, "2")
    organizer = await f.person(session, clock, "Organizer")
    homes = [await f.household(session, clock, c, b1, "101", "80.00"),
             await f.household(session, clock, c, b1, "102", "120.00"),
             await f.household(session, clock, c, b2, "201", "100.00")]
    await f.group(session, clock, c, CHAT)
    await session.commit()
    return {"c": c, "organizer": organizer, "homes": homes, "b1": b1, "b2": b2}


async def test_quick_poll_counts_one_vote_per_person_and_lets_them_change(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], chats=[CHAT])
    green, white, _ = await options(session, poll.id)
    someone = await f.person(session, clock, "Neighbour")
    assert (await press(session, clock, poll.id, green, someone.id, CHAT)).outcome == "cast"
    assert (await press(session, clock, poll.id, green, someone.id, CHAT)).outcome == "unchanged"
    assert (await press(session, clock, poll.id, white, someone.id, CHAT)).outcome == "changed"
    assert (await counts(session, poll.id))[green][0] == 0
    assert (await counts(session, poll.id))[white][0] == 1
    with pytest.raises(Refused) as refused:
        await press(session, clock, poll.id, green, someone.id, chat_id=None)
    assert refused.value.reason == Refusal.WRONG_CHAT


async def test_forged_options_and_closed_polls_are_refused(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    a = await f.open_poll(session, clock, world["c"], world["organizer"], chats=[CHAT])
    b = await f.open_poll(session, clock, world["c"], world["organizer"], chats=[CHAT])
    voter = await f.person(session, clock)
    other_polls_option = (await options(session, b.id))[0]
    for poll_id, option, reason in [(a.id, other_polls_option, Refusal.BAD_OPTION),
                                    (a.id, 999_999, Refusal.BAD_OPTION),
                                    (424_242, other_polls_option, Refusal.CLOSED)]:
        with pytest.raises(Refused) as refused:
            await press(session, clock, poll_id, option, voter.id, CHAT)
        assert refused.value.reason == reason
    clock.advance(hours=49)  # past the deadline, before the sweep has run
    with pytest.raises(Refused) as refused:
        await press(session, clock, a.id, (await options(session, a.id))[0], voter.id, CHAT)
    assert refused.value.reason == Refusal.CLOSED
    assert await session.scalar(select(func.count(PollBallot.id))) == 0


async def test_no_change_when_the_organizer_forbade_it(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], chats=[CHAT],
                             allow_change=False)
    first, second, _ = await options(session, poll.id)
    voter = await f.person(session, clock)
    await press(session, clock, poll.id, first, voter.id, CHAT)
    with pytest.raises(Refused) as refused:
        await press(session, clock, poll.id, second, voter.id, CHAT)
    assert refused.value.reason == Refusal.NO_CHANGE
    assert (await counts(session, poll.id))[first][0] == 1


async def test_multiple_choice_toggles_up_to_k(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], chats=[CHAT],
                             max_choices=2)
    a, b, c = await options(session, poll.id)
    voter = await f.person(session, clock)
    await press(session, clock, poll.id, a, voter.id, CHAT)
    assert (await press(session, clock, poll.id, b, voter.id, CHAT)).selection == (a, b)
    with pytest.raises(Refused) as refused:
        await press(session, clock, poll.id, c, voter.id, CHAT)
    assert refused.value.reason == Refusal.TOO_MANY
    assert (await press(session, clock, poll.id, a, voter.id, CHAT)).selection == (b,)
    with pytest.raises(Refused) as refused:
        await press(session, clock, poll.id, b, voter.id, CHAT)
    assert refused.value.reason == Refusal.LAST
    assert {o: n for o, (n, _) in (await counts(session, poll.id)).items()} == {a: 0, b: 1, c: 0}


async def test_council_votes_are_for_council_members_only(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    member = await f.person(session, clock, "Secretary")
    await f.grant(session, clock, member, world["c"], "party_branch")
    await f.grant(session, clock, member, world["c"], "owners_committee")  # still one vote
    outsider = await f.person(session, clock, "Outsider")
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.COUNCIL)
    yes = (await options(session, poll.id))[0]
    await press(session, clock, poll.id, yes, member.id)
    with pytest.raises(Refused) as refused:
        await press(session, clock, poll.id, yes, outsider.id)
    assert refused.value.reason == Refusal.NOT_COUNCIL


async def test_resident_poll_reasons_and_one_vote_per_household(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    home = world["homes"][0]
    mum, dad = await f.person(session, clock, "Mum"), await f.person(session, clock, "Dad")
    await f.live(session, clock, mum, home, "owner")
    await f.live(session, clock, dad, home, "family")
    pending = await f.person(session, clock, "New")
    await f.live(session, clock, pending, world["homes"][2], "tenant", status="pending")
    stranger = await f.person(session, clock, "Stranger")
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.RESIDENT,
                             audience=Audience.BUILDINGS,
                             audience_buildings=[world["b1"][0].id],
                             vote_unit=VoteUnit.HOUSEHOLD, chats=[CHAT])
    first = (await options(session, poll.id))[0]
    await press(session, clock, poll.id, first, mum.id)
    for who, reason in [(dad, Refusal.TAKEN), (pending, Refusal.NOT_VERIFIED),
                        (stranger, Refusal.NOT_REGISTERED)]:
        with pytest.raises(Refused) as refused:
            await press(session, clock, poll.id, first, who.id)
        assert refused.value.reason == reason
    tenant = await f.person(session, clock, "Tenant")
    await f.live(session, clock, tenant, world["homes"][2], "tenant")
    with pytest.raises(Refused) as refused:
        await press(session, clock, poll.id, first, tenant.id)
    assert refused.value.reason == Refusal.NOT_AUDIENCE


async def test_assembly_owner_with_two_homes_votes_once_with_both_areas(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    h1, h2, h3 = world["homes"]
    owner = await f.person(session, clock, "Owner")
    await f.live(session, clock, owner, h1)
    await f.live(session, clock, owner, h2)
    wife, husband = await f.person(session, clock, "Wife"), await f.person(session, clock, "Husb")
    await f.live(session, clock, wife, h3, "owner")
    await f.live(session, clock, husband, h3, "co_owner")
    tenant = await f.person(session, clock, "Tenant")
    await f.live(session, clock, tenant, h3, "tenant")
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.ASSEMBLY,
                             matter="manager", secret=True, chats=[CHAT])
    yes, no, _ = await options(session, poll.id)
    await press(session, clock, poll.id, yes, owner.id)
    await press(session, clock, poll.id, no, wife.id)
    for who, reason in [(husband, Refusal.HOUSEHOLD_VOTED), (tenant, Refusal.NOT_OWNER)]:
        with pytest.raises(Refused) as refused:
            await press(session, clock, poll.id, yes, who.id)
        assert refused.value.reason == reason
    # A secret poll has no counts while it is open; the close opens the box.
    assert {n for n, _ in (await counts(session, poll.id)).values()} == {0}
    await lifecycle.close(session, clock, poll.id, key=KEY)
    assert await counts(session, poll.id) == {yes: (1, D("200.00")), no: (1, D("100.00")),
                                              _: (0, D("0.00"))}


@pytest.mark.parametrize("secret", [True, False])
async def test_a_flat_verified_after_the_vote_counts_in_the_published_area(
    session: AsyncSession, clock: FrozenClock, world: dict, secret: bool
) -> None:
    h1, h2, _ = world["homes"]
    owner = await f.person(session, clock, "Owner")
    await f.live(session, clock, owner, h1)
    second = await f.live(session, clock, owner, h2, status="pending")
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.ASSEMBLY,
                             matter="other", secret=secret, chats=[CHAT])
    poll_id = poll.id
    yes, _, _ = await options(session, poll_id)
    await press(session, clock, poll_id, yes, owner.id)  # the roll says 80 m² now
    second.status = "verified"  # nothing else changes
    await session.commit()
    live = await turnout.turnout(session, await session.get(Poll, poll_id))
    assert live.area_voted == D("200.00")  # the live turnout reads the roll too
    closed = await lifecycle.close(session, clock, poll_id, key=KEY)
    assert closed is not None and closed.result is not None
    assert closed.result["area"] == "200.00" and closed.result["ballots"] == 1
    assert (await counts(session, poll_id))[yes] == (1, D("200.00"))
    assert closed.result["assembly"]["agree_area"]["part"] == "200.00"


@pytest.mark.parametrize("secret", [True, False])
async def test_an_owner_whose_earlier_listed_flat_is_verified_changes_the_same_ballot(
    session: AsyncSession, clock: FrozenClock, world: dict, secret: bool
) -> None:
    h1, h2, _ = world["homes"]
    owner = await f.person(session, clock, "Owner")
    first = await f.live(session, clock, owner, h1, status="pending")
    await f.live(session, clock, owner, h2)
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.ASSEMBLY,
                             matter="other", secret=secret, chats=[CHAT])
    poll_id = poll.id
    yes, no, _ = await options(session, poll_id)
    await press(session, clock, poll_id, yes, owner.id)  # the ballot of 120 m² (h2)
    first.status = "verified"  # now his key names h1
    await session.commit()
    assert (await press(session, clock, poll_id, no, owner.id)).outcome == "changed"
    closed = await lifecycle.close(session, clock, poll_id, key=KEY)
    assert closed is not None and closed.result is not None
    assert closed.result["ballots"] == 1 and closed.result["area"] == "200.00"
    assert (await counts(session, poll_id))[no] == (1, D("200.00"))


async def test_a_secret_choice_is_never_linked_to_its_voter(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    voter = await f.person(session, clock, "Quiet")
    await f.live(session, clock, voter, world["homes"][0])
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.ASSEMBLY,
                             matter="other", secret=True, chats=[CHAT])
    yes, no, _ = await options(session, poll.id)
    await press(session, clock, poll.id, yes, voter.id)
    ballot = (await session.execute(select(PollBallot))).scalar_one()
    first_seal = ballot.sealed
    await press(session, clock, poll.id, no, voter.id)  # a change finds the old choice
    await session.refresh(ballot)
    # Nothing but a seal, different at each sealing, of one length whatever was chosen.
    assert await session.scalar(select(func.count()).select_from(PollChoice)) == 0
    assert ballot.sealed and first_seal and len(ballot.sealed) == len(first_seal) == 96
    assert ballot.sealed != first_seal
    trail = (await session.execute(select(AuditEntry).where(
        AuditEntry.action.like("poll.vote%")))).scalars().all()
    assert [a.action for a in trail] == ["poll.vote", "poll.vote.change"]
    assert all("options" not in a.detail and a.actor_id == voter.id for a in trail)
    # With another server key, the earlier choice cannot be read: refused, not double-counted.
    with pytest.raises(Refused) as refused:
        await ballots.press(session, clock, ballots.server_key("other"), ballots.Press(
            poll_id=poll.id, option_id=yes, person_id=voter.id))
    assert refused.value.reason == Refusal.LOST
    salt = poll.salt
    await lifecycle.close(session, clock, poll.id, key=KEY)
    assert (await counts(session, poll.id))[no][0] == 1
    choices = (await session.execute(select(PollChoice))).scalars().all()
    assert [(c.option_id, c.ballot_id, c.token) for c in choices] == [(no, None, None)]
    await session.refresh(ballot)
    await session.refresh(poll)
    assert ballot.sealed is None and poll.salt != salt  # the poll key is gone for good


async def test_seals_made_under_another_server_key_are_reported_not_counted(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    voter = await f.person(session, clock, "Quiet")
    await f.live(session, clock, voter, world["homes"][0])
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.ASSEMBLY,
                             matter="other", secret=True, chats=[CHAT])
    yes, _, _ = await options(session, poll.id)
    await press(session, clock, poll.id, yes, voter.id)
    closed = await lifecycle.close(session, clock, poll.id, key=ballots.server_key("rotated"))
    assert closed is not None and closed.result is not None
    assert closed.result["ballots"] == 1 and closed.result["unreadable"] == 1
    assert {n for n, _ in (await counts(session, poll.id)).values()} == {0}
    body = results.result_args(closed, closed.result)["body"]
    assert "poll-result-unreadable" in str(body)


async def test_paper_ballots_are_marked_and_exclusive_with_online_votes(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    h1, h2, _ = world["homes"]
    online = await f.person(session, clock, "Online")
    await f.live(session, clock, online, h1)
    offline = await f.person(session, clock, "Offline")
    await f.live(session, clock, offline, h2)
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.ASSEMBLY,
                             matter="other", chats=[CHAT])
    yes, no, _ = await options(session, poll.id)
    await press(session, clock, poll.id, yes, online.id)
    org = world["organizer"].id
    with pytest.raises(Refused) as refused:
        await ballots.record_paper(session, clock, KEY, poll.id, org, h1.id, no, "x")
    assert refused.value.reason == Refusal.ONLINE
    result = await ballots.record_paper(session, clock, KEY, poll.id, org, h2.id, no,
                                        "collected by leader Wang")
    assert result.outcome == "cast"
    with pytest.raises(Refused) as refused:
        await press(session, clock, poll.id, yes, offline.id)
    assert refused.value.reason == Refusal.PAPER
    paper = (await session.execute(select(AuditEntry).where(
        AuditEntry.action == "poll.paper"))).scalar_one()
    assert paper.actor_id == org and paper.detail["household"] == h2.id
    assert paper.detail["note"] == "collected by leader Wang"
    ballot = (await session.execute(select(PollBallot).where(
        PollBallot.household_id == h2.id))).scalar_one()
    assert (ballot.source, ballot.person_id, ballot.area) == ("paper", None, D("120.00"))


async def _two_presses(engine: AsyncEngine, clock: FrozenClock, poll_id: int, option: int,
                       person_id: int, chats: tuple[int | None, int | None]) -> list[object]:
    sessions = db.session_factory(engine)

    async def one(chat: int | None) -> object:
        async with sessions() as s:
            try:
                return (await ballots.press(s, clock, KEY, ballots.Press(
                    poll_id=poll_id, option_id=option, person_id=person_id, chat_id=chat))).outcome
            except Refused as refused:
                return refused.reason

    return list(await asyncio.gather(one(chats[0]), one(chats[1])))


async def test_the_same_person_pressing_from_two_places_at_once_counts_once(
    session: AsyncSession, clock: FrozenClock, world: dict, engine: AsyncEngine
) -> None:
    voter = await f.person(session, clock, "Twice")
    await f.live(session, clock, voter, world["homes"][0])
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.RESIDENT,
                             chats=[CHAT])
    first = (await options(session, poll.id))[0]
    outcomes = await _two_presses(engine, clock, poll.id, first, voter.id, (CHAT, None))
    assert sorted(map(str, outcomes)) == ["cast", "unchanged"]
    async with db.session_factory(engine)() as s:
        assert await s.scalar(select(func.count(PollBallot.id))) == 1
        assert await s.scalar(select(func.sum(PollCount.ballots))) == 1


async def test_two_co_owners_voting_at_once_give_one_ballot(
    session: AsyncSession, clock: FrozenClock, world: dict, engine: AsyncEngine
) -> None:
    wife, husband = await f.person(session, clock, "W"), await f.person(session, clock, "H")
    await f.live(session, clock, wife, world["homes"][2], "owner")
    await f.live(session, clock, husband, world["homes"][2], "co_owner")
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.ASSEMBLY,
                             matter="other", chats=[CHAT])
    yes = (await options(session, poll.id))[0]
    sessions = db.session_factory(engine)

    async def vote(pid: int) -> str:
        async with sessions() as s:
            try:
                return (await ballots.press(s, clock, KEY, ballots.Press(
                    poll_id=poll.id, option_id=yes, person_id=pid))).outcome
            except Refused as refused:
                return refused.reason.value

    outcomes = await asyncio.gather(vote(wife.id), vote(husband.id))
    assert sorted(outcomes) == ["cast", "household-voted"]
    async with sessions() as s:
        assert await s.scalar(select(func.sum(PollCount.ballots))) == 1


async def test_a_group_members_poll_takes_members_of_that_group_only(
    session: AsyncSession, clock: FrozenClock, world: dict
) -> None:
    poll = await f.open_poll(session, clock, world["c"], world["organizer"], PollKind.RESIDENT,
                             audience=Audience.CHAT, audience_chat_id=CHAT, chats=[CHAT])
    poll_id = poll.id
    first = (await options(session, poll_id))[0]
    member, other = await f.person(session, clock, "In"), await f.person(session, clock, "Out")
    member_id, other_id = member.id, other.id
    assert (await press(session, clock, poll_id, first, member_id, CHAT)).outcome == "cast"
    with pytest.raises(Refused) as refused:
        await press(session, clock, poll_id, first, other_id)  # in private, not a member
    assert refused.value.reason == Refusal.NOT_AUDIENCE
    result = await ballots.press(session, clock, KEY, ballots.Press(
        poll_id=poll_id, option_id=first, person_id=other_id, in_audience_chat=True))
    assert result.outcome == "cast"  # a member voting privately (membership checked by the bot)
