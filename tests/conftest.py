from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot import db
from services.clock import FrozenClock
from tests import db as testdb

pytest_plugins = ["tests.harness"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.figures import SEEN

    if SEEN:
        terminalreporter.section("what the fault and process tests saw")
        for line in SEEN:
            terminalreporter.write_line(line)


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [
        "database: " + ("PostgreSQL (TEST_DATABASE_URL)" if testdb.PG_URL else "SQLite"),
        "fsm storage: " + ("Redis (TEST_REDIS_URL)" if testdb.REDIS_URL else "memory"),
    ]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    asyncio.run(testdb.make_sqlite_template(path))
    return path


@pytest.fixture(scope="session", autouse=True)
def _servers_held() -> Iterator[None]:
    handles = testdb.hold_servers()
    yield
    for handle in handles:
        handle.close()


@pytest.fixture(scope="session")
def _pg_ready(_servers_held: None) -> bool:
    if testdb.PG_URL:
        asyncio.run(testdb.reset_postgres(testdb.PG_URL))
        return True
    return False


@pytest.fixture
async def db_url(sqlite_template: Path, tmp_path: Path, _pg_ready: bool) -> AsyncIterator[str]:
    if testdb.PG_URL:
        engine = db.create_engine(testdb.PG_URL)
        await testdb.truncate_postgres(engine)
        await engine.dispose()
        yield testdb.PG_URL
    else:
        yield testdb.copy_sqlite(sqlite_template, tmp_path / "steward.db")


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    eng = db.create_engine(db_url)
    yield eng
    await eng.dispose()


@pytest.fixture
async def session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with db.session_factory(engine)() as s:
        yield s


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()
