"""GET /ical/<token>.ics on the bot's web server: a person's shifts for their phone calendar."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

if TYPE_CHECKING:
    from aiohttp import web

from bot.config import Settings
from services.clock import Clock
from services.rosters import ical

PATH = "/ical/{token}.ics"
Handler = Callable[["web.Request"], Awaitable["web.StreamResponse"]]


def public_base(settings: Settings) -> str | None:
    """Where this server is reachable from outside (also the lobby screens' base), if known."""
    if settings.webhook_url:
        parts = urlsplit(settings.webhook_url)
        return f"{parts.scheme}://{parts.netloc}"
    if settings.web_enabled and settings.web_host not in ("0.0.0.0", "::", ""):
        return f"http://{settings.web_host}:{settings.web_port}"
    return None


def feed_url(settings: Settings, token: str) -> str | None:
    """The public address of a feed, when this server is reachable from outside."""
    base = public_base(settings)
    return f"{base}/ical/{token}.ics" if base else None


def make_handler(sessions: async_sessionmaker[AsyncSession], core: FluentRuntimeCore,
                 clock: Clock) -> Handler:
    async def feed(request: web.Request) -> web.StreamResponse:
        from aiohttp import web  # the server is loaded only where one is served

        token = request.match_info.get("token", "")
        async with sessions() as session:
            person = await ical.person_for(session, token)
            if person is None:
                raise web.HTTPNotFound()
            now = clock.now()
            shifts = await ical.shifts_for(session, person.id, now)
        title = core.get("ro-ical-title", person.locale)
        body = ical.calendar_bytes(title, shifts, person.id, now, request.host or "steward")
        return web.Response(body=body, content_type="text/calendar", charset="utf-8",
                            headers={"Cache-Control": "private, max-age=300"})

    return feed


def web_routes(sessions: async_sessionmaker[AsyncSession], core: FluentRuntimeCore,
               clock: Clock) -> list[tuple[str, str, Handler]]:
    return [("GET", PATH, make_handler(sessions, core, clock))]
