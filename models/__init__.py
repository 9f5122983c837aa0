"""SQLAlchemy 2 models; importing this package registers every table on Base.metadata."""

from models.base import Base
from models.chat import Chat
from models.outbox import Outbox, OutboxStatus
from models.person import Person
from models.registry import (
    Building,
    ChatBinding,
    Community,
    Compound,
    Entrance,
    Household,
    LinkStatus,
    Relation,
    Residency,
)
from models.roles import AuditEntry, DirectoryEntry, Role, RoleGrant, Team, TeamMember

__all__ = [
    "AuditEntry",
    "Base",
    "Building",
    "Chat",
    "ChatBinding",
    "Community",
    "Compound",
    "DirectoryEntry",
    "Entrance",
    "Household",
    "LinkStatus",
    "Outbox",
    "OutboxStatus",
    "Person",
    "Relation",
    "Residency",
    "Role",
    "RoleGrant",
    "Team",
    "TeamMember",
]
