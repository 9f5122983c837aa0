"""Intake throughput, beside two floors measured in the same run on the same emulator.

- echo: a bare aiogram bot that answers every message (the cost of Telegram's round trip);
- floor: a minimal but honest ticket bot (bench/floor.py: upsert the person, insert the
  ticket, commit, reply in the group, post the staff card);
- plain: ordinary group chatter (no hashtag) from people and a chat the app already knows;
- intake: `#repair` / `#报修` messages in a building group, each done when the group has its
  reply and the staff chat its card (sent by the real outbox sender);
- wizard: the last step of the private /report wizard (pressing "send"), residents having
  been walked to it beforehand (bench/wizard.py).

Rates are medians over rounds; each round runs all five, interleaved. Statements per update
are counted in a separate pass with the outbox sender off, so only the update's own work is
counted (tests/statements.py; tests/tickets/test_statement_counts.py holds the same counts).

    .venv/bin/python -m bench.intake [--quick] [-n 1000] [--rounds 3] [--window 100]
"""

from __future__ import annotations

import sys
from pathlib import Path

if not __package__:  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncio
import contextlib
import random
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message
from sqlalchemy import func, select

from bench.common import Target, parser, profiled, quiet_logs, report
from bench.emu import WAIT, fresh_sqlite, pump, sent_count, stop_polling, wait_polling
from bench.floor import floor_rate
from bench.wizard import press_send, walk_to_send
from bot.app import App
from bot.config import Settings
from models.tickets import Ticket
from services.clock import Clock, SystemClock
from services.tickets.categories import looks_urgent
from tests.emulator import BotApiEmulator
from tests.emulator.state import Chat, User
from tests.harness import TOKEN, Harness, make_settings
from tests.statements import Statements, counted
from tests.tickets import factories as f

# Targets, as ratios of the floor measured in the same round.
PLAIN_TO_ECHO = 0.5
INTAKE_TO_FLOOR = 0.33
WIZARD_TO_FLOOR = 0.33
STATEMENTS_PLAIN = 0
STATEMENTS_TICKET = 8
# Intake is measured, not delivery pacing: a staff chat at Telegram's 20/min per group would
# make the 1000th card wait 50 minutes. These replace the production outbox limits here.
LIFTED_PACING = {"outbox_rate_per_second": 10_000, "outbox_group_per_minute": 600_000,
                 "outbox_chat_per_second": 10_000}
SYLLABLES = [c + v for c in "bcdhjklmnpqrstvwxyz" for v in "aeiou"]


@dataclass
class Scene:
    residents: list[User]
    group: Chat
    staff: Chat


