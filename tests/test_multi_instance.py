"""Two application instances in webhook mode on one PostgreSQL and one Redis.

Each instance serves its own port, as it would on its own machine behind a balancer; the
scheduler and the sender run only on the holder of the advisory lock.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.app import App
from models.outbox import Outbox
from models.person import Person
from models.polls import PollBallot
from models.registry import Compound
from models.roles import Role
from models.rosters import ShiftReminder
from models.tickets import Ticket
from services import roles
from services.clock import FrozenClock
from services.outbox import Notice, enqueue
from services.rosters import filling
from tests import db as testdb
from tests.balancer import RoundRobin, free_port
from tests.emulator import BotApiEmulator
from tests.emulator.state import User
from tests.harness import WAIT, Harness, make_settings
from tests.polls import factories as pf
from tests.polls.e2e_world import build as build_polls
from tests.rosters import factories as rf
from tests.tickets.world import build as build_tickets

pytestmark = pytest.mark.skipif(
    not (testdb.PG_URL and testdb.REDIS_URL),
    reason="several instances share PostgreSQL and Redis (TEST_DATABASE_URL, TEST_REDIS_URL)",
)
SECRET = "multi-instance-secret"
HEADER = "X-Telegram-Bot-Api-Secret-Token"
TZ = "Asia/Shanghai"


@dataclass
class Instance:
    app: App
    port: int
    stop: asyncio.Event
    task: asyncio.Task[None]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def post(self, update: dict[str, Any]) -> int:
        """What a balancer does with one update: hand it to this instance, wait for 200."""
        async with aiohttp.ClientSession() as http, http.post(
            self.url + "/webhook", json=update, headers={HEADER: SECRET}
        ) as r:
            return r.status


async def _start(emu: BotApiEmulator, db_url: str, clock: FrozenClock,
                 **overrides: Any) -> Instance:
    port = free_port()
    settings = make_settings(
        db_url, emu.base_url, web_host="127.0.0.1", web_port=port, webhook_secret=SECRET,
        outbox_sender=True, outbox_poll_seconds=0.05, sweep_seconds=1, **overrides,
    )
    app = App(settings, clock)
    stop = asyncio.Event()
    task = asyncio.create_task(app.run_webhook(stop))
    ready = asyncio.create_task(app.web_ready.wait())
    await asyncio.wait({task, ready}, timeout=WAIT, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        task.result()
    return Instance(app, port, stop, task)


async def _until(predicate: Any, what: str) -> None:
    # Leadership is settled by a loop inside the app, which has nothing to await on.
    async with asyncio.timeout(WAIT):
        while not predicate():  # noqa: ASYNC110
            await asyncio.sleep(0.05)


@pytest.fixture
async def pair(
    request: pytest.FixtureRequest, emu: BotApiEmulator, db_url: str, clock: FrozenClock
) -> AsyncIterator[tuple[Instance, Instance]]:
    from redis.asyncio import Redis

    redis = Redis.from_url(testdb.REDIS_URL or "")
    await redis.flushdb()
    await redis.aclose()
    marker = request.node.get_closest_marker("settings")
    overrides = marker.kwargs if marker else {}
    first = await _start(emu, db_url, clock, **overrides)
    await _until(lambda: first.app.leadership.is_leader, "first instance leads")
    second = await _start(emu, db_url, clock, **overrides)
    yield first, second
    for inst in (second, first):
        inst.stop.set()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(inst.task, 30)
        await inst.app.close()


def _take(emu: BotApiEmulator) -> dict[str, Any]:
    """The update the emulator just queued, taken out of its queue to be posted by hand."""
    return emu.state.updates.pending.pop()


async def test_one_leader_and_every_reminder_sent_once(
    pair: tuple[Instance, Instance], emu: BotApiEmulator, clock: FrozenClock
) -> None:
    a, b = pair
    assert a.app.leadership.is_leader and not b.app.leadership.is_leader
    # The guards took their shifts in a private chat with the bot.
    parents = [emu.add_user(name, language_code="en", started=True) for name in ("Ann", "Bo")]
    clock.set(rf.local(TZ, 2025, 9, 28, 19, 0))
    async with a.app.sessions() as s:
        compound = await rf.compound(s, clock, tz=TZ)
        organizer = await rf.person(s, clock, "Organizer", tg_id=emu.add_user("Org").id)
        people = [await rf.person(s, clock, u.first_name, tg_id=u.id) for u in parents]
        roster = await rf.roster(s, clock, compound.id, organizer, leads=["eve@20:00", "30m"])
        await rf.join(s, clock, roster.id, *people)
        await s.commit()
        shift = await rf.shift_at(s, roster.id, rf.local(TZ, 2025, 9, 29, 7, 30))
        for p in people:
            await filling.take(s, clock, shift.id, p)
        await s.commit()

    clock.set(rf.local(TZ, 2025, 9, 28, 20, 0))
    # The leader's scheduler sweeps on its own; the follower is forced to sweep as well, at
    # the same moment, as a second scheduler would during a botched hand-over.
    for _ in range(3):
        await asyncio.gather(a.app.scheduler.tick(), b.app.scheduler.tick())
    await emu.wait_for(lambda: all(emu.sent(u.id) for u in parents), timeout=WAIT)
    await asyncio.gather(a.app.sender.drain(), b.app.sender.drain())

    for u in parents:
        texts = [m.text for m in emu.sent(u.id)]
        assert len(texts) == 1, texts
    async with a.app.sessions() as s:
        sent = (await s.execute(select(func.count()).select_from(ShiftReminder)
                                .where(ShiftReminder.sent.is_(True)))).scalar_one()
        queued = (await s.execute(select(func.count()).select_from(Outbox))).scalar_one()
    assert (sent, queued) == (2, 2)
    # Only the leader ran the sender: the follower never claimed a row on its own.
    assert a.app.metrics.outbox_sent._value.get() + b.app.metrics.outbox_sent._value.get() == 2


async def test_the_same_vote_through_both_instances_counts_once(
    pair: tuple[Instance, Instance], emu: BotApiEmulator, clock: FrozenClock
) -> None:
    a, b = pair
    h = Harness(emu, a.app, clock)
    w = await build_polls(h, "en")
    async with a.app.sessions() as s:
        boss = await s.get(Person, w.person_ids[w.organizer.id])
        compound = await s.get(Compound, w.compound_id)
        assert boss is not None and compound is not None
        poll = await pf.open_poll(s, clock, compound, boss, chats=[w.group.id])
        await s.commit()
    await emu.wait_for(lambda: bool(emu.sent(w.group.id)), timeout=WAIT)
    card = emu.last(w.group.id)
    owner: User = w.owners[0]
    data = {b_["text"]: b_["callback_data"]
            for row in card.reply_markup["inline_keyboard"] for b_ in row}
    emu.press_data(owner, w.group, card.message_id, data["1. Green"])
    first = _take(emu)
    emu.press_data(owner, w.group, card.message_id, data["1. Green"])
    second = _take(emu)
    statuses = await asyncio.gather(a.post(first), b.post(second))
    assert statuses == [200, 200]

    async with a.app.sessions() as s:
        ballots = (await s.execute(select(PollBallot).where(PollBallot.poll_id == poll.id)))
        rows = ballots.scalars().all()
    assert [r.person_id for r in rows] == [w.person_ids[owner.id]]
    answers = [emu.callback_answer(q["callback_query"]["id"]) for q in (first, second)]
    assert all(answer is not None for answer in answers)


async def test_a_conversation_moves_between_instances_behind_a_balancer(
    pair: tuple[Instance, Instance], emu: BotApiEmulator, clock: FrozenClock
) -> None:
    a, b = pair
    lb = RoundRobin([a.url, b.url])
    await lb.start()
    try:
        await a.app.bot.set_webhook(lb.url, secret_token=SECRET)
        h = Harness(emu, a.app, clock)
        w = await build_tickets(h, "en")
        emu.send(w.mei, "/report")
        await emu.wait_for(lambda: bool(emu.sent(w.mei.id)), timeout=WAIT)
        ask = emu.last(w.mei.id)
        assert ask.text == w.text("tk-ask-category")
        # The wizard's state was written to Redis by one instance; the press lands on the
        # other, which must carry on where the first left off.
        emu.press(w.mei, ask.message_id, w.text("tk-cat-repair"))
        await emu.wait_for(lambda: len(emu.sent(w.mei.id)) >= 2, timeout=WAIT)
        assert emu.last(w.mei.id).text.startswith(w.text("tk-ask-description",
                                                         category=w.text("tk-cat-repair")))
        emu.send(w.mei, "The lift in building 3 has stopped")
        await emu.wait_for(lambda: len(emu.sent(w.mei.id)) >= 3, timeout=WAIT)
        assert emu.last(w.mei.id).text == w.text("tk-got-text")
        assert lb.hits == [2, 1]
    finally:
        await a.app.bot.delete_webhook()
        await lb.stop()


@pytest.mark.settings(throttle_burst=3, throttle_period_seconds=60)
async def test_a_flood_is_counted_once_across_instances(
    pair: tuple[Instance, Instance], emu: BotApiEmulator
) -> None:
    a, b = pair
    fast = emu.add_user("Fast", language_code="en")
    for i in range(6):
        emu.send(fast, "/help")
        assert await (a if i % 2 == 0 else b).post(_take(emu)) == 200
    texts = [m.text or "" for m in emu.sent(fast.id)]
    slow = "You are going a little fast. Please wait a few seconds and try again."
    assert sum("/lang" in t for t in texts) == 3
    assert texts.count(slow) == 1


async def test_two_senders_at_once_send_each_notice_once(
    pair: tuple[Instance, Instance], emu: BotApiEmulator, clock: FrozenClock
) -> None:
    a, b = pair
    people = [emu.add_user(f"N{i}", language_code="en", started=True) for i in range(300)]
    async with a.app.sessions() as s:
        for i, u in enumerate(people):
            await enqueue(s, clock, Notice(key=f"both:{i}", chat_id=u.id, text_key="slow-down"))
        await s.commit()
    # The leader's own sender runs too: three senders race over the same rows.
    await asyncio.gather(a.app.sender.drain(), b.app.sender.drain())
    await emu.wait_for(lambda: all(emu.sent(u.id) for u in people), timeout=WAIT)
    await asyncio.gather(a.app.sender.drain(), b.app.sender.drain())
    assert [len(emu.sent(u.id)) for u in people] == [1] * len(people)


async def _report_through(inst: Instance, emu: BotApiEmulator, user: User, group: Any,
                          text: str) -> str:
    """A resident posts in the group; `inst` handles it; what the group was told."""
    emu.send(user, text, chat=group)
    assert await inst.post(_take(emu)) == 200
    return emu.last(group.id).text or ""


async def test_a_steward_revoked_on_one_instance_cannot_act_on_the_other(
    pair: tuple[Instance, Instance], emu: BotApiEmulator, clock: FrozenClock
) -> None:
    a, b = pair
    w = await build_tickets(Harness(emu, a.app, clock), "en")
    await _report_through(b, emu, w.mei, w.group, "#repair The lift in building 3 is stuck")
    await emu.wait_for(lambda: bool(emu.sent(w.staff.id)), timeout=WAIT)
    card = emu.last(w.staff.id)
    async with a.app.sessions() as s:
        steward = await s.get(Person, w.person_ids["wang"])
        admin = await s.get(Person, w.person_ids["sun"])
        compound = await s.get(Compound, w.compound_id)
        assert steward and admin and compound
        assert await roles.revoke(s, clock, admin, compound, steward, Role.STEWARD) \
            == roles.Outcome.DONE
    emu.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    press = _take(emu)
    assert await b.post(press) == 200
    async with a.app.sessions() as s:
        ticket = (await s.execute(select(Ticket))).scalar_one()
    assert ticket.assignee_id is None and ticket.status == "new"
    answer = emu.callback_answer(press["callback_query"]["id"])
    assert answer is not None and answer.get("show_alert")


async def test_a_group_unbound_on_one_instance_stops_taking_reports_on_the_other(
    pair: tuple[Instance, Instance], emu: BotApiEmulator, clock: FrozenClock
) -> None:
    a, b = pair
    w = await build_tickets(Harness(emu, a.app, clock), "en")
    told = await _report_through(b, emu, w.mei, w.group, "#repair The gate will not open")
    assert "#1" in told  # B took it, and now holds the group's binding in its cache
    emu.bot_removed(w.group, by=w.sun)
    assert await a.post(_take(emu)) == 200
    emu.bot_added(w.group, by=w.sun, service_message=False)
    assert await a.post(_take(emu)) == 200
    told = await _report_through(b, emu, w.lan, w.group, "#repair The gate is still broken")
    assert told == w.text("tk-group-unbound")
    async with a.app.sessions() as s:
        assert (await s.execute(select(func.count()).select_from(Ticket))).scalar_one() == 1
