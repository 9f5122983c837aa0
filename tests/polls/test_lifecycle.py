"""Closing at the deadline, results, reminders, batched card edits, extend and cancel."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.outbox import Outbox
from models.polls import Poll, PollKind, PollStatus
from services.clock import FrozenClock
from services.polls import ballots, cards, lifecycle, turnout
from services.polls.eligibility import Refused
from tests.polls import factories as f

KEY = ballots.server_key("123:test")
CHAT = -100600


async def notices(session: AsyncSession, like: str) -> list[Outbox]:
    rows = await session.execute(select(Outbox).where(Outbox.idem_key.like(like))
                                 .order_by(Outbox.id))
    return list(rows.scalars())


async def vote(session: AsyncSession, clock: FrozenClock, poll_id: int, position: int,
               person_id: int, chat: int | None = None) -> None:
    option = (await cards.options_of(session, poll_id))[position - 1]
    await ballots.press(session, clock, KEY, ballots.Press(
        poll_id=poll_id, option_id=option.id, person_id=person_id, chat_id=chat))


@pytest.fixture
async def estate(session: AsyncSession, clock: FrozenClock) -> dict:
    """Six homes of 100 m² in one building, owners verified for the first five."""
    c = await f.compound(session, clock)
    where = await f.building(session, c, "3")
    organizer = await f.person(session, clock, "Organizer")
    await f.group(session, clock, c, CHAT)
    owners = []
    for i in range(6):
        home = await f.household(session, clock, c, where, f"{101 + i}", "100.00")
        if i < 5:
            owner = await f.person(session, clock, f"Owner{i}")
            await f.live(session, clock, owner, home)
            owners.append(owner)
    await session.commit()
    return {"c": c, "organizer": organizer, "owners": owners}


async def test_the_sweep_closes_at_the_deadline_once_and_publishes_the_result(
    session: AsyncSession, clock: FrozenClock, estate: dict
) -> None:
    poll = await f.open_poll(session, clock, estate["c"], estate["organizer"], PollKind.ASSEMBLY,
                             matter="manager", chats=[CHAT], hours=24)
    poll_id = poll.id
    owners = [o.id for o in estate["owners"]]
    for pid, position in zip(owners[:4], (1, 1, 1, 2), strict=True):  # 4/6 take part, 3 agree
        await vote(session, clock, poll_id, position, pid)
    assert await lifecycle.close_sweep(session, clock.now(), key=KEY) == 0
    clock.advance(hours=24)
    assert await lifecycle.close_sweep(session, clock.now(), key=KEY) == 1
    assert await lifecycle.close_sweep(session, clock.now(), key=KEY) == 0  # idempotent
    poll = await session.get(Poll, poll_id, populate_existing=True)
    assert poll is not None and poll.status == PollStatus.CLOSED
    a = poll.result["assembly"]
    assert (a["quorum"], a["passed"], a["special"]) == (True, True, False)
    assert a["participation_area"]["share"] == "2/3"
    assert a["agree_heads"]["share"] == "3/4"
    assert len(await notices(session, f"poll:{poll_id}:result:%")) == 2  # group + organizer
    with pytest.raises(Refused):
        await vote(session, clock, poll_id, 1, owners[4])


async def test_a_special_matter_needs_three_quarters(
    session: AsyncSession, clock: FrozenClock, estate: dict
) -> None:
    poll = await f.open_poll(session, clock, estate["c"], estate["organizer"], PollKind.ASSEMBLY,
                             matter="fund_raise", chats=[CHAT])
    poll_id = poll.id
    for pid, position in zip([o.id for o in estate["owners"]], (1, 1, 1, 2, 3), strict=True):
        await vote(session, clock, poll_id, position, pid)
    closed = await lifecycle.close(session, clock, poll_id, by=None, key=KEY)
    assert closed is not None
    a = closed.result["assembly"]
    assert a["quorum"] and a["special"] and not a["passed"]  # 3/5 < 3/4
    assert a["agree_area"]["part"] == "300.00"


async def test_reminders_go_24h_and_2h_before_close_to_eligible_non_voters_only(
    session: AsyncSession, clock: FrozenClock, estate: dict
) -> None:
    poll = await f.open_poll(session, clock, estate["c"], estate["organizer"], PollKind.ASSEMBLY,
                             matter="other", chats=[CHAT], hours=72)
    poll_id = poll.id
    owners = estate["owners"]
    await vote(session, clock, poll_id, 1, owners[0].id)
    clock.advance(hours=47)
    assert await turnout.remind_sweep(session, clock.now()) == 0
    clock.advance(hours=1)
    assert await turnout.remind_sweep(session, clock.now()) == 4
    assert await turnout.remind_sweep(session, clock.now()) == 0  # once only
    await vote(session, clock, poll_id, 2, owners[1].id)
    clock.advance(hours=22)
    assert await turnout.remind_sweep(session, clock.now()) == 3
    sent = await notices(session, f"poll:{poll_id}:r%")
    assert {n.chat_id for n in sent} == {o.tg_id for o in owners[1:]}
    assert {n.chat_id for n in sent if ":r2:" in n.idem_key} == {o.tg_id for o in owners[2:]}


async def test_a_short_poll_gets_no_24h_reminder_and_a_late_tick_sends_one_reminder(
    session: AsyncSession, clock: FrozenClock, estate: dict
) -> None:
    poll = await f.open_poll(session, clock, estate["c"], estate["organizer"], PollKind.ASSEMBLY,
                             matter="other", chats=[CHAT], hours=10)
    clock.advance(hours=9)  # the scheduler was down until 1 h before close
    assert await turnout.remind_sweep(session, clock.now()) == 5
    assert len(await notices(session, f"poll:{poll.id}:r24:%")) == 0


async def test_votes_at_500_a_minute_edit_the_card_at_most_once_per_slot(
    session: AsyncSession, clock: FrozenClock, estate: dict
) -> None:
    poll = await f.open_poll(session, clock, estate["c"], estate["organizer"], chats=[CHAT])
    poll_id = poll.id
    card = await notices(session, f"poll:{poll_id}:card:%")
    card[0].status, card[0].sent_message_id = "sent", 777  # the card was delivered
    await session.commit()
    people = [await f.person(session, clock, f"V{i}") for i in range(100)]
    await session.commit()
    ids = [p.id for p in people]
    options = [o.id for o in await cards.options_of(session, poll_id)]
    for i, pid in enumerate(ids):
        clock.advance(seconds=0.12)  # 500 a minute; 100 of them span 12 s
        await ballots.press(session, clock, KEY, ballots.Press(
            poll_id=poll_id, option_id=options[i % 3], person_id=pid, chat_id=CHAT))
    edits = await notices(session, f"poll:{poll_id}:edit:%")
    assert len(edits) <= 12 // cards.EDIT_SECONDS + 1
    assert all(e.target_message_id == 777 and e.method == "edit_message_text" for e in edits)
    newest = edits[-1].args["body"]["lines"]
    assert {"key": "poll-card-turnout", "args": {"voters": 100}} in newest


async def test_extend_moves_the_deadline_and_rearms_reminders(
    session: AsyncSession, clock: FrozenClock, estate: dict
) -> None:
    poll = await f.open_poll(session, clock, estate["c"], estate["organizer"], PollKind.ASSEMBLY,
                             matter="other", chats=[CHAT], hours=30)
    poll_id, organizer = poll.id, estate["organizer"].id
    clock.advance(hours=7)
    assert await turnout.remind_sweep(session, clock.now()) == 5
    with pytest.raises(lifecycle.LifecycleError):
        await lifecycle.extend(session, clock, poll_id, clock.now() + timedelta(hours=1), organizer)
    await session.rollback()
    new = clock.now() + timedelta(hours=72)
    extended = await lifecycle.extend(session, clock, poll_id, new, organizer)
    assert extended.closes_at == new and extended.reminded_24_at is None
    assert len(await notices(session, f"poll:{poll_id}:extended:%")) == 1
    clock.advance(hours=30)
    assert await lifecycle.close_sweep(session, clock.now(), key=KEY) == 0


async def test_cancel_keeps_the_reason_and_stops_voting(
    session: AsyncSession, clock: FrozenClock, estate: dict
) -> None:
    poll = await f.open_poll(session, clock, estate["c"], estate["organizer"], chats=[CHAT])
    poll_id = poll.id
    done = await lifecycle.cancel(session, clock, poll_id, "Wrong question", estate["organizer"].id)
    assert (done.status, done.cancel_reason) == (PollStatus.CANCELLED, "Wrong question")
    with pytest.raises(Refused):
        await vote(session, clock, poll_id, 1, estate["owners"][0].id, CHAT)
    assert await session.scalar(select(func.count(Outbox.id)).where(
        Outbox.idem_key == f"poll:{poll_id}:cancelled:{CHAT}")) == 1
    assert await lifecycle.close_sweep(session, clock.now() + timedelta(days=9), key=KEY) == 0


async def test_turnout_per_building_shows_area_and_homes_never_choices(
    session: AsyncSession, clock: FrozenClock, estate: dict
) -> None:
    poll = await f.open_poll(session, clock, estate["c"], estate["organizer"], PollKind.ASSEMBLY,
                             matter="other", secret=True, chats=[CHAT])
    poll_id = poll.id
    await vote(session, clock, poll_id, 2, estate["owners"][0].id)
    poll = await session.get(Poll, poll_id)
    seen = await turnout.turnout(session, poll)
    assert (seen.voted, seen.eligible, seen.area_voted, seen.area_total) == (
        1, 6, D("100.00"), D("600.00"))
    assert [(b.name, b.voted, b.eligible) for b in seen.buildings] == [("3", 1, 6)]
