"""SQLAlchemy 2 models; importing this package registers every table on Base.metadata."""

from models.base import Base
from models.chat import Chat
from models.outbox import Outbox, OutboxStatus
from models.person import Person

__all__ = ["Base", "Chat", "Outbox", "OutboxStatus", "Person"]
