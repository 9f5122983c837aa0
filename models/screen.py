"""The lobby screen's address (电子大屏): one unguessable token per compound.

Rotating replaces the row's token, so the old address stops working at once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class ScreenToken(Base):
    __tablename__ = "screen_token"

    compound_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("compound.id", ondelete="CASCADE"), primary_key=True,
        autoincrement=False)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