def texts(count: int, seed: int = 7) -> list[str]:
    """Distinct reports: alike texts would be offered as "+1" instead of opening tickets."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < count:
        if len(out) % 2:
            han = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(14))
            text = f"#报修 {han}"
        else:
            words = ["".join(rng.choices(SYLLABLES, k=3)) for _ in range(9)]
            text = "#repair " + " ".join(words)
        if not looks_urgent(text):  # a random "fire" would turn it into a safety ticket
            out.append(text)
    return out


def add_scene(emu: BotApiEmulator, residents: int) -> Scene:
    # Residents registered their homes in a private chat, so they have pressed Start.
    users = [emu.add_user(f"Resident {i}", language_code="zh-hans", started=True)
             for i in range(residents)]
    group = emu.add_group("Building 3", members=users, bot_status="member")
    steward = emu.add_user("Wang", language_code="zh-hans")
    staff = emu.add_group("Repairs staff", members=[steward], bot_status="member")
    return Scene([*users, steward], group, staff)


async def seed_scene(app: App, clock: Clock, scene: Scene) -> None:
    """The compound, its building, one verified household per resident, the repairs team."""
    *residents, steward = scene.residents
    async with app.sessions() as s:
        rooms = tuple(f"{1 + i // 20}{i % 20 + 1:02d}" for i in range(len(residents)))
        place = await f.compound(s, clock, rooms=rooms)
        for user, home in zip(residents, place.households, strict=True):
            who = await f.person(s, clock, user.id, user.first_name)
            who.language_code = user.language_code  # known people: no write on arrival
            await f.reside(s, clock, who, home)
        wang = await f.person(s, clock, steward.id, steward.first_name)
        wang.language_code = steward.language_code
        repairs = await f.team(s, clock, place.compound, "repairs", [wang])
        await f.bind(s, clock, scene.group.id, place.compound, "building",
                     building=place.building, title=scene.group.title or "")
        await f.bind(s, clock, scene.staff.id, place.compound, "team", team_=repairs,
                     title=scene.staff.title or "")
        await s.commit()


@dataclass
class Round:
    seconds: float
    rate: float
    tickets: int = 0
    group_replies: int = 0
    staff_cards: int = 0
    api_5xx: int = 0


def app_settings(url: str, base_url: str, sender: bool = True) -> Settings:
    defaults = Settings.model_fields
    return make_settings(
        url, base_url, outbox_sender=sender,
        throttle_burst=defaults["throttle_burst"].default,
        throttle_period_seconds=defaults["throttle_period_seconds"].default,
        **LIFTED_PACING)


@contextlib.asynccontextmanager
async def running_app(count: int, sender: bool = True) -> AsyncIterator[tuple[Harness, Scene]]:
    """The production app polling a fresh emulator, on a fresh database with the scene."""
    clock = SystemClock()
    with tempfile.TemporaryDirectory(prefix="bench-intake-") as tmp:
        url = await fresh_sqlite(Path(tmp) / "steward.db")
        async with BotApiEmulator(token=TOKEN) as emu:
            scene = add_scene(emu, count)
            app = App(app_settings(url, emu.base_url, sender), clock)
            await seed_scene(app, clock, scene)
            h = Harness(emu, app, clock)
            await h.start()
            try:
                yield h, scene
            finally:
                await h.stop()


async def _tickets(app: App) -> int:
    async with app.sessions() as s:
        return int((await s.execute(select(func.count()).select_from(Ticket))).scalar() or 0)


def _api_5xx(emu: BotApiEmulator) -> int:
    return sum(n for code, n in emu.stats["status"].items() if code >= 500)


async def plain_round(messages: list[str], warmup: int, window: int) -> Round:
    """Ordinary chatter: everyone speaks once (the app gets to know them), then again."""
    async with running_app(len(messages)) as (h, scene):
        app, emu = h.app, h.emu
        chatter = [m.split(" ", 1)[1] for m in messages]
        jobs = list(zip(scene.residents, chatter, strict=False))

        async def handled(predicate: Callable[[], bool], _what: str) -> None:
            await app.tracker.wait(predicate, WAIT)

        def done() -> int:
            return app.tracker.total

        await pump(emu, jobs, scene.group, done, window, handled)
        seconds = await pump(emu, jobs[warmup:], scene.group, done, window, handled)
        return Round(seconds, (len(jobs) - warmup) / seconds, api_5xx=_api_5xx(emu))


async def intake_round(messages: list[str], warmup: int, window: int) -> Round:
    async with running_app(len(messages)) as (h, scene):
        emu = h.emu
        jobs = list(zip(scene.residents, messages, strict=False))

        def done() -> int:
            return min(sent_count(emu, scene.group), sent_count(emu, scene.staff))

        await pump(emu, jobs[:warmup], scene.group, done, window)
        seconds = await pump(emu, jobs[warmup:], scene.group, done, window)
        return Round(seconds, (len(messages) - warmup) / seconds, await _tickets(h.app),
                     sent_count(emu, scene.group), sent_count(emu, scene.staff), _api_5xx(emu))


async def wizard_round(messages: list[str], warmup: int, window: int) -> Round:
    """Every resident is walked to the wizard's last step; the presses of "send" are timed,
    each done when it was handled and its staff card arrived."""
    async with running_app(len(messages)) as (h, scene):
        app, emu = h.app, h.emu
        residents = scene.residents[:len(messages)]
        ready = [(user, await walk_to_send(h, user, text.split(" ", 1)[1]))
                 for user, text in zip(residents, messages, strict=False)]
        handled_before = app.tracker.total

        def done() -> int:
            return min(app.tracker.total - handled_before, sent_count(emu, scene.staff))

        await press_send(emu, ready[:warmup], done, window)
        started = time.perf_counter()
        await press_send(emu, ready[warmup:], done, window)
        seconds = time.perf_counter() - started
        return Round(seconds, (len(ready) - warmup) / seconds, await _tickets(app),
                     staff_cards=sent_count(emu, scene.staff), api_5xx=_api_5xx(emu))


async def _echo(message: Message) -> None:
    await message.answer(message.text or "")


async def echo_round(messages: list[str], warmup: int, window: int) -> Round:
    async with BotApiEmulator(token=TOKEN) as emu:
        scene = add_scene(emu, len(messages))
        bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url)))
        dp = Dispatcher()
        dp.message.register(_echo)
        task = asyncio.create_task(dp.start_polling(bot, handle_signals=False,
                                                    polling_timeout=25))
        try:
            await wait_polling(emu, task)
            jobs = list(zip(scene.residents, messages, strict=False))

            def done() -> int:
                return sent_count(emu, scene.group)

            await pump(emu, jobs[:warmup], scene.group, done, window)
            seconds = await pump(emu, jobs[warmup:], scene.group, done, window)
        finally:
            await stop_polling(dp, task)
            await bot.session.close()
    return Round(seconds, (len(messages) - warmup) / seconds)


async def floor_round(messages: list[str], warmup: int, window: int) -> Round:
    async with BotApiEmulator(token=TOKEN) as emu:
        scene = add_scene(emu, len(messages))
        jobs = list(zip(scene.residents, messages, strict=False))
        seconds = await floor_rate(jobs, scene.group, scene.staff, emu, warmup, window)
        return Round(seconds, (len(messages) - warmup) / seconds,
                     group_replies=sent_count(emu, scene.group),
                     staff_cards=sent_count(emu, scene.staff))


async def count_statements(samples: int = 5) -> dict[str, Statements]:
    """One update at a time, the sender off: what each kind of update asks of the database.
    Each sample comes from someone the app has already seen (in chatter, for tickets); the
    first report after the start, which reads the compound's routing, is counted apart."""
    messages = texts(2 * samples + 1)
    async with running_app(len(messages), sender=False) as (h, scene):
        group = scene.group
        for user, text in zip(scene.residents, messages, strict=False):
            await h.send(user, "早上好 " + text.split(" ", 1)[1][:10], chat=group)
        out: dict[str, Statements] = {}
        with counted(h.app.engine) as first:
            await h.send(scene.residents[2 * samples], messages[-1], chat=group)
        out["first ticket after start"] = first
        for kind, pick in (("plain", slice(0, samples)), ("ticket", slice(samples, 2 * samples))):
            worst: Statements | None = None
            for user, text in zip(scene.residents[pick], messages[pick], strict=False):
                sent = text if kind == "ticket" else "今天停水吗 " + text[-6:]
                with counted(h.app.engine) as seen:
                    await h.send(user, sent, chat=group)
                if worst is None or seen.total > worst.total:
                    worst = seen
            assert worst is not None
            out[kind] = worst
        return out


