"""Test databases: a migrated SQLite file per test, or the PostgreSQL in TEST_DATABASE_URL."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import db

PG_URL = os.environ.get("TEST_DATABASE_URL") or None
REDIS_URL = os.environ.get("TEST_REDIS_URL") or None


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
