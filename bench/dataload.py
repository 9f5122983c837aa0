"""Loading the generated rows into SQLite or PostgreSQL, and caching the result.

SQLite: SQLAlchemy Core executemany in big chunks (the column types convert the values
exactly as the app stores them). PostgreSQL: asyncpg's COPY. The schema always comes from
`bot.db.migrate`, so the benchmark runs on the app's own tables and indexes.
"""

from __future__ import annotations

import json
import os
import random
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

import models
from bench import datagen
from bench.common import DATA
from bench.datagen import Row, Scale
from bot import db
from models.person import Person
from models.polls import Audience, Matter, PollKind
from models.registry import Compound
from services.clock import FrozenClock
from services.polls.eligibility import compound_units
from tests.polls import factories as pf

CHUNK = 20_000
# Parents before children, so foreign keys hold at every flush.
ORDER = ("compound", "building", "entrance", "person", "household", "residency", "team",
         "team_member", "role_grant", "ticket_counter", "ticket", "ticket_follower",
         "ticket_rating", "poll_ballot", "poll_coverage", "poll_choice", "poll_count")
SEQUENCED = ("compound", "building", "entrance", "person", "household", "residency", "team",
             "role_grant", "ticket", "ticket_rating", "poll_ballot")


class Sink:
    """Buffers rows per table; when one buffer is full, all are written in ORDER."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.pg = conn.dialect.name == "postgresql"
        self.buffers: dict[str, list[Row]] = {}
        self.counts: dict[str, int] = {}

    async def add(self, table: str, row: Row) -> None:
        buffer = self.buffers.setdefault(table, [])
        buffer.append(row)
        if len(buffer) >= CHUNK:
            await self.flush()

    async def add_all(self, rows: Iterable[tuple[str, Row]]) -> None:
        for table, row in rows:
            await self.add(table, row)

    async def flush(self) -> None:
        for name in ORDER:
            rows = self.buffers.pop(name, None)
            if rows:
                await self._write(name, rows)
                self.counts[name] = self.counts.get(name, 0) + len(rows)

    async def _write(self, name: str, rows: list[Row]) -> None:
        if not self.pg:
            await self.conn.execute(insert(models.Base.metadata.tables[name]), rows)
            return
        columns = list(rows[0])
        raw = await self.conn.get_raw_connection()
        await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
            name, records=[tuple(r[c] for c in columns) for r in rows], columns=columns)


async def load(engine: AsyncEngine, scale: Scale, now: datetime) -> dict[str, Any]:
    started = time.perf_counter()
    async with engine.connect() as conn:
        sink = Sink(conn)
        if not sink.pg:
            await conn.execute(text("PRAGMA synchronous=OFF"))  # bench data: speed over safety
        for table, rows in datagen.registry(scale, now).items():
            for row in rows:
                await sink.add(table, row)
        await sink.add_all(datagen.households(scale, now))
        await sink.add_all(("ticket_counter", {"compound_id": c,
                                               "last_number": scale.tickets_per_compound})
                           for c in range(1, scale.compounds + 1))
        await sink.add_all(datagen.tickets(scale, now))
        await sink.flush()
        if not sink.pg:
            await conn.commit()
    poll_id, votes = await assembly(engine, scale, now)
    await finish(engine)
    return {"poll_id": poll_id, "rows": {**sink.counts, **votes},
            "load_seconds": round(time.perf_counter() - started, 1)}


async def assembly(
    engine: AsyncEngine, scale: Scale, now: datetime
) -> tuple[int, dict[str, int]]:
    """An owners' assembly vote in compound 1, three quarters of the owners having voted."""
    rng = random.Random(scale.seed + 2)
    clock = FrozenClock(now)
    sessions = db.session_factory(engine)
    async with sessions() as s:
        compound = await s.get(Compound, 1)
        creator = await s.get(Person, scale.staff_id(1, datagen.STAFF_PER_COMPOUND - 1))
        assert compound is not None and creator is not None
        poll = await pf.open_poll(s, clock, compound, creator, PollKind.ASSEMBLY,
                                  question="续聘物业服务企业", audience=Audience.OWNERS,
                                  matter=Matter.MANAGER.value)
        units = await compound_units(s, 1)
        options = {o.code: o.id for o in await pf.lifecycle.cards.options_of(s, poll.id)}
    counts = {code: [0, Decimal(0)] for code in options}
    async with engine.connect() as conn:
        sink = Sink(conn)
        for n, unit in enumerate(u for u in units if rng.random() < 0.75):
            code = rng.choices(("yes", "no", "abstain"), (60, 30, 10))[0]
            counts[code][0] += 1
            counts[code][1] += unit.area
            await _ballot(sink, scale, poll.id, n + 1, unit, options[code], now)
        await sink.flush()
        table = models.Base.metadata.tables["poll_count"]
        for code, (heads, area) in counts.items():  # publishing created them at zero
            await conn.execute(update(table).where(
                table.c.poll_id == poll.id, table.c.option_id == options[code],
            ).values(ballots=heads, area=area))
        if not sink.pg:
            await conn.commit()
    return poll.id, sink.counts


