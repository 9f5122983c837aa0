"""Where people live: community → compound → building → entrance → household."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Numeric,
    String,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class Relation(enum.StrEnum):
    OWNER = "owner"
    CO_OWNER = "co_owner"
    TENANT = "tenant"
    FAMILY = "family"


class LinkStatus(enum.StrEnum):
    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"
    ENDED = "ended"


class Community(Base):
    __tablename__ = "community"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime]


class Compound(Base):
    __tablename__ = "compound"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    locale: Mapped[str] = mapped_column(String(8), default="zh-Hans")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime]


class Building(Base):
    __tablename__ = "building"
    __table_args__ = (UniqueConstraint("compound_id", "name"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    # Natural order ("2" before "10"), computed on import.
    sort_key: Mapped[str] = mapped_column(String(80), default="")


class Entrance(Base):
    __tablename__ = "entrance"
    __table_args__ = (UniqueConstraint("building_id", "name"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    sort_key: Mapped[str] = mapped_column(String(80), default="")


class Household(Base):
    __tablename__ = "household"
    __table_args__ = (
        UniqueConstraint("entrance_id", "room"),
        Index("ix_household_compound_building", "compound_id", "building_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    # compound and building are copied down so votes and tallies need no joins.
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"))
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id", ondelete="CASCADE"))
    entrance_id: Mapped[int] = mapped_column(ForeignKey("entrance.id", ondelete="CASCADE"))
    room: Mapped[str] = mapped_column(String(32))
    sort_key: Mapped[str] = mapped_column(String(80), default="")
    # Exclusive area in m², exact: assembly votes are weighted by it.
    area_m2: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    owner_name: Mapped[str | None] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32))
    # The developer's unsold or undelivered part (marked by the register import): all of a
    # compound's such parts count as one owner in an assembly's headcount (SPC interp. art. 9).
    developer: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime]


class Residency(Base):
    """A person's link to a household; owner and tenant links are verified by an admin."""

    __tablename__ = "residency"
    __table_args__ = (
        # One active claim per person and household, and one active owner per household
        # (further owners join as co-owners).
        Index(
            "uq_residency_active_person", "person_id", "household_id", unique=True,
            sqlite_where=text("status IN ('pending', 'verified')"),
            postgresql_where=text("status IN ('pending', 'verified')"),
        ),
        Index(
            "uq_residency_active_owner", "household_id", unique=True,
            sqlite_where=text("relation = 'owner' AND status IN ('pending', 'verified')"),
            postgresql_where=text("relation = 'owner' AND status IN ('pending', 'verified')"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"),
                                              index=True)
    relation: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12), default=LinkStatus.PENDING)
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))


class ChatBinding(Base):
    """What a group chat is for: a compound's or a building's group, or a team's staff chat."""

    __tablename__ = "chat_binding"

    chat_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("chat.id"), primary_key=True,
                                         autoincrement=False)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"),
                                             index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("building.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    # compound | building | team | party_branch | community_office | owners_committee
    purpose: Mapped[str] = mapped_column(String(24))
    register_message_id: Mapped[int | None] = mapped_column(BigInteger)
    bound_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    bound_at: Mapped[datetime]
