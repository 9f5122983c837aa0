"""In-memory state of the emulator: users, chats, messages, files and the update queue."""

from __future__ import annotations

import asyncio
import itertools
import mimetypes
import secrets
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from .params import ApiError, bad_request

DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "callback_query",
        "inline_query",
        "chosen_inline_result",
        "my_chat_member",
        "shipping_query",
        "pre_checkout_query",
        "poll",
        "poll_answer",
        "chat_join_request",
    }
)


@dataclass
class User:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False

    @property
    def private_chat_id(self) -> int:
        return self.id

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if (value := getattr(self, key)) is not None:
                data[key] = value
        return data


@dataclass
class Chat:
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    is_forum: bool = False
    owner_id: int | None = None
    admin_ids: list[int] = field(default_factory=list)
    member_ids: list[int] = field(default_factory=list)
    bot_status: str = "member"
    blocked: bool = False
    # A private chat exists for Telegram only once the user pressed Start (or wrote to the
    # bot); until then every message the bot tries to send there is refused with 403.
    started: bool = False
    pinned: list[int] = field(default_factory=list)

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            if (value := getattr(self, key)) is not None:
                data[key] = value
        if self.is_forum:
            data["is_forum"] = True
        return data


@dataclass
class SentMessage:
    """A message sent by the bot, as seen by the test. ``edits`` holds each edited text."""

    message_id: int
    chat_id: int
    text: str | None
    reply_markup: dict[str, Any] | None = None
    thread_id: int | None = None
    reply_to_message_id: int | None = None
    photo: bytes | None = None
    document: tuple[str, bytes] | None = None
    deleted: bool = False
    pinned: bool = False
    edits: list[str] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    method: str = "sendMessage"
    media_group_id: str | None = None
    message: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    file_name: str | None = None
    mime_type: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
            "file_path": self.file_path,
        }


@dataclass
class WebhookConfig:
    url: str = ""
    secret_token: str | None = None
    allowed_updates: list[str] | None = None
    max_connections: int = 40
    last_error_date: int | None = None
    last_error_message: str | None = None


class Notifier:
    """Wakes up every waiter whenever something changes; notify() is synchronous."""

    def __init__(self) -> None:
        self._waiters: list[asyncio.Future[None]] = []

    def notify(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def wait_for(self, predicate: Callable[[], object], seconds: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            try:
                await asyncio.wait_for(waiter, remaining)
            except TimeoutError:
                pass
            finally:
                with suppress(ValueError):
                    self._waiters.remove(waiter)
        return True


def update_type(update: dict[str, Any]) -> str:
    return next(key for key in update if key != "update_id")


def is_allowed(update: dict[str, Any], allowed: list[str] | None) -> bool:
    kind = update_type(update)
    return kind in allowed if allowed else kind in DEFAULT_UPDATE_TYPES


class UpdateQueue:
    """Pending updates with Telegram's offset semantics plus consumption tracking."""

    def __init__(self) -> None:
        self.pending: list[dict[str, Any]] = []
        self.history: list[dict[str, Any]] = []
        self.last_id = 0
        self.consumed_upto = 0
        self._ids = itertools.count(100001)

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._ids), kind: payload}
        self.last_id = update["update_id"]
        self.pending.append(update)
        self.history.append(update)
        return update

    def _consume(self, update_id: int) -> None:
        self.consumed_upto = max(self.consumed_upto, update_id)

    def confirm(self, offset: int | None) -> None:
        if offset is None or offset <= 0:
            return
        self.pending = [u for u in self.pending if u["update_id"] >= offset]
        self._consume(min(offset - 1, self.last_id))

    def drop_all(self) -> None:
        self.pending.clear()
        self._consume(self.last_id)

    def drop_disallowed(self, allowed: list[str] | None) -> None:
        for update in [u for u in self.pending if not is_allowed(u, allowed)]:
            self.pending.remove(update)
            self._consume(update["update_id"])

    def available(self, allowed: list[str] | None) -> bool:
        return any(is_allowed(u, allowed) for u in self.pending)

    def take(self, limit: int, allowed: list[str] | None) -> list[dict[str, Any]]:
        self.drop_disallowed(allowed)
        batch = self.pending[:limit]
        if batch:
            self._consume(batch[-1]["update_id"])
        return batch

    def remove(self, update: dict[str, Any]) -> None:
        with suppress(ValueError):
            self.pending.remove(update)
        self._consume(update["update_id"])

    @property
    def all_consumed(self) -> bool:
        return self.consumed_upto >= self.last_id


