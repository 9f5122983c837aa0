"""Broadcast: private and group notices through the outbox, at production pacing, against
an emulator that enforces Telegram's flood limits (30/s, 20/min per group, 1/s per chat).

    .venv/bin/python -m bench.broadcast [--quick] [--private 2000] [--groups 10x5]
"""

from __future__ import annotations

import sys
from pathlib import Path

if not __package__:  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncio
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from bench.common import Target, parser, profiled, quiet_logs, report
from bench.emu import fresh_sqlite
from bot.app import App
from bot.config import Settings
from models.chat import Chat as ChatRow
from models.outbox import Outbox
from models.person import Person
from services.clock import Clock, SystemClock
from services.outbox import Notice, enqueue
from tests.emulator import BotApiEmulator, RateLimiter
from tests.emulator.state import Chat, User
from tests.harness import TOKEN, Harness, make_settings

TAG = re.compile(r"BN(\d{6})")
TEXT_KEY = "poll-result"  # "{ $body }": the notice carries its own text and tag
PACING = ("outbox_rate_per_second", "outbox_group_per_minute", "outbox_chat_per_second",
          "outbox_concurrency", "outbox_max_attempts", "outbox_poll_seconds")


@dataclass
class Audience:
    people: list[User]
    groups: list[Chat]
    notices: list[Notice] = field(default_factory=list)


def production_pacing() -> dict[str, float]:
    """The defaults of bot/config.py, as a deployment without overrides runs them."""
    return {name: Settings.model_fields[name].default for name in PACING}


