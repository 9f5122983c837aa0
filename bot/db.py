"""Engine, sessions and migrations."""

from __future__ import annotations

import ast
import asyncio
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.config import ConfigError, mask_url
from services import facts

if TYPE_CHECKING:
    from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the sender read while a handler writes; busy_timeout rides out short locks.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # Deleted and overwritten rows are zeroed, not left in free space: an erased seal or a
    # reshuffled secret choice must not survive in the file's free pages.
    cur.execute("PRAGMA secure_delete=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def create_engine(url: str) -> AsyncEngine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError("DATABASE_URL", f"malformed URL {mask_url(url)!r}") from None
    kwargs: dict[str, Any] = {"pool_pre_ping": True}
    if parsed.drivername.startswith("sqlite"):
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs = {"connect_args": {"timeout": 30}}
    engine = create_async_engine(parsed, **kwargs)
    if parsed.drivername.startswith("sqlite"):
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def session_factory(
    engine: AsyncEngine, rows: facts.Facts | None = None,
    notify: Callable[[list[facts.Change]], None] | None = None,
) -> async_sessionmaker[AsyncSession]:
    """Sessions that read cached rows through `rows` (by default the one of this process
    for this database) and drop what they change from it when they commit."""
    info: dict[str, Any] = {"facts": facts.for_url(str(engine.url)) if rows is None else rows}
    if notify is not None:
        info["facts_notify"] = notify
    return async_sessionmaker(engine, expire_on_commit=False, info=info)


async def ping(engine: AsyncEngine, within: float = 10.0) -> None:
    """Raise ConfigError naming DATABASE_URL when the database cannot be reached."""
    try:
        async with asyncio.timeout(within), engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except ConfigError:
        raise
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(
            "DATABASE_URL", f"cannot reach {mask_url(str(engine.url))!r}: {reason[:160]}"
        ) from None


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.attributes["database_url"] = url
    return cfg


@cache
def head_revisions() -> frozenset[str]:
    """The revisions no other migration builds on, read from the files without alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (ROOT / "migrations" / "versions").glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf8")).body:
            target = getattr(node, "target", None) or next(iter(getattr(node, "targets", [])), None)
            if not isinstance(target, ast.Name) or getattr(node, "value", None) is None:
                continue
            if target.id == "revision":
                revisions.add(ast.literal_eval(node.value))  # type: ignore[attr-defined]
            elif target.id == "down_revision":
                down = ast.literal_eval(node.value)  # type: ignore[attr-defined]
                parents.update([down] if isinstance(down, str) else down or ())
    return frozenset(revisions - parents)


async def at_head(engine: AsyncEngine) -> bool:
    """True when the schema already carries every migration.

    Checked before alembic is imported: alembic, mako and pygments cost a bot that has
    nothing to migrate about 11 MB of resident memory for as long as it runs.
    """
    try:
        async with engine.connect() as conn:
            applied = set((await conn.execute(text("SELECT version_num FROM alembic_version")))
                          .scalars())
    except DBAPIError:  # no alembic_version table: a new database
        return False
    return applied == head_revisions()


async def migrate(engine: AsyncEngine) -> None:
    """Bring the schema to head in this process; on an up-to-date database it does nothing."""
    if await at_head(engine):
        return
    url = engine.url.render_as_string(hide_password=False)

    def upgrade(connection: Any) -> None:
        from alembic import command

        cfg = alembic_config(url)
        cfg.attributes["connection"] = connection
        # "heads": feature branches of the schema may be merged later; all must apply.
        command.upgrade(cfg, "heads")

    async with engine.begin() as conn:
        await conn.run_sync(upgrade)


async def migrate_apart(engine: AsyncEngine) -> None:
    """What a starting bot runs: migrations, when there are any, in a short-lived
    `python -m bot migrate`, so the long-running process never loads alembic.

    An in-memory SQLite database exists only in this process and is migrated here.
    """
    if engine.url.get_backend_name() == "sqlite" and engine.url.database in (None, "", ":memory:"):
        await migrate(engine)
        return
    if await at_head(engine):
        return
    env = dict(os.environ, DATABASE_URL=engine.url.render_as_string(hide_password=False),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "migrate", cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    _, err = await proc.communicate()
    if proc.returncode != 0:
        reason = err.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        raise ConfigError("DATABASE_URL", f"migrations failed: {reason[0][:300]}")