def image_size(content: bytes) -> tuple[int, int]:
    if content[:8] == b"\x89PNG\r\n\x1a\n" and len(content) >= 24:
        return int.from_bytes(content[16:20], "big"), int.from_bytes(content[20:24], "big")
    return 1280, 720


class State:
    """Everything the emulated Telegram knows about."""

    def __init__(self, token: str, bot_id: int, bot_username: str, bot_name: str) -> None:
        self.token = token
        self.bot = User(bot_id, bot_name, username=bot_username, is_bot=True)
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.history: dict[int, dict[int, dict[str, Any]]] = {}
        self.sent: dict[int, list[SentMessage]] = {}
        self.sent_index: dict[tuple[int, int], SentMessage] = {}
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.updates = UpdateQueue()
        self.notifier = Notifier()
        self.callbacks: dict[str, dict[str, Any] | None] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.settings: dict[str, dict[str, Any]] = {}
        self.webhook = WebhookConfig()
        self.allowed_updates: list[str] | None = None
        self.poll_generation = 0
        self.closing = False
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._file_ids = itertools.count(1)

    @staticmethod
    def now() -> int:
        return int(time.time())

    def next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def resolve_chat(self, chat_id: int | str) -> Chat:
        if isinstance(chat_id, str):
            name = chat_id.removeprefix("@").lower()
            chat = next(
                (c for c in self.chats.values() if (c.username or "").lower() == name), None
            )
        else:
            chat = self.chats.get(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def writable_chat(self, chat_id: int | str) -> Chat:
        chat = self.resolve_chat(chat_id)
        kind = "supergroup chat" if chat.type == "supergroup" else "group chat"
        if chat.type == "private" and chat.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat.type == "private" and not chat.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        if chat.is_group and (chat.blocked or chat.bot_status == "kicked"):
            raise ApiError(403, f"Forbidden: bot was kicked from the {kind}")
        if chat.is_group and chat.bot_status == "left":
            raise ApiError(403, f"Forbidden: bot is not a member of the {kind}")
        return chat

    def find_message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        return self.history.get(chat_id, {}).get(message_id)

    def new_message(
        self, chat: Chat, sender: User, thread_id: int | None, reply_to: dict[str, Any] | None
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self.next_message_id(chat.id),
            "from": sender.to_dict(),
            "chat": chat.to_dict(),
            "date": self.now(),
        }
        if thread_id is None and reply_to is not None:
            thread_id = reply_to.get("message_thread_id")
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            if chat.is_forum:
                message["is_topic_message"] = True
        if reply_to is not None:
            message["reply_to_message"] = {
                k: v for k, v in reply_to.items() if k != "reply_to_message"
            }
        return message

    def store(self, message: dict[str, Any]) -> None:
        chat_id = message["chat"]["id"]
        self.history.setdefault(chat_id, {})[message["message_id"]] = message

    def store_sent(self, sent: SentMessage) -> None:
        self.store(sent.message)
        self.sent.setdefault(sent.chat_id, []).append(sent)
        self.sent_index[(sent.chat_id, sent.message_id)] = sent

    def add_file(
        self, content: bytes, kind: str, file_name: str | None = None, mime: str | None = None
    ) -> StoredFile:
        seq = next(self._file_ids)
        suffix = mimetypes.guess_extension(mime or "") or ""
        if file_name and "." in file_name:
            suffix = "." + file_name.rsplit(".", 1)[1]
        stored = StoredFile(
            file_id=f"{kind[:3].upper()}{seq:06d}-{secrets.token_hex(6)}",
            file_unique_id=f"AQAD{seq:06d}",
            file_path=f"{kind}s/file_{seq}{suffix}",
            content=content,
            file_name=file_name,
            mime_type=mime or (mimetypes.guess_type(file_name)[0] if file_name else None),
        )
        self.files[stored.file_id] = stored
        self.files_by_path[stored.file_path] = stored
        return stored

    def photo_sizes(self, content: bytes) -> list[dict[str, Any]]:
        width, height = image_size(content)
        scale = 90 / max(width, height, 1)
        sizes = []
        for w, h in ((max(1, int(width * scale)), max(1, int(height * scale))), (width, height)):
            stored = self.add_file(content, "photo", mime="image/jpeg")
            sizes.append(
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "width": w,
                    "height": h,
                    "file_size": len(content),
                }
            )
        return sizes

    def push_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        update = self.updates.push(kind, payload)
        self.notifier.notify()
        return update
