"""Whoever holds the database cannot tell who chose what in a secret ballot.

Fifty owners vote (some change their vote) in a secret assembly vote and, press for press,
in an open-ballot one. Then an attacker who has the full database (SQLite: the file and its
whole WAL history, one snapshot per commit; PostgreSQL: the tables with their system
columns) and knows the order in which people voted tries to pair voters with choices: by
physical row order, by timestamps, by autoincrement and random ids, by transaction ids and
by replaying the WAL commit by commit. On the open ballot the same attacks pair everyone
(so they are real attacks); on the secret one none may do better than guessing.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import struct
from collections.abc import Sequence
from math import comb
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import db
from models.polls import PollKind
from services.clock import FrozenClock
from services.polls import ballots, cards, lifecycle
from tests.polls import factories as f

N = 50
KEY = ballots.server_key("123:secrecy")
Guess = dict[int, int]  # person id -> option position


def _beats_chance_at(n: int, p: float, alpha: float = 1e-6) -> int:
    """Hits above which a guesser beats Bin(n, p), the best blind guess, at level alpha."""
    total = 0.0
    for k in range(n + 1):
        total += comb(n, k) * p**k * (1 - p) ** (n - k)
        if total >= 1 - alpha:
            return k
    return n


def _hits(guess: Guess, truth: Guess) -> int:
    return sum(guess.get(person) == choice for person, choice in truth.items())


def _pair(voters: Sequence[int], choices: Sequence[int]) -> Guess:
    return dict(zip(voters, choices, strict=False))


async def _setup(engine: AsyncEngine, clock: FrozenClock) -> tuple[list[int], int, int]:
    async with db.session_factory(engine)() as s:
        c = await f.compound(s, clock)
        organizer = await f.person(s, clock, "Organizer")
        where = await f.building(s, c, "1")
        people = []
        for i in range(N):
            home = await f.household(s, clock, c, where, f"{101 + i}", f"{60 + i}.00")
            owner = await f.person(s, clock, f"Owner {i}")
            await f.live(s, clock, owner, home)
            people.append(owner.id)
        secret = await f.open_poll(s, clock, c, organizer, PollKind.ASSEMBLY, matter="other",
                                   secret=True, live_results=False)
        control = await f.open_poll(s, clock, c, organizer, PollKind.ASSEMBLY, matter="other")
        await s.commit()
        return people, secret.id, control.id


async def _vote(engine: AsyncEngine, clock: FrozenClock, people: list[int], polls: list[int],
                rng: random.Random) -> tuple[Guess, list[int]]:
    """Everyone votes once in random order, fifteen change their minds; the final choices
    (by option position) and the order of the presses."""
    order = people[:]
    rng.shuffle(order)
    order += rng.sample(people, 15)
    truth: Guess = {}
    async with db.session_factory(engine)() as s:
        ids = {p: [o.id for o in await cards.options_of(s, p)] for p in polls}
        for person in order:
            position = rng.choice([q for q in (1, 2, 3) if q != truth.get(person)])
            truth[person] = position
            for poll_id in polls:
                clock.advance(seconds=7)
                await ballots.press(s, clock, KEY, ballots.Press(
                    poll_id=poll_id, option_id=ids[poll_id][position - 1], person_id=person))
    return truth, order


async def _dump(engine: AsyncEngine, poll_id: int) -> dict[str, Any]:
    """What the attacker reads: ballots and choices with whatever the storage reveals."""
    sqlite = engine.url.get_backend_name() == "sqlite"
    physical = "rowid" if sqlite else "ctid"
    txid = "0" if sqlite else "xmin::text::bigint"
    async with engine.connect() as conn:
        ballots_ = (await conn.execute(text(
            f"SELECT person_id, id, cast_at, updated_at, {txid} FROM poll_ballot "
            "WHERE poll_id = :p"), {"p": poll_id})).all()
        choices = (await conn.execute(text(
            f"SELECT o.position, c.id, c.ballot_id, {'c.' + txid if not sqlite else '0'} "
            f"FROM poll_choice c JOIN poll_option o ON o.id = c.option_id "
            f"WHERE c.poll_id = :p ORDER BY c.{physical}"), {"p": poll_id})).all()
        counts = (await conn.execute(text(
            f"SELECT o.position, {'c.' + txid if not sqlite else '0'} FROM poll_count c "
            "JOIN poll_option o ON o.id = c.option_id WHERE c.poll_id = :p"),
            {"p": poll_id})).all()
    return {"ballots": ballots_, "choices": choices, "counts": counts, "pg": not sqlite}


def _attacks(dump: dict[str, Any], order: list[int]) -> dict[str, Guess]:
    first: list[int] = list(dict.fromkeys(order))
    last: list[int] = list(dict.fromkeys(reversed(order)))[::-1]
    b = dump["ballots"]
    voter_orders = {
        "first press": first, "last press": last,
        "ballot id": [r[0] for r in sorted(b, key=lambda r: r[1])],
        "cast_at": [r[0] for r in sorted(b, key=lambda r: (r[2], r[1]))],
        "updated_at": [r[0] for r in sorted(b, key=lambda r: (r[3], r[1]))],
    }
    rows = dump["choices"]
    choice_orders = {
        "row order": [r[0] for r in rows],
        "random id": [r[0] for r in sorted(rows, key=lambda r: r[1])],
        "txid": [r[0] for r in sorted(rows, key=lambda r: r[3])],  # stable: ties keep rows
    }
    found = {f"{vn} x {cn}": _pair(vs, cs) for vn, vs in voter_orders.items()
             for cn, cs in choice_orders.items()}
    if dump["pg"]:
        by_tx = {r[4]: r[0] for r in b}
        same_tx: Guess = {by_tx[r[3]]: r[0] for r in rows if r[3] in by_tx}
        same_tx |= {by_tx[tx]: pos for pos, tx in dump["counts"] if tx in by_tx}
        found["same transaction (xmin)"] = same_tx
    return found


State = tuple[dict[int, tuple], dict[int, int], set[tuple]]


def _state(conn: sqlite3.Connection, poll_id: int) -> State:
    def q(sql: str) -> list[tuple]:
        return conn.execute(sql, {"p": poll_id}).fetchall()

    b = {r[0]: r[1:] for r in q("SELECT person_id, updated_at, changes, sealed "
                                 "FROM poll_ballot WHERE poll_id = :p")}
    c = dict(q("SELECT o.position, c.ballots FROM poll_count c JOIN poll_option o "
               "ON o.id = c.option_id WHERE c.poll_id = :p"))
    h = set(q("SELECT c.id, o.position FROM poll_choice c JOIN poll_option o "
              "ON o.id = c.option_id WHERE c.poll_id = :p"))
    return b, c, h


def _wal_history(db_file: Path, work: Path, polls: list[int]) -> dict[int, list[State]]:
    """The database as it was after each commit recorded in the WAL, oldest first: the
    file plus the WAL up to that commit frame, opened read-only (so nothing is folded)."""
    wal = db_file.with_name(db_file.name + "-wal").read_bytes()
    page_size = struct.unpack(">I", wal[8:12])[0]
    frame, offset, ends = 24 + page_size, 32, []
    while offset + frame <= len(wal):
        if struct.unpack(">I", wal[offset + 4:offset + 8])[0]:  # a commit frame
            ends.append(offset + frame)
        offset += frame
    snap = work / "snap.db"
    shutil.copy(db_file, snap)
    history: dict[int, list[State]] = {p: [] for p in polls}
    for end in ends:
        snap.with_name("snap.db-wal").write_bytes(wal[:end])
        snap.with_name("snap.db-shm").unlink(missing_ok=True)
        conn = sqlite3.connect(f"file:{snap}?mode=ro", uri=True)
        try:
            for p in polls:
                history[p].append(_state(conn, p))
        finally:
            conn.close()
    return history


def _wal_attack(history: list[State]) -> Guess:
    """Replay the commits: a commit that changes one voter's ballot and also raises a
    count or adds a choice row tells that voter's choice."""
    guess: Guess = {}
    before: State = ({}, {}, set())
    for after in history:
        moved = [p for p, row in after[0].items() if before[0].get(p) != row]
        up = [pos for pos, n in after[1].items() if n > before[1].get(pos, 0)]
        up += [pos for _, pos in after[2] - before[2]]
        if len(moved) == 1 and up:
            guess[moved[0]] = up[0]
        before = after
    return guess


