"""Notices waiting to be delivered; written in the same transaction as their cause."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    DEAD = "dead"  # gave up after the retry bound; last_error says why
    UNREACHABLE = "unreachable"  # the chat blocked or removed the bot


class Outbox(Base):
    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        # Replies to a delivered card find what it was about: (chat, message) -> ref.
        Index("ix_outbox_delivered", "chat_id", "sent_message_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    # Unique: the same notice is never queued twice, whatever retries the cause goes through.
    idem_key: Mapped[str] = mapped_column(String(200), unique=True)
    method: Mapped[str] = mapped_column(String(24), default="send_message")
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    thread_id: Mapped[int | None] = mapped_column(Integer)
    reply_to_message_id: Mapped[int | None] = mapped_column(Integer)
    # Reply to where another notice landed, resolved at sending: a ticket's photos go in
    # the same transaction as its card, before anyone knows the card's message id.
    reply_to_key: Mapped[str | None] = mapped_column(String(200))
    target_message_id: Mapped[int | None] = mapped_column(Integer)  # for edits
    text_key: Mapped[str] = mapped_column(String(100))
    args: Mapped[dict[str, Any]] = mapped_column(default=dict)
    markup: Mapped[dict[str, Any] | None]
    # Queued instead when this chat refuses the bot (403: never started, blocked), e.g. a
    # line in the group thread for a resident the bot cannot write to privately.
    fallback: Mapped[dict[str, Any] | None]
    # What the notice is about, e.g. "ticket:12"; lets a reply to it find its subject.
    ref: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(128))
    file_data: Mapped[bytes | None] = mapped_column(LargeBinary)
    locale: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime]
    # A sender's lease on the row while it sends; another sender skips it until it lapses.
    claimed_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    sent_message_id: Mapped[int | None] = mapped_column(BigInteger)
    # Set when `python -m bot outbox retry` put a dead notice back; it is requeued once.
    requeued_at: Mapped[datetime | None]
