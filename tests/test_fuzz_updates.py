"""Thousands of random and malformed Telegram updates through the production dispatcher.

The app is the one `App` builds for production, talking to the Bot API emulator, in the
world `tests.fuzz_world.seed` makes (tickets, a poll with votes, a points ledger, a roster,
bound groups), so handlers reach deep code; the buttons and links the bot hands out feed
later presses. Each update is parsed as aiogram's webhook and polling paths parse it
(`Update.model_validate` with the bot in the context) and fed to `Dispatcher.feed_update`,
which runs the whole outer chain: errors, user context, FSM, Observe, DbSession, Person,
i18n, Throttle, then the routers. Between batches the outbox is delivered and, now and
then, the clock moves 20 minutes and the scheduler's sweeps run.

Asserted for every update: nothing escapes `feed_update`; no exception reaches the error
handlers (a probe on the dispatcher's own error observer sees each one before the app's
handler logs it and apologises); nothing is logged at ERROR, by any logger, also while
delivering and sweeping. Asserted at the end, by SQL: `fuzz_world.broken_invariants`
(ledger, votes, ticket histories) and no notice dead-lettered.

Tolerated, and nothing else: a pydantic ValidationError from parsing a mangled update (the
same call raises it in production, before any middleware or handler: the webhook answers
500, polling cannot read the batch), and aiogram's RuntimeWarning when it skips an update
of a kind it does not know. Well-formed updates are never refused (asserted).

FUZZ_EXAMPLES (default 1200) is the number of batches of one to four updates in the main
fuzz, half as many single mangled updates; the seed is fixed, so a run is reproducible.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import os
import traceback
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.types import ErrorEvent, Update
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from sqlalchemy import select, text

from bot.app import App
from models.person import Person
from models.registry import Compound
from services.clock import FrozenClock
from tests import db as testdb
from tests.emulator import BotApiEmulator
from tests.emulator.state import Chat, User
from tests.fuzz_cast import Cast, mangle
from tests.fuzz_strategies import MessageSpec, OtherSpec, mangles, specs
from tests.fuzz_world import WARM_UP, broken_invariants, seed
from tests.harness import TOKEN, make_settings

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1200"))
# aiogram warns when it skips an update of a kind it does not know; the fuzz sends some.
pytestmark = pytest.mark.filterwarnings("ignore:Detected unknown update type:RuntimeWarning")
T = TypeVar("T")


def fuzz_settings(examples: int) -> settings:
    # Examples share one live app, so a shrunk replay would meet a different world:
    # report the first failure as drawn, with the raw update in the message.
    return settings(
        max_examples=examples, derandomize=True, database=None, deadline=None,
        phases=[Phase.explicit, Phase.generate], print_blob=False,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.large_base_example],
    )


class ErrorLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Fuzz:
    loop: asyncio.AbstractEventLoop
    emu: BotApiEmulator
    app: App
    clock: FrozenClock
    cast: Cast = field(init=False)
    logs: ErrorLog = field(default_factory=ErrorLog)
    errors: list[BaseException] = field(default_factory=list)
    fed: int = 0
    rejected: int = 0
    skipped: int = 0
    batches: int = 0

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coro)

    async def probe(self, event: ErrorEvent) -> None:
        self.errors.append(event.exception)
        raise SkipHandler  # the app's own error handler still runs

    async def feed(self, raw: dict[str, Any]) -> None:
        self.errors.clear()
        self.logs.records.clear()
        try:
            update = Update.model_validate(raw, context={"bot": self.app.bot})
        except ValidationError:
            self.rejected += 1
            return
        self._open_private_chat(update)
        if self._from_a_chat_the_bot_left(update):
            self.skipped += 1
            return
        await self.app.dp.feed_update(self.app.bot, update)
        self.fed += 1
        if self.errors or self.logs.records:
            raise AssertionError(self.describe(raw))

    def _from_a_chat_the_bot_left(self, update: Update) -> bool:
        """The bot leaves a stranger's group; Telegram then sends nothing more from it until
        someone adds the bot again (a my_chat_member update that says so)."""
        member = update.my_chat_member
        message = update.message or update.edited_message or (
            update.callback_query and update.callback_query.message)
        chat_id = member.chat.id if member else (message.chat.id if message else None)
        chat = self.emu.state.chats.get(chat_id) if chat_id is not None else None
        if chat is None or chat.type == "private" or chat.bot_status not in ("left", "kicked"):
            return False
        if member is not None and member.new_chat_member.status in ("member", "administrator"):
            chat.bot_status = member.new_chat_member.status
            return False
        return True

    def _open_private_chat(self, update: Update) -> None:
        """Updates fed here bypass the emulator; a private message from a user, or a press on
        a message in a private chat, means (as on Telegram) that they have started the bot
        and it may write back to them."""
        query = update.callback_query
        message = update.message or update.edited_message or (query and query.message)
        if message is None or message.chat.type != "private":
            return
        sender = (query or message).from_user
        # A mangled update may name a private chat that is not the sender's; on Telegram the
        # two are one, so both are open.
        for chat_id in {message.chat.id, *([sender.id] if sender else [])}:
            chat = self.emu.state.chats.get(chat_id)
            if chat is None:
                chat = Chat(chat_id, "private", first_name=message.chat.first_name)
                self.emu.state.chats[chat_id] = chat
            chat.started = True

    def describe(self, raw: dict[str, Any]) -> str:
        shown = repr(raw)
        lines = [f"update failed: {shown[:3000]}{'…' if len(shown) > 3000 else ''}"]
        lines += ["".join(traceback.format_exception(e)) for e in self.errors]
        lines += [self.logs.format(r) for r in self.logs.records]
        return "\n".join(lines)

    async def assert_invariants(self) -> None:
        await self.app.sender.drain()
        problems = await broken_invariants(self.app, self.clock)
        problems += [self.logs.format(r) for r in self.logs.records]
        assert not problems, "\n".join(problems)

    async def between_batches(self) -> None:
        """Deliver what was queued (its buttons feed later presses); now and then let time
        pass and run the sweeps, so deadlines, reminders and escalations meet fuzzed data."""
        self.batches += 1
        if self.batches % 20 == 0:
            self.clock.advance(minutes=20)
            await self.app.scheduler.tick()
        await self.app.sender.drain()
        if self.logs.records:
            raise AssertionError("\n".join(self.logs.format(r) for r in self.logs.records))


async def _app(db_url: str, emu: BotApiEmulator, clock: FrozenClock) -> App:
    if testdb.REDIS_URL:
        from redis.asyncio import Redis

        redis = Redis.from_url(testdb.REDIS_URL)
        await redis.flushdb()
        await redis.aclose()
    await emu.start()
    app = App(make_settings(db_url, emu.base_url), clock)
    await app.prepare()
    return app


async def _start(fz: Fuzz) -> None:
    fz.cast = await seed(fz.emu, fz.app, fz.clock)
    fz.app.dp.errors.register(fz.probe)
    await fz.app.sender.drain()
    for who, chat, line in WARM_UP:
        await fz.feed(fz.cast.message(MessageSpec("message", who, chat, line, None, None, None,
                                                  0)))
    await fz.app.sender.drain()


@pytest.fixture
def fuzz(db_url: str, clock: FrozenClock) -> Iterator[Fuzz]:
    # Its own loop: the hypothesis runs are plain functions that drive it example by example.
    loop = asyncio.new_event_loop()
    emu = BotApiEmulator(token=TOKEN)
    fz = Fuzz(loop, emu, loop.run_until_complete(_app(db_url, emu, clock)), clock)
    logging.getLogger().addHandler(fz.logs)
    try:
        loop.run_until_complete(_start(fz))
        yield fz
    finally:
        logging.getLogger().removeHandler(fz.logs)
        loop.run_until_complete(fz.app.close())
        loop.run_until_complete(emu.stop())
        loop.close()


# ---- the fuzz ---------------------------------------------------------------------------
def test_random_updates_break_nothing(fuzz: Fuzz) -> None:
    @fuzz_settings(EXAMPLES)
    @given(batch=st.lists(st.tuples(specs(), st.integers(0, 3)), min_size=1, max_size=4))
    def run(batch: list[tuple[Any, int]]) -> None:
        async def go() -> None:
            for spec, tap in batch:
                raw = fuzz.cast.render(spec)
                await fuzz.feed(raw)
                if tap == 0 and (twice := fuzz.cast.again(raw)) is not None:
                    await fuzz.feed(twice)
            await fuzz.between_batches()

        fuzz.run(go())

    run()
    fuzz.run(fuzz.assert_invariants())
    assert fuzz.rejected == 0 and fuzz.fed >= EXAMPLES  # well-formed: all reached the app


def test_malformed_updates_are_refused_before_the_app_or_handled(fuzz: Fuzz) -> None:
    @fuzz_settings(max(EXAMPLES // 2, 1))
    @given(spec=specs(), how=mangles())
    def run(spec: Any, how: Any) -> None:
        async def go() -> None:
            await fuzz.feed(mangle(fuzz.cast.render(spec), how))
            await fuzz.between_batches()

        fuzz.run(go())

    run()
    fuzz.run(fuzz.assert_invariants())
    assert fuzz.rejected > 0 and fuzz.fed > 0  # both sides of the line were exercised


# ---- what the fuzz found, pinned --------------------------------------------------------
def _last_update(fz: Fuzz) -> dict[str, Any]:
    return copy.deepcopy(fz.emu.state.updates.history[-1])


async def _tap(fz: Fuzz, who: User, chat: Chat, message_id: int, data: str) -> str | None:
    """One button press, as the emulator's client makes it; the bot's answer text."""
    query_id = fz.emu.press_data(who, chat, message_id, data)
    await fz.feed(_last_update(fz))
    return (fz.emu.callback_answer(query_id) or {}).get("text")


async def _say(fz: Fuzz, who: User, text_: str, chat: Chat | None = None) -> dict[str, Any]:
    fz.emu.send(who, text_, chat=chat)
    return _last_update(fz)


def test_double_taps_on_a_screen_are_not_errors(fuzz: Fuzz) -> None:
    """Editing a message into what it already says is refused by Telegram ("message is not
    modified"); the second tap of a double tap does exactly that."""
    mei = fuzz.cast.people[0]
    me = fuzz.emu.chat(mei.id)

    async def go() -> None:
        await fuzz.feed(await _say(fuzz, mei, "/lang"))
        shown = fuzz.emu.last(mei.id).message_id
        async with fuzz.app.sessions() as s:
            compound = (await s.execute(
                select(Compound.id).where(Compound.name == "Sunny Garden"))).scalar_one()
        for data in ("lang:en", "rlx", f"rw:mine:{compound}"):  # language, relay, rewards
            for _ in range(2):
                await _tap(fuzz, mei, me, shown, data)

    fuzz.run(go())


def test_updates_of_an_unknown_kind_are_skipped_not_errors(fuzz: Fuzz) -> None:
    # A webhook gets every default kind, including ones newer than the installed aiogram.
    before = fuzz.app.metrics.updates.labels("unknown", "unhandled")._value.get()
    fuzz.run(fuzz.feed({"update_id": 77, "kind_from_the_future": {"id": 1}}))
    fuzz.run(fuzz.feed({"update_id": 78}))
    assert fuzz.app.metrics.updates.labels("unknown", "unhandled")._value.get() == before + 2


def test_nul_characters_are_dropped_before_anything_is_stored(fuzz: Fuzz) -> None:
    # PostgreSQL refuses NUL in text and JSON; SQLite would keep it and the PG run would not.
    mei, building = fuzz.cast.people[0], fuzz.cast.groups[0]
    mei.first_name = "Mei\x00"

    async def go() -> None:
        await fuzz.feed(await _say(fuzz, mei, "#报修 楼道\x00灯坏了", chat=building))
        async with fuzz.app.sessions() as s:
            name = (await s.execute(select(Person.first_name).where(Person.tg_id == mei.id)))
            report = await s.execute(text("SELECT text FROM ticket ORDER BY id DESC LIMIT 1"))
            assert (name.scalar_one(), report.scalar_one()) == ("Mei", "楼道灯坏了")

    fuzz.run(go())


def test_anonymous_admins_and_forged_buttons_get_no_apology(fuzz: Fuzz) -> None:
    """Anonymous admins and channels have no person behind them; forged button data is
    within Telegram's 64 bytes but made by no button of ours: neither is an error."""
    mei, building, polls = fuzz.cast.people[0], fuzz.cast.groups[0], fuzz.cast.groups[6]
    count = text("SELECT COUNT(*) FROM ticket")

    async def go() -> None:
        async with fuzz.app.sessions() as s:
            tickets = (await s.execute(count)).scalar_one()
        # An anonymous group admin writes as "GroupAnonymousBot" on behalf of the group.
        anonymous = User(1087968824, "Group", username="GroupAnonymousBot", is_bot=True)
        fuzz.emu.state.users[anonymous.id] = anonymous
        raw = await _say(fuzz, anonymous, "#报修 电梯坏了", chat=building)
        raw["message"]["sender_chat"] = building.to_dict()
        await fuzz.feed(raw)
        async with fuzz.app.sessions() as s:
            assert (await s.execute(count)).scalar_one() == tickets
        # A vote button whose poll id no database integer can hold, and a /setup button
        # (pressed by the one who sent /setup) with a step no button of ours has.
        stale = fuzz.app.core.get("stale-button", "zh-Hans")
        card = fuzz.emu.last(polls.id).message_id
        assert await _tap(fuzz, mei, polls, card, "pv:99999999999999999999:1") == stale
        root, lobby = fuzz.cast.people[13], fuzz.cast.groups[7]
        menu = fuzz.emu.last(lobby.id).message_id
        assert await _tap(fuzz, root, lobby, menu, f"su:{root.id}:?:1::0") == \
            fuzz.app.core.get("stale-button", "en")

    fuzz.run(go())


def test_a_storm_of_joins_leaves_stories_and_entities_breaks_nothing(fuzz: Fuzz) -> None:
    """What a busy or hostile group sends: 1,000 membership changes (the bot's own and
    people's), forwarded stories, a message with 100 entities, edits and channel posts."""
    cast = fuzz.cast
    groups = len(cast.groups)
    flips = (("left", "member"), ("member", "left"), ("member", "administrator"),
             ("kicked", "member"), ("administrator", "left"))

    async def go() -> None:
        for i in range(1000):
            kind = "my_chat_member" if i % 4 == 0 else "chat_member"
            spec = OtherSpec(kind, user=i % 20, chat=i % groups, n=i, text="",
                             statuses=flips[i % len(flips)])
            await fuzz.feed(cast.render(spec))
        for i in range(10):
            raw = cast.message(MessageSpec("message", i, i % groups, None, None, None, None, i))
            body = raw["message"]
            body.pop("text", None)
            body["story"] = {"chat": cast.channel.to_dict(), "id": 100 + i}
            body["forward_origin"] = {"type": "channel", "chat": cast.channel.to_dict(),
                                      "message_id": 100 + i, "date": body["date"]}
            await fuzz.feed(raw)
        words = [f"@n{i}" for i in range(100)]
        text = "#报修 " + " ".join(words)
        raw = cast.message(MessageSpec("message", 1, 0, None, None, None, None, 1))
        entities, offset = [], len("#报修 ")
        for word in words:
            entities.append({"type": "mention", "offset": offset, "length": len(word)})
            offset += len(word) + 1
        raw["message"].update(text=text, entities=entities)
        await fuzz.feed(raw)
        for i in range(20):
            kind = ("edited_message", "channel_post", "edited_channel_post")[i % 3]
            if kind == "edited_message":
                spec = MessageSpec(kind, i, i % groups, f"改一下 {i}", None, None, None, i)
                await fuzz.feed(cast.render(spec))
            else:
                await fuzz.feed(cast.render(OtherSpec(kind, i, 0, i, f"频道 {i}",
                                                      ("member", "member"))))
        await fuzz.between_batches()

    fuzz.run(go())
    fuzz.run(fuzz.assert_invariants())
    assert fuzz.rejected == 0 and fuzz.fed >= 1031 + len(WARM_UP)
