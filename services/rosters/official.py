"""The loaded official arrangement, read once per process and database and kept.

Generation asks for it on every run, so it must be cheap: one query of the few loaded
years' stamps tells whether the kept copy still holds; only a changed stamp (a load here
or in another process) reads the days again. A load in this process drops the copy too.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.official_calendar import OfficialDay, OfficialYear
from services.rosters.calendar import NONE_LOADED, Arrangement

Version = tuple[tuple[int, int], ...]
_KEPT: dict[str, tuple[Version, Arrangement]] = {}


def _url(session: AsyncSession) -> str:
    return str(session.get_bind().url)


async def current(session: AsyncSession) -> Arrangement:
    """The arrangement as this session sees it (its own uncommitted load included)."""
    rows = await session.execute(select(OfficialYear.year, OfficialYear.stamp)
                                 .order_by(OfficialYear.year))
    version: Version = tuple((year, stamp) for year, stamp in rows)
    kept = _KEPT.get(_url(session))
    if kept is not None and kept[0] == version:
        return kept[1]
    arrangement = NONE_LOADED
    if version:
        days = await session.execute(select(OfficialDay.day, OfficialDay.holiday))
        arrangement = Arrangement({day: holiday for day, holiday in days},
                                  frozenset(year for year, _ in version))
    _KEPT[_url(session)] = (version, arrangement)
    return arrangement


def forget(session: AsyncSession) -> None:
    _KEPT.pop(_url(session), None)


async def loaded_years(session: AsyncSession) -> list[OfficialYear]:
    rows = await session.execute(select(OfficialYear).order_by(OfficialYear.year))
    return list(rows.scalars())
