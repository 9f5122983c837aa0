"""Alembic environment: runs on the connection the app hands over, or on DATABASE_URL."""

from __future__ import annotations

import asyncio
from typing import Any

from alembic import context
from sqlalchemy.engine import Connection

import models
from bot.config import load_settings
from bot.db import create_engine
from models.base import UtcDateTime

target_metadata = models.Base.metadata
config = context.config


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    # Keep migrations free of app imports: our UTC wrapper is a plain timestamp column.
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(_configure)
    await engine.dispose()


def run_migrations_online() -> None:
    connection: Any = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    url = config.attributes.get("database_url") or load_settings(need_token=False).database_url
    asyncio.run(_run_async(url))


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `python -m bot migrate`")
run_migrations_online()
