"""The transition table, the Take race, numbering, SLA clocks and the sweep."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from models.outbox import Outbox
from models.tickets import Ticket, TicketEvent
from services.clock import FrozenClock
from services.tickets import handover, intake, relay, sweep, views, work
from services.tickets.errors import TicketError
from services.tickets.lifecycle import FINAL, OPEN, TRANSITIONS, Event, Status, next_status
from services.tickets.sla import add_working
from tests.tickets.scene import make

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_every_status_is_reachable_and_final_states_are_final() -> None:
    reached = {to for to in TRANSITIONS.values()}
    assert reached | {Status.NEW} == set(Status)
    assert not any(frm in FINAL for (_, frm) in TRANSITIONS)
    assert next_status(Event.RESOLVE, Status.IN_PROGRESS) is Status.RESOLVED
    assert next_status(Event.DENY, Status.RESOLVED) is Status.REOPENED
    with pytest.raises(TicketError) as refused:
        next_status(Event.CONFIRM, Status.NEW)
    assert refused.value.key == "tk-err-transition"
    for status in FINAL:
        for event in Event:
            with pytest.raises(TicketError):
                next_status(event, status)


async def test_every_transition_is_stored_as_an_event(
    session: AsyncSession, clock: FrozenClock
) -> None:
    s = await make(session, clock)
    ctx = await intake.create(session, clock, s.draft())
    tid = ctx.ticket.id
    await work.take(session, clock, s.actor(s.wang), tid)
    clock.advance(minutes=5)
    await relay.staff_reply(session, clock, s.actor(s.wang), tid, "on my way")
    await work.wait(session, clock, s.actor(s.wang), tid, "which floor?")
    await relay.follower_reply(session, clock, s.mei, tid, "4th floor")
    await work.resolve(session, clock, s.actor(s.wang), tid, "bulb replaced")
    rows = (await session.execute(
        select(TicketEvent).where(TicketEvent.ticket_id == tid).order_by(TicketEvent.id)
    )).scalars().all()
    moves = [(e.kind, e.from_status, e.to_status) for e in rows]
    assert moves == [
        ("create", "new", "new"), ("take", "new", "accepted"),
        ("start", "accepted", "in_progress"), ("reply", "in_progress", "in_progress"),
        ("wait", "in_progress", "waiting"), ("resume", "waiting", "in_progress"),
        ("message", "in_progress", "in_progress"), ("resolve", "in_progress", "resolved"),
    ]
    assert rows[1].actor_id == s.wang.id and rows[5].actor_id == s.mei.id
    assert rows[-1].note == "bulb replaced"


async def test_an_illegal_transition_changes_nothing(
    session: AsyncSession, clock: FrozenClock
) -> None:
    s = await make(session, clock)
    ctx = await intake.create(session, clock, s.draft())
    await work.reject(session, clock, s.actor(s.wang), ctx.ticket.id, "not ours")
    before = (await session.execute(select(func.count()).select_from(TicketEvent))).scalar_one()
    with pytest.raises(TicketError) as refused:
        await work.resolve(session, clock, s.actor(s.wang), ctx.ticket.id)
    assert refused.value.key == "tk-err-stale"
    after = (await session.execute(select(func.count()).select_from(TicketEvent))).scalar_one()
    assert before == after


async def test_waiting_on_the_resident_pauses_the_resolve_clock(
    session: AsyncSession, clock: FrozenClock
) -> None:
    s = await make(session, clock)
    ctx = await intake.create(session, clock, s.draft())
    tid = ctx.ticket.id
    due = ctx.ticket.resolve_due_at
    await work.take(session, clock, s.actor(s.wang), tid)
    await work.wait(session, clock, s.actor(s.wang), tid, "when are you home?")
    clock.advance(hours=30)
    await sweep.sweep(session, clock.now())
    await relay.follower_reply(session, clock, s.mei, tid, "after six")
    t = await session.get(Ticket, tid, populate_existing=True)
    assert t.resolve_due_at == due + timedelta(hours=30) and t.level == 1


async def test_take_race_exactly_one_wins(engine: AsyncEngine, clock: FrozenClock) -> None:
    sessions = db.session_factory(engine)
    async with sessions() as session:
        s = await make(session, clock)
        tid = (await intake.create(session, clock, s.draft())).ticket.id

    async def press(who: object) -> str:
        async with sessions() as mine:
            try:
                await work.take(mine, clock, s.actor(who), tid)  # type: ignore[arg-type]
                return "won"
            except TicketError as error:
                return error.key

    results = await asyncio.gather(press(s.wang), press(s.li))
    assert sorted(results) == ["tk-err-taken", "won"]
    async with sessions() as session:
        t = await session.get(Ticket, tid)
        takes = (await session.execute(select(func.count()).select_from(TicketEvent).where(
            TicketEvent.kind == "take"))).scalar_one()
    assert t.assignee_id in (s.wang.id, s.li.id) and takes == 1


async def test_numbers_are_unique_per_compound_under_concurrency(
    engine: AsyncEngine, clock: FrozenClock
) -> None:
    sessions = db.session_factory(engine)
    async with sessions() as session:
        s = await make(session, clock)

    async def report(i: int) -> int:
        async with sessions() as mine:
            ctx = await intake.create(mine, clock, s.draft(f"problem {i} " * 3))
            return ctx.ticket.number

    numbers = await asyncio.gather(*(report(i) for i in range(6)))
    assert sorted(numbers) == [1, 2, 3, 4, 5, 6]


def test_business_hours_skip_the_night() -> None:
    # Friday 17:30 local, 2 working hours, open 08:00-18:00: 30 min today, 90 min next day.
    start = datetime(2026, 3, 6, 17, 30, tzinfo=SHANGHAI).astimezone(UTC)
    due = add_working(start, 120, SHANGHAI, (8 * 60, 18 * 60))
    assert due.astimezone(SHANGHAI) == datetime(2026, 3, 7, 9, 30, tzinfo=SHANGHAI)
    night = datetime(2026, 3, 6, 23, 0, tzinfo=SHANGHAI).astimezone(UTC)
    assert add_working(night, 60, SHANGHAI, (480, 1080)).astimezone(SHANGHAI).hour == 9
    assert add_working(start, 120, SHANGHAI, None) == start + timedelta(hours=2)


async def test_team_hours_apply_to_repairs_but_not_to_safety(
    session: AsyncSession, clock: FrozenClock
) -> None:
    clock.set(datetime(2026, 3, 6, 22, 0, tzinfo=SHANGHAI))
    s = await make(session, clock, hours=(8 * 60, 18 * 60))
    repair = await intake.create(session, clock, s.draft())
    assert repair.ticket.accept_due_at.astimezone(SHANGHAI) == datetime(
        2026, 3, 7, 10, 0, tzinfo=SHANGHAI)
    fire = await intake.create(session, clock, s.draft("3楼冒烟了，好像着火"))
    assert fire.ticket.category == "safety"
    assert fire.ticket.accept_due_at == clock.now() + timedelta(minutes=15)


async def test_the_sweep_is_idempotent(session: AsyncSession, clock: FrozenClock) -> None:
    s = await make(session, clock)
    ctx = await intake.create(session, clock, s.draft())
    clock.advance(hours=2, minutes=1)
    assert await sweep.sweep(session, clock.now()) >= 1
    rows = (await session.execute(select(func.count()).select_from(Outbox))).scalar_one()
    events = (await session.execute(select(func.count()).select_from(TicketEvent))).scalar_one()
    assert await sweep.sweep(session, clock.now()) == 0
    assert (await session.execute(select(func.count()).select_from(Outbox))).scalar_one() == rows
    assert (await session.execute(
        select(func.count()).select_from(TicketEvent))).scalar_one() == events
    t = await session.get(Ticket, ctx.ticket.id, populate_existing=True)
    assert t.level == 2


async def test_round_robin_assigns_in_turn(session: AsyncSession, clock: FrozenClock) -> None:
    s = await make(session, clock, round_robin=True)
    owners = [(await intake.create(session, clock, s.draft(f"issue number {i}"))).ticket.assignee_id
              for i in range(3)]
    assert owners == [s.wang.id, s.li.id, s.wang.id]
    with pytest.raises(TicketError) as refused:
        await work.take(session, clock, s.actor(s.li), (await session.execute(
            select(Ticket.id).where(Ticket.number == 1))).scalar_one())
    assert refused.value.key == "tk-err-taken"


async def test_handover_needs_a_reason_and_is_logged(
    session: AsyncSession, clock: FrozenClock
) -> None:
    s = await make(session, clock)
    tid = (await intake.create(session, clock, s.draft())).ticket.id
    await work.take(session, clock, s.actor(s.wang), tid)
    with pytest.raises(TicketError):
        await handover.handover(session, clock, s.actor(s.wang), tid, s.li.id, "  ")
    with pytest.raises(TicketError) as refused:
        await work.resolve(session, clock, s.actor(s.li), tid)
    assert refused.value.key == "tk-err-owned"
    await handover.handover(session, clock, s.actor(s.wang), tid, s.li.id, "off sick")
    t = await session.get(Ticket, tid, populate_existing=True)
    assert t.assignee_id == s.li.id
    event = (await session.execute(select(TicketEvent).where(
        TicketEvent.kind == "handover"))).scalar_one()
    assert event.actor_id == s.wang.id and "off sick" in event.note
    await work.resolve(session, clock, s.actor(s.li), tid)


async def test_a_duplicate_moves_its_reporters_to_the_survivor(
    session: AsyncSession, clock: FrozenClock
) -> None:
    s = await make(session, clock)
    first = (await intake.create(session, clock, s.draft("lift broken"))).ticket
    second = (await intake.create(session, clock, s.draft("the lift is broken",
                                                          reporter=s.lan))).ticket
    with pytest.raises(TicketError):
        await handover.merge(session, clock, s.actor(s.wang), second.id, second.number)
    await handover.merge(session, clock, s.actor(s.wang), second.id, first.number)
    dup = await session.get(Ticket, second.id, populate_existing=True)
    assert (dup.status, dup.duplicate_of_id) == ("duplicate", first.id)
    from services.tickets.context import followers

    assert {p.id for p in await followers(session, first.id)} == {s.mei.id, s.lan.id}
    assert Status.DUPLICATE not in OPEN


async def test_a_level_without_a_chat_is_a_set_of_people(
    session: AsyncSession, clock: FrozenClock
) -> None:
    """No chats bound at all: the team's members and the party branch get cards privately."""
    s = await make(session, clock)
    ctx = await intake.create(session, clock, s.draft())
    chats = set((await session.execute(select(Outbox.chat_id))).scalars())
    assert chats == {s.wang.tg_id, s.li.tg_id}
    await work.escalate(session, clock, s.actor(s.li), ctx.ticket.id)
    rows = (await session.execute(select(Outbox).where(Outbox.chat_id == s.zhao.tg_id)))
    card = rows.scalars().one()
    assert card.text_key == "tk-card" and card.markup is not None
    mei_rows = (await session.execute(select(Outbox).where(Outbox.chat_id == s.mei.tg_id)))
    assert [r.text_key for r in mei_rows.scalars()] == ["tk-n-escalated"]


