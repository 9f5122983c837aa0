"""Messages relayed through the bot between a resident and a person in the directory.

Only who wrote to whom is kept (the text travels in the outbox), so a "Reply" button can
be honoured for the person who received the message and for nobody else.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class Relay(Base):
    __tablename__ = "relay"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    sender_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    created_at: Mapped[datetime]
