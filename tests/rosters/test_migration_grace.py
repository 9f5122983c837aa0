"""Migration 0023 adds a roster's grace period and gives existing rosters the 30 minutes
they always had; going back drops the column and keeps the rosters and their shifts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import db
from models.rosters import Roster, Shift
from services.clock import FrozenClock
from tests.rosters import factories as f

BEFORE = "0020f_official_calendar"


async def _alembic(engine: AsyncEngine, verb: str, target: str) -> None:
    url = engine.url.render_as_string(hide_password=False)

    def run(connection: Any) -> None:
        from alembic import command

        cfg = db.alembic_config(url)
        cfg.attributes["connection"] = connection
        getattr(command, verb)(cfg, target)

    async with engine.begin() as conn:
        await conn.run_sync(run)


async def _columns(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as conn:
        if engine.url.get_backend_name() == "sqlite":
            rows = await conn.execute(text("PRAGMA table_info(roster)"))
            return {r[1] for r in rows}
        rows = await conn.execute(text(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'roster'"))
        return {r[0] for r in rows}


async def test_grace_down_and_up_keeps_rosters_and_shifts(engine: AsyncEngine,
                                                          clock: FrozenClock) -> None:
    clock.set(f.local("Asia/Shanghai", 2025, 9, 26, 10, 0))
    async with db.session_factory(engine)() as s:
        compound = await f.compound(s, clock)
        organizer = await f.person(s, clock, "Li")
        await f.roster(s, clock, compound.id, organizer)
        shifts = (await s.execute(select(func.count()).select_from(Shift))).scalar_one()
    assert shifts > 0
    try:
        await _alembic(engine, "downgrade", BEFORE)
        assert "grace_minutes" not in await _columns(engine)
        async with engine.connect() as conn:
            kept = (await conn.execute(text("SELECT count(*) FROM shift"))).scalar_one()
            assert kept == shifts
            assert (await conn.execute(text("SELECT count(*) FROM roster"))).scalar_one() == 1
    finally:
        await _alembic(engine, "upgrade", "heads")
    async with db.session_factory(engine)() as s:
        roster = (await s.execute(select(Roster))).scalar_one()
        assert roster.grace_minutes == 30