ROUNDS: dict[str, Callable[[list[str], int, int], Awaitable[Round]]] = {
    "echo": echo_round, "floor": floor_round, "plain": plain_round,
    "intake": intake_round, "wizard": wizard_round,
}


async def measure(n: int, rounds: int, window: int, warmup: int,
                  wizard_n: int) -> dict[str, list[Round]]:
    messages = texts(n + warmup)
    wizard_messages = messages[:wizard_n + warmup]
    runs: dict[str, list[Round]] = {k: [] for k in ROUNDS}
    for r in range(rounds):
        # Interleaved, so a burst of other work on the machine hits all of them alike.
        for name, run in ROUNDS.items():
            sent = wizard_messages if name == "wizard" else messages
            runs[name].append(await run(sent, warmup, window))
        print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1].rate:.1f}/s" for k, v in runs.items()),
              flush=True)
    return runs


def bench(n: int, rounds: int, window: int, warmup: int, wizard_n: int,
          profile: bool = False) -> None:
    with profiled("intake", profile):
        runs = asyncio.run(measure(n, rounds, window, warmup, wizard_n))
        statements = asyncio.run(count_statements())
    rate = {k: statistics.median(r.rate for r in v) for k, v in runs.items()}
    ratios = {"plain_to_echo": rate["plain"] / rate["echo"],
              "intake_to_floor": rate["intake"] / rate["floor"],
              "wizard_to_floor": rate["wizard"] / rate["floor"],
              "intake_to_echo": rate["intake"] / rate["echo"],
              "floor_to_echo": rate["floor"] / rate["echo"]}
    last = runs["intake"][-1]
    figures = {
        "updates_per_s": {k: round(v, 1) for k, v in rate.items()},
        "ratio": {k: round(v, 3) for k, v in ratios.items()},
        "sql_per_update": {k: {"statements": len(v.sql), "commits": v.commits,
                               "total": v.total} for k, v in statements.items()},
        "rounds": {k: [round(r.rate, 1) for r in v] for k, v in runs.items()},
        "last_intake_round": {"tickets_in_db": last.tickets,
                              "group_replies": last.group_replies,
                              "staff_cards": last.staff_cards, "api_5xx": last.api_5xx},
        "last_wizard_round": {"tickets_in_db": runs["wizard"][-1].tickets,
                              "staff_cards": runs["wizard"][-1].staff_cards},
    }
    params = {"messages": n, "wizard_presses": wizard_n, "warmup": warmup, "rounds": rounds,
              "window": window,
              "outbox_pacing": "lifted: " + ", ".join(f"{k}={v}" for k, v in
                                                      LIFTED_PACING.items()),
              "throttle": "production default (6 per 4 s per person; one message each)",
              "database": "SQLite, a fresh file per round", "clock": "system"}
    notes = [
        "outbox pacing lifted for intake (at Telegram's 20/min per group the staff cards, "
        "not intake, would set the pace): " + params["outbox_pacing"],
        "intake and floor: an update is done when its group reply and its staff card arrived",
        "plain: the same group messages without the hashtag, from people already seen",
        "wizard: presses of the last step's send button, done when handled and carded",
        "statements: the worst of 5 updates of each kind, counted with the sender off:\n"
        + "\n".join(f"{k}: {v}" for k, v in statements.items()),
        "rates are medians over rounds; the emulator shares the process with the bot",
    ]
    if last.tickets != n + warmup or last.api_5xx:
        notes.append("CHECK FAILED: not every message became a ticket without API errors")
    report("intake", params, figures, [
        Target("plain chatter / echo", round(ratios["plain_to_echo"], 3), ">=",
               PLAIN_TO_ECHO, "x"),
        Target("group intake / floor", round(ratios["intake_to_floor"], 3), ">=",
               INTAKE_TO_FLOOR, "x"),
        Target("wizard last step / floor", round(ratios["wizard_to_floor"], 3), ">=",
               WIZARD_TO_FLOOR, "x"),
        Target("statements, plain chatter", statements["plain"].total, "<=",
               STATEMENTS_PLAIN),
        Target("statements, group ticket", statements["ticket"].total, "<=",
               STATEMENTS_TICKET),
    ], notes)


def main() -> int:
    p = parser(__doc__ or "")
    p.add_argument("-n", type=int, help="measured messages (default 1000; 150 with --quick)")
    p.add_argument("--wizard", type=int,
                   help="measured wizard presses (default 300; 60 with --quick)")
    p.add_argument("--rounds", type=int, help="rounds of all five (default 3; 1 --quick)")
    p.add_argument("--window", type=int, default=100,
                   help="messages in flight at most (getUpdates hands out 100 at a time)")
    args = p.parse_args()
    quiet_logs()
    n = args.n or (150 if args.quick else 1000)
    rounds = args.rounds or (1 if args.quick else 3)
    wizard_n = args.wizard or (60 if args.quick else 300)
    bench(n, rounds, args.window, warmup=max(10, n // 20), wizard_n=wizard_n,
          profile=args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
