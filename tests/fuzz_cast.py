"""Turns fuzz specs into raw Telegram updates against what the emulator knows right now."""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Iterator
from typing import Any

from tests.emulator import BotApiEmulator
from tests.emulator.compose import load_media
from tests.emulator.methods_chat import member_dict
from tests.emulator.params import Upload
from tests.emulator.state import Chat, User
from tests.emulator.text import auto_entities
from tests.fuzz_strategies import (
    CHANNEL_BOT,
    DATA_LIMIT,
    PRIVATE,
    Deep,
    Mangle,
    MessageSpec,
    OtherSpec,
    PressSpec,
    Spec,
    UserRef,
)

LINK = re.compile(r"start(?:group)?=([A-Za-z0-9_-]{1,64})")
PNG = bytes.fromhex(  # a 2x2 red image
    "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001649444154789c63"
    "3cc1c0c0c0c0c0c4c0c0c0c0c000000a5200cc5027a13c0000000049454e44ae426082")
DOCUMENTS = (
    ("homes.csv", "楼栋,单元,房号,面积\n3,2,301,88.5\n3,2,9999,-1\n".encode(), "text/csv"),
    ("homes.csv", "楼栋,单元,房号,面积\n3,2,302,70\n".encode("gbk"), "text/csv"),
    ("junk.csv", b"\xff\xfe\x00\x00,,,\n\x00", "text/csv"),
    ("empty.csv", b"", "text/csv"),
    ("photo.png", PNG, "image/png"),
)


def clip(data: str) -> str:
    return data.encode()[:DATA_LIMIT].decode("utf-8", "ignore") or "-"


