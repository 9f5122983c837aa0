"""The command menu, per scope and language.

Telegram's menu languages are two-letter codes, so "zh" cannot tell Simplified from
Traditional: the "zh" menu is Simplified, and a person whose locale is Traditional (or who
picked a language with /lang) gets a menu of their own on their private chat's scope.
"""

from __future__ import annotations

import logging

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

log = logging.getLogger(__name__)

# (command, Fluent key of its description); features add theirs here.
PRIVATE: list[tuple[str, str]] = [
    ("start", "cmd-start"), ("help", "cmd-help"), ("lang", "cmd-lang"),
]
GROUP: list[tuple[str, str]] = [("help", "cmd-help")]
GROUP_ADMIN: list[tuple[str, str]] = [("help", "cmd-help")]

# Telegram menu language -> our locale; None is the fallback for every other language.
MENU_LANGUAGES: dict[str | None, str] = {"zh": "zh-Hans", "en": "en"}


def _menu(core: FluentRuntimeCore, locale: str, entries: list[tuple[str, str]]) -> list[BotCommand]:
    return [BotCommand(command=c, description=core.get(k, locale)[:256]) for c, k in entries]


async def register_commands(bot: Bot, core: FluentRuntimeCore, default_locale: str) -> None:
    scopes = [
        (BotCommandScopeDefault(), PRIVATE),
        (BotCommandScopeAllPrivateChats(), PRIVATE),
        (BotCommandScopeAllGroupChats(), GROUP),
        (BotCommandScopeAllChatAdministrators(), GROUP_ADMIN),
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
            _menu(core, locale, PRIVATE), scope=BotCommandScopeChat(chat_id=chat_id)
        )
    except Exception:  # a menu is a nicety; never fail the person's action over it
        log.warning("could not set the command menu for chat %s", chat_id)
