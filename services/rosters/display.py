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


def left_fragment(starts_at: datetime, now: datetime, tz: ZoneInfo) -> dict[str, Any]:
    """The time really left, as a notice says it when it is sent: "in 20 min" close by,
    "in 1 h 40 min" within a few hours, "tomorrow 07:30" further away."""
    minutes = max(1, round((starts_at - now).total_seconds() / 60))
    if minutes < 60:
        return fragment("ro-left-minutes", minutes=minutes)
    if minutes < 3 * 60:
        hours, rest = divmod(minutes, 60)
        if rest == 0:
            return fragment("ro-left-hours", hours=hours)
        return fragment("ro-left-hours-minutes", hours=hours, minutes=rest)
    days = (starts_at.astimezone(tz).date() - now.astimezone(tz).date()).days
    at = hhmm(starts_at, tz)
    if days == 0:
        return fragment("ro-left-today", time=at)
    if days == 1:
        return fragment("ro-left-tomorrow", time=at)
    return fragment("ro-left-on", date=day_fragment(starts_at.astimezone(tz).date()), time=at)
