"""How long until something starts, as a reminder says it at the moment it is sent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from services.outbox import fragment


def left_fragment(starts_at: datetime, now: datetime) -> dict[str, Any]:
    """"一小时后" only when it is about an hour; otherwise the minutes really left."""
    minutes = max(1, round((starts_at - now).total_seconds() / 60))
    if minutes >= 55:
        return fragment("left-hour")
    return fragment("left-minutes", minutes=minutes)
