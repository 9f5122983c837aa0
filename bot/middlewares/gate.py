"""Group chatter that is not for the bot ends here: no session, no routers, no statement.

A building group talks all day, and almost none of it is for the bot. A message is for the
bot when it is a command, starts with a hashtag, replies to one of the bot's messages, is
a service message (someone joined, the group became a supergroup, ...), or comes from
someone the bot is in a conversation with in that chat. Anything else only tells the bot
who the person is and what the chat is called; when the cache already knows both as they
are, there is nothing to do. A changed name, username or language is written (through the
ordinary path) at most once per person per minute.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.enums import ContentType
from aiogram.types import Message, TelegramObject, Update

from services import facts as cache
from services.clock import Clock
from services.locale import locale_for

GROUPS = frozenset({"group", "supergroup"})
# What people post; everything else (members joining, pins, migrations, topics) may matter.
CHATTER = frozenset({
    ContentType.TEXT, ContentType.PHOTO, ContentType.STICKER, ContentType.ANIMATION,
    ContentType.VIDEO, ContentType.VOICE, ContentType.AUDIO, ContentType.DOCUMENT,
    ContentType.VIDEO_NOTE, ContentType.DICE, ContentType.POLL, ContentType.CONTACT,
    ContentType.LOCATION, ContentType.VENUE, ContentType.STORY,
})
REWRITE_SECONDS = 60.0
SEEN_SECONDS = 3600  # people.meet refreshes seen_at hourly; the gate lets that write through


def for_the_bot(message: Message, bot_id: int, raw_state: str | None) -> bool:
    if raw_state is not None or message.content_type not in CHATTER:
        return True
    text = (message.text or message.caption or "").lstrip()
    if text[:1] in ("/", "#"):
        return True
    target = message.reply_to_message
    return bool(target and target.from_user and target.from_user.id == bot_id)


class ChatterGate(BaseMiddleware):
    def __init__(self, facts: cache.Facts, clock: Clock, default_locale: str) -> None:
        self.facts = facts
        self.clock = clock
        self.default_locale = default_locale
        self._written: dict[int, float] = {}
        self.passed = 0  # chatter ended here, for the benchmark and the metrics

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        message = event.message if isinstance(event, Update) else None
        if (message is None or message.chat.type not in GROUPS or message.from_user is None
                or message.from_user.is_bot
                or for_the_bot(message, data["bot"].id, data.get("raw_state"))
                or not self._nothing_to_write(message)):
            return await handler(event, data)
        self.passed += 1
        return UNHANDLED

    def _nothing_to_write(self, message: Message) -> bool:
        user = message.from_user
        assert user is not None
        person = self.facts.lookup("person:tg", user.id)
        chat = self.facts.lookup("chat", message.chat.id)
        if not isinstance(person, dict) or not isinstance(chat, dict):
            return False  # someone or somewhere new: the ordinary path records them
        now = self.clock.now()
        seen: datetime = person["seen_at"]
        if (now - seen).total_seconds() > SEEN_SECONDS:
            return False
        if self._same_person(person, message) and self._same_chat(chat, message):
            return True
        # Changed: write it, but not more often than once a minute for one person.
        moment = now.timestamp()
        if moment - self._written.get(user.id, float("-inf")) < REWRITE_SECONDS:
            return True
        if len(self._written) > 100_000:
            self._written.clear()
        self._written[user.id] = moment
        return False

    def _same_person(self, person: dict[str, Any], message: Message) -> bool:
        user = message.from_user
        assert user is not None
        if (person["first_name"] != user.first_name[:128]
                or person["last_name"] != ((user.last_name or None) and user.last_name[:128])
                or person["username"] != user.username
                or person["language_code"] != user.language_code):
            return False
        return bool(person["locale_chosen"]) or person["locale"] == locale_for(
            user.language_code, self.default_locale)

    @staticmethod
    def _same_chat(chat: dict[str, Any], message: Message) -> bool:
        return (chat["title"] == (message.chat.title or message.chat.first_name)
                and chat["is_forum"] == bool(message.chat.is_forum)
                and chat["unreachable_at"] is None)
