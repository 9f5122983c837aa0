"""SQLAlchemy 2 models; importing this package registers every table on Base.metadata."""

import models.official_calendar  # registers the official holiday arrangement
import models.polls  # registers the poll tables
import models.rosters  # noqa: F401  (registers the duty roster tables)
from models import (  # noqa: F401  (registers the points, ticket and account tables)
    accounts,
    activities,
    assessment,
    points,
    screen,
    tickets,
    tickets_config,
    tickets_mediation,
)
from models.base import Base
from models.chat import Chat
from models.directory import Relay
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
    "Relay",
    "Residency",
    "Role",
    "RoleGrant",
    "Team",
    "TeamMember",
]
