"""Counting what the database is asked to do: statements and commits, on one engine.

A count is deterministic where a time is not, so tests may hold it; bench/intake.py prints
the same counts beside its rates.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


@dataclass
class Statements:
    sql: list[str] = field(default_factory=list)
    commits: int = 0

    @property
    def total(self) -> int:
        """Statements including the commits, as "a ticket costs N statements" counts them."""
        return len(self.sql) + self.commits

    def __str__(self) -> str:
        lines = [f"{len(self.sql)} statements + {self.commits} commit(s):"]
        lines += [f"  {s.split(chr(10))[0][:160]}" for s in self.sql]
        return "\n".join(lines)


@contextlib.contextmanager
def counted(engine: AsyncEngine) -> Iterator[Statements]:
    seen = Statements()
    sync = engine.sync_engine

    def statement(_conn: Any, _cursor: Any, text: str, *_args: Any) -> None:
        seen.sql.append(" ".join(text.split()))

    def commit(_conn: Any) -> None:
        seen.commits += 1

    event.listen(sync, "before_cursor_execute", statement)
    event.listen(sync, "commit", commit)
    try:
        yield seen
    finally:
        event.remove(sync, "before_cursor_execute", statement)
        event.remove(sync, "commit", commit)
