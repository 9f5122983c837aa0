"""Roles per compound, service teams, and the audit trail of who changed what."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId


class Role(enum.StrEnum):
    ADMIN = "admin"
    STEWARD = "steward"
    ORGANIZER = "organizer"
    PARTY_BRANCH = "party_branch"
    COMMUNITY_OFFICER = "community_officer"
    OWNERS_COMMITTEE = "owners_committee"
    GRID_WORKER = "grid_worker"
    LIAISON_HEAD = "liaison_head"
    BUILDING_LEADER = "building_leader"
    MEDIATOR = "mediator"
    MERCHANT = "merchant"
    FINANCE = "finance"  # the property company's finance (物业财务): records the open accounts


class RoleGrant(Base):
    __tablename__ = "role_grant"
    __table_args__ = (
        Index(
            "uq_role_grant_active", "compound_id", "person_id", "role", unique=True,
            sqlite_where=text("revoked_at IS NULL"), postgresql_where=text("revoked_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"),
                                             index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(24))
    # Building leaders and liaison heads look after one building.
    building_id: Mapped[int | None] = mapped_column(ForeignKey("building.id"))
    granted_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    granted_at: Mapped[datetime]
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    revoked_at: Mapped[datetime | None]


class Team(Base):
    __tablename__ = "team"
    __table_args__ = (UniqueConstraint("compound_id", "code"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"))
    # repairs | safety | cleaning | greening | telecom | a compound's own
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str | None] = mapped_column(String(64))  # overrides the localized default
    round_robin: Mapped[bool] = mapped_column(default=False)


class TeamMember(Base):
    __tablename__ = "team_member"

    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"),
                                         primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    on_duty: Mapped[bool] = mapped_column(default=True)
    joined_at: Mapped[datetime]


class DirectoryEntry(Base):
    """Numbers an admin publishes for a compound or a building: police post, utilities."""

    __tablename__ = "directory_entry"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int] = mapped_column(ForeignKey("compound.id", ondelete="CASCADE"),
                                             index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("building.id"))
    label: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(String(256))


class AuditEntry(Base):
    """Append-only: who did what to whom, when. Never updated, never deleted."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    compound_id: Mapped[int | None] = mapped_column(ForeignKey("compound.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    action: Mapped[str] = mapped_column(String(48))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[datetime] = mapped_column(index=True)