async def test_two_answers_at_once_move_the_ticket_once(
    engine: AsyncEngine, clock: FrozenClock
) -> None:
    sessions = db.session_factory(engine)
    async with sessions() as session:
        s = await make(session, clock)
        tid = (await intake.create(session, clock, s.draft())).ticket.id
        await intake.plus_one(session, clock, tid, s.lan.id)
        await work.take(session, clock, s.actor(s.wang), tid)
        await work.resolve(session, clock, s.actor(s.wang), tid)

    async def answer(who: object, fixed: bool) -> None:
        from services.tickets import feedback

        async with sessions() as mine:
            await feedback.answer(mine, clock, who, tid, 1, fixed)  # type: ignore[arg-type]

    results = await asyncio.gather(answer(s.mei, True), answer(s.lan, False),
                                   return_exceptions=True)
    # The slower one may find the question already answered: told so, nothing recorded.
    refused = [r for r in results if r is not None]
    assert all(isinstance(r, TicketError) and r.key == "tk-err-question-stale"
               for r in refused), results
    async with sessions() as session:
        t = await session.get(Ticket, tid)
        moves = (await session.execute(select(TicketEvent.kind).where(
            TicketEvent.kind.in_(("confirm", "deny"))))).scalars().all()
    assert len(moves) == 1
    assert (t.status, moves[0]) in (("closed", "confirm"), ("reopened", "deny"))


