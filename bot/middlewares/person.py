"""Load (or create) the person and chat behind every update."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Chat, TelegramObject, User
from sqlalchemy.ext.asyncio import AsyncSession

from services import people, registry
from services.clock import Clock
from services.policy import Actor


class PersonMiddleware(BaseMiddleware):
    def __init__(self, clock: Clock, default_locale: str, superadmins: tuple[int, ...]) -> None:
        self.clock = clock
        self.default_locale = default_locale
        self.superadmins = frozenset(superadmins)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        session: AsyncSession = data["session"]
        user: User | None = data.get("event_from_user")
        chat: Chat | None = data.get("event_chat")
        data["person"] = None
        data["actor"] = None
        if user is not None and not user.is_bot:
            data["person"] = await people.meet(
                session,
                self.clock,
                people.TelegramUser(
                    id=user.id,
                    first_name=user.first_name,
                    last_name=user.last_name,
                    username=user.username,
                    language_code=user.language_code,
                ),
                self.default_locale,
            )
            data["actor"] = Actor(data["person"], superadmin=user.id in self.superadmins)
        data["binding"] = None
        if chat is not None:
            data["chat_row"] = await people.note_chat(
                session, self.clock, chat.id, chat.type, chat.title or chat.first_name,
                bool(chat.is_forum),
            )
            if chat.type != "private":
                # What this group is for (a compound's, a building's, a team's staff chat).
                data["binding"] = await registry.binding_for(session, chat.id)
        return await handler(event, data)
