"""Volunteer activities: what, when, for whom; sign-ups with a waitlist; attendance."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class Audience(enum.StrEnum):
    COMPOUND = "compound"
    BUILDINGS = "buildings"
    TEAM = "team"


class Requirement(enum.StrEnum):
    NONE = "none"
    PARTY_MEMBER = "party_member"


class ActivityStatus(enum.StrEnum):
    OPEN = "open"
    CANCELLED = "cancelled"
    FINISHED = "finished"  # attendance closed, points awarded


class SignupStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    PENDING = "pending"  # too many no-shows: an organizer decides
    CANCELLED = "cancelled"
    DECLINED = "declined"


ACTIVE_SIGNUPS = (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED, SignupStatus.PENDING)


class Activity(Base):
    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint("capacity >= 1 AND capacity <= 1000", name="capacity_range"),
        # The seat counter can never pass the capacity, whatever races happen.
        CheckConstraint("taken >= 0 AND taken <= capacity", name="taken_within_capacity"),
        CheckConstraint("points >= 0 AND points <= 1000", name="points_range"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("signup_deadline <= starts_at", name="deadline_before_start"),
        CheckConstraint("cancel_cutoff <= starts_at", name="cutoff_before_start"),
        Index("ix_activity_due", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), index=True)
    organizer_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    title: Mapped[str] = mapped_column(String(128))
    description: Mapped[str] = mapped_column(String(1000), default="")
    place: Mapped[str] = mapped_column(String(128))
    kind_code: Mapped[str | None] = mapped_column(String(32))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    capacity: Mapped[int]
    taken: Mapped[int] = mapped_column(default=0)  # confirmed seats
    signup_deadline: Mapped[datetime]
    cancel_cutoff: Mapped[datetime]
    points: Mapped[int]
    audience: Mapped[str] = mapped_column(String(10), default=Audience.COMPOUND)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    requirement: Mapped[str] = mapped_column(String(16), default=Requirement.NONE)
    status: Mapped[str] = mapped_column(String(10), default=ActivityStatus.OPEN)
    reminded_day: Mapped[bool] = mapped_column(default=False)
    reminded_hour: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]


class ActivityBuilding(Base):
    __tablename__ = "activity_building"

    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"), primary_key=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id"), primary_key=True)


class ActivityCard(Base):
    """A group chat the activity's card was published to (kept up to date there)."""

    __tablename__ = "activity_card"

    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"), primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    posted_at: Mapped[datetime]


class Signup(Base):
    __tablename__ = "activity_signup"
    __table_args__ = (
        UniqueConstraint("activity_id", "person_id"),
        Index("ix_activity_signup_queue", "activity_id", "status", "queued_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    # The waitlist is served in this order.
    queued_at: Mapped[datetime]
    # Bumped on every change of status, so each notice about it has its own key.
    seq: Mapped[int] = mapped_column(default=0)
    attended: Mapped[bool | None]
    checked_in_at: Mapped[datetime | None]
    marked_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class VolunteerStanding(Base):
    """No-shows since an organizer last confirmed the person; over the limit, they ask first."""

    __tablename__ = "volunteer_standing"
    __table_args__ = (CheckConstraint("no_shows >= 0", name="no_shows_non_negative"),)

    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    no_shows: Mapped[int] = mapped_column(default=0)
    attended: Mapped[int] = mapped_column(default=0)
    approved_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]
