"""Data scale: 100,000 households and 1,000,000 tickets; latency of what handlers call.

/queue (services/tickets/views.queue), /mytickets (views.mine), /stats (stats.compound_stats)
and the owners' assembly tally (services/polls/results.compute) are timed one call at a
time, each in its own session as a handler has it. SQLite always; PostgreSQL when
BENCH_PG_URL is set or 127.0.0.1:5432/test answers (then a separate `bench` database).

    .venv/bin/python -m bench.datascale [--quick] [--regenerate] [--skip-pg]
"""

from __future__ import annotations

import sys
from pathlib import Path

if not __package__:  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bench import dataload
from bench.common import Target, latency_summary, parser, profiled, quiet_logs, report
from bench.datagen import OFFICIALS, STEWARDS_PER_TEAM, TEAMS, Scale
from bot import db, heap
from models.person import Person
from models.polls import Poll
from models.registry import Compound
from services.policy import Actor
from services.polls import results
from services.tickets import stats, views

FULL = Scale(compounds=10, households_per_compound=10_000, tickets=1_000_000)
QUICK = Scale(compounds=2, households_per_compound=2_000, tickets=50_000)
Timed = Callable[[AsyncSession, Any], Awaitable[object]]


async def time_calls(engine: AsyncEngine, subjects: list[Any], load: Timed, call: Timed,
                     warmup: int = 5) -> list[float]:
    """Milliseconds per call; what a handler has before the call (its person, its compound)
    is loaded in the same session but outside the clock."""
    sessions = db.session_factory(engine)
    samples: list[float] = []
    for i, subject in enumerate(subjects):
        async with sessions() as s:
            loaded = await load(s, subject)
            start = time.perf_counter()
            await call(s, loaded)
            elapsed = (time.perf_counter() - start) * 1000
        if i >= warmup:
            samples.append(elapsed)
    return samples


def stewards(scale: Scale) -> list[int]:
    return [scale.staff_id(c, slot) for c in range(1, scale.compounds + 1)
            for slot in range(len(TEAMS) * STEWARDS_PER_TEAM)]


def supervisors(scale: Scale) -> list[int]:
    """Admins and party branches: their /queue adds the unowned tickets that climbed."""
    first = len(TEAMS) * STEWARDS_PER_TEAM
    return [scale.staff_id(c, first + OFFICIALS.index(role))
            for c in range(1, scale.compounds + 1) for role in ("admin", "party_branch")]


