"""The one place unexpected errors end: logged with a reference, apologised for."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from aiogram import Router
from aiogram.types import ErrorEvent
from aiogram_i18n import I18nContext, I18nMiddleware

from bot.parking import is_db_unavailable
from services.locale import locale_for

log = logging.getLogger("steward.errors")


async def on_error(event: ErrorEvent, **data: Any) -> bool:
    if is_db_unavailable(event.exception):
        await _database_away(event, data)
        return True
    ref = secrets.token_hex(4)
    log.error(
        "update %s failed [ref %s]: %r", event.update.update_id, ref, event.exception,
        exc_info=event.exception, extra={"ref": ref, "update_id": event.update.update_id},
    )
    text = _text(data, "error-apology", ref=ref)
    if text is not None:
        await _answer(event, text)
    return True


async def _database_away(event: ErrorEvent, data: dict[str, Any]) -> None:
    app = data.get("app")
    kept = app is not None and app.parked.park(event.update)
    log.warning("update %s %s: database unavailable (%s)", event.update.update_id,
                "kept for later" if kept else "could not be kept", type(event.exception).__name__)
    chat = data.get("event_chat")
    first = app is not None and app.parked.first_word_to(getattr(chat, "id", None))
    text = _text(data, "db-unavailable-kept" if kept else "db-unavailable-retry")
    if text is not None:
        # Straight to Telegram, not through the outbox: the outbox lives in the database.
        await _answer(event, text, message=first or not kept)


def _text(data: dict[str, Any], key: str, **args: Any) -> str | None:
    middleware: I18nMiddleware | None = data.get("i18n_middleware")
    app = data.get("app")
    core = middleware.core if middleware is not None else getattr(app, "core", None)
    if core is None:
        return None
    # The session was rolled back (or never opened), so the person row may be missing:
    # use the locale the i18n middleware resolved, else the Telegram language.
    context: I18nContext | None = data.get("i18n")
    user = data.get("event_from_user")
    default = core.default_locale or "zh-Hans"
    locale = context.locale if context else locale_for(
        getattr(user, "language_code", None), default
    )
    return str(core.get(key, locale, **args))


async def _answer(event: ErrorEvent, text: str, *, message: bool = True) -> None:
    update = event.update
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.message is not None and message:
            await update.message.answer(text)
    except Exception:  # the apology itself must never raise out of the error handler
        log.warning("could not tell update %s what happened", update.update_id, exc_info=True)


def build_router() -> Router:
    router = Router(name="errors")
    router.errors.register(on_error)
    return router
