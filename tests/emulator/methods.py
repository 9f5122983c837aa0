"""Bot API methods that create, change or remove messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import compose as c
from .methods_chat import CHAT_METHODS
from .params import Params, bad_request
from .state import Chat, SentMessage, State

Handler = Callable[[State, Params], Any]

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


def send_message(st: State, p: Params) -> dict[str, Any]:
    chat = st.writable_chat(p.get_chat_id())
    text, entities = c.parse_text(p)
    markup = c.parse_markup(p)
    message = c.new_bot_message(st, chat, p)
    message["text"] = text
    if entities:
        message["entities"] = entities
    return c.finish(st, message, markup, "sendMessage")


def _send_media(st: State, p: Params, kind: str, method: str) -> dict[str, Any]:
    chat = st.writable_chat(p.get_chat_id())
    caption, entities = c.caption_from_params(p)
    markup = c.parse_markup(p)
    value, content = c.load_media(st, kind, p.get_file(kind))
    message = c.new_bot_message(st, chat, p)
    message[kind] = value
    c.set_caption(message, caption, entities)
    return c.finish(st, message, markup, method, **content)


def _media_sender(kind: str, method: str) -> Handler:
    def handler(st: State, p: Params) -> dict[str, Any]:
        return _send_media(st, p, kind, method)

    handler.__name__ = method
    return handler


def send_media_group(st: State, p: Params) -> list[dict[str, Any]]:
    chat = st.writable_chat(p.get_chat_id())
    items = p.get_json("media")
    if not isinstance(items, list) or not items:
        raise bad_request("media is empty")
    if len(items) > 10:
        raise bad_request("too many messages to send as an album")
    prepared = []
    for item in items:
        kind = item.get("type")
        if kind not in ("photo", "video", "document", "audio"):
            raise bad_request(f'unsupported media type "{kind}" in the album')
        caption = c.parse_caption(
            item.get("caption"), item.get("parse_mode"), item.get("caption_entities")
        )
        prepared.append((kind, caption, c.load_media(st, kind, p.resolve_file(item.get("media")))))
    group_id = f"{chat.id}{st.now()}{len(st.sent.get(chat.id, []))}"
    messages = []
    for kind, (caption, entities), (value, content) in prepared:
        message = c.new_bot_message(st, chat, p)
        message.update({kind: value, "media_group_id": group_id})
        c.set_caption(message, caption, entities)
        messages.append(c.finish(st, message, None, "sendMediaGroup", **content))
        st.sent_index[(chat.id, message["message_id"])].media_group_id = group_id
    return messages


def _editable(st: State, p: Params) -> SentMessage:
    if p.has("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    chat = st.writable_chat(p.get_chat_id())
    message_id = p.require_int("message_id")
    if st.find_message(chat.id, message_id) is None:
        raise bad_request("message to edit not found")
    sent = st.sent_index.get((chat.id, message_id))
    if sent is None:
        raise bad_request("message can't be edited")
    return sent


def _apply_edit(
    st: State, sent: SentMessage, field: str, value: str | None, entities: list[Any], markup: Any
) -> dict[str, Any]:
    message = sent.message
    entity_key = "entities" if field == "text" else "caption_entities"
    inline = c.inline_markup(markup)
    same_text = message.get(field) == value and message.get(entity_key, []) == entities
    if same_text and message.get("reply_markup") == inline:
        raise bad_request(NOT_MODIFIED)
    if field == "text":
        message["text"] = value
        message.pop("entities", None)
        if entities:
            message["entities"] = entities
    elif field == "caption":
        c.set_caption(message, value, entities)
    message.pop("reply_markup", None)
    if inline:
        message["reply_markup"] = inline
    message["edit_date"] = st.now()
    if field != "reply_markup":
        sent.text, sent.entities = value, entities
        sent.edits.append(value or "")
    sent.reply_markup = markup
    return message


def edit_message_text(st: State, p: Params) -> dict[str, Any]:
    sent = _editable(st, p)
    if "text" not in sent.message:
        raise bad_request("there is no text in the message to edit")
    text, entities = c.parse_text(p)
    return _apply_edit(st, sent, "text", text, entities, c.parse_markup(p))


def edit_message_caption(st: State, p: Params) -> dict[str, Any]:
    sent = _editable(st, p)
    if not any(kind in sent.message for kind in c.MEDIA_KINDS):
        raise bad_request("there is no caption in the message to edit")
    caption, entities = c.caption_from_params(p)
    return _apply_edit(st, sent, "caption", caption, entities, c.parse_markup(p))


def edit_message_reply_markup(st: State, p: Params) -> dict[str, Any]:
    sent = _editable(st, p)
    message = sent.message
    field = "text" if "text" in message else "caption"
    entities = message.get("entities" if field == "text" else "caption_entities", [])
    return _apply_edit(st, sent, "reply_markup", message.get(field), entities, c.parse_markup(p))


def delete_message(st: State, p: Params) -> bool:
    chat = st.resolve_chat(p.get_chat_id())
    message_id = p.require_int("message_id")
    message = st.find_message(chat.id, message_id)
    if message is None:
        raise bad_request("message to delete not found")
    own = message.get("from", {}).get("id") == st.bot.id
    if not own and chat.is_group and chat.bot_status != "administrator":
        raise bad_request("message can't be deleted")
    del st.history[chat.id][message_id]
    if sent := st.sent_index.get((chat.id, message_id)):
        sent.deleted = True
    return True


def _source(st: State, p: Params, action: str) -> dict[str, Any]:
    source_chat = st.resolve_chat(p.get_chat_id("from_chat_id"))
    message = st.find_message(source_chat.id, p.require_int("message_id"))
    if message is None:
        raise bad_request(f"message to {action} not found")
    return message


def _copy_content(st: State, source: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    for key in c.CONTENT_KEYS:
        if key in source:
            target[key] = source[key]
    if "photo" in source:
        return {"photo": st.files[source["photo"][-1]["file_id"]].content}
    for kind in c.MEDIA_KINDS[1:]:
        if kind in source:
            stored = st.files[source[kind]["file_id"]]
            return {"document": (stored.file_name or kind, stored.content)}
    return {}


def copy_message(st: State, p: Params) -> dict[str, int]:
    chat = st.writable_chat(p.get_chat_id())
    source = _source(st, p, "copy")
    markup = c.parse_markup(p)
    caption = c.caption_from_params(p) if p.has("caption") else None
    message = c.new_bot_message(st, chat, p)
    content = _copy_content(st, source, message)
    if caption is not None:
        c.set_caption(message, *caption)
    c.finish(st, message, markup, "copyMessage", **content)
    return {"message_id": message["message_id"]}


def forward_message(st: State, p: Params) -> dict[str, Any]:
    chat = st.writable_chat(p.get_chat_id())
    source = _source(st, p, "forward")
    message = st.new_message(chat, st.bot, p.get_int("message_thread_id"), None)
    content = _copy_content(st, source, message)
    origin = {"type": "user", "sender_user": source["from"], "date": source["date"]}
    message["forward_origin"] = origin
    return c.finish(st, message, None, "forwardMessage", **content)


def _pin_target(st: State, p: Params) -> tuple[Chat, int | None]:
    chat = st.writable_chat(p.get_chat_id())
    if chat.is_group and chat.bot_status != "administrator":
        raise bad_request("not enough rights to manage pinned messages in the chat")
    return chat, p.get_int("message_id")


def pin_chat_message(st: State, p: Params) -> bool:
    chat, message_id = _pin_target(st, p)
    if message_id is None or st.find_message(chat.id, message_id) is None:
        raise bad_request("message to pin not found")
    if message_id in chat.pinned:
        chat.pinned.remove(message_id)
    chat.pinned.append(message_id)
    if sent := st.sent_index.get((chat.id, message_id)):
        sent.pinned = True
    return True


def _unpin(st: State, chat: Chat, message_id: int) -> None:
    if message_id in chat.pinned:
        chat.pinned.remove(message_id)
    if sent := st.sent_index.get((chat.id, message_id)):
        sent.pinned = False


def unpin_chat_message(st: State, p: Params) -> bool:
    chat, message_id = _pin_target(st, p)
    if message_id is None and chat.pinned:
        message_id = chat.pinned[-1]
    if message_id is not None:
        _unpin(st, chat, message_id)
    return True


def unpin_all_chat_messages(st: State, p: Params) -> bool:
    chat, _ = _pin_target(st, p)
    for message_id in list(chat.pinned):
        _unpin(st, chat, message_id)
    return True


def answer_callback_query(st: State, p: Params) -> bool:
    query_id = p.get_str("callback_query_id") or ""
    if query_id not in st.callbacks or st.callbacks[query_id] is not None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = p.get_str("text")
    if text and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    st.callbacks[query_id] = {
        "text": text,
        "show_alert": p.get_bool("show_alert"),
        "url": p.get_str("url"),
        "cache_time": p.get_int("cache_time", 0),
    }
    return True


def send_chat_action(st: State, p: Params) -> bool:
    st.writable_chat(p.get_chat_id())
    if p.get_str("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


MESSAGE_METHODS: dict[str, Handler] = {
    "sendMessage": send_message,
    "sendPhoto": _media_sender("photo", "sendPhoto"),
    "sendDocument": _media_sender("document", "sendDocument"),
    "sendVideo": _media_sender("video", "sendVideo"),
    "sendAudio": _media_sender("audio", "sendAudio"),
    "sendAnimation": _media_sender("animation", "sendAnimation"),
    "sendVoice": _media_sender("voice", "sendVoice"),
    "sendMediaGroup": send_media_group,
    "editMessageText": edit_message_text,
    "editMessageCaption": edit_message_caption,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "copyMessage": copy_message,
    "forwardMessage": forward_message,
    "pinChatMessage": pin_chat_message,
    "unpinChatMessage": unpin_chat_message,
    "unpinAllChatMessages": unpin_all_chat_messages,
    "answerCallbackQuery": answer_callback_query,
    "sendChatAction": send_chat_action,
}

METHODS: dict[str, Handler] = {**MESSAGE_METHODS, **CHAT_METHODS}
METHOD_INDEX: dict[str, tuple[str, Handler]] = {
    name.lower(): (name, handler) for name, handler in METHODS.items()
}