async def test_the_queue_shows_the_most_urgent_twenty_and_counts_the_rest(
    session: AsyncSession, clock: FrozenClock
) -> None:
    s = await make(session, clock)
    ids = []
    for i in range(24):
        ids.append((await intake.create(session, clock, s.draft(f"第{i}号 灯不亮"))).ticket.id)
        clock.advance(minutes=1)
    await work.take(session, clock, s.actor(s.wang), ids[5])
    # Ticket 17 is made overdue; 9 has no running deadline (waiting on the reporter).
    late = await session.get(Ticket, ids[17])
    assert late is not None
    late.accept_due_at = clock.now() - timedelta(minutes=1)
    await work.take(session, clock, s.actor(s.wang), ids[9])
    await work.wait(session, clock, s.actor(s.wang), ids[9], "which floor?")
    await session.commit()

    q = await views.queue(session, s.actor(s.wang), clock.now())
    assert (q.mine_total, q.free_total) == (2, 22)
    assert [t.id for t in q.mine] == [ids[5], ids[9]]  # a deadline before none
    assert len(q.free) == 20
    free = [i for i in ids if i not in (ids[5], ids[9])]
    # Overdue first, then by deadline (filing order here), the two filed last left out.
    assert [t.id for t in q.free] == [ids[17], *[i for i in free if i != ids[17]][:19]]
