"""Rows read on nearly every update, kept in process: people, chats, group bindings and a
compound's ticket configuration.

Every update used to cost a SELECT for its person, its chat and the chat's binding before
any feature looked at it; in a building group that is most of the work the bot does all
day. The cache holds plain column values, not ORM objects, and gives each session its own
instance built from them without a query.

It cannot lie about what decides permissions. Every committed change to a cached table,
by any session of this process, drops the affected entries at the commit (SQLAlchemy
session events, so no writer can forget to). Other processes learn of it through a
`Generation` (bot/facts_bus.py: a Redis counter bumped after such commits): a session
that finds the generation moved starts from an empty cache. Tables in RULES decide who may
do what and are checked against the generation on every update that reaches the
handlers; people and chats are facts whose staleness is harmless for a moment and are
dropped per key when another instance says so.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from sqlalchemy import event, inspect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import ORMExecuteState, Session, make_transient_to_detached

from models.base import Base

T = TypeVar("T", bound=Base)
Key = Hashable
Change = tuple[str, Key | None]  # (table, primary key); None: any row of the table

# Tables whose rows say what a chat is for, how a compound routes its tickets, or who lives
# where (a verified home is what makes someone an owner).
RULES = frozenset({"chat_binding", "ticket_category_config", "team", "team_member",
                   "ticket_team_hours", "compound", "role_grant",
                   "residency", "household", "building", "entrance"})
FACTS = frozenset({"person", "chat"})
WATCHED = RULES | FACTS
ABSENT = object()  # cached knowledge that a row does not exist
# A fact another instance changed is dropped when its message arrives; this bounds how long
# a lost message could leave it stale.
FACT_SECONDS = 300.0
MAX_ENTRIES = 200_000


class Generation(Protocol):
    """A counter shared by every process on the database: moves when rules change."""

    async def current(self) -> int | None: ...

    async def bump(self, changes: list[Change]) -> None: ...


@dataclass
class _Entry:
    values: dict[str, Any] | object
    at: float


@dataclass
class Facts:
    """One per process and database (see `for_url`); sessions find it in `session.info`."""

    generation: Generation | None = None
    seen_generation: int | None = None
    _rows: dict[tuple[str, Key], _Entry] = field(default_factory=dict)
    _clock: Callable[[], float] = time.monotonic
    hits: int = 0
    misses: int = 0

    # ---- reading ------------------------------------------------------------------------
    def lookup(self, table: str, key: Key) -> dict[str, Any] | object | None:
        """Cached column values, ABSENT when the row is known not to exist, None if unknown."""
        entry = self._rows.get((table, key))
        if entry is None:
            self.misses += 1
            return None
        if table.split(":")[0] in FACTS and self._clock() - entry.at > FACT_SECONDS:
            del self._rows[(table, key)]
            self.misses += 1
            return None
        self.hits += 1
        return entry.values

    def remember(self, table: str, key: Key, values: dict[str, Any] | object) -> None:
        if len(self._rows) >= MAX_ENTRIES:
            self._rows.clear()  # a crude bound; a full cache refills in one pass of traffic
        self._rows[(table, key)] = _Entry(values, self._clock())

    # ---- forgetting ---------------------------------------------------------------------
    def forget(self, changes: Iterable[Change]) -> None:
        for table, key in changes:
            if key is None:
                for k in [k for k in self._rows if k[0] == table]:
                    del self._rows[k]
            else:
                self._rows.pop((table, key), None)
            self._forget_derived(table)

    def _forget_derived(self, table: str) -> None:
        """Derived entries (a compound's configuration, a team's staff chats) are keyed by
        the compound; any change to their tables drops all of them, which is rare."""
        if table in RULES:
            for k in [k for k in self._rows if k[0].startswith("derived:")]:
                del self._rows[k]

    def forget_rules(self) -> None:
        for k in [k for k in self._rows if k[0] in RULES or k[0].startswith("derived:")]:
            del self._rows[k]

    def clear(self) -> None:
        self._rows.clear()

    async def check_generation(self) -> None:
        """Start from empty rules if another process changed them since we last looked."""
        if self.generation is None:
            return
        try:
            current = await self.generation.current()
        except Exception:
            # Unknown whether anything changed: trust nothing until the counter answers.
            self.forget_rules()
            self.seen_generation = None
            return
        if current != self.seen_generation:
            self.forget_rules()
            self.seen_generation = current

    @property
    def size(self) -> int:
        return len(self._rows)


_BY_URL: dict[str, Facts] = {}


def for_url(url: str) -> Facts:
    """Apps of one process on one database share their cache, so a change made through one
    is seen by the other at once (two apps on one SQLite file in tests, for instance)."""
    return _BY_URL.setdefault(url, Facts())


def of(session: AsyncSession | Session) -> Facts | None:
    return session.info.get("facts")


# ---- rows as ORM objects without a query ----------------------------------------------
def snapshot(obj: Base) -> dict[str, Any]:
    mapper = inspect(type(obj))
    return {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs}


def _stale(session: AsyncSession, cls: type[T], values: dict[str, Any]) -> bool:
    """The session holds this row expired (after a rollback, say): reading it would query,
    and an object cannot be refreshed from the cache without looking modified."""
    mapper = inspect(cls)
    identity = mapper.identity_key_from_primary_key(
        [values[col.key] for col in mapper.primary_key])
    present = session.sync_session.identity_map.get(identity)
    return present is not None and bool(inspect(present).expired_attributes)


def attach(session: AsyncSession, cls: type[T], values: dict[str, Any]) -> T:
    """The row as a persistent object of this session, as a query would have returned it."""
    mapper = inspect(cls)
    identity = mapper.identity_key_from_primary_key(
        [values[col.key] for col in mapper.primary_key])
    present = session.sync_session.identity_map.get(identity)
    if present is not None:
        return present  # type: ignore[no-any-return]
    obj = mapper.class_manager.new_instance()
    for key, value in values.items():
        setattr(obj, key, value)
    make_transient_to_detached(obj)
    session.add(obj)
    return obj


async def get(session: AsyncSession, cls: type[T], key: Key,
              load: Callable[[], Awaitable[T | None]] | None = None,
              table: str | None = None) -> T | None:
    """`session.get` through the cache; or `load` under the name `table`, for a lookup by
    another unique column (a person by Telegram id)."""
    facts = of(session)
    table = table or cls.__tablename__
    if facts is None:
        return await load() if load else await session.get(cls, key)
    cached = facts.lookup(table, key)
    if cached is ABSENT:
        return None
    if isinstance(cached, dict) and not _stale(session, cls, cached):
        return attach(session, cls, cached)
    obj = await load() if load else await session.get(cls, key)
    if obj is None:
        facts.remember(table, key, ABSENT)
    elif not (obj in session.new or session.is_modified(obj)):
        facts.remember(table, key, snapshot(obj))  # only what is committed
    return obj


def known(session: AsyncSession, cls: type[T], key: Key) -> T | None:
    """The row if the cache holds it, as `get` would return it; never a query."""
    facts = of(session)
    cached = None if facts is None else facts.lookup(cls.__tablename__, key)
    if not isinstance(cached, dict) or _stale(session, cls, cached):
        return None
    return attach(session, cls, cached)


def learn(session: AsyncSession, obj: Base) -> None:
    """Keep a row that a query of several tables loaded, as `get` would have kept it."""
    facts = of(session)
    if facts is not None and not (obj in session.new or session.is_modified(obj)):
        key = _key_of(obj)
        if key is not None:
            facts.remember(obj.__tablename__, key, snapshot(obj))


def derived(session: AsyncSession, name: str, key: Key) -> Any | None:
    facts = of(session)
    if facts is None:
        return None
    cached = facts.lookup(f"derived:{name}", key)
    return None if cached is ABSENT else cached


def remember_derived(session: AsyncSession, name: str, key: Key, value: Any) -> None:
    """Plain values computed from RULES tables (never ORM objects); dropped with them."""
    facts = of(session)
    if facts is not None:
        facts.remember(f"derived:{name}", key, value)


# ---- invalidation, for every session that carries a cache -----------------------------
def _pending(session: Session) -> set[Change]:
    return session.info.setdefault("facts_changes", set())  # type: ignore[no-any-return]


def _key_of(obj: Any) -> Key | None:
    identity = inspect(obj).identity
    if not identity:
        return None
    return identity[0] if len(identity) == 1 else identity


def _alt_keys(obj: Any) -> Iterable[Change]:
    """People are looked up by Telegram id, not by row id."""
    if getattr(obj, "__tablename__", None) == "person":
        tg_id = getattr(obj, "tg_id", None)
        history = inspect(obj).attrs.tg_id.history
        for value in {tg_id, *history.deleted}:
            if value is not None:
                yield ("person:tg", value)


def _written(session: Session) -> dict[int, Any]:
    return session.info.setdefault("facts_written", {})  # type: ignore[no-any-return]


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _context: Any) -> None:
    if "facts" not in session.info:
        return
    changes = _pending(session)
    written = _written(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table in WATCHED:
            changes.add((table, _key_of(obj)))
            changes.update(_alt_keys(obj))
            written[id(obj)] = obj


@event.listens_for(Session, "do_orm_execute")
def _note_bulk(state: ORMExecuteState) -> None:
    # An INSERT statement (not a flushed object) may be an upsert that changes rows.
    if "facts" not in state.session.info or not (
            state.is_update or state.is_delete or state.is_insert):
        return
    for mapper in state.all_mappers:
        table = mapper.local_table.name  # type: ignore[union-attr]
        if table in WATCHED:
            _pending(state.session).add((table, None))
            if table == "person":
                _pending(state.session).add(("person:tg", None))


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    facts: Facts | None = session.info.get("facts")
    changes = session.info.pop("facts_changes", None)
    written = session.info.pop("facts_written", {})
    if facts is None or not changes:
        return
    facts.forget(changes)
    _remember_committed(facts, written.values())
    notify = session.info.get("facts_notify")
    if notify is not None:
        notify(sorted(changes, key=repr))


def _remember_committed(facts: Facts, objects: Iterable[Any]) -> None:
    """What this process just committed is known exactly; the next update need not read it
    back. Rows of RULES tables are left to be read again (they are rare and derived entries
    depend on them); so is anything with a value the database made up (unloaded)."""
    for obj in objects:
        state = inspect(obj)
        table = obj.__tablename__
        if table not in FACTS or state.deleted or state.was_deleted or state.unloaded:
            continue
        values = snapshot(obj)
        key = _key_of(obj)
        if key is not None:
            facts.remember(table, key, values)
        if table == "person" and values.get("tg_id") is not None:
            facts.remember("person:tg", values["tg_id"], values)


@event.listens_for(Session, "after_rollback")
def _discard(session: Session) -> None:
    # Forgetting is always safe: an entry read inside the rolled-back work goes too.
    facts: Facts | None = session.info.get("facts")
    session.info.pop("facts_written", None)
    changes = session.info.pop("facts_changes", None)
    if facts is not None and changes:
        facts.forget(changes)
