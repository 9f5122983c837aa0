"""Leadership, storage selection, JSON logs and rollback on error."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from aiogram import F, Router
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.types import Message
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import db
from bot.app import _storage
from bot.leader import Leadership
from bot.logs import JsonFormatter
from models.registry import Compound
from services.clock import Clock
from tests import db as testdb
from tests.harness import HarnessFactory, make_settings


def test_memory_storage_and_simple_isolation_without_redis() -> None:
    storage, isolation = _storage(make_settings("sqlite+aiosqlite:///x.db", "http://x",
                                                redis_url=None))
    assert isinstance(storage, MemoryStorage)
    assert isinstance(isolation, SimpleEventIsolation)


def test_redis_storage_and_isolation_with_redis_url() -> None:
    from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage

    storage, isolation = _storage(make_settings("sqlite+aiosqlite:///x.db", "http://x",
                                                redis_url="redis://127.0.0.1:6379/15"))
    assert isinstance(storage, RedisStorage)
    assert isinstance(isolation, RedisEventIsolation)


def test_json_logs_carry_the_reference() -> None:
    record = logging.makeLogRecord({"name": "steward.errors", "levelname": "ERROR",
                                    "msg": "update %s failed", "args": (5,), "ref": "ab12cd34"})
    out = json.loads(JsonFormatter().format(record))
    assert out["msg"] == "update 5 failed"
    assert out["ref"] == "ab12cd34"
    assert out["level"] == "error"


@pytest.mark.skipif(not testdb.PG_URL, reason="advisory locks need PostgreSQL")
async def test_only_one_instance_leads_and_another_takes_over(db_url: str) -> None:
    e1, e2 = db.create_engine(db_url), db.create_engine(db_url)
    a, b = Leadership(e1), Leadership(e2)
    try:
        assert await a.try_acquire() is True
        assert await b.try_acquire() is False
        assert await a.try_acquire() is True  # still held
        assert a._conn is not None
        await a._conn.invalidate()  # the leader's connection dies with its process
        a._conn = None
        assert await b.try_acquire() is True
    finally:
        await b.release()
        await e2.dispose()


async def test_sqlite_always_leads(engine) -> None:  # type: ignore[no-untyped-def]
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    assert await Leadership(engine).try_acquire() is True


async def test_a_failing_update_leaves_no_half_written_data(
    make_harness: HarnessFactory,
) -> None:
    half = Router(name="half")

    @half.message(F.text == "/half")
    async def write_then_fail(message: Message, session: AsyncSession, clock: Clock) -> None:
        session.add(Compound(name="half-written", created_at=clock.now()))
        await session.flush()
        raise RuntimeError("after the write")

    h = await make_harness()
    h.app.dp.sub_routers.insert(0, half)
    half._parent_router = h.app.dp
    user = h.emu.add_user("Q", language_code="en")
    await h.send(user, "/half")
    assert "Sorry, something went wrong" in h.emu.last(user.id).text
    async with h.app.sessions() as s:
        assert (await s.execute(select(Compound))).first() is None


async def test_no_filter_of_the_app_is_sent_to_a_worker_thread(
    make_harness: HarnessFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """aiogram runs non-coroutine filters through asyncio.to_thread; the app runs them on
    the loop, and a conversation that passes F filters, a State and made_by_us still gets
    its answers."""
    h = await make_harness()
    hops: list[object] = []
    real = asyncio.to_thread

    async def counted(func, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        hops.append(func)
        return await real(func, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", counted)
    user = h.emu.add_user("Lin", language_code="zh-hans")
    await h.send(user, "/lang")
    await h.press(user, h.emu.last(user.id).message_id, "English")
    assert h.emu.last(user.id).text == "Done. I will talk to you in English from now on."
    await h.send(user, "/help")
    assert "/lang" in h.emu.last(user.id).text
    assert hops == []
