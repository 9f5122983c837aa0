"""Chats the bot talks to: private chats (id = the user's id) and groups."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class Chat(Base):
    __tablename__ = "chat"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    type: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(String(256))
    # Language of notices posted to a group; private chats follow the person instead.
    locale: Mapped[str | None] = mapped_column(String(8))
    is_forum: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    # Set when Telegram answers 403 (blocked, kicked): the outbox stops sending here.
    unreachable_at: Mapped[datetime | None]
    unreachable_reason: Mapped[str | None] = mapped_column(String(256))
