"""Test databases: a migrated SQLite file per test, or the PostgreSQL in TEST_DATABASE_URL."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import IO

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import db
from services import facts

PG_URL = os.environ.get("TEST_DATABASE_URL") or None
REDIS_URL = os.environ.get("TEST_REDIS_URL") or None


def hold_servers() -> list[IO[str]]:
    """Wait until no other test run on this machine uses the same PostgreSQL or Redis.

    Every test truncates the shared tables and flushes the Redis db; two runs at once
    would pull each other's data away mid-test. The locks go with the process.
    """
    held = []
    for url in (PG_URL, REDIS_URL):
        if not url:
            continue
        name = hashlib.sha256(url.encode()).hexdigest()[:16]
        handle = open(Path(tempfile.gettempdir()) / f"red-steward-tests-{name}.lock", "w")  # noqa: SIM115
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # A warning, not a print: pytest holds back what a fixture prints.
            warnings.warn(f"another test run used {url}; this one waited for it", stacklevel=1)
            fcntl.flock(handle, fcntl.LOCK_EX)
        held.append(handle)
    return held


async def make_sqlite_template(path: Path) -> None:
    engine = db.create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        await db.migrate(engine)
    finally:
        await engine.dispose()


def copy_sqlite(template: Path, target: Path) -> str:
    shutil.copy(template, target)
    return f"sqlite+aiosqlite:///{target}"


async def reset_postgres(url: str) -> None:
    """Start from an empty schema once per test session, then migrate to head."""
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await db.migrate(engine)
    finally:
        await engine.dispose()


async def truncate_postgres(engine: AsyncEngine) -> None:
    # Rows cached by earlier tests' apps are gone with the tables.
    facts.for_url(str(engine.url)).clear()
    async with engine.begin() as conn:
        rows = await conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                 "AND tablename <> 'alembic_version'")
        )
        names = [r[0] for r in rows]
        if names:
            await conn.execute(
                text("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " RESTART IDENTITY CASCADE")
            )