def plan(emu: BotApiEmulator, private: int, groups: int, per_group: int) -> Audience:
    # Residents who pressed Start: Telegram refuses private messages to anyone else (403).
    people = [emu.add_user(f"Resident {i}", language_code="zh-hans", started=True)
              for i in range(private)]
    chats = [emu.add_group(f"Building {g + 1}", bot_status="member") for g in range(groups)]
    audience = Audience(people, chats)
    group_turns = [c for _ in range(per_group) for c in chats]
    # Group notices are spread through the private ones, as a mixed announcement would be.
    every = max(1, private // max(1, len(group_turns)))
    targets: list[int] = []
    for i, user in enumerate(people):
        targets.append(user.id)
        if group_turns and (i + 1) % every == 0:
            targets.append(group_turns.pop(0).id)
    targets += [c.id for c in group_turns]
    for n, chat_id in enumerate(targets):
        audience.notices.append(Notice(
            key=f"bench:broadcast:{n}", chat_id=chat_id, text_key=TEXT_KEY,
            args={"body": f"BN{n:06d} 明天 9:00-12:00 停水，请提前储水。"}))
    return audience


async def seed(app: App, clock: Clock, audience: Audience) -> None:
    now = clock.now()
    async with app.sessions() as s:
        s.add_all(Person(tg_id=u.id, first_name=u.first_name, language_code="zh-hans",
                         locale="zh-Hans", created_at=now, seen_at=now)
                  for u in audience.people)
        s.add_all(ChatRow(id=c.id, type="supergroup", title=c.title, created_at=now)
                  for c in audience.groups)
        await s.commit()


def record_accepted(limiter: RateLimiter) -> list[float]:
    """Times of the sends the emulator let through, for the rate and the busiest second."""
    accepted: list[float] = []
    check = limiter.check

    def counted(chat: Chat | None) -> object:
        error = check(chat)
        if error is None:
            accepted.append(limiter.clock())
        return error

    limiter.check = counted  # type: ignore[method-assign]
    return accepted


def received(emu: BotApiEmulator, audience: Audience) -> Counter[int]:
    seen: Counter[int] = Counter()
    for chat in [*audience.people, *audience.groups]:
        for message in emu.state.sent.get(chat.id, ()):
            seen.update(int(m) for m in TAG.findall(message.text or ""))
    return seen


async def pending(app: App) -> int:
    async with app.sessions() as s:
        stmt = select(func.count()).select_from(Outbox).where(Outbox.status == "pending")
        return int((await s.execute(stmt)).scalar_one())


async def outbox_statuses(app: App, settle: float = 5.0) -> dict[str, int]:
    """Rows by status, once the sender has recorded its last send (a moment after it)."""
    for _ in range(int(settle / 0.1)):
        if not await pending(app):
            break
        await asyncio.sleep(0.1)
    async with app.sessions() as s:
        rows = await s.execute(select(Outbox.status, func.count()).group_by(Outbox.status))
        return {status: int(n) for status, n in rows.all()}


async def wait_delivered(emu: BotApiEmulator, app: App, audience: Audience,
                         limit: float) -> float:
    """Seconds until every notice arrived, or until nothing is left to send (or `limit`)."""
    start = time.perf_counter()
    want = len(audience.notices)
    last_check = start
    while time.perf_counter() - start < limit:
        total = sum(len(emu.state.sent.get(c.id, ()))
                    for c in [*audience.people, *audience.groups])
        if total >= want:
            break
        if time.perf_counter() - last_check > 5:
            last_check = time.perf_counter()
            if await pending(app) == 0:
                break  # what has not arrived by now never will
        await asyncio.sleep(0.05)
    return time.perf_counter() - start


def busiest_second(times: list[float]) -> int:
    best, low = 0, 0
    for high, t in enumerate(times):
        while times[low] <= t - 1.0:
            low += 1
        best = max(best, high - low + 1)
    return best


async def run(private: int, groups: int, per_group: int) -> dict[str, Any]:
    clock = SystemClock()
    pacing = production_pacing()
    with tempfile.TemporaryDirectory(prefix="bench-broadcast-") as tmp:
        url = await fresh_sqlite(Path(tmp) / "steward.db")
        async with BotApiEmulator(token=TOKEN) as emu:
            audience = plan(emu, private, groups, per_group)
            app = App(make_settings(url, emu.base_url, outbox_sender=True, **pacing), clock)
            await seed(app, clock, audience)
            h = Harness(emu, app, clock)
            await h.start()
            try:
                accepted = record_accepted(emu.enforce_rate_limits())
                emu.reset_stats()
                async with app.sessions() as s:
                    for notice in audience.notices:
                        await enqueue(s, clock, notice)
                    await s.commit()
                app.sender.wake()
                # Three times the ideal duration, and at least a minute, is plenty.
                ideal = len(audience.notices) / pacing["outbox_rate_per_second"]
                seconds = await wait_delivered(emu, app, audience, max(60.0, 3 * ideal))
                statuses = await outbox_statuses(app)
            finally:
                await h.stop()
            seen = received(emu, audience)
            too_many = emu.stats["too_many_requests"]
    spread = accepted[-1] - accepted[0] if len(accepted) > 1 else float("nan")
    return {
        "queued": len(audience.notices), "delivered_unique": len(seen),
        "lost": len(audience.notices) - len(seen),
        "sent_twice": sum(1 for n in seen.values() if n > 1),
        "responses_429": too_many,
        "seconds_to_last": round(seconds, 2),
        "msgs_per_s": round(len(seen) / seconds, 2),
        "msgs_per_s_first_to_last_send": round((len(accepted) - 1) / spread, 2),
        "busiest_1s_window": busiest_second(accepted),
        "outbox_status": statuses,
    }


def bench(private: int, groups: int, per_group: int, profile: bool = False) -> None:
    with profiled("broadcast", profile):
        figures = asyncio.run(run(private, groups, per_group))
    pacing = production_pacing()
    params = {"private_notices": private, "group_notices": groups * per_group,
              "groups": f"{groups} groups x {per_group} notices each",
              "sender_pacing": pacing,
              "emulator_limits": "30/s global, 20/min per group, 1/s per private chat",
              "database": "SQLite"}
    targets = [
        Target("delivery rate", figures["msgs_per_s"], ">=", 28, "msg/s"),
        Target("429 responses", figures["responses_429"], "<=", 0),
        Target("notices lost", figures["lost"], "<=", 0),
        Target("notices sent twice", figures["sent_twice"], "<=", 0),
    ]
    notes = [
        f"group notices spread over {groups} groups x {per_group} (one group at 20/min would "
        f"take {groups * per_group * 3 / 60:.1f} min alone)",
        "msgs_per_s = unique notices received / seconds from commit to the last arrival",
        "the ceiling is 30 msg/s",
    ]
    report("broadcast", params, figures, targets, notes)


def main() -> int:
    p = parser(__doc__ or "")
    p.add_argument("--private", type=int, help="private notices (default 2000; 300 --quick)")
    p.add_argument("--groups", default=None,
                   help="GROUPSxPER_GROUP group notices (default 10x5; 5x2 --quick)")
    args = p.parse_args()
    quiet_logs()
    private = args.private or (300 if args.quick else 2000)
    groups, per_group = (int(x) for x in (args.groups or ("5x2" if args.quick else "10x5"))
                         .lower().split("x"))
    bench(private, groups, per_group, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
