"""The roll changes while an assembly vote is open: the close still counts each owner once."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.polls import PollBallot, PollKind
from services.clock import FrozenClock
from services.polls import export, lifecycle, results, turnout
from tests.polls import factories as f
from tests.polls.test_ballots import KEY, counts, options, press


@pytest.mark.parametrize("secret", [True, False])
async def test_two_ballots_the_close_finds_for_one_owner_count_once_the_first_standing(
    session: AsyncSession, clock: FrozenClock, secret: bool
) -> None:
    c = await f.compound(session, clock)
    where = await f.building(session, c, "1")
    h1, _, h3 = [await f.household(session, clock, c, where, room, area)
                 for room, area in (("101", "80.00"), ("102", "120.00"), ("103", "100.00"))]
    organizer = await f.person(session, clock, "Organizer")
    a, b = await f.person(session, clock, "A"), await f.person(session, clock, "B")
    await f.live(session, clock, a, h1)
    a_on_h3 = await f.live(session, clock, a, h3, status="pending")
    await f.live(session, clock, b, h3, "co_owner")
    poll = await f.open_poll(session, clock, c, organizer, PollKind.ASSEMBLY, matter="other",
                             secret=secret)
    poll_id = poll.id
    yes, no, _ = await options(session, poll_id)
    await press(session, clock, poll_id, yes, a.id)  # A, for 101
    clock.advance(minutes=1)
    await press(session, clock, poll_id, no, b.id)  # B, co-owner of 103 (no owner yet)
    a_on_h3.status = "verified"  # A is 103's owner too: 101 and 103 are one owner now
    await session.commit()
    live = await turnout.turnout(session, poll)
    assert (live.voted, live.eligible, live.area_voted) == (1, 2, D("180.00"))

    closed = await lifecycle.close(session, clock, poll_id, key=KEY)
    assert closed is not None and closed.result is not None
    assert closed.result["ballots"] == 1 and closed.result["superseded"] == 1
    assert (await counts(session, poll_id))[yes] == (1, D("180.00"))
    assert (await counts(session, poll_id))[no] == (0, D("0.00"))
    heads = closed.result["assembly"]["participation_heads"]
    assert (heads["part"], heads["whole"]) == ("1", "2")  # A (101 + 103) and 102
    stored = (await session.execute(select(PollBallot.person_id, PollBallot.superseded,
                                           PollBallot.area).order_by(PollBallot.id))).all()
    assert [tuple(r) for r in stored] == [(a.id, False, D("180.00")), (b.id, True, D("0"))]
    lines = results.result_args(closed, closed.result)["body"]["lines"]
    assert {"key": "poll-result-superseded", "args": {"n": 1}} in lines
    if not secret:  # the organizer's export keeps B's ballot, marked as not counted
        sheet = (await export.csv_bytes(session, closed, lambda k, **a: k)).decode("utf-8-sig")
        rows = [line.split(",") for line in sheet.splitlines()]
        assert [r[0] for r in rows if r[-1] == "poll-csv-superseded"] == ["B"]
