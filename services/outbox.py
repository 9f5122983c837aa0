"""Queue notices for delivery. Callers pass Fluent keys and arguments, never finished text.

Arguments may nest: a value `{"key": k, "args": {...}}` is rendered in the recipient's
language, and `{"lines": [...]}` joins rendered fragments with newlines. Button callback
data is given as parts joined with ":" — the packing aiogram's CallbackData uses — so
services stay free of aiogram and handlers unpack it with their typed factories.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.outbox import Outbox, OutboxStatus
from services.clock import Clock
from services.upsert import insert_for

CALLBACK_DATA_LIMIT = 64


def fragment(key: str, **args: Any) -> dict[str, Any]:
    """A localized piece of a larger notice."""
    return {"key": key, "args": args}


def lines(*parts: Any) -> dict[str, Any]:
    return {"lines": list(parts)}


@dataclass(frozen=True)
class Button:
    text_key: str
    data: tuple[str | int, ...] = ()
    url: str | None = None
    args: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"t": self.text_key}
        if self.args:
            out["a"] = self.args
        if self.url:
            out["url"] = self.url
        else:
            packed = ":".join(str(p) for p in self.data)
            if len(packed.encode()) > CALLBACK_DATA_LIMIT:
                raise ValueError(f"callback data over {CALLBACK_DATA_LIMIT} bytes: {packed}")
            out["cb"] = packed
        return out


def keyboard(rows: list[list[Button]]) -> dict[str, Any]:
    return {"rows": [[b.to_json() for b in row] for row in rows]}


@dataclass(frozen=True)
class Notice:
    key: str
    chat_id: int
    text_key: str
    args: dict[str, Any] = field(default_factory=dict)
    buttons: list[list[Button]] | None = None
    thread_id: int | None = None
    reply_to_message_id: int | None = None
    reply_to_key: str | None = None  # the key of a notice this one answers once it landed
    locale: str | None = None
    not_before: datetime | None = None
    method: str = "send_message"
    target_message_id: int | None = None
    file_name: str | None = None
    file_data: bytes | None = None
    ref: str | None = None
    # Sent instead if this chat refuses the bot (never started it, or blocked it).
    fallback: Notice | None = None

    def fallback_json(self) -> dict[str, Any]:
        """What a fallback keeps: a plain text message with buttons (no file, no edit)."""
        return {
            "key": self.key, "chat_id": self.chat_id, "text_key": self.text_key,
            "args": self.args, "markup": keyboard(self.buttons) if self.buttons else None,
            "thread_id": self.thread_id, "reply_to_message_id": self.reply_to_message_id,
            "locale": self.locale, "ref": self.ref,
        }


async def enqueue(
    session: AsyncSession, clock: Clock, notice: Notice, *, replace_pending: bool = False
) -> bool:
    """Insert the notice unless one with the same key exists. Does not commit.

    With `replace_pending`, a queued-but-unsent notice with the same key takes the new
    content instead: that is how card edits are batched (one key per card and time slot,
    `not_before` at the end of the slot, the latest content wins).
    Returns True when a row was inserted or replaced.
    """
    now = clock.now()
    values: dict[str, Any] = {
        "idem_key": notice.key,
        "method": notice.method,
        "chat_id": notice.chat_id,
        "thread_id": notice.thread_id,
        "reply_to_message_id": notice.reply_to_message_id,
        "reply_to_key": notice.reply_to_key,
        "target_message_id": notice.target_message_id,
        "text_key": notice.text_key,
        "args": notice.args,
        "markup": keyboard(notice.buttons) if notice.buttons else None,
        "file_name": notice.file_name,
        "file_data": notice.file_data,
        "locale": notice.locale,
        "ref": notice.ref,
        "fallback": notice.fallback.fallback_json() if notice.fallback else None,
        "status": OutboxStatus.PENDING.value,
        "attempts": 0,
        "next_attempt_at": notice.not_before or now,
        "created_at": now,
    }
    return await _insert(session, values, replace_pending)


async def enqueue_fallback(session: AsyncSession, clock: Clock, data: dict[str, Any]) -> bool:
    """Queue a refused notice's fallback (once: its key is its own). Does not commit."""
    now = clock.now()
    values: dict[str, Any] = {
        "idem_key": data["key"], "method": "send_message", "chat_id": data["chat_id"],
        "thread_id": data.get("thread_id"),
        "reply_to_message_id": data.get("reply_to_message_id"),
        "text_key": data["text_key"], "args": data.get("args") or {},
        "markup": data.get("markup"), "locale": data.get("locale"), "ref": data.get("ref"),
        "status": OutboxStatus.PENDING.value, "attempts": 0, "next_attempt_at": now,
        "created_at": now,
    }
    return await _insert(session, values, False)


async def _insert(session: AsyncSession, values: dict[str, Any], replace_pending: bool) -> bool:
    insert = insert_for(session)
    stmt = insert(Outbox).values(**values)
    if replace_pending:
        fresh = {k: stmt.excluded[k] for k in ("text_key", "args", "markup", "target_message_id")}
        stmt = stmt.on_conflict_do_update(
            index_elements=["idem_key"], set_=fresh,
            where=Outbox.status == OutboxStatus.PENDING.value,
        )
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=["idem_key"])
    result = await session.execute(stmt.returning(Outbox.id))
    return result.scalar_one_or_none() is not None


async def backlog(session: AsyncSession) -> int:
    stmt = select(func.count()).select_from(Outbox).where(
        Outbox.status == OutboxStatus.PENDING.value
    )
    return int((await session.execute(stmt)).scalar_one())


async def sent_message_id(session: AsyncSession, key: str) -> int | None:
    """Where a delivered notice landed, so later edits and replies can find it."""
    stmt = select(Outbox.sent_message_id).where(Outbox.idem_key == key)
    return (await session.execute(stmt)).scalar_one_or_none()


async def ref_for_message(session: AsyncSession, chat_id: int, message_id: int) -> str | None:
    """What a delivered notice was about, given where it landed (for replies to cards)."""
    stmt = (
        select(Outbox.ref)
        .where(Outbox.chat_id == chat_id, Outbox.sent_message_id == message_id)
        .order_by(Outbox.id.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()
