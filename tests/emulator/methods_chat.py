"""Bot API methods about the bot itself, updates, webhooks, chats, members and files."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .params import ApiError, Params, bad_request
from .state import Chat, State, User

ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_send_welcome_messages",
)
NO_RIGHTS = ("can_promote_members", "can_post_stories", "can_edit_stories", "can_delete_stories")
COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
CONFLICT_POLLING = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
FILE_SIZE_LIMIT = 20 * 1024 * 1024


def member_dict(chat: Chat, user: User, status: str) -> dict[str, Any]:
    """A ChatMember object of the given status."""
    member: dict[str, Any] = {"status": status, "user": user.to_dict()}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(can_be_edited=False, is_anonymous=False)
        member.update(dict.fromkeys(ADMIN_RIGHTS, True))
        member.update(dict.fromkeys(NO_RIGHTS, False))
        if chat.is_forum:
            member["can_manage_topics"] = True
    elif status == "kicked":
        member["until_date"] = 0
    return member


def status_of(st: State, chat: Chat, user_id: int) -> str:
    if user_id == st.bot.id:
        return chat.bot_status
    if chat.type == "private":
        return "member" if user_id == chat.id else "left"
    if user_id == chat.owner_id:
        return "creator"
    if user_id in chat.admin_ids:
        return "administrator"
    return "member" if user_id in chat.member_ids else "left"


def push_member_update(
    st: State, chat: Chat, actor: User, old: dict[str, Any], new: dict[str, Any], kind: str
) -> None:
    payload = {
        "chat": chat.to_dict(),
        "from": actor.to_dict(),
        "date": st.now(),
        "old_chat_member": old,
        "new_chat_member": new,
    }
    st.push_update(kind, payload)


def _user(st: State, user_id: int) -> User:
    if user_id == st.bot.id:
        return st.bot
    if user_id not in st.users:
        raise bad_request("user not found")
    return st.users[user_id]


def get_me(st: State, p: Params) -> dict[str, Any]:
    me = st.bot.to_dict()
    me.update(can_join_groups=True, can_read_all_group_messages=False)
    me.update(supports_inline_queries=False, can_connect_to_business=False)
    me["has_main_web_app"] = False
    return me


async def get_updates(st: State, p: Params) -> list[dict[str, Any]]:
    if st.webhook.url:
        raise ApiError(409, CONFLICT_WEBHOOK)
    limit = min(max(p.get_int("limit", 100) or 100, 1), 100)
    timeout = max(p.get_int("timeout", 0) or 0, 0)
    allowed = p.get_json("allowed_updates")
    if allowed is not None:
        st.allowed_updates = list(allowed) or None
    st.updates.confirm(p.get_int("offset"))
    st.poll_generation += 1
    generation = st.poll_generation
    st.notifier.notify()

    def ready() -> bool:
        superseded = generation != st.poll_generation
        return (
            st.closing
            or superseded
            or bool(st.webhook.url)
            or st.updates.available(st.allowed_updates)
        )

    if timeout:
        await st.notifier.wait_for(ready, timeout)
    if generation != st.poll_generation:
        raise ApiError(409, CONFLICT_POLLING)
    return st.updates.take(limit, st.allowed_updates)


def set_webhook(st: State, p: Params) -> bool:
    url = p.get_str("url") or ""
    secret = p.get_str("secret_token")
    if url and not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    if secret and not SECRET_RE.match(secret):
        raise bad_request("secret token contains unallowed characters")
    if p.get_bool("drop_pending_updates"):
        st.updates.drop_all()
    allowed = p.get_json("allowed_updates")
    st.webhook.url = url
    st.webhook.secret_token = secret or None
    st.webhook.allowed_updates = list(allowed) if allowed else None
    st.webhook.max_connections = p.get_int("max_connections", 40) or 40
    st.webhook.last_error_date = st.webhook.last_error_message = None
    return True


def delete_webhook(st: State, p: Params) -> bool:
    if p.get_bool("drop_pending_updates"):
        st.updates.drop_all()
    st.webhook.url = ""
    st.webhook.secret_token = None
    return True


def get_webhook_info(st: State, p: Params) -> dict[str, Any]:
    hook = st.webhook
    info: dict[str, Any] = {
        "url": hook.url,
        "has_custom_certificate": False,
        "pending_update_count": len(st.updates.pending),
    }
    if hook.url:
        info["max_connections"] = hook.max_connections
        if hook.allowed_updates:
            info["allowed_updates"] = hook.allowed_updates
    if hook.last_error_date:
        info.update(
            last_error_date=hook.last_error_date, last_error_message=hook.last_error_message
        )
    return info


def get_chat(st: State, p: Params) -> dict[str, Any]:
    chat = st.resolve_chat(p.get_chat_id())
    info = chat.to_dict()
    info.update(accent_color_id=0, max_reaction_count=11)
    gift_types = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
    info["accepted_gift_types"] = dict.fromkeys((*gift_types, "gifts_from_channels"), False)
    if chat.pinned and (pinned := st.find_message(chat.id, chat.pinned[-1])):
        info["pinned_message"] = pinned
    return info


def get_chat_member(st: State, p: Params) -> dict[str, Any]:
    chat = st.resolve_chat(p.get_chat_id())
    user = _user(st, p.require_int("user_id"))
    return member_dict(chat, user, status_of(st, chat, user.id))


def get_chat_administrators(st: State, p: Params) -> list[dict[str, Any]]:
    chat = st.resolve_chat(p.get_chat_id())
    if chat.type == "private":
        raise bad_request("there are no administrators in the private chat")
    ids = ([chat.owner_id] if chat.owner_id else []) + chat.admin_ids
    if chat.bot_status == "administrator":
        ids.append(st.bot.id)
    return [member_dict(chat, _user(st, uid), status_of(st, chat, uid)) for uid in ids]


def get_chat_member_count(st: State, p: Params) -> int:
    chat = st.resolve_chat(p.get_chat_id())
    if chat.type == "private":
        return 2
    humans = {chat.owner_id, *chat.admin_ids, *chat.member_ids} - {None}
    return len(humans) + (chat.bot_status in ("member", "administrator"))


def leave_chat(st: State, p: Params) -> bool:
    chat = st.resolve_chat(p.get_chat_id())
    if chat.type == "private":
        raise bad_request("chat member status can't be changed in private chats")
    if chat.bot_status in ("left", "kicked"):
        raise ApiError(403, f"Forbidden: bot is not a member of the {chat.type} chat")
    old = member_dict(chat, st.bot, chat.bot_status)
    chat.bot_status = "left"
    push_member_update(st, chat, st.bot, old, member_dict(chat, st.bot, "left"), "my_chat_member")
    return True


def scope_key(scope: Any) -> str:
    """Canonical JSON of a BotCommandScope, used to key stored commands."""
    data = dict(scope) if isinstance(scope, dict) else {"type": "default"}
    for key in ("chat_id", "user_id"):
        if isinstance(data.get(key), str) and data[key].lstrip("-").isdigit():
            data[key] = int(data[key])
    return json.dumps(data, sort_keys=True)


def _commands_key(p: Params) -> tuple[str, str]:
    return scope_key(p.get_json("scope")), p.get_str("language_code") or ""


def set_my_commands(st: State, p: Params) -> bool:
    commands = p.get_json("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("BOT_COMMANDS_TOO_MUCH" if commands else "commands is empty")
    for command in commands:
        if not COMMAND_RE.match(str(command.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", ""))) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    st.commands[_commands_key(p)] = [
        {"command": c["command"], "description": c["description"]} for c in commands
    ]
    return True


def delete_my_commands(st: State, p: Params) -> bool:
    st.commands.pop(_commands_key(p), None)
    return True


def get_my_commands(st: State, p: Params) -> list[dict[str, Any]]:
    return st.commands.get(_commands_key(p), [])


def _setting_setter(setting: str, limit: int) -> Callable[[State, Params], bool]:
    def handler(st: State, p: Params) -> bool:
        value = p.get_str(setting) or ""
        if len(value) > limit:
            raise bad_request(f"{setting.upper()}_INVALID")
        st.settings.setdefault(setting, {})[p.get_str("language_code") or ""] = value
        return True

    return handler


def _setting_getter(setting: str) -> Callable[[State, Params], dict[str, str]]:
    def handler(st: State, p: Params) -> dict[str, str]:
        values = st.settings.get(setting, {})
        language = p.get_str("language_code") or ""
        return {setting: values.get(language, values.get("", ""))}

    return handler


def set_chat_menu_button(st: State, p: Params) -> bool:
    chat_id = p.get_int("chat_id")
    button = p.get_json("menu_button") or {"type": "default"}
    st.settings.setdefault("menu_button", {})[str(chat_id or "")] = button
    return True


def get_chat_menu_button(st: State, p: Params) -> dict[str, Any]:
    buttons = st.settings.get("menu_button", {})
    key = str(p.get_int("chat_id") or "")
    return buttons.get(key, buttons.get("", {"type": "default"}))


def get_file(st: State, p: Params) -> dict[str, Any]:
    stored = st.files.get(p.get_str("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    if len(stored.content) > FILE_SIZE_LIMIT:
        raise bad_request("file is too big")
    return stored.to_dict()


CHAT_METHODS: dict[str, Callable[[State, Params], Any]] = {
    "getMe": get_me,
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "getChat": get_chat,
    "getChatMember": get_chat_member,
    "getChatAdministrators": get_chat_administrators,
    "getChatMemberCount": get_chat_member_count,
    "leaveChat": leave_chat,
    "setMyCommands": set_my_commands,
    "deleteMyCommands": delete_my_commands,
    "getMyCommands": get_my_commands,
    "setMyDescription": _setting_setter("description", 512),
    "getMyDescription": _setting_getter("description"),
    "setMyShortDescription": _setting_setter("short_description", 120),
    "getMyShortDescription": _setting_getter("short_description"),
    "setMyName": _setting_setter("name", 64),
    "getMyName": _setting_getter("name"),
    "setChatMenuButton": set_chat_menu_button,
    "getChatMenuButton": get_chat_menu_button,
    "getFile": get_file,
}
