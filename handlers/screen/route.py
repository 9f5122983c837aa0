"""GET /screen/<token> and /screen/<token>/data: the lobby screen on the bot's web server.

The page and its data carry the same figures: the page draws them once, then polls the
data every few seconds and updates in place. An unknown or rotated token is a plain 404.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

if TYPE_CHECKING:
    from aiohttp import web

from bot.i18n import render
from services import screen
from services.clock import Clock
from services.rosters.display import hhmm
from services.screen.data import AGES, Screen, gather

PAGE = "/screen/{token}"
DATA = "/screen/{token}/data"
STATIC = "/screen-static"
WEB_DIR = Path(__file__).resolve().parents[2] / "web"
LOCALES = ("zh-Hans", "zh-Hant", "en")
POLL_MS = 2500
Handler = Callable[["web.Request"], Awaitable["web.StreamResponse"]]
# The address is the secret: keep it out of caches, referrers and search engines.
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
           "X-Robots-Tag": "noindex"}


def setup_web(webapp: web.Application) -> None:
    """Templates and the page's own script and style, served by the bot (no CDN)."""
    import aiohttp_jinja2
    import jinja2

    aiohttp_jinja2.setup(webapp, loader=jinja2.FileSystemLoader(WEB_DIR / "templates"),
                         autoescape=jinja2.select_autoescape(["html"]))
    webapp.router.add_static(STATIC, WEB_DIR / "static")


def view(core: FluentRuntimeCore, locale: str, data: Screen, now: datetime) -> dict[str, Any]:
    """Every text the page shows, rendered here so the page and the data agree."""
    def w(key: str, **args: Any) -> str:
        return render(core, locale, key, args)

    def hours(value: Any) -> str:
        return w("sc-none") if value is None else w("sc-hours", hours=str(value))

    figures = {"open": str(data.open_tickets),
               **{f"age-{a}": str(data.by_age.get(a, 0)) for a in AGES},
               "accept": hours(data.accept_median), "resolve": hours(data.resolve_median),
               "rating": w("sc-none") if data.mean_rating is None
               else w("sc-stars", rating=str(data.mean_rating)),
               "updated": w("sc-updated", time=hhmm(now, data.tz))}
    categories = sorted(data.by_category.items(), key=lambda kv: (-kv[1], kv[0]))
    lists = {
        "categories": [[w(f"tk-cat-{c}"), str(n)] for c, n in categories],
        "votes": _votes(w, data),
        "duties": [[w("sc-duty-when", roster=d.roster, start=hhmm(d.starts_at, data.tz),
                      end=hhmm(d.ends_at, data.tz)),
                    w("ro-list-sep").join(d.names) or w("sc-nobody")] for d in data.duties],
        "activities": [[w("sc-activity-when", title=a.title,
                          start=a.starts_at.astimezone(data.tz).strftime("%m-%d %H:%M")),
                        w("sc-left", left=a.left)] for a in data.activities],
    }
    return {"figures": figures, "lists": lists}


def _votes(w: Callable[..., str], data: Screen) -> list[list[str]]:
    rows: list[list[str]] = []
    for vote in data.votes:
        t = vote.turnout
        rows.append([vote.question, w("sc-turnout", voted=t.voted, eligible=t.eligible)
                     if t.eligible else w("sc-turnout-open", voted=t.voted)])
        # Turnout only, building by building: choices stay sealed until the close.
        rows += [[f"· {b.name}", w("sc-turnout", voted=b.voted, eligible=b.eligible), "sub"]
                 for b in t.buildings]
    return rows


def make_handlers(sessions: async_sessionmaker[AsyncSession], core: FluentRuntimeCore,
                  clock: Clock, default_locale: str) -> tuple[Handler, Handler]:
    async def load(request: web.Request) -> tuple[str, str, dict[str, Any]]:
        from aiohttp import web  # the server is loaded only where one is served

        async with sessions() as session:
            compound = await screen.compound_for(session, request.match_info.get("token", ""))
            if compound is None:
                raise web.HTTPNotFound()
            now = clock.now()
            data = await gather(session, compound, now)
        asked = request.query.get("lang", "")
        locale = asked if asked in LOCALES else default_locale
        return locale, compound.name, view(core, locale, data, now)

    async def page(request: web.Request) -> web.StreamResponse:
        import aiohttp_jinja2

        locale, name, shown = await load(request)
        words = {k: render(core, locale, f"sc-{k}", {}) for k in (
            "open", "by-category", "by-age", "age-day", "age-days3", "age-older", "month",
            "accept", "resolve", "rating", "votes", "duty", "activities", "empty",
            "offline")}
        context = {"lang": locale, "title": render(core, locale, "sc-title", {"compound": name}),
                   "words": words, "data_url": f"{request.path}/data", "poll_ms": POLL_MS,
                   "static": STATIC, **shown}
        response = aiohttp_jinja2.render_template("screen.html", request, context)
        response.headers.update(HEADERS)
        return response

    async def data(request: web.Request) -> web.StreamResponse:
        from aiohttp import web

        _, _, shown = await load(request)
        return web.json_response(shown, headers=HEADERS)

    return page, data


def web_routes(sessions: async_sessionmaker[AsyncSession], core: FluentRuntimeCore,
               clock: Clock, default_locale: str) -> list[tuple[str, str, Handler]]:
    page, data = make_handlers(sessions, core, clock, default_locale)
    return [("GET", PAGE, page), ("GET", DATA, data)]
