"""The aiohttp server: webhook endpoint, /healthz and /metrics.

/metrics says how busy the bot is and how many notices failed: it is not for the whole
internet. It is served on the main port only when that listens on loopback or the request
carries METRICS_TOKEN as a bearer token; METRICS_PORT gives it a server of its own on
METRICS_HOST (127.0.0.1 unless set).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import ValidationError
from sqlalchemy import text

from services.outbox import backlog

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)
APP_KEY: web.AppKey[App] = web.AppKey("steward_app")
OWN_KEY: web.AppKey[bool] = web.AppKey("metrics_own_server")


class CheckedRequestHandler(SimpleRequestHandler):
    """Telegram's webhook; a body that is not JSON or not an Update is refused with 400
    and one log line instead of a 500 with a traceback."""

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        try:
            raw: Any = await request.json(loads=bot.session.json_loads)
            update = Update.model_validate(raw, context={"bot": bot})
        except (json.JSONDecodeError, UnicodeDecodeError, ValueError, ValidationError) as exc:
            reason = type(exc).__name__
            log.warning("webhook: refused a body that is not an Update (%s) from %s",
                        reason, request.remote)
            return web.json_response({"ok": False, "error": "not a Telegram update"},
                                     status=400)
        result = await self.dispatcher.feed_webhook_update(bot, update, **self.data)
        return web.Response(body=self._build_response_writer(bot=bot, result=result))


async def healthz(request: web.Request) -> web.Response:
    app = request.app[APP_KEY]
    try:
        async with app.sessions() as session:
            await session.execute(text("SELECT 1"))
            pending = await backlog(session)
    except Exception as exc:
        log.warning("health check: database unreachable: %s", exc)
        return web.json_response({"status": "fail", "database": "unreachable"}, status=503)
    return web.json_response({"status": "ok", "database": "ok", "outbox_backlog": pending,
                              "leader": app.leadership.is_leader})


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def metrics_allowed(app: App, request: web.Request, *, own_server: bool) -> bool:
    token = app.settings.metrics_token
    if token:
        given = request.headers.get("Authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    if own_server:
        return True
    return app.settings.metrics_port is None and _loopback(app.settings.web_host)


async def metrics(request: web.Request) -> web.Response:
    app = request.app[APP_KEY]
    if not metrics_allowed(app, request, own_server=request.app[OWN_KEY]):
        # The same answer as for a path that does not exist: nothing to learn here.
        raise web.HTTPNotFound()
    try:
        async with app.sessions() as session:
            app.metrics.outbox_backlog.set(await backlog(session))
    except Exception:
        log.warning("metrics: backlog unavailable")
    resp = web.Response(body=app.metrics.render())
    resp.headers["Content-Type"] = CONTENT_TYPE_LATEST
    return resp


def build_metrics_app(app: App) -> web.Application:
    webapp = web.Application()
    webapp[APP_KEY] = app
    webapp[OWN_KEY] = True
    webapp.router.add_get("/metrics", metrics)
    return webapp


def build_web_app(app: App, *, webhook: bool) -> web.Application:
    webapp = web.Application()
    webapp[APP_KEY] = app
    webapp[OWN_KEY] = False
    webapp.router.add_get("/healthz", healthz)
    webapp.router.add_get("/metrics", metrics)
    for method, path, route in app.extra_routes:
        webapp.router.add_route(method, path, route)
    for setup in app.web_setup:
        setup(webapp)
    if webhook:
        # Handled before answering 200, so an update Telegram saw acknowledged was processed.
        CheckedRequestHandler(
            dispatcher=app.dp,
            bot=app.bot,
            secret_token=app.settings.webhook_secret,
            handle_in_background=False,
        ).register(webapp, path=app.settings.webhook_path)
    return webapp
