"""The test-side API of the emulator: users, chats, user actions, inspection and waiting."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

from . import compose
from .methods_chat import member_dict, push_member_update, scope_key
from .params import Upload
from .server import EmulatorServer
from .state import Chat, SentMessage, User
from .text import auto_entities

DEFAULT_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz012"
ChatRef = int | Chat | User


class BotApiEmulator(EmulatorServer):
    """An in-process Telegram Bot API for end-to-end tests of a real aiogram application."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        bot_username: str = "red_steward_bot",
        bot_id: int | None = None,
        bot_name: str = "Red Steward",
    ) -> None:
        super().__init__(token, bot_id or int(token.split(":", 1)[0]), bot_username, bot_name)
        self._user_ids = itertools.count(1001)
        self._group_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self.last_user_message: dict[int, int] = {}

    @property
    def bot_user(self) -> User:
        return self.state.bot

    @property
    def updates(self) -> list[dict[str, Any]]:
        """Every update ever enqueued, in order."""
        return list(self.state.updates.history)

    # ----------------------------------------------------------------- setup
    def add_user(
        self,
        first_name: str,
        language_code: str | None = "zh-hans",
        username: str | None = None,
        last_name: str | None = None,
        started: bool = False,
    ) -> User:
        """A Telegram user. ``started`` says they pressed Start in a private chat with the bot
        some time before the test (as a steward or organizer has); otherwise the bot cannot
        write to them privately until they send it something there, as on Telegram."""
        user = User(next(self._user_ids), first_name, last_name, username, language_code)
        self.state.users[user.id] = user
        self.state.chats[user.id] = Chat(
            user.id, "private", username=username, first_name=first_name, last_name=last_name,
            started=started,
        )
        return user

    def can_message(self, user: User) -> bool:
        """Whether Telegram would let the bot write to this user privately now."""
        chat = self.chat(user.id)
        return chat.started and not chat.blocked

    def add_group(
        self,
        title: str,
        forum: bool = False,
        admins: Sequence[User] = (),
        members: Sequence[User] = (),
        owner: User | None = None,
        username: str | None = None,
        bot_status: str = "left",
    ) -> Chat:
        """A supergroup; the bot joins it through ``bot_added`` unless ``bot_status`` says so."""
        chat = Chat(
            -1_000_000_000_000 - next(self._group_ids),
            "supergroup",
            title=title,
            username=username,
            is_forum=forum,
            owner_id=owner.id if owner else None,
            admin_ids=[user.id for user in admins],
            member_ids=[user.id for user in members],
            bot_status=bot_status,
        )
        self.state.chats[chat.id] = chat
        return chat

    def chat(self, ref: ChatRef) -> Chat:
        chat_id = ref.id if isinstance(ref, Chat | User) else ref
        if chat_id not in self.state.chats:
            raise AssertionError(f"unknown chat {chat_id}; create it with add_user/add_group")
        return self.state.chats[chat_id]

    def _chat_of(self, user: User, chat: ChatRef | None) -> Chat:
        return self.chat(user.id if chat is None else chat)

    def block(self, chat: ChatRef, notify: bool = False) -> None:
        """The user blocks the bot (private) or the bot is kicked silently (group)."""
        target = self.chat(chat)
        target.blocked = True
        if notify and target.type == "private":
            user = self.state.users[target.id]
            old = member_dict(target, self.bot_user, "member")
            new = member_dict(target, self.bot_user, "kicked")
            push_member_update(self.state, target, user, old, new, "my_chat_member")

    def unblock(self, chat: ChatRef) -> None:
        """Telegram's clients restart the bot when a user unblocks it."""
        target = self.chat(chat)
        target.blocked = False
        if target.type == "private":
            target.started = True

    # ---------------------------------------------------------- user actions
    def _check_bot_present(self, chat: Chat) -> None:
        if chat.is_group and (chat.blocked or chat.bot_status not in ("member", "administrator")):
            raise AssertionError(
                f"the bot is not in chat {chat.title!r} (status {chat.bot_status}); "
                "call emu.bot_added(chat, by=user) first"
            )

    def _join_silently(self, chat: Chat, user: User) -> None:
        known = {chat.owner_id, *chat.admin_ids, *chat.member_ids}
        if chat.is_group and user.id not in known:
            chat.member_ids.append(user.id)

    def _target(self, chat: Chat, reply_to: int | None) -> dict[str, Any] | None:
        if reply_to is None:
            return None
        target = self.state.find_message(chat.id, reply_to)
        if target is None:
            raise AssertionError(f"no message {reply_to} in chat {chat.id} to reply to")
        return target

    def send(
        self,
        user: User,
        text: str | None = None,
        chat: ChatRef | None = None,
        reply_to: int | None = None,
        thread_id: int | None = None,
        photo: bytes | None = None,
        caption: str | None = None,
        document: tuple[str, bytes, str] | None = None,
        location: tuple[float, float] | None = None,
        venue: tuple[float, float, str, str] | None = None,
        sticker: str | None = None,
    ) -> int:
        """The user sends a message; returns its message_id. ``location`` is (lat, long),
        ``venue`` (lat, long, title, address), ``sticker`` an emoji (Telegram sends a
        venue's location too, as ``location``)."""
        if all(x is None for x in (text, photo, document, location, venue, sticker)):
            raise ValueError("send() needs text, photo, document, location, venue or sticker")
        if text is not None and (photo is not None or document is not None):
            raise ValueError("use caption= together with photo/document")
        target = self._chat_of(user, chat)
        self._check_bot_present(target)
        self._join_silently(target, user)
        if target.type == "private":
            # Writing to the bot (the Start button sends /start) opens the private chat.
            target.started, target.blocked = True, False
        message = self.state.new_message(target, user, thread_id, self._target(target, reply_to))
        if text is not None:
            self._set_text(message, "text", "entities", text)
        if photo is not None:
            message["photo"] = self.state.photo_sizes(photo)
        if document is not None:
            upload = Upload(document[0], document[1], document[2])
            message["document"] = compose.load_media(self.state, "document", upload)[0]
        if caption:
            self._set_text(message, "caption", "caption_entities", caption)
        self._attach_place(message, location, venue)
        if sticker is not None:
            message["sticker"] = {"file_id": f"sticker-{len(self.state.files)}",
                                  "file_unique_id": f"s{len(self.state.files)}",
                                  "type": "regular", "width": 512, "height": 512,
                                  "is_animated": False, "is_video": False, "emoji": sticker}
        return self._deliver_user_message(message)

    @staticmethod
    def _attach_place(
        message: dict[str, Any], location: tuple[float, float] | None,
        venue: tuple[float, float, str, str] | None,
    ) -> None:
        if venue is not None:
            lat, lon, title, address = venue
            message["venue"] = {"location": {"latitude": lat, "longitude": lon},
                                "title": title, "address": address}
            location = (lat, lon)
        if location is not None:
            message["location"] = {"latitude": location[0], "longitude": location[1]}

    @staticmethod
    def _set_text(message: dict[str, Any], key: str, entities_key: str, text: str) -> None:
        message[key] = text
        message.pop(entities_key, None)
        if entities := auto_entities(text):
            message[entities_key] = entities

    def _deliver_user_message(self, message: dict[str, Any], kind: str = "message") -> int:
        self.state.store(message)
        chat_id = message["chat"]["id"]
        self.last_user_message[chat_id] = message["message_id"]
        self.state.push_update(kind, message)
        return int(message["message_id"])

    def edit(self, user: User, chat: ChatRef | None, message_id: int, new_text: str) -> None:
        """The user edits one of their text messages (an ``edited_message`` update)."""
        target = self._chat_of(user, chat)
        message = self.state.find_message(target.id, message_id)
        if message is None or message.get("from", {}).get("id") != user.id:
            raise AssertionError(f"no message {message_id} of user {user.id} in chat {target.id}")
        self._set_text(message, "text" if "text" in message else "caption", "entities", new_text)
        message["edit_date"] = self.state.now()
        self.state.push_update("edited_message", dict(message))

    def press(self, user: User, message_id: int, label: str, chat: ChatRef | None = None) -> str:
        """Press the inline button labelled ``label``; returns the callback query id."""
        target = self._chat_of(user, chat)
        sent = self.state.sent_index.get((target.id, message_id))
        if sent is None or sent.deleted:
            state = "was deleted" if sent else "does not exist"
            raise AssertionError(f"bot message {message_id} in chat {target.id} {state}")
        rows = (sent.reply_markup or {}).get("inline_keyboard") or []
        buttons = [button for row in rows for button in row]
        match = next((b for b in buttons if b.get("text") == label), None)
        if match is None:
            labels = [b.get("text") for b in buttons]
            raise AssertionError(f"no inline button {label!r} on message {message_id}: {labels}")
        if "callback_data" not in match:
            raise AssertionError(f"button {label!r} has no callback_data: {match}")
        return self.press_data(user, target, message_id, match["callback_data"])

    def press_data(self, user: User, chat: ChatRef | None, message_id: int, data: str) -> str:
        """Send a callback query with arbitrary (possibly forged) data."""
        target = self._chat_of(user, chat)
        message = self.state.find_message(target.id, message_id)
        if message is None:
            raise AssertionError(f"no message {message_id} in chat {target.id}")
        query_id = f"{user.id}{next(self._callback_ids):08d}"
        self.state.callbacks[query_id] = None
        query = {
            "id": query_id,
            "from": user.to_dict(),
            "message": dict(message),
            "chat_instance": str(abs(target.id) * 7 + 13),
            "data": data,
        }
        self.state.push_update("callback_query", query)
        return query_id

    def callback_answer(self, query_id: str) -> dict[str, Any] | None:
        """The bot's answerCallbackQuery for that query, or None if unanswered."""
        return self.state.callbacks.get(query_id)

    # ------------------------------------------------------ membership events
    def _service(self, chat: Chat, by: User, key: str, value: Any) -> None:
        message = self.state.new_message(chat, by, None, None)
        message[key] = value
        self._deliver_user_message(message)

    def _set_bot_status(self, chat: Chat, by: User, status: str) -> str:
        old = chat.bot_status
        chat.bot_status, chat.blocked = status, False
        old_member = member_dict(chat, self.bot_user, old)
        new_member = member_dict(chat, self.bot_user, status)
        push_member_update(self.state, chat, by, old_member, new_member, "my_chat_member")
        return old

    def bot_added(
        self, chat: ChatRef, by: User, as_admin: bool = False, service_message: bool = True
    ) -> None:
        """``by`` adds the bot to a group (``my_chat_member`` plus a service message)."""
        target = self.chat(chat)
        self._join_silently(target, by)
        old = self._set_bot_status(target, by, "administrator" if as_admin else "member")
        if service_message and old in ("left", "kicked"):
            self._service(target, by, "new_chat_members", [self.bot_user.to_dict()])

    def bot_removed(self, chat: ChatRef, by: User) -> None:
        """``by`` removes the bot from a group; the bot then gets 403 there."""
        target = self.chat(chat)
        self._set_bot_status(target, by, "kicked" if target.type == "supergroup" else "left")

    def member_joined(self, chat: ChatRef, user: User) -> int:
        """A user joins a group: a service message plus a ``chat_member`` update."""
        target = self.chat(chat)
        self._check_bot_present(target)
        if user.id not in target.member_ids:
            target.member_ids.append(user.id)
        old, new = member_dict(target, user, "left"), member_dict(target, user, "member")
        push_member_update(self.state, target, user, old, new, "chat_member")
        self._service(target, user, "new_chat_members", [user.to_dict()])
        return self.last_user_message[target.id]

    def member_left(self, chat: ChatRef, user: User) -> int:
        target = self.chat(chat)
        self._check_bot_present(target)
        for ids in (target.member_ids, target.admin_ids):
            if user.id in ids:
                ids.remove(user.id)
        old, new = member_dict(target, user, "member"), member_dict(target, user, "left")
        push_member_update(self.state, target, user, old, new, "chat_member")
        self._service(target, user, "left_chat_member", user.to_dict())
        return self.last_user_message[target.id]

    # --------------------------------------------------------------- reading
    def sent(self, chat: ChatRef) -> list[SentMessage]:
        """Every message the bot sent to that chat, in order (deleted ones included)."""
        return list(self.state.sent.get(self.chat(chat).id, []))

    def last(self, chat: ChatRef) -> SentMessage:
        messages = self.sent(chat)
        if not messages:
            recent = [name for name, _ in self.calls[-10:]]
            raise AssertionError(f"the bot sent nothing to chat {self.chat(chat).id}; {recent=}")
        return messages[-1]

    def message(self, chat: ChatRef, message_id: int) -> dict[str, Any] | None:
        """The current Message object (user or bot) as Telegram would return it."""
        return self.state.find_message(self.chat(chat).id, message_id)

    @staticmethod
    def buttons(msg: SentMessage | dict[str, Any] | None) -> list[str]:
        """Labels of an inline or reply keyboard, flattened row by row."""
        if isinstance(msg, SentMessage):
            markup = msg.reply_markup or {}
        else:
            markup = (msg or {}).get("reply_markup", msg) or {}
        rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
        return [b["text"] if isinstance(b, dict) else str(b) for row in rows for b in row]

    def commands(
        self,
        scope_type: str = "default",
        language_code: str | None = None,
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> list[dict[str, Any]]:
        scope: dict[str, Any] = {"type": scope_type}
        if chat_id is not None:
            scope["chat_id"] = chat_id
        if user_id is not None:
            scope["user_id"] = user_id
        return self.state.commands.get((scope_key(scope), language_code or ""), [])

    @property
    def settings(self) -> dict[str, dict[str, Any]]:
        """Stored descriptions, short descriptions, names and menu buttons."""
        return self.state.settings

    # --------------------------------------------------------------- waiting
    async def wait_for(
        self,
        predicate: Callable[[], object],
        timeout: float = 5.0,  # noqa: ASYNC109
        message: str | None = None,
    ) -> None:
        """Re-check ``predicate`` after every API call/update until it holds."""
        failure: list[BaseException] = []

        def check() -> bool:
            try:
                return bool(predicate())
            except (AssertionError, LookupError) as exc:
                failure[:] = [exc]
                return False

        if not await self.state.notifier.wait_for(check, timeout):
            detail = f"; last check raised {failure[0]!r}" if failure else ""
            recent = [name for name, _ in self.calls[-10:]]
            text = message or "condition not met"
            raise TimeoutError(f"{text} within {timeout}s{detail}; recent calls {recent}")

    async def wait_consumed(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Until every enqueued update was fetched by getUpdates or delivered to the webhook."""
        queue = self.state.updates
        if not await self.state.notifier.wait_for(lambda: queue.all_consumed, timeout):
            waiting = [
                u["update_id"] for u in queue.pending if u["update_id"] > queue.consumed_upto
            ]
            mode = f"webhook {self.state.webhook.url}" if self.state.webhook.url else "polling"
            raise TimeoutError(f"updates {waiting} not consumed within {timeout}s ({mode})")

    async def wait_sent(
        self,
        chat: ChatRef,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109
        after: int | None = None,
    ) -> list[SentMessage]:
        """Wait for ``count`` bot messages newer than ``after`` (default: last user message)."""
        chat_id = self.chat(chat).id
        floor = after if after is not None else self.last_user_message.get(chat_id, 0)

        def fresh() -> list[SentMessage]:
            return [m for m in self.state.sent.get(chat_id, []) if m.message_id > floor]

        await self.wait_for(
            lambda: len(fresh()) >= count, timeout, f"{count} bot message(s) in chat {chat_id}"
        )
        return fresh()
