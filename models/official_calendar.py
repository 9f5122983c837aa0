"""China's official holiday arrangement as loaded by an admin, one per deployment.

The State Council announces every year which days are off and which weekends are worked
instead (调休). `chinese_calendar` knows the years up to its release; a year loaded here is
taken from these rows first. A loaded year is replaced as a whole by the next load of it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class OfficialYear(Base):
    """A year whose arrangement was loaded: its days are exactly the OfficialDay rows."""

    __tablename__ = "official_year"
    __table_args__ = (CheckConstraint("year >= 2000 AND year <= 2100", name="year_range"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # Drawn at random at every load: a process whose cached copy has other stamps reloads.
    stamp: Mapped[int] = mapped_column(Integer)
    holidays: Mapped[int] = mapped_column(Integer)
    workdays: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(8))  # "chat" | "cli"
    loaded_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    loaded_at: Mapped[datetime]


class OfficialDay(Base):
    """A day off (holiday) or a weekend worked (a make-up working day)."""

    __tablename__ = "official_day"

    day: Mapped[date] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)  # the day's own year
    holiday: Mapped[bool]
