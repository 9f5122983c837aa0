"""Duty rosters (the student-crossing guard, patrols, greeting calls) and their dated shifts.

A roster holds the rule; shifts are rows generated from it for a rolling horizon. Who holds
a place is an assignment row, so reminders, swaps and check-ins are all computed from rows
and survive restarts.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, JsonType


class ShiftStatus(enum.StrEnum):
    OPEN = "open"
    CANCELLED = "cancelled"


class HoldStatus(enum.StrEnum):
    HELD = "held"
    SWAPPED = "swapped"  # handed over to someone who took over
    REMOVED = "removed"  # taken off by an organizer


class HoldSource(enum.StrEnum):
    TAKE = "take"
    ASSIGN = "assign"
    SWAP = "swap"


class Attendance(enum.StrEnum):
    ATTENDED = "attended"
    NO_SHOW = "no_show"


class SwapStatus(enum.StrEnum):
    OPEN = "open"
    TAKEN = "taken"
    CLOSED = "closed"  # the shift started, or the requester's place went away


class Roster(Base):
    __tablename__ = "roster"
    __table_args__ = (
        CheckConstraint("per_shift >= 1 AND per_shift <= 50", name="per_shift_range"),
        CheckConstraint("horizon_days >= 1 AND horizon_days <= 90", name="horizon_range"),
        CheckConstraint("points >= 0 AND points <= 1000", name="points_range"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"),
                                             index=True)
    name: Mapped[str] = mapped_column(String(64))
    place: Mapped[str] = mapped_column(String(128))
    # [["07:30", "08:10"], ["16:30", "17:10"]], local times in the compound's time zone.
    times: Mapped[list[list[str]]] = mapped_column(JsonType)
    per_shift: Mapped[int] = mapped_column(Integer)
    # "weekdays" | "days:1,3,5" (ISO weekdays) | "cron:<day-of-month> <month> <day-of-week>"
    recurrence: Mapped[str] = mapped_column(String(80))
    # Skip public holidays and work on make-up working days (调休).
    follow_holidays: Mapped[bool] = mapped_column(default=True)
    # ["eve@20:00", "30m"]: the evening before at a local time, or minutes before the start.
    leads: Mapped[list[str]] = mapped_column(JsonType)
    horizon_days: Mapped[int] = mapped_column(Integer, default=28)
    points: Mapped[int] = mapped_column(Integer, default=10)
    # Minutes a new or changed roster waits before alerting a shortage: people need to
    # see the board first.
    grace_minutes: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    chat_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("chat.id"))
    organizer_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    active: Mapped[bool] = mapped_column(default=True)
    # The last local day shifts exist for; the sweep extends it as days pass.
    generated_until: Mapped[date | None]
    # Years the holiday calendar did not know and the organizer was told about.
    calendar_noted: Mapped[list[int]] = mapped_column(JsonType, default=list)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class RosterMember(Base):
    """People a roster can call on: swap requests go to them, rotations cycle over them."""

    __tablename__ = "roster_member"

    roster_id: Mapped[int] = mapped_column(ForeignKey("roster.id", ondelete="CASCADE"),
                                           primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    joined_at: Mapped[datetime]


class RosterTerm(Base):
    """School-term dates: when a roster has terms, it runs only inside them."""

    __tablename__ = "roster_term"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="order"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("roster.id", ondelete="CASCADE"),
                                           index=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]


class RosterSkip(Base):
    """A closure day the organizer entered (sports day, a school trip, a typhoon)."""

    __tablename__ = "roster_skip"

    roster_id: Mapped[int] = mapped_column(ForeignKey("roster.id", ondelete="CASCADE"),
                                           primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)


class Shift(Base):
    __tablename__ = "shift"
    __table_args__ = (
        CheckConstraint("capacity >= 1", name="capacity_positive"),
        CheckConstraint("taken >= 0 AND taken <= capacity", name="taken_within_capacity"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        # Generation is idempotent: one open shift per roster, day and time slot.
        Index(
            "uq_shift_open_slot", "roster_id", "day", "slot", unique=True,
            sqlite_where=text("status = 'open'"), postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("roster.id", ondelete="CASCADE"),
                                           index=True)
    day: Mapped[date]  # local date in the compound's time zone
    slot: Mapped[int] = mapped_column(Integer)  # index into Roster.times
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    capacity: Mapped[int] = mapped_column(Integer)
    taken: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(10), default=ShiftStatus.OPEN)
    alerted_at: Mapped[datetime | None]
    escalated_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # attendance settled after the end
    created_at: Mapped[datetime]


class Assignment(Base):
    """A person holding a place on a shift (or having held it)."""

    __tablename__ = "shift_assignment"
    __table_args__ = (
        Index(
            "uq_shift_assignment_held", "shift_id", "person_id", unique=True,
            sqlite_where=text("status = 'held'"), postgresql_where=text("status = 'held'"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id", ondelete="CASCADE"),
                                          index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default=HoldStatus.HELD)
    source: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime]
    released_at: Mapped[datetime | None]
    on_way_at: Mapped[datetime | None]
    checked_in_at: Mapped[datetime | None]
    attendance: Mapped[str | None] = mapped_column(String(10))


class ShiftReminder(Base):
    """One row per (shift, person, lead): the proof a reminder went out, or was superseded."""

    __tablename__ = "shift_reminder"

    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id", ondelete="CASCADE"),
                                          primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    lead: Mapped[str] = mapped_column(String(16), primary_key=True)
    sent: Mapped[bool] = mapped_column(default=True)  # False: a later lead went out instead
    at: Mapped[datetime]


class SwapRequest(Base):
    __tablename__ = "shift_swap"
    __table_args__ = (
        Index(
            "uq_shift_swap_open", "assignment_id", unique=True,
            sqlite_where=text("status = 'open'"), postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id", ondelete="CASCADE"),
                                          index=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("shift_assignment.id"))
    requester_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    taker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    status: Mapped[str] = mapped_column(String(10), default=SwapStatus.OPEN)
    # Who was asked, so their copies of the request can be updated once it is taken.
    asked: Mapped[list[int]] = mapped_column(JsonType, default=list)
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class RosterFeed(Base):
    """The secret behind a person's calendar (iCal) link."""

    __tablename__ = "roster_feed"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True,
                                           autoincrement=False)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]

