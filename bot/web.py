"""The aiohttp server: webhook endpoint, /healthz and /metrics."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text

from services.outbox import backlog

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)
APP_KEY: web.AppKey[App] = web.AppKey("steward_app")


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


async def metrics(request: web.Request) -> web.Response:
    app = request.app[APP_KEY]
    try:
        async with app.sessions() as session:
            app.metrics.outbox_backlog.set(await backlog(session))
    except Exception:
        log.warning("metrics: backlog unavailable")
    resp = web.Response(body=app.metrics.render())
    resp.headers["Content-Type"] = CONTENT_TYPE_LATEST
    return resp


def build_web_app(app: App, *, webhook: bool) -> web.Application:
    webapp = web.Application()
    webapp[APP_KEY] = app
    webapp.router.add_get("/healthz", healthz)
    webapp.router.add_get("/metrics", metrics)
    for method, path, route in app.extra_routes:
        webapp.router.add_route(method, path, route)
    if webhook:
        # Handled before answering 200, so an update Telegram saw acknowledged was processed.
        SimpleRequestHandler(
            dispatcher=app.dp,
            bot=app.bot,
            secret_token=app.settings.webhook_secret,
            handle_in_background=False,
        ).register(webapp, path=app.settings.webhook_path)
    return webapp