async def measure(engine: AsyncEngine, scale: Scale, meta: dict[str, Any],
                  calls: int) -> dict[str, dict[str, float]]:
    now = datetime.fromisoformat(meta["now"])
    rng = random.Random(7)

    async def person(s: AsyncSession, pid: int) -> Actor:
        found = await s.get(Person, pid)
        assert found is not None, f"person {pid} missing: regenerate the data"
        return Actor(found)

    async def queue(s: AsyncSession, actor: Actor) -> object:
        return await views.queue(s, actor, now)

    async def queue_screen(s: AsyncSession, actor: Actor) -> object:
        q = await views.queue(s, actor, now)
        await stats.steward_satisfaction(s, actor.person.id)
        return (await views.lines(s, q.mine, now), await views.lines(s, q.free, now))

    async def my_tickets(s: AsyncSession, actor: Actor) -> object:
        return await views.lines(s, await views.mine(s, actor.person.id, now), now)

    async def compound(s: AsyncSession, cid: int) -> Compound | None:
        return await s.get(Compound, cid)

    async def compound_stats(s: AsyncSession, c: Compound) -> object:
        return await stats.compound_stats(s, c, now)

    async def poll(s: AsyncSession, pid: int) -> Poll | None:
        return await s.get(Poll, pid)

    async def tally(s: AsyncSession, p: Poll) -> object:
        return await results.compute(s, p)

    staff = [rng.choice(stewards(scale)) for _ in range(calls + 5)]
    bosses = [rng.choice(supervisors(scale)) for _ in range(calls // 3 + 5)]
    residents = [rng.randint(1, scale.households) for _ in range(calls + 5)]
    few = max(10, calls // 10) + 5
    compounds = [1 + i % scale.compounds for i in range(few)]
    out = {
        "queue": await time_calls(engine, staff, person, queue),
        "queue_screen": await time_calls(engine, staff, person, queue_screen),
        "queue_supervisor": await time_calls(engine, bosses, person, queue),
        "mytickets": await time_calls(engine, residents, person, my_tickets),
        "stats_month": await time_calls(engine, compounds, compound, compound_stats),
        "assembly_tally": await time_calls(engine, [meta["poll_id"]] * few, poll, tally),
    }
    return {name: latency_summary(samples) for name, samples in out.items()}


async def backend(url: str, scale: Scale, meta: dict[str, Any], calls: int) -> dict[str, Any]:
    engine = db.create_engine(url)
    try:
        # As the app does at every start: cached data gets the schema changes made since.
        await db.migrate(engine)
        heap.freeze_startup_objects()  # as App.prepare does before the first update
        return await measure(engine, scale, meta, calls)
    finally:
        await engine.dispose()


async def run(scale: Scale, calls: int, regenerate: bool, skip_pg: bool) -> dict[str, Any]:
    url, meta = await dataload.sqlite_database(scale, regenerate)
    out: dict[str, Any] = {"sqlite": await backend(url, scale, meta, calls),
                           "sqlite_data": {"load_seconds": meta["load_seconds"],
                                           "rows": meta["rows"]}}
    if skip_pg:
        out["postgresql_skipped"] = "--skip-pg"
        return out
    # One database per scale, so a --quick run does not wipe the full data set.
    pg_url, why = await dataload.postgres_url("bench" if scale == FULL else "bench_quick")
    if pg_url is None:
        out["postgresql_skipped"] = why
        return out
    pg_meta = await dataload.postgres_database(pg_url, scale, regenerate)
    out["postgresql"] = await backend(pg_url, scale, pg_meta, calls)
    out["postgresql_data"] = {"source": why, "load_seconds": pg_meta["load_seconds"]}
    return out


def targets(figures: dict[str, Any]) -> list[Target]:
    out = []
    for name in ("sqlite", "postgresql"):
        if name in figures:
            f = figures[name]
            out += [Target(f"steward queue p95 ({name})", f["queue"]["p95_ms"], "<=", 5, "ms"),
                    Target(f"assembly tally p95 ({name})", f["assembly_tally"]["p95_ms"], "<=",
                           100, "ms")]
    return out


def main() -> int:
    p = parser(__doc__ or "")
    p.add_argument("--regenerate", action="store_true", help="rebuild the cached data")
    p.add_argument("--skip-pg", action="store_true", help="SQLite only")
    p.add_argument("--calls", type=int, help="timed calls per query (default 300; 60 --quick)")
    args = p.parse_args()
    quiet_logs()
    scale = QUICK if args.quick else FULL
    calls = args.calls or (60 if args.quick else 300)
    with profiled("datascale", args.profile):
        figures = asyncio.run(run(scale, calls, args.regenerate, args.skip_pg))
    params = {"households": scale.households, "compounds": scale.compounds,
              "households_per_compound": scale.households_per_compound,
              "tickets": scale.tickets, "calls_per_query": calls,
              "assembly_households": scale.households_per_compound,
              "data": "bench/.data (cached; --regenerate rebuilds)",
              "sqlite_analyze": "not run (the app never runs ANALYZE)",
              "postgresql_analyze": "run after loading (autovacuum would)"}
    notes = [
        "queue = services.tickets.views.queue for stewards; queue_screen adds what /queue "
        "renders (steward rating, lines of 20 + 20); queue_supervisor = views.queue for "
        "admins and party branches",
        "mytickets = views.mine + views.lines; stats_month = stats.compound_stats; "
        "assembly_tally = services.polls.results.compute on an owners' assembly vote",
    ]
    report("datascale", params, figures, targets(figures), notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
