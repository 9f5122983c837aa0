"""The command menu, per scope and language.

Telegram's menu languages are two-letter codes, so "zh" cannot tell Simplified from
Traditional: the "zh" menu is Simplified, and a person whose locale is Traditional (or who
picked a language with /lang) gets a menu of their own on their private chat's scope.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from aiogram import Bot
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BotCommandScopeDefault,
)
from aiogram_i18n.cores import FluentRuntimeCore

from services.policy import Action

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class CommandSpec:
    """One command: where it works, who may use it. Menus and /help are derived from these."""

    command: str
    key: str  # Fluent key of its one-line description
    private: bool = True
    group: bool = False
    # None: everyone. Otherwise shown to people allowed this action in some compound.
    action: Action | None = None
    # Shown in the menu of group admins (Telegram's all_chat_administrators scope).
    group_admin: bool = False


# Features add theirs here; the order is the menu's order.
COMMANDS: list[CommandSpec] = [
    CommandSpec("start", "cmd-start"),
    CommandSpec("help", "cmd-help", group=True),
    CommandSpec("lang", "cmd-lang"),
]


def _entries(pred: Callable[[CommandSpec], bool]) -> list[tuple[str, str]]:
    return [(c.command, c.key) for c in COMMANDS if pred(c)]


# Menus show what everyone may use; role-bound commands appear in /help for those allowed.
def private_menu() -> list[tuple[str, str]]:
    return _entries(lambda c: c.private and c.action is None)


def group_menu() -> list[tuple[str, str]]:
    return _entries(lambda c: c.group and c.action is None)


def group_admin_menu() -> list[tuple[str, str]]:
    return _entries(lambda c: c.group and (c.action is None or c.group_admin))

# Telegram menu language -> our locale; None is the fallback for every other language.
MENU_LANGUAGES: dict[str | None, str] = {"zh": "zh-Hans", "en": "en"}


def _menu(core: FluentRuntimeCore, locale: str, entries: list[tuple[str, str]]) -> list[BotCommand]:
    return [BotCommand(command=c, description=core.get(k, locale)[:256]) for c, k in entries]


async def register_commands(bot: Bot, core: FluentRuntimeCore, default_locale: str) -> None:
    scopes = [
        (BotCommandScopeDefault(), private_menu()),
        (BotCommandScopeAllPrivateChats(), private_menu()),
        (BotCommandScopeAllGroupChats(), group_menu()),
        (BotCommandScopeAllChatAdministrators(), group_admin_menu()),
    ]
    languages: dict[str | None, str] = {None: default_locale, **MENU_LANGUAGES}
    for scope, entries in scopes:
        for language, locale in languages.items():
            await bot.set_my_commands(
                _menu(core, locale, entries), scope=scope, language_code=language
            )


async def set_person_commands(bot: Bot, core: FluentRuntimeCore, chat_id: int, locale: str) -> None:
    try:
        await bot.set_my_commands(
            _menu(core, locale, private_menu()), scope=BotCommandScopeChat(chat_id=chat_id)
        )
    except Exception:  # a menu is a nicety; never fail the person's action over it
        log.warning("could not set the command menu for chat %s", chat_id)
