"""How shifts read in messages: Fluent fragments rendered in each recipient's language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Compound
from models.rosters import Roster, Shift
from services.outbox import fragment

DEFAULT_TZ = "Asia/Shanghai"


async def zone(session: AsyncSession, compound_id: int) -> ZoneInfo:
    compound = await session.get(Compound, compound_id)
    return ZoneInfo(compound.timezone if compound and compound.timezone else DEFAULT_TZ)


def hhmm(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M")


def day_fragment(day: date) -> dict[str, Any]:
    return fragment("ro-date", month=fragment(f"ro-month-{day.month}"), day=str(day.day),
                    weekday=fragment(f"ro-weekday-{day.isoweekday()}"))


def when_fragment(shift: Shift, tz: ZoneInfo) -> dict[str, Any]:
    return fragment("ro-when", date=day_fragment(shift.day), start=hhmm(shift.starts_at, tz),
                    end=hhmm(shift.ends_at, tz))


def shift_fragment(shift: Shift, roster: Roster, tz: ZoneInfo) -> dict[str, Any]:
    """"Crossing guard · Mon 13 Oct 07:30–08:10 · East gate"."""
    return fragment("ro-shift", roster=roster.name, place=roster.place,
                    when=when_fragment(shift, tz))


def lead_fragment(minutes: int) -> dict[str, Any]:
    if minutes % 60 == 0:
        return fragment("ro-dur-hours", hours=minutes // 60)
    return fragment("ro-dur-minutes", minutes=minutes)