def _no_autocheckpoint(engine: AsyncEngine) -> None:
    """The attacker gets the whole WAL history: nothing is folded into the file meanwhile."""
    def pragma(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA wal_autocheckpoint=0")
        cur.close()

    event.listen(engine.sync_engine, "connect", pragma)


async def test_fifty_secret_ballots_cannot_be_paired_with_their_voters(
    db_url: str, tmp_path: Path
) -> None:
    engine = db.create_engine(db_url)
    sqlite = engine.url.get_backend_name() == "sqlite"
    if sqlite:
        _no_autocheckpoint(engine)
    clock = FrozenClock()
    try:
        people, secret, control = await _setup(engine, clock)
        truth, order = await _vote(engine, clock, people, [secret, control], random.Random(19))
        shares = [sum(1 for v in truth.values() if v == q) / N for q in (1, 2, 3)]
        ceiling = _beats_chance_at(N, max(shares))
        assert ceiling < 0.9 * N  # room between guessing and pairing

        def check(stage: str, attacks: dict[str, Guess], linkable: bool) -> None:
            for name, guess in attacks.items():
                hits = _hits(guess, truth)
                if linkable:
                    continue
                assert hits <= ceiling, f"{stage}: '{name}' paired {hits}/{N} (chance ≤ {ceiling})"

        # The control: on the open ballot, the attacks do pair every voter.
        open_attacks = _attacks(await _dump(engine, control), order)
        assert max(_hits(g, truth) for g in open_attacks.values()) == N
        check("open poll", _attacks(await _dump(engine, secret), order), linkable=False)

        async with db.session_factory(engine)() as s:
            assert await lifecycle.close(s, clock, secret, key=KEY) is not None
            counts = await cards.counts_of(s, secret)
            positions = {o.id: o.position for o in await cards.options_of(s, secret)}
        # The published counts are exactly the choices made.
        assert {positions[o]: n for o, (n, _) in counts.items()} == {
            q: sum(1 for v in truth.values() if v == q) for q in (1, 2, 3)}
        check("after the close", _attacks(await _dump(engine, secret), order), linkable=False)

        if sqlite:
            db_file = Path(engine.url.database or "")
            history = _wal_history(db_file, tmp_path, [secret, control])
            assert len(history[secret]) > 2 * len(order)  # every press is in the history
            assert _hits(_wal_attack(history[control]), truth) == N
            check("WAL history", {"replay": _wal_attack(history[secret])}, linkable=False)
    finally:
        await engine.dispose()


def test_the_chance_ceiling_is_a_real_bound() -> None:
    third, half = _beats_chance_at(N, 1 / 3), _beats_chance_at(N, 0.5)
    assert 17 < third < half < N and half < 0.9 * N
