"""The one place unexpected errors end: logged with a reference, apologised for."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from aiogram import Router
from aiogram.types import ErrorEvent
from aiogram_i18n import I18nContext, I18nMiddleware

from services.locale import locale_for

log = logging.getLogger("steward.errors")


async def on_error(event: ErrorEvent, **data: Any) -> bool:
    ref = secrets.token_hex(4)
    log.error(
        "update %s failed [ref %s]: %r", event.update.update_id, ref, event.exception,
        exc_info=event.exception, extra={"ref": ref, "update_id": event.update.update_id},
    )
    middleware: I18nMiddleware | None = data.get("i18n_middleware")
    if middleware is None:
        return True
    # The session was rolled back, so the person row may be expired: use the locale the
    # i18n middleware already resolved for this update.
    context: I18nContext | None = data.get("i18n")
    user = data.get("event_from_user")
    default = middleware.core.default_locale or "zh-Hans"
    locale = context.locale if context else locale_for(
        getattr(user, "language_code", None), default
    )
    text = middleware.core.get("error-apology", locale, ref=ref)
    update = event.update
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.message is not None:
            await update.message.answer(text)
    except Exception:  # the apology itself must never raise out of the error handler
        log.warning("could not send the apology for ref %s", ref, exc_info=True)
    return True


def build_router() -> Router:
    router = Router(name="errors")
    router.errors.register(on_error)
    return router
