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
    CommandSpec("badge", "role-cmd-badge"),
    CommandSpec("newcompound", "setup-cmd-newcompound", action=Action.COMPOUND_CREATE),
    CommandSpec("setup", "setup-cmd-setup", private=False, group=True,
                action=Action.CHAT_BIND, group_admin=True),
    CommandSpec("team", "team-cmd-team", group=True, action=Action.TEAM_MANAGE),
    CommandSpec("grant", "role-cmd-grant", group=True, action=Action.ROLE_GRANT),
    CommandSpec("revoke", "role-cmd-revoke", group=True, action=Action.ROLE_GRANT),
    CommandSpec("roles", "role-cmd-roles", group=True, action=Action.ROLE_LIST),
    CommandSpec("partymember", "role-cmd-partymember", group=True, action=Action.PARTY_MARK),
    CommandSpec("register", "reg-cmd-register"),
    CommandSpec("myhome", "reg-cmd-myhome"),
    CommandSpec("registerhere", "reg-cmd-registerhere", private=False, group=True,
                action=Action.REGISTER_POST, group_admin=True),
    CommandSpec("contacts", "dir-cmd-contacts", group=True),
    CommandSpec("profile", "profile-cmd"),
    CommandSpec("forgetme", "privacy-cmd-forgetme"),
    CommandSpec("qr", "qr-cmd", action=Action.QR_MAKE),
    CommandSpec("contactadd", "dir-cmd-contactadd", action=Action.DIRECTORY_EDIT),
    CommandSpec("contactdel", "dir-cmd-contactdel", action=Action.DIRECTORY_EDIT),
    CommandSpec("import", "import-cmd", action=Action.HOUSEHOLD_IMPORT),
    CommandSpec("poll", "poll-cmd-poll", action=Action.POLL_CREATE),
    CommandSpec("polls", "poll-cmd-polls", action=Action.POLL_CREATE),
    CommandSpec("report", "tk-cmd-report", group=True),
    CommandSpec("mytickets", "tk-cmd-mytickets"),
    CommandSpec("t", "tk-cmd-t", group=True),
    CommandSpec("ticket", "tk-cmd-ticket", private=False, group=True,
                action=Action.TICKET_FILE_FOR),
    CommandSpec("queue", "tk-cmd-queue", group=True, action=Action.TICKET_WORK),
    CommandSpec("note", "tk-cmd-note", private=False, group=True, action=Action.TICKET_WORK),
    CommandSpec("public", "tk-cmd-public", private=False, group=True,
                action=Action.TICKET_WORK),
    CommandSpec("canned", "tk-cmd-canned", private=False, group=True,
                action=Action.TICKET_WORK),
    CommandSpec("party", "tk-cmd-party", group=True, action=Action.TICKET_MEDIATE),
    CommandSpec("agree", "tk-cmd-agree", group=True, action=Action.TICKET_MEDIATE),
    CommandSpec("stats", "tk-cmd-stats", action=Action.TICKET_STATS),
    CommandSpec("digest", "tk-cmd-digest", action=Action.TICKET_DIGEST),
    CommandSpec("tkconfig", "tk-cmd-tkconfig", action=Action.TICKET_CONFIG),
    CommandSpec("indicators", "as-cmd-indicators", action=Action.ASSESSMENT_VIEW),
    CommandSpec("feerate", "as-cmd-feerate", action=Action.ASSESSMENT_ENTER),
    CommandSpec("score", "as-cmd-score", action=Action.ASSESSMENT_VIEW),
    CommandSpec("scheme", "as-cmd-scheme", action=Action.ASSESSMENT_VIEW),
    CommandSpec("monthly", "as-cmd-monthly", action=Action.ASSESSMENT_VIEW),
    CommandSpec("screen", "sc-cmd-screen", action=Action.SCREEN_MANAGE),
    CommandSpec("roster", "ro-cmd-roster", group=True),
    CommandSpec("myshifts", "ro-cmd-myshifts"),
    CommandSpec("swap", "ro-cmd-swap"),
    CommandSpec("activities", "act-cmd-activities"),
    CommandSpec("points", "pt-cmd-points"),
    CommandSpec("rewards", "rw-cmd-rewards"),
    CommandSpec("activity", "act-cmd-activity", action=Action.ACTIVITY_CREATE),
    CommandSpec("redeem", "rw-cmd-redeem", action=Action.VOUCHER_CONFIRM),
    CommandSpec("award", "pt-cmd-award", action=Action.POINTS_AWARD),
    CommandSpec("pointrules", "pt-cmd-pointrules", action=Action.POINTS_RULES),
    CommandSpec("ledger", "pt-cmd-ledger", action=Action.POINTS_RULES),
    CommandSpec("accounts", "acct-cmd-accounts", group=True),
    CommandSpec("newentry", "acct-cmd-newentry", action=Action.ACCOUNTS_RECORD),
    CommandSpec("reverse", "acct-cmd-reverse", action=Action.ACCOUNTS_RECORD),
    CommandSpec("category", "acct-cmd-category", action=Action.ACCOUNTS_CATEGORY),
    CommandSpec("ceiling", "acct-cmd-ceiling", action=Action.ACCOUNTS_SETTINGS),
    CommandSpec("accountscsv", "acct-cmd-csv", action=Action.ACCOUNTS_EXPORT),
    CommandSpec("fundapproval", "acct-cmd-fundapproval", action=Action.ACCOUNTS_APPROVE),
    CommandSpec("addreward", "rw-cmd-addreward", action=Action.REWARD_MANAGE),
    CommandSpec("merchants", "rw-cmd-merchants", action=Action.REWARD_MANAGE),
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
