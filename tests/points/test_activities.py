"""Activities as services: seats, waitlist, promotion, windows, no-shows, closing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from models.activities import Activity, Audience, Requirement, Signup
from models.outbox import Outbox
from models.person import Person
from models.registry import Compound, LinkStatus
from models.roles import Role
from services import ledger
from services.activities import attendance, earning, reminders, signups
from services.activities.errors import ActivityError
from services.activities.signups import Outcome
from services.clock import FrozenClock
from services.policy import Actor
from tests.points import factories as f
from tests.points.checks import assert_books_balance, revive


@pytest.fixture
async def home(session: AsyncSession, clock: FrozenClock) -> AsyncIterator[Compound]:
    compound = await f.compound(session, clock)
    await session.commit()
    yield compound
    await assert_books_balance(session)


async def residents(session: AsyncSession, clock: FrozenClock, home: Compound,
                    *names: str) -> list[Person]:
    people = []
    for name in names:
        p = await f.person(session, clock, name)
        await f.resident(session, clock, home, p)
        people.append(p)
    await session.commit()
    return people


async def organizer(session: AsyncSession, clock: FrozenClock, home: Compound) -> Person:
    boss = await f.person(session, clock, "Organizer")
    await f.grant(session, clock, home, boss, Role.ORGANIZER)
    await session.commit()
    return boss


async def notices(session: AsyncSession, prefix: str) -> list[Outbox]:
    rows = await session.execute(select(Outbox).where(Outbox.idem_key.like(f"{prefix}%"))
                                 .order_by(Outbox.id))
    return list(rows.scalars())


async def test_over_capacity_goes_to_the_waitlist_and_a_cancellation_promotes(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    a, b, c, d = await residents(session, clock, home, "A", "B", "C", "D")
    act = await f.activity(session, clock, home, boss, capacity=2)
    await session.commit()
    outcomes = [await signups.sign_up(session, clock, act.id, p) for p in (a, b, c, d)]
    assert [o.outcome for o in outcomes] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert [o.position for o in outcomes] == [0, 0, 1, 2]
    again = await signups.sign_up(session, clock, act.id, c)
    assert (again.outcome, again.position) == (Outcome.ALREADY_WAITLISTED, 1)

    await signups.cancel(session, clock, act.id, a)
    rows = {s.person_id: s.status for s in (await session.execute(select(Signup))).scalars()}
    assert rows == {a.id: "cancelled", b.id: "confirmed", c.id: "confirmed", d.id: "waitlisted"}
    promoted = await notices(session, f"act:{act.id}:s:")
    assert [n.text_key for n in promoted] == ["act-note-promoted"]
    assert promoted[0].chat_id == c.tg_id
    await assert_books_balance(session)


async def test_a_waitlisted_person_may_leave_and_a_seat_holder_may_come_back(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    a, b = await residents(session, clock, home, "A", "B")
    act = await f.activity(session, clock, home, boss, capacity=1)
    await session.commit()
    await signups.sign_up(session, clock, act.id, a)
    await signups.sign_up(session, clock, act.id, b)
    await signups.cancel(session, clock, act.id, b)  # from the waitlist: no seat changes
    await signups.cancel(session, clock, act.id, a)
    back = await signups.sign_up(session, clock, act.id, a)
    assert back.outcome == Outcome.CONFIRMED
    with pytest.raises(ActivityError, match="not-signed-up"):
        await signups.cancel(session, clock, act.id, b)
    await revive(session)


async def test_deadline_cutoff_and_start_are_enforced(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    a, b = await residents(session, clock, home, "A", "B")
    act = await f.activity(session, clock, home, boss, starts_in=timedelta(days=1))
    act_id = act.id
    await session.commit()
    await signups.sign_up(session, clock, act_id, a)
    clock.advance(hours=13)  # past the cancellation cutoff (12 h before)
    with pytest.raises(ActivityError) as refused:
        await signups.cancel(session, clock, act_id, a)
    await revive(session)
    assert refused.value.code == "cutoff" and "cutoff" in refused.value.args_
    clock.advance(hours=10)  # past the sign-up deadline (2 h before)
    with pytest.raises(ActivityError, match="deadline"):
        await signups.sign_up(session, clock, act_id, b)
    await revive(session)
    clock.advance(hours=2)
    with pytest.raises(ActivityError, match="started"):
        await signups.sign_up(session, clock, act_id, b)
    await revive(session)
    seats = (await session.execute(select(Signup.person_id, Signup.status))).all()
    assert seats == [(a.id, "confirmed")]


async def test_audience_and_requirements_are_checked(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    (a,) = await residents(session, clock, home, "A")
    stranger = await f.person(session, clock, "Stranger")
    waiting = await f.person(session, clock, "Waiting")
    await f.resident(session, clock, home, waiting, status=LinkStatus.PENDING)
    member = await f.person(session, clock, "Member", party_member=True)
    volunteers = await f.team(session, clock, home, "leifeng", member)
    party = await f.activity(session, clock, home, boss, requirement=Requirement.PARTY_MEMBER)
    crew = await f.activity(session, clock, home, boss, audience=Audience.TEAM,
                            team_id=volunteers.id)
    open_ = await f.activity(session, clock, home, boss)
    await session.commit()
    cases = [(party, a, "party-only"), (crew, a, "team-only"),
             (open_, stranger, "not-resident"), (open_, waiting, "not-verified")]
    for act, who, code in cases:
        with pytest.raises(ActivityError) as refused:
            await signups.sign_up(session, clock, act.id, who)
        await revive(session)
        assert refused.value.code == code
    assert (await signups.sign_up(session, clock, party.id, member)).outcome == "confirmed"
    assert (await signups.sign_up(session, clock, crew.id, member)).outcome == "confirmed"
    assert (await signups.sign_up(session, clock, open_.id, member)).outcome == "confirmed"


async def test_two_people_pressing_for_the_last_seat(
    engine: AsyncEngine, session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    a, b, c = await residents(session, clock, home, "A", "B", "C")
    act = await f.activity(session, clock, home, boss, capacity=2)
    await session.commit()
    await signups.sign_up(session, clock, act.id, a)
    sessions = db.session_factory(engine)

    async def press(person_id: int) -> str:
        async with sessions() as s:
            who = await s.get(Person, person_id)
            assert who is not None
            return (await signups.sign_up(s, clock, act.id, who)).outcome

    results = await asyncio.gather(press(b.id), press(c.id))
    assert sorted(results) == ["confirmed", "waitlisted"]
    refreshed = await session.get(Activity, act.id, populate_existing=True)
    assert refreshed is not None and refreshed.taken == 2


async def test_no_shows_then_an_organizer_must_confirm(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    (a,) = await residents(session, clock, home, "A")
    await earning.update_setting(session, clock, home.id, boss.id, "noshow_limit", 2)
    for _ in range(2):
        act = await f.activity(session, clock, home, boss, starts_in=timedelta(hours=3))
        await session.commit()
        await signups.sign_up(session, clock, act.id, a)
        clock.advance(hours=4)
        summary = await attendance.finalize(session, clock, act.id, Actor(boss))
        assert (summary.attended, summary.no_shows) == (0, 1)
    later = await f.activity(session, clock, home, boss, capacity=1)
    await session.commit()
    asked = await signups.sign_up(session, clock, later.id, a)
    assert asked.outcome == Outcome.PENDING
    ask = (await notices(session, f"act:{later.id}:s:"))[-1]
    assert ask.text_key == "act-note-approve-ask" and ask.chat_id == boss.tg_id
    assert ask.markup["rows"][0][0]["cb"].startswith("ap:ok:")
    stranger = await f.person(session, clock, "Nobody")
    pending = (await session.execute(select(Signup).where(Signup.activity_id == later.id)))
    signup_id = pending.scalar_one().id
    with pytest.raises(ActivityError, match="not-organizer"):
        await signups.decide(session, clock, signup_id, Actor(stranger), approve=True)
    await revive(session)
    decided = await signups.decide(session, clock, signup_id, Actor(boss), approve=True)
    assert decided.outcome == Outcome.CONFIRMED
    twice = await signups.decide(session, clock, signup_id, Actor(boss), approve=False)
    assert twice.outcome == Outcome.DECIDED
    again = await f.activity(session, clock, home, boss)
    await session.commit()
    assert (await signups.sign_up(session, clock, again.id, a)).outcome == "confirmed"


async def test_check_in_window_and_closing_awards_points_once(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    a, b = await residents(session, clock, home, "A", "B")
    act = await f.activity(session, clock, home, boss, points=3, starts_in=timedelta(hours=5))
    act_id = act.id
    await session.commit()
    for p in (a, b):
        await signups.sign_up(session, clock, act_id, p)
    with pytest.raises(ActivityError, match="checkin-early"):
        await attendance.check_in(session, clock, act_id, a)
    await revive(session)
    with pytest.raises(ActivityError, match="marking-early"):
        await attendance.toggle(session, clock, act_id, 1, Actor(boss))
    await revive(session)
    clock.advance(hours=4, minutes=40)
    assert (await attendance.check_in(session, clock, act_id, a))[1] is True
    assert (await attendance.check_in(session, clock, act_id, a))[1] is False
    with pytest.raises(ActivityError, match="finish-early"):
        await attendance.finalize(session, clock, act_id, Actor(boss))
    await revive(session)
    clock.advance(hours=3)
    with pytest.raises(ActivityError, match="checkin-late"):
        await attendance.check_in(session, clock, act_id, b)
    await revive(session)
    summary = await attendance.finalize(session, clock, act_id, Actor(boss))
    assert (summary.attended, summary.no_shows, summary.points) == (1, 1, 3)
    assert await ledger.balance(session, home.id, a.id) == 3
    assert await ledger.balance(session, home.id, b.id) == 0
    with pytest.raises(ActivityError, match="finished"):
        await attendance.finalize(session, clock, act_id, Actor(boss))
    await revive(session)
    clock.advance(days=2)
    assert await attendance.sweep_finalize(session, clock.now()) == 0
    assert await ledger.balance(session, home.id, a.id) == 3


async def test_organizer_marks_and_the_sweep_closes_what_was_left_open(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    a, b = await residents(session, clock, home, "A", "B")
    act = await f.activity(session, clock, home, boss, points=2, starts_in=timedelta(hours=3))
    act_id = act.id
    await session.commit()
    for p in (a, b):
        await signups.sign_up(session, clock, act_id, p)
    seats = {s.person_id: s.id for s, _ in await attendance.roster(session, act_id)}
    clock.advance(hours=2, minutes=45)
    assert (await attendance.toggle(session, clock, act_id, seats[b.id], Actor(boss))).attended
    assert not (await attendance.toggle(session, clock, act_id, seats[b.id], Actor(boss))).attended
    await attendance.toggle(session, clock, act_id, seats[b.id], Actor(boss))
    clock.advance(hours=27)
    assert await attendance.sweep_finalize(session, clock.now()) == 1
    assert await attendance.sweep_finalize(session, clock.now()) == 0
    assert await ledger.balance(session, home.id, b.id) == 2
    assert await ledger.balance(session, home.id, a.id) == 0


async def test_reminders_go_once_the_day_before_and_the_hour_before(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    a, b = await residents(session, clock, home, "A", "B")
    act = await f.activity(session, clock, home, boss, capacity=1, starts_in=timedelta(days=3))
    act_id = act.id
    await session.commit()
    await signups.sign_up(session, clock, act_id, a)
    await signups.sign_up(session, clock, act_id, b)  # waitlisted: no reminders
    assert await reminders.sweep_reminders(session, clock.now()) == 0
    clock.advance(days=2, minutes=1)
    assert await reminders.sweep_reminders(session, clock.now()) == 1
    assert await reminders.sweep_reminders(session, clock.now()) == 0
    clock.advance(hours=23)
    assert await reminders.sweep_reminders(session, clock.now()) == 1
    assert await reminders.sweep_reminders(session, clock.now()) == 0
    sent = await notices(session, f"act:{act_id}:rem:")
    assert [(n.text_key, n.chat_id) for n in sent] == [
        ("act-note-remind-day", a.tg_id), ("act-note-remind-hour", a.tg_id)]
    assert sent[1].markup["rows"][0][0]["cb"] == f"aa:in:{act_id}"


async def test_a_late_created_activity_gets_no_day_reminder(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    (a,) = await residents(session, clock, home, "A")
    act = await f.activity(session, clock, home, boss, starts_in=timedelta(hours=5))
    await session.commit()
    await signups.sign_up(session, clock, act.id, a)
    assert await reminders.sweep_reminders(session, clock.now()) == 0
    clock.advance(hours=4, minutes=5)
    assert await reminders.sweep_reminders(session, clock.now()) == 1
    assert [n.text_key for n in await notices(session, "act:")
            if ":rem:" in n.idem_key] == ["act-note-remind-hour"]


async def test_reminders_say_the_time_really_left_and_none_whose_moment_passed(
    session: AsyncSession, clock: FrozenClock, home: Compound
) -> None:
    boss = await organizer(session, clock, home)
    a, b = await residents(session, clock, home, "A", "B")
    # Published five minutes before it starts: no reminder can come, and none is promised.
    soon = await f.activity(session, clock, home, boss, starts_in=timedelta(minutes=5))
    later = await f.activity(session, clock, home, boss, starts_in=timedelta(hours=3))
    soon.signup_deadline = soon.starts_at  # open until it starts
    await session.commit()
    await signups.sign_up(session, clock, soon.id, a, notify_privately=True)
    await signups.sign_up(session, clock, later.id, b, notify_privately=True)
    joined = {n.chat_id: n.args["reminders"]["key"] for n in await notices(session, "act:")
              if n.text_key == "act-note-joined"}
    assert joined == {a.tg_id: "act-remind-none", b.tg_id: "act-remind-hour"}
    clock.advance(minutes=1)
    assert await reminders.sweep_reminders(session, clock.now()) == 0
    clock.advance(hours=2, minutes=19)  # 40 minutes before the later one: the sweep was late
    assert await reminders.sweep_reminders(session, clock.now()) == 1
    (hour,) = [n for n in await notices(session, "act:") if ":rem:" in n.idem_key]
    assert hour.chat_id == b.tg_id
    assert hour.args["left"] == {"key": "left-minutes", "args": {"minutes": 40}}
