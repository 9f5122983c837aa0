"""How to report: each category's hashtag in the reader's language, with the compound's own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.tickets import config as tconfig
from services.tickets.categories import Category, primary_tag


@dataclass(frozen=True)
class GuideLine:
    category: Category
    tag: str  # the language's own hashtag, e.g. #报修
    also: tuple[str, ...]  # the compounds' extra hashtags for the category, e.g. #物业


async def hashtags(
    session: AsyncSession, compound_ids: Iterable[int], locale: str
) -> list[GuideLine]:
    """One line per category; extra tags configured with /tkconfig come from the compounds
    the reader belongs to (a group's own compound, or every compound of a person)."""
    extra: dict[Category, list[str]] = {}
    for compound_id in compound_ids:
        for tag, category in (await tconfig.extra_tags(session, compound_id)).items():
            if tag not in extra.setdefault(category, []):
                extra[category].append(tag)
    return [GuideLine(c, primary_tag(c, locale), tuple(extra.get(c, ()))) for c in Category]
