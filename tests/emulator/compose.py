"""Shared building blocks of the message methods: validation, markup and media."""

from __future__ import annotations

from typing import Any

from .params import Params, Upload, bad_request
from .state import Chat, SentMessage, State, StoredFile
from .text import format_text

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
MEDIA_KINDS = ("photo", "document", "video", "audio", "animation", "voice")
CONTENT_KEYS = ("text", "entities", "caption", "caption_entities", *MEDIA_KINDS)
BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
    "web_app",
)


def parse_text(p: Params) -> tuple[str, list[dict[str, Any]]]:
    raw = p.get_str("text") or ""
    text, entities = format_text(raw, p.get_str("parse_mode"), p.get_json("entities"))
    if not text.strip():
        raise bad_request("message text is empty")
    if len(text) > TEXT_LIMIT:
        raise bad_request("message is too long")
    return text, entities


def parse_caption(
    raw: str | None, parse_mode: str | None, entities: list[dict[str, Any]] | None
) -> tuple[str | None, list[dict[str, Any]]]:
    if not raw:
        return None, []
    caption, parsed = format_text(raw, parse_mode, entities)
    if len(caption) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return caption or None, parsed


def caption_from_params(p: Params) -> tuple[str | None, list[dict[str, Any]]]:
    return parse_caption(
        p.get_str("caption"), p.get_str("parse_mode"), p.get_json("caption_entities")
    )


def check_button(button: Any) -> None:
    unallowed = (
        "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
    )
    if not isinstance(button, dict) or not button.get("text"):
        raise bad_request(unallowed)
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode("utf-8")) <= CALLBACK_DATA_LIMIT:
        raise bad_request("BUTTON_DATA_INVALID")
    if not any(key in button for key in BUTTON_ACTIONS):
        raise bad_request(unallowed)


def parse_markup(p: Params) -> dict[str, Any] | None:
    markup = p.get_json("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is not None:
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request('can\'t parse inline keyboard button: field "inline_keyboard"')
        for row in rows:
            for button in row:
                check_button(button)
    return markup


def inline_markup(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    if markup and "inline_keyboard" in markup:
        return {"inline_keyboard": markup["inline_keyboard"]}
    return None


def reply_target(st: State, chat: Chat, p: Params) -> dict[str, Any] | None:
    message_id = p.get_int("reply_to_message_id")
    allow = p.get_bool("allow_sending_without_reply")
    reply = p.get_json("reply_parameters")
    if isinstance(reply, dict) and reply.get("message_id") is not None:
        message_id = int(reply["message_id"])
        allow = bool(reply.get("allow_sending_without_reply", allow))
    if message_id is None:
        return None
    target = st.find_message(chat.id, message_id)
    if target is None and not allow:
        raise bad_request("message to be replied not found")
    return target


def new_bot_message(st: State, chat: Chat, p: Params) -> dict[str, Any]:
    target = reply_target(st, chat, p)
    return st.new_message(chat, st.bot, p.get_int("message_thread_id"), target)


def finish(
    st: State, message: dict[str, Any], markup: dict[str, Any] | None, method: str, **content: Any
) -> dict[str, Any]:
    if inline := inline_markup(markup):
        message["reply_markup"] = inline
    sent = SentMessage(
        message_id=message["message_id"],
        chat_id=message["chat"]["id"],
        text=message.get("text", message.get("caption")),
        reply_markup=markup,
        thread_id=message.get("message_thread_id"),
        reply_to_message_id=(message.get("reply_to_message") or {}).get("message_id"),
        entities=message.get("entities", message.get("caption_entities", [])),
        method=method,
        message=message,
        **content,
    )
    st.store_sent(sent)
    return message


def set_caption(message: dict[str, Any], caption: str | None, entities: list[Any]) -> None:
    message.pop("caption", None)
    message.pop("caption_entities", None)
    if caption:
        message["caption"] = caption
    if caption and entities:
        message["caption_entities"] = entities


def load_file(st: State, kind: str, source: Upload | str | None) -> StoredFile:
    if isinstance(source, Upload):
        mime = source.content_type
        if mime == "application/octet-stream":
            mime = None
        return st.add_file(source.content, kind, source.filename, mime)
    if not source:
        raise bad_request(f"there is no {kind} in the request")
    if source in st.files:
        return st.files[source]
    if source.startswith(("http://", "https://")):
        return st.add_file(b"", kind, source.rsplit("/", 1)[-1] or None)
    raise bad_request("wrong file identifier/HTTP URL specified")


def load_media(st: State, kind: str, source: Upload | str | None) -> tuple[Any, dict[str, Any]]:
    """The Message field value for a media kind and the SentMessage content fields."""
    stored = load_file(st, kind, source)
    if kind == "photo":
        return st.photo_sizes(stored.content), {"photo": stored.content}
    obj: dict[str, Any] = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.content),
    }
    if stored.file_name:
        obj["file_name"] = stored.file_name
    if stored.mime_type:
        obj["mime_type"] = stored.mime_type
    if kind in ("video", "animation"):
        obj.update(width=640, height=360, duration=1)
    elif kind in ("audio", "voice"):
        obj["duration"] = 1
    return obj, {"document": (stored.file_name or kind, stored.content)}
