"""Memory: resident set size of `python -m bot` against the emulator.

Idle: a fresh SQLite database (the bot migrates it at start), nothing to do. Loaded: a
copy of the data-scale database (100,000 households, 1,000,000 tickets; built by
bench/datascale.py when missing), after /mytickets, /queue, /stats and an assembly
vote's turnout have been answered from it.

    .venv/bin/python -m bench.memory [--quick]
"""

from __future__ import annotations

import sys
from pathlib import Path

if not __package__:  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncio
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from typing import Any

from bench import dataload, datascale
from bench.common import ROOT, Target, parser, quiet_logs, report
from bench.datagen import OFFICIALS, STAFF_PER_COMPOUND, Scale, tg_id
from bench.emu import WAIT
from tests.emulator import BotApiEmulator
from tests.emulator.state import Chat, SentMessage, User
from tests.harness import TOKEN

SETTLE_SECONDS = 8.0
IDLE_TARGET_MB = 120


def rss_mb(pid: int) -> dict[str, float]:
    """VmRSS (now) and VmHWM (peak) from /proc, in MB."""
    out: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) / 1024
    return out


def bot_env(base_url: str, database_url: str) -> dict[str, str]:
    """The environment of a plain deployment: defaults for everything but the essentials."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("BOT_", "DATABASE_", "REDIS_", "WEBHOOK_", "OUTBOX_", "WEB_"))}
    env.update(BOT_TOKEN=TOKEN, BOT_API_BASE=base_url, DATABASE_URL=database_url,
               LOG_LEVEL="WARNING", PYTHONPATH=str(ROOT))
    return env


async def start_bot(emu: BotApiEmulator, cwd: Path, database_url: str
                    ) -> asyncio.subprocess.Process:
    # cwd is a scratch directory, so no .env of the checkout leaks into the measurement.
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=cwd, env=bot_env(emu.base_url, database_url),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    await emu.wait_for(lambda: proc.returncode is not None
                       or any(name == "getUpdates" for name, _ in emu.calls), WAIT)
    if proc.returncode is not None:
        err = await proc.stderr.read() if proc.stderr else b""
        raise RuntimeError(f"the bot exited with {proc.returncode}: {err.decode()[-2000:]}")
    return proc


async def settle(proc: asyncio.subprocess.Process) -> dict[str, float]:
    """RSS once start-up work (migrations, first sweeps) has passed."""
    await asyncio.sleep(SETTLE_SECONDS)
    return rss_mb(proc.pid)


async def stop_bot(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.terminate()
        try:
            await asyncio.wait_for(proc.wait(), timeout=30)
        except TimeoutError:
            proc.kill()
            await proc.wait()


def known_user(emu: BotApiEmulator, person_id: int, name: str) -> User:
    """A Telegram user the generated database already knows (same tg_id)."""
    user = User(tg_id(person_id), name, language_code="zh-hans")
    emu.state.users[user.id] = user
    emu.state.chats[user.id] = Chat(user.id, "private", first_name=name)
    return user


def poll_buttons(message: SentMessage) -> list[str]:
    """Labels of the /polls listing's "view" buttons (callback data pm:view:<id>)."""
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    return [b["text"] for row in rows for b in row
            if str(b.get("callback_data", "")).startswith("pm:view:")]


async def ask(emu: BotApiEmulator, user: User, text: str,
              wanted: Callable[[SentMessage], object] = bool) -> SentMessage:
    """The bot's answer; notices the outbox sends meanwhile (the sweeps run) are skipped."""
    after = emu.send(user, text)

    def answers() -> list[SentMessage]:
        return [m for m in emu.sent(user) if m.message_id > after and wanted(m)]

    await emu.wait_for(lambda: bool(answers()), WAIT, f"an answer to {text}")
    return answers()[0]


