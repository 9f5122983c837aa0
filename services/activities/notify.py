"""Private notices to a person, through the outbox (never the immediate answer)."""

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
    """Queue a private message in the person's language; False if we cannot reach them."""
    person = await session.get(Person, person_id)
    if person is None or person.tg_id is None:
        return False
    return await enqueue(session, clock, Notice(
        key=key, chat_id=person.tg_id, text_key=text_key, args=args, buttons=buttons, ref=ref,
    ))
