"""Two real processes in webhook mode: the leader is killed, the other takes over in time."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot import db
from services.clock import SystemClock
from services.outbox import Notice, enqueue
from tests import db as testdb
from tests.balancer import free_port
from tests.emulator import BotApiEmulator
from tests.harness import TOKEN
from tests.test_process import ROOT, _env

pytestmark = pytest.mark.skipif(
    not (testdb.PG_URL and testdb.REDIS_URL),
    reason="leadership is a PostgreSQL advisory lock (TEST_DATABASE_URL, TEST_REDIS_URL)",
)
TAKEOVER_LIMIT = 30.0


async def _spawn(cwd: Path, env: dict[str, str]) -> asyncio.subprocess.Process:
    import sys

    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--webhook", cwd=cwd, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )


async def _health(port: int) -> dict[str, Any] | None:
    try:
        async with aiohttp.ClientSession() as http, http.get(
            f"http://127.0.0.1:{port}/healthz", timeout=aiohttp.ClientTimeout(total=2)
        ) as r:
            return await r.json() if r.status == 200 else None
    except (aiohttp.ClientError, TimeoutError):
        return None


async def _until_health(port: int, check: Any, limit: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        body = await _health(port)
        if body is not None and check(body):
            return time.monotonic() - started
        await asyncio.sleep(0.2)
    raise AssertionError(f"instance on port {port} did not get there within {limit}s")


async def _queue(url: str, users: list[Any], tag: str) -> None:
    engine = db.create_engine(url)
    try:
        async with db.session_factory(engine)() as s:
            for u in users:
                await enqueue(s, SystemClock(), Notice(key=f"{tag}:{u.id}", chat_id=u.id,
                                                       text_key="slow-down"))
            await s.commit()
    finally:
        await engine.dispose()


async def test_the_follower_takes_over_within_30_seconds_of_a_kill(
    emu: BotApiEmulator, db_url: str, tmp_path: Path
) -> None:
    ports = [free_port(), free_port()]
    envs = [_env(BOT_TOKEN=TOKEN, BOT_API_BASE=emu.base_url, DATABASE_URL=db_url,
                 REDIS_URL=testdb.REDIS_URL or "", PYTHONPATH=str(ROOT),
                 WEBHOOK_SECRET="takeover-secret", WEB_HOST="127.0.0.1", WEB_PORT=str(p),
                 OUTBOX_POLL_SECONDS="0.2", MIGRATE_ON_START="false") for p in ports]
    procs: list[asyncio.subprocess.Process] = []
    try:
        procs.append(await _spawn(tmp_path, envs[0]))
        await _until_health(ports[0], lambda b: b["leader"], 60)
        procs.append(await _spawn(tmp_path, envs[1]))
        await _until_health(ports[1], lambda b: b["status"] == "ok" and not b["leader"], 60)

        before = [emu.add_user(f"B{i}", language_code="en", started=True) for i in range(5)]
        await _queue(db_url, before, "before")
        await emu.wait_for(lambda: all(emu.sent(u.id) for u in before), timeout=60)

        procs[0].send_signal(signal.SIGKILL)
        await procs[0].wait()
        took = await _until_health(ports[1], lambda b: b["leader"], TAKEOVER_LIMIT)

        after = [emu.add_user(f"A{i}", language_code="en", started=True) for i in range(20)]
        await _queue(db_url, after, "after")
        await emu.wait_for(lambda: all(emu.sent(u.id) for u in after), timeout=60)
        assert [len(emu.sent(u.id)) for u in before + after] == [1] * 25
        assert took <= TAKEOVER_LIMIT

        procs[1].send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(procs[1].wait(), timeout=30) == 0
    finally:
        for proc in procs:
            if proc.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                await proc.wait()
