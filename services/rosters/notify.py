"""Notices from rosters, through the outbox in the caller's unit of work."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from services.clock import Clock
from services.outbox import Button, Notice, enqueue


async def tell(
    session: AsyncSession, clock: Clock, person_id: int, key: str, text_key: str,
    buttons: list[list[Button]] | None = None, ref: str | None = None, **args: Any,
) -> bool:
    """A private notice in the person's language; False when they cannot be reached."""
    person = await session.get(Person, person_id)
    if person is None or person.tg_id is None:
        return False
    return await enqueue(session, clock, Notice(
        key=key, chat_id=person.tg_id, text_key=text_key, args=args, buttons=buttons, ref=ref,
    ))


async def post(
    session: AsyncSession, clock: Clock, chat_id: int, key: str, text_key: str,
    buttons: list[list[Button]] | None = None, ref: str | None = None, **args: Any,
) -> bool:
    """A notice to a group, in the group's language."""
    return await enqueue(session, clock, Notice(
        key=key, chat_id=chat_id, text_key=text_key, args=args, buttons=buttons, ref=ref,
    ))
