"""INSERT with the ON CONFLICT clauses of the session's database (SQLite or PostgreSQL).

Both dialects spell `on_conflict_do_nothing` / `on_conflict_do_update` alike; each is
imported when a database of its kind is first written to, so an embedded bot never loads
the PostgreSQL dialect.
"""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession


def insert_for(session: AsyncSession | Any) -> Any:
    """The dialect's `insert` construct for this session (or connection/engine)."""
    bind = session.get_bind() if hasattr(session, "get_bind") else session
    name = bind.dialect.name
    return importlib.import_module(f"sqlalchemy.dialects.{name}").insert
