"""A person is a Telegram user the bot has met."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    # Nullable so that forgetting a person can cut the link to Telegram but keep the row
    # others refer to (a ticket's reporter, a cast ballot).
    tg_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    first_name: Mapped[str] = mapped_column(String(128), default="")
    last_name: Mapped[str | None] = mapped_column(String(128))
    username: Mapped[str | None] = mapped_column(String(64), index=True)
    language_code: Mapped[str | None] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(8))
    # Once a person picks a language with /lang, Telegram's language_code no longer decides.
    locale_chosen: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    seen_at: Mapped[datetime]
    forgotten_at: Mapped[datetime | None]
    # Shown in the directory only when the person chose to publish it.
    phone: Mapped[str | None] = mapped_column(String(32))
    phone_public: Mapped[bool] = mapped_column(default=False)
    # May stewards call or message this person about their reports? None: never asked,
    # which counts as no; the staff card shows phone and @username only on True.
    contact_staff: Mapped[bool | None]
    party_member: Mapped[bool] = mapped_column(default=False)
    show_badge: Mapped[bool] = mapped_column(default=False)  # 亮身份, opt-in

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or "—"