class Cast:
    """Turns specs into raw updates against the emulator's state, storing what users send
    so the bot can reply to it, and remembers the buttons and links the bot handed out."""

    def __init__(self, emu: BotApiEmulator, people: list[User], groups: list[Chat],
                 channel: Chat) -> None:
        self.emu, self.state = emu, emu.state
        self.people, self.groups, self.channel = people, groups, channel
        self.data: list[str] = []
        self.payloads: list[str] = []
        self._known: set[str] = set()
        self._calls = 0
        self._ids = itertools.count(1_000_001)

    # -- pools --
    def harvest(self) -> None:
        for _name, params in self.emu.calls[self._calls:]:
            markup = params.get("reply_markup")
            rows = markup.get("inline_keyboard") or [] if isinstance(markup, dict) else []
            for button in (b for row in rows for b in row if isinstance(b, dict)):
                self._remember(self.data, button.get("callback_data"))
                self._links(button.get("url"))
            self._links(params.get("text"))
            self._links(params.get("caption"))
        self._calls = len(self.emu.calls)

    def _links(self, text: object) -> None:
        if isinstance(text, str) and "start" in text:
            for payload in LINK.findall(text):
                self._remember(self.payloads, payload)

    def _remember(self, pool: list[str], value: object) -> None:
        if isinstance(value, str) and (key := f"{id(pool)}:{value}") not in self._known:
            self._known.add(key)
            pool.append(value)

    def user(self, ref: UserRef, human: bool = False) -> User:
        if isinstance(ref, int) or (human and ref.is_bot):
            n = ref if isinstance(ref, int) else ref.id
            return self.people[n % len(self.people)]
        user = User(ref.id, ref.first_name, ref.last_name, ref.username, ref.language_code,
                    ref.is_bot)
        self.state.users[user.id] = user
        if not user.is_bot and user.id not in self.state.chats:
            self.state.chats[user.id] = Chat(user.id, "private", first_name=user.first_name)
        return user

    def chat(self, sel: int, user: User) -> Chat:
        if sel == PRIVATE and not user.is_bot:
            return self.state.chats[user.id]
        return self.groups[sel % len(self.groups)]

    def _stored(self, chat: Chat, n: int | None, sender: int | None = None) -> dict | None:
        rows = [m for m in self.state.history.get(chat.id, {}).values()
                if sender is None or (m.get("from") or {}).get("id") == sender]
        return rows[n % len(rows)] if rows and n is not None else None

    def wrap(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        return {"update_id": next(self._ids), kind: body}

    def render(self, spec: Spec) -> dict[str, Any]:
        self.harvest()
        if isinstance(spec, MessageSpec):
            return self.message(spec)
        if isinstance(spec, PressSpec):
            return self.press(spec)
        return render_other(self, spec)

    # -- messages --
    def message(self, spec: MessageSpec) -> dict[str, Any]:
        user = self.user(spec.user)
        chat = self.chat(spec.chat, user)
        earlier = self._stored(chat, spec.n, user.id) if spec.kind == "edited_message" else None
        if earlier is not None:
            msg = {k: v for k, v in earlier.items() if k not in CONTENT}
            msg["edit_date"] = self.state.now()
        else:
            msg = self.state.new_message(chat, user, spec.thread, self._stored(chat, spec.reply))
        if user.is_bot:
            sender = self.channel if user.id == CHANNEL_BOT else chat
            msg["sender_chat"] = sender.to_dict()
        if spec.kind == "business_message":
            msg["business_connection_id"] = f"bc{spec.n % 3}"
        self._media(msg, spec, chat, user)
        text = spec.text
        if isinstance(text, Deep):
            text = f"/start {self.payloads[text.n % len(self.payloads)]}" if self.payloads \
                else "/start"
        if text is not None:
            field = "caption" if {"photo", "document", "voice"} & msg.keys() else "text"
            value = text[:1024] if field == "caption" else text
            msg[field] = value
            if entities := auto_entities(value):
                msg["entities" if field == "text" else "caption_entities"] = entities
        self.state.store(msg)
        return self.wrap(spec.kind, msg)

    def _media(self, msg: dict[str, Any], spec: MessageSpec, chat: Chat, user: User) -> None:
        kind, n = spec.media, spec.n
        if kind == "photo":
            msg["photo"] = self.state.photo_sizes(PNG if n % 3 else b"not an image")
        elif kind == "document":
            name, content, mime = DOCUMENTS[n % len(DOCUMENTS)]
            msg["document"] = load_media(self.state, "document", Upload(name, content, mime))[0]
        elif kind in ("contact", "contact_other"):
            owner = user.id if kind == "contact" else self.people[n % len(self.people)].id
            msg["contact"] = {"phone_number": ("+86138" + str(n).zfill(8))[:14],
                              "first_name": user.first_name, "user_id": owner}
        elif kind == "location":
            msg["location"] = {"latitude": 31.23, "longitude": 121.47}
        elif kind in ("sticker", "voice"):
            msg[kind] = {"file_id": f"F{n}", "file_unique_id": f"U{n}", "duration": 1,
                         "type": "regular", "width": 512, "height": 512,
                         "is_animated": False, "is_video": False}
        elif kind == "new_members":
            joined = [self.people[n % len(self.people)], self.state.bot, user]
            msg["new_chat_members"] = [u.to_dict() for u in joined[: 1 + n % 3]]
        elif kind == "left_member":
            msg["left_chat_member"] = (self.state.bot if n % 4 == 0 else user).to_dict()
        elif kind == "migrate" and chat.type == "group":
            moved = Chat(-1_000_000_000_000 - 500_000 - n, "supergroup", title=chat.title)
            self.state.chats[moved.id] = moved
            msg["migrate_to_chat_id"] = moved.id
        else:
            msg.update(_service(kind, n, user, self._stored(chat, n)))

    # -- button presses --
    def press(self, spec: PressSpec) -> dict[str, Any]:
        user = self.user(spec.user, human=True)
        chat = self.chat(spec.chat, user)
        if not self.state.sent.get(chat.id):
            # Only what the bot sent has buttons: press in a chat where it said something.
            busy = sorted(c for c, sent in self.state.sent.items() if sent)
            chat = self.state.chats[busy[spec.target % len(busy)]]
        sent = [m for m in self.state.sent[chat.id] if not m.deleted] or self.state.sent[chat.id]
        target = sent[spec.target % len(sent)]
        stored = self.state.find_message(chat.id, target.message_id) or target.message
        message = dict(stored)
        if spec.inaccessible:
            message = {"chat": chat.to_dict(), "message_id": target.message_id, "date": 0}
        query_id = f"{user.id}-{next(self._ids)}"
        self.state.callbacks[query_id] = None
        query = {"id": query_id, "from": user.to_dict(), "message": message,
                 "chat_instance": str(abs(chat.id) * 7 + 13)}
        data = self._data(spec, stored)
        if data is None:
            query["game_short_name"] = "game"
        else:
            query["data"] = data
        return self.wrap("callback_query", query)

    def again(self, raw: dict[str, Any]) -> dict[str, Any] | None:
        """A double tap: the same press once more, carrying the message as it was."""
        if "callback_query" not in raw:
            return None
        query = copy.deepcopy(raw["callback_query"])
        query["id"] = f"{query['from']['id']}-{next(self._ids)}"
        self.state.callbacks[query["id"]] = None
        return self.wrap("callback_query", query)

    def _data(self, spec: PressSpec, message: dict | None) -> str | None:
        d = spec.data
        rows = ((message or {}).get("reply_markup") or {}).get("inline_keyboard") or []
        own = [b["callback_data"] for row in rows for b in row if "callback_data" in b]
        pool = own if own and spec.faithful else self.data
        real = pool[d.n % len(pool)] if pool else "tk:take:1"
        if d.how == "real":
            return real
        if d.how == "mutate":
            parts = real.split(":")
            i = d.n % (len(parts) + 1)
            parts[i:i + 1] = [d.value] if d.n % 5 else []
            return clip(":".join(parts))
        return None if d.how == "none" else clip(d.value)


CONTENT = ("text", "caption", "entities", "caption_entities", "photo", "document", "edit_date")


def _service(kind: str | None, n: int, user: User, earlier: dict | None) -> dict[str, Any]:
    """Message fields of the rarer kinds: service notes, dice, forwards, topics."""
    if kind == "pinned" and earlier is not None:
        return {"pinned_message": {k: v for k, v in earlier.items() if k != "reply_to_message"}}
    if kind == "created":
        return {"group_chat_created": True}
    if kind == "dice":
        return {"dice": {"emoji": "🎲", "value": 1 + n % 6}}
    if kind == "forward":
        return {"forward_origin": {"type": "user", "sender_user": user.to_dict(), "date": 1}}
    if kind == "web_app_data":
        return {"web_app_data": {"data": str(n), "button_text": "open"}}
    if kind == "topic":
        return {"forum_topic_created": {"name": f"topic {n}", "icon_color": 7322096}}
    return {}


def render_other(cast: Cast, spec: OtherSpec) -> dict[str, Any]:
    """Updates other than messages and presses: membership, inline, polls, reactions..."""
    user = cast.user(spec.user, human=spec.kind != "my_chat_member")
    chat = cast.chat(spec.chat, user)
    if chat.type == "private" and spec.kind in ("chat_member", "chat_join_request"):
        chat = cast.groups[spec.n % len(cast.groups)]
    who, now, n = user.to_dict(), cast.state.now(), spec.n
    if spec.kind in ("my_chat_member", "chat_member"):
        subject = cast.state.bot if spec.kind == "my_chat_member" else user
        old, new = spec.statuses
        if chat.type == "private":
            old, new = ("member", "kicked") if n % 2 else ("kicked", "member")
        body = {"chat": chat.to_dict(), "from": who, "date": now,
                "old_chat_member": member_dict(chat, subject, old),
                "new_chat_member": member_dict(chat, subject, new)}
    elif spec.kind == "chat_join_request":
        body = {"chat": chat.to_dict(), "from": who, "user_chat_id": user.id, "date": now}
    elif spec.kind == "inline_query":
        body = {"id": str(n), "from": who, "query": spec.text[:256], "offset": ""}
    elif spec.kind == "chosen_inline_result":
        body = {"result_id": str(n), "from": who, "query": spec.text[:256]}
    elif spec.kind == "poll_answer":
        body = {"poll_id": str(n), "user": who, "option_ids": [n % 3],
                "option_persistent_ids": [str(n % 3)]}
    elif spec.kind == "poll":
        body = {"id": str(n), "question": spec.text[:300] or "?", "total_voter_count": 1,
                "options": [{"text": "a", "voter_count": 1, "persistent_id": "0"}],
                "is_closed": bool(n % 2),
                "is_anonymous": True, "type": "regular", "allows_multiple_answers": False,
                "allows_revoting": False, "members_only": False}
    elif spec.kind in ("message_reaction", "message_reaction_count"):
        earlier = cast._stored(chat, n)
        body = {"chat": chat.to_dict(), "date": now,
                "message_id": earlier["message_id"] if earlier else 1 + n % 100}
        emoji = {"type": "emoji", "emoji": "👍"}
        if spec.kind == "message_reaction":
            body.update(user=who, old_reaction=[], new_reaction=[emoji])
        else:
            body["reactions"] = [{"type": emoji, "total_count": 1 + n % 5}]
    elif spec.kind in ("pre_checkout_query", "shipping_query"):
        body = {"id": str(n), "from": who, "currency": "XTR", "total_amount": 1 + n % 9,
                "invoice_payload": spec.text[:128]}
        if spec.kind == "shipping_query":
            body["shipping_address"] = {"country_code": "CN", "state": "", "city": "Shanghai",
                                        "street_line1": spec.text[:64], "street_line2": "",
                                        "post_code": "200000"}
    elif spec.kind in ("channel_post", "edited_channel_post"):
        body = cast.state.new_message(cast.channel, user, None, None)
        body.pop("from")
        body.update(sender_chat=cast.channel.to_dict(), text=spec.text or "post")
    else:  # a kind a later Bot API may add
        body = {"chat": chat.to_dict(), "from": who, "text": spec.text}
    return cast.wrap(spec.kind, body)


def _slots(node: Any) -> Iterator[tuple[Any, Any]]:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        yield node, key
        if isinstance(value, dict | list):
            yield from _slots(value)


def _sender(node: Any, key: Any) -> bool:
    """The Bot API promises a sender for every message outside channels (a stand-in user
    for anonymous admins and channels), and for every button press: that stays."""
    if key != "from" or not isinstance(node, dict):
        return False
    chat = node.get("chat")
    return not (isinstance(chat, dict) and chat.get("type") == "channel")


def _foreign(old: Any, new: Any) -> bool:
    """True when pydantic cannot read `new` as the type of `old`: a wrong type is meant to
    be refused, not quietly coerced into another chat id or message id."""
    if isinstance(old, bool):  # 0, 1, "yes", "off"... all read as booleans
        return not isinstance(new, bool | int | float | str)
    if isinstance(old, int | float):
        numeric = isinstance(new, str) and new.strip().lstrip("+-").replace(".", "", 1).isdigit()
        return not isinstance(new, bool | int | float) and not numeric
    if isinstance(old, str):
        return not isinstance(new, str)
    return type(old) is not type(new)


def mangle(raw: dict[str, Any], m: Mangle) -> dict[str, Any]:
    """A copy of `raw` with fields dropped, nulled, retyped or added at any depth.

    What it breaks is the schema, not Telegram's promises about values: a retyped field gets
    a value of another type, and a sender is never taken away (see `_sender`).
    """
    raw = copy.deepcopy(raw)
    for sel, op, value in m.ops:
        slots = list(_slots(raw))
        if not slots:
            break
        node, key = slots[sel % len(slots)]
        value = copy.deepcopy(value)  # strategies hand out the same list object again
        if op in ("drop", "null") and _sender(node, key):
            continue
        if op == "drop":
            node.pop(key)
        elif op == "null":
            node[key] = None
        elif op == "retype":
            node[key] = value if _foreign(node[key], value) else [value]
        else:
            (node[key] if isinstance(node[key], dict) else node if isinstance(node, dict)
             else raw)[f"x_{sel % 97}"] = value
    return raw
