"""People: meeting them, remembering their language."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.chat import Chat
from models.person import Person
from services import facts
from services.clock import Clock
from services.locale import locale_for, normalize


@dataclass(frozen=True)
class TelegramUser:
    """What the transport tells us about a user, without depending on the transport."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


async def by_tg_id(session: AsyncSession, tg_id: int) -> Person | None:
    async def load() -> Person | None:
        query = select(Person).where(Person.tg_id == tg_id)
        return (await session.execute(query)).scalar_one_or_none()

    return await facts.get(session, Person, tg_id, load, table="person:tg")


async def meet(
    session: AsyncSession, clock: Clock, user: TelegramUser, default_locale: str
) -> Person:
    """Insert or refresh the person behind a Telegram user; commits only when something changed."""
    person = await by_tg_id(session, user.id)
    now = clock.now()
    if person is None:
        person = Person(
            tg_id=user.id,
            first_name=user.first_name[:128],
            last_name=(user.last_name or None) and user.last_name[:128],
            username=user.username,
            language_code=user.language_code,
            locale=locale_for(user.language_code, default_locale),
            created_at=now,
            seen_at=now,
        )
        session.add(person)
        await session.commit()
        return person
    changed = False
    for attr, value in (
        ("first_name", user.first_name[:128]),
        ("last_name", (user.last_name or None) and user.last_name[:128]),
        ("username", user.username),
        ("language_code", user.language_code),
    ):
        if getattr(person, attr) != value:
            setattr(person, attr, value)
            changed = True
    if not person.locale_chosen:
        derived = locale_for(user.language_code, default_locale)
        if person.locale != derived:
            person.locale = derived
            changed = True
    # seen_at is refreshed at most hourly so an active chat does not write on every message.
    if (now - person.seen_at).total_seconds() > 3600:
        person.seen_at = now
        changed = True
    if changed:
        await session.commit()
    return person


async def choose_locale(session: AsyncSession, person: Person, locale: str) -> str | None:
    """Set a person's language for good. Returns the stored locale, or None if unknown."""
    known = normalize(locale)
    if known is None:
        return None
    person.locale = known
    person.locale_chosen = True
    await session.commit()
    return known


async def note_chat(
    session: AsyncSession,
    clock: Clock,
    chat_id: int,
    chat_type: str,
    title: str | None,
    is_forum: bool = False,
) -> Chat:
    """Remember a chat the bot has seen; a chat that writes to us is reachable again."""
    chat = await facts.get(session, Chat, chat_id)
    if chat is None:
        chat = Chat(id=chat_id, type=chat_type, title=title, is_forum=is_forum,
                    created_at=clock.now())
        session.add(chat)
        await session.commit()
        return chat
    if chat.title != title or chat.is_forum != is_forum or chat.unreachable_at is not None:
        chat.title, chat.is_forum = title, is_forum
        chat.unreachable_at = None
        chat.unreachable_reason = None
        await session.commit()
    return chat