async def _ballot(sink: Sink, scale: Scale, poll_id: int, ballot_id: int, unit: Any,
                  option_id: int, now: datetime) -> None:
    home = min(unit.households)
    building = (home - 1) // datagen.PER_BUILDING + 1
    await sink.add("poll_ballot", {
        "id": ballot_id, "poll_id": poll_id, "voter_key": unit.key,
        "person_id": min(unit.persons) if unit.persons else None, "household_id": home,
        "building_id": building, "area": unit.area, "source": "bot", "note": None,
        "recorded_by": None, "cast_at": now, "updated_at": now, "changes": 0})
    for household in unit.households:
        await sink.add("poll_coverage", {"poll_id": poll_id, "household_id": household,
                                         "ballot_id": ballot_id})
    await sink.add("poll_choice", {"id": uuid.uuid4().hex, "poll_id": poll_id,
                                   "option_id": option_id, "ballot_id": ballot_id,
                                   "token": None})


async def finish(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            for name in SEQUENCED:
                await conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT max(id) FROM {name}))"))
            await conn.commit()
            # Autovacuum would analyze a freshly loaded table within minutes in production.
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("ANALYZE"))
        else:
            await conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


# ---- caches ------------------------------------------------------------------------------
def _meta_path(kind: str, scale: Scale) -> Path:
    return DATA / f"{kind}-{scale.name()}.json"


async def sqlite_database(scale: Scale, regenerate: bool = False) -> tuple[str, dict[str, Any]]:
    """A generated SQLite file under bench/.data, built once and reused."""
    DATA.mkdir(parents=True, exist_ok=True)
    path, meta_path = DATA / f"steward-{scale.name()}.db", _meta_path("sqlite", scale)
    if path.exists() and meta_path.exists() and not regenerate:
        return f"sqlite+aiosqlite:///{path}", json.loads(meta_path.read_text())
    partial = path.with_suffix(".partial")
    for stale in (path, meta_path, partial):
        stale.unlink(missing_ok=True)
    engine = db.create_engine(f"sqlite+aiosqlite:///{partial}")
    try:
        await db.migrate(engine)
        meta = await _generate(engine, scale)
    finally:
        await engine.dispose()
    _install(partial, path, meta_path, meta)
    return f"sqlite+aiosqlite:///{path}", meta


def _install(partial: Path, path: Path, meta_path: Path, meta: dict[str, Any]) -> None:
    """Only a complete file becomes the cache: an interrupted run leaves no half a database."""
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.replace(path)
    meta_path.write_text(json.dumps(meta, indent=2))


async def _generate(engine: AsyncEngine, scale: Scale) -> dict[str, Any]:
    now = datetime.now(UTC).replace(microsecond=0)
    print(f"generating {scale.households:,} households and {scale.tickets:,} tickets "
          f"({engine.dialect.name}) ...", flush=True)
    meta = await load(engine, scale, now)
    print(f"generated in {meta['load_seconds']} s", flush=True)
    return {"now": now.isoformat(), "scale": scale.__dict__, **meta}


async def postgres_url(database: str = "bench") -> tuple[str | None, str]:
    """BENCH_PG_URL, or `database`, created beside 127.0.0.1:5432/test (never test itself)."""
    if url := os.environ.get("BENCH_PG_URL"):
        return url, "BENCH_PG_URL"
    import asyncpg

    try:
        conn = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test", timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        return None, f"no PostgreSQL at 127.0.0.1:5432/test ({type(exc).__name__})"
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database):
            await conn.execute(f'CREATE DATABASE "{database}"')
    except asyncpg.PostgresError as exc:
        return None, f"cannot create database {database}: {exc}"
    finally:
        await conn.close()
    return (f"postgresql+asyncpg://postgres@127.0.0.1:5432/{database}",
            f"database {database} on 127.0.0.1:5432")


async def postgres_database(
    url: str, scale: Scale, regenerate: bool = False
) -> dict[str, Any]:
    """Reuse the loaded database when it holds this scale; otherwise wipe and load it."""
    meta_path = _meta_path("pg", scale)
    engine = db.create_engine(url)
    try:
        if meta_path.exists() and not regenerate:
            meta = json.loads(meta_path.read_text())
            if meta.get("url") == url and await _holds(engine, meta):
                return meta
        meta_path.unlink(missing_ok=True)
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await db.migrate(engine)
        meta = {"url": url, **await _generate(engine, scale)}
    finally:
        await engine.dispose()
    DATA.mkdir(parents=True, exist_ok=True)
    meta_path.write_text(json.dumps(meta, indent=2))
    return meta


async def _holds(engine: AsyncEngine, meta: dict[str, Any]) -> bool:
    try:
        async with engine.connect() as conn:
            n = (await conn.execute(text("SELECT count(*) FROM ticket"))).scalar_one()
    except Exception:
        return False
    return int(n) == int(meta["rows"].get("ticket", -1))