async def touch_households(emu: BotApiEmulator, scale: Scale) -> list[str]:
    """Commands whose answers read the households and tickets; returns what was asked."""
    official = {role: scale.staff_id(1, STAFF_PER_COMPOUND - len(OFFICIALS) + i)
                for i, role in enumerate(OFFICIALS)}
    resident = known_user(emu, 1, "住户1")
    steward = known_user(emu, scale.staff_id(1, 0), "Staff 1-0")
    branch = known_user(emu, official["party_branch"], "Branch")
    committee = known_user(emu, official["owners_committee"], "Committee")
    await ask(emu, resident, "/mytickets")
    await ask(emu, steward, "/queue")
    await ask(emu, branch, "/stats")
    listing = await ask(emu, committee, "/polls", poll_buttons)
    before = len(emu.sent(committee))
    emu.press(committee, listing.message_id, poll_buttons(listing)[0])
    await emu.wait_for(lambda: len(emu.sent(committee)) > before, WAIT, "the poll's turnout")
    return ["/mytickets (resident)", "/queue (steward)", "/stats (party branch)",
            "/polls -> assembly turnout (owners' committee)"]


async def idle(tmp: Path) -> dict[str, Any]:
    async with BotApiEmulator(token=TOKEN) as emu:
        start = time.perf_counter()
        proc = await start_bot(emu, tmp, f"sqlite+aiosqlite:///{tmp}/idle.db")
        try:
            started = time.perf_counter() - start
            rss = await settle(proc)
        finally:
            await stop_bot(proc)
    return {"rss_mb": round(rss["VmRSS"], 1), "peak_mb": round(rss["VmHWM"], 1),
            "start_seconds": round(started, 2)}


async def loaded(tmp: Path, scale: Scale) -> dict[str, Any]:
    source, _ = await dataload.sqlite_database(scale)
    copy = tmp / "loaded.db"
    await asyncio.to_thread(shutil.copyfile, source.split("///", 1)[1], copy)
    async with BotApiEmulator(token=TOKEN) as emu:
        proc = await start_bot(emu, tmp, f"sqlite+aiosqlite:///{copy}")
        try:
            before = rss_mb(proc.pid)
            asked = await touch_households(emu, scale)
            rss = await settle(proc)
        finally:
            await stop_bot(proc)
    return {"rss_mb": round(rss["VmRSS"], 1), "peak_mb": round(rss["VmHWM"], 1),
            "rss_at_start_mb": round(before["VmRSS"], 1), "commands": asked,
            "households": scale.households, "tickets": scale.tickets}


async def import_floor(modules: str) -> float:
    """RSS of a bare interpreter that has only imported `modules`: what no bot can go below."""
    code = (f"import {modules}\n"
            "print([l for l in open('/proc/self/status') if l.startswith('VmRSS')][0])")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, cwd=ROOT, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return round(int(out.split()[1]) / 1024, 1)


async def run(scale: Scale) -> dict[str, Any]:
    floors = {name: await import_floor(modules) for name, modules in (
        ("python", "sys"), ("aiogram_as_it_imports_itself", "aiogram"),
        ("aiogram_types_built_lazily", "bot, aiogram"),
        ("aiogram_sqlalchemy", "bot, aiogram, sqlalchemy.ext.asyncio, aiosqlite"),
        ("bot_app_module", "bot.app"))}
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as name:
        tmp = Path(name)
        return {"idle": await idle(tmp), "loaded": await loaded(tmp, scale),
                "import_only_rss_mb": floors}


def main() -> int:
    # The bot runs in its own process: py-spy (`py-spy record --pid`) profiles it, not this.
    args = parser(__doc__ or "", profile=False).parse_args()
    quiet_logs()
    scale = datascale.QUICK if args.quick else datascale.FULL
    figures = asyncio.run(run(scale))
    params = {"process": "python -m bot (polling, SQLite, default settings)",
              "settle_seconds": SETTLE_SECONDS,
              "loaded_database": f"copy of bench/.data ({scale.households:,} households, "
                                 f"{scale.tickets:,} tickets)"}
    targets = [Target("idle RSS", figures["idle"]["rss_mb"], "<=", IDLE_TARGET_MB, "MB")]
    notes = ["RSS = VmRSS of the bot process; peak = VmHWM",
             "import_only_rss_mb: a bare interpreter after importing only those modules",
             "the bot builds aiogram's types on first use (bot/lazy_types.py); "
             "aiogram_as_it_imports_itself is what that saves"]
    report("memory", params, figures, targets, notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
