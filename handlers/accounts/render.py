"""Service-built arguments and refusals in the reader's language."""

from __future__ import annotations

from typing import Any

from aiogram_i18n import I18nContext

from bot.i18n import render
from bot.rendering import MESSAGE_LIMIT, truncate
from services.accounts.errors import AccountsError

ALERT_LIMIT = 200  # Telegram shows at most 200 characters in a callback answer


def t(i18n: I18nContext, key: str, **args: Any) -> str:
    return truncate(render(i18n.core, i18n.locale, key, args), MESSAGE_LIMIT)


def refusal(i18n: I18nContext, error: AccountsError) -> str:
    return t(i18n, error.key, **error.args_)


def alert(text: str) -> str:
    return truncate(text, ALERT_LIMIT)
