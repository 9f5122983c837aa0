"""Migration 0019 keeps the ballots cast before it, and unlinks their secret choices."""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from sqlalchemy import column, insert, table, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import db
from models.polls import PollBallot, PollChoice, PollCount, PollCoverage, PollKind
from services.clock import FrozenClock
from services.polls import ballots, cards, lifecycle
from tests.polls import factories as f

KEY = ballots.server_key("123:migration")
BEFORE, AFTER = "0015_open_accounts", "heads"


async def _alembic(engine: AsyncEngine, verb: str, target: str) -> None:
    url = engine.url.render_as_string(hide_password=False)

    def run(connection: Any) -> None:
        from alembic import command

        cfg = db.alembic_config(url)
        cfg.attributes["connection"] = connection
        getattr(command, verb)(cfg, target)

    async with engine.begin() as conn:
        await conn.run_sync(run)


async def _legacy_ballot(engine: AsyncEngine, poll: Any, home: Any, person_id: int,
                         option_id: int, clock: FrozenClock, nth: int) -> None:
    """A ballot as the code before 0019 wrote it: a choice row under a token when secret."""
    key = f"o:{home.id}"
    choice_t, count_t = (m.__table__ for m in (PollChoice, PollCount))
    # The ballot table as it was before 0019: without the columns later migrations add (a
    # plain table() has no defaults, so the insert names only the columns given).
    ballot_t = table("poll_ballot", *(column(c.name, c.type) for c in PollBallot.__table__.c
                                      if c.name not in ("sealed", "superseded")))
    async with engine.begin() as conn:
        ballot_id = (await conn.execute(insert(ballot_t).values(
            poll_id=poll.id, voter_key=key, person_id=person_id, household_id=home.id,
            building_id=home.building_id, area=home.area_m2, source="bot",
            cast_at=clock.now(), updated_at=clock.now(), changes=0,
        ).returning(ballot_t.c.id))).scalar_one()
        await conn.execute(insert(PollCoverage.__table__).values(
            poll_id=poll.id, household_id=home.id, ballot_id=ballot_id))
        token = ballots.ballot_token(KEY, poll, key) if poll.secret else None
        # later votes get smaller ids: storage order and id order differ before 0019
        await conn.execute(insert(choice_t).values(
            id=f"{15 - nth:x}{secrets.token_hex(16)[1:]}", poll_id=poll.id, option_id=option_id,
            ballot_id=None if poll.secret else ballot_id, token=token))
        await conn.execute(update(count_t).where(
            count_t.c.poll_id == poll.id, count_t.c.option_id == option_id
        ).values(ballots=count_t.c.ballots + 1, area=count_t.c.area + home.area_m2))


async def _choices(engine: AsyncEngine, poll_id: int) -> list[tuple]:
    order = "rowid" if engine.url.get_backend_name() == "sqlite" else "ctid"
    async with engine.connect() as conn:
        return [tuple(r) for r in await conn.execute(text(
            f"SELECT id, option_id, ballot_id, token FROM poll_choice WHERE poll_id = :p "
            f"ORDER BY {order}"), {"p": poll_id})]


async def test_ballots_cast_before_the_upgrade_are_kept_and_counted(
    engine: AsyncEngine, clock: FrozenClock
) -> None:
    # The people and homes first, as the current code writes them (later migrations add
    # columns the ORM names); then back to the schema before 0019 for the legacy ballots.
    async with db.session_factory(engine)() as s:
        c = await f.compound(s, clock)
        where = await f.building(s, c, "5")
        homes = [await f.household(s, clock, c, where, f"{101 + i}", f"{80 + 10 * i}.00")
                 for i in range(4)]
        owners = [await f.person(s, clock, f"Owner {i}") for i in range(4)]
        for owner, home in zip(owners, homes, strict=True):
            await f.live(s, clock, owner, home)
        await s.commit()
        s.expunge_all()
    await _alembic(engine, "downgrade", BEFORE)
    async with db.session_factory(engine)() as s:
        polls = {name: await f.open_poll(s, clock, c, owners[0], PollKind.ASSEMBLY,
                                         matter="other", secret=secret)
                 for name, secret in (("open", True), ("closed", True), ("plain", False))}
        options = {n: [o.id for o in await cards.options_of(s, p.id)] for n, p in polls.items()}
        s.expunge_all()
    for name, poll in polls.items():  # yes, no, yes, in the order of voting
        for i, choice in enumerate((0, 1, 0)):
            clock.advance(minutes=1)
            await _legacy_ballot(engine, poll, homes[i], owners[i].id, options[name][choice],
                                 clock, i)
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE poll SET status = 'closed' WHERE id = :p"),
                           {"p": polls["closed"].id})
    plain_before = await _choices(engine, polls["plain"].id)
    stored = await _choices(engine, polls["closed"].id)
    assert [i for i, *_ in stored] != sorted(i for i, *_ in stored)  # the order of voting

    await _alembic(engine, "upgrade", AFTER)

    yes, no, _ = options["closed"]
    closed = await _choices(engine, polls["closed"].id)
    assert sorted(o for _, o, _, _ in closed) == [yes, yes, no]
    assert all(b is None and t is None for _, _, b, t in closed)  # anonymous now
    assert [i for i, *_ in closed] == sorted(i for i, *_ in closed)  # stored by random id
    assert await _choices(engine, polls["plain"].id) == plain_before
    async with db.session_factory(engine)() as s:
        assert await cards.counts_of(s, polls["closed"].id) == {
            yes: (2, Decimal("180.00")), no: (1, Decimal("90.00")), _: (0, Decimal("0.00"))}
        # The open secret poll: its counters wait for the close; its ballots still count.
        yes, no, abstain = options["open"]
        assert {n for n, _ in (await cards.counts_of(s, polls["open"].id)).values()} == {0}
        clock.advance(minutes=1)
        changed = await ballots.press(s, clock, KEY, ballots.Press(
            poll_id=polls["open"].id, option_id=no, person_id=owners[0].id))
        assert changed.outcome == "changed"  # the old choice was found under its token
        await ballots.press(s, clock, KEY, ballots.Press(
            poll_id=polls["open"].id, option_id=abstain, person_id=owners[3].id))
        assert await lifecycle.close(s, clock, polls["open"].id, key=KEY) is not None
        assert await cards.counts_of(s, polls["open"].id) == {
            yes: (1, Decimal("100.00")), no: (2, Decimal("170.00")),
            abstain: (1, Decimal("110.00"))}
    assert all(b is None and t is None for *_, b, t in await _choices(engine, polls["open"].id))
