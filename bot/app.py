"""The application factory: the same wiring in production and in tests."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.types import Update, User
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import db, heap
from bot.commands import register_commands
from bot.config import ConfigError, Settings
from bot.delivery import Limits, OutboxSender
from bot.i18n import make_core, make_middleware
from bot.inline_filters import inline_sync_filters
from bot.leader import Leadership
from bot.metrics import Metrics
from bot.middlewares import (
    ChatterGate,
    DbSessionMiddleware,
    ObserveMiddleware,
    PersonMiddleware,
    ThrottleMiddleware,
    TrackingDispatcher,
    UpdateTracker,
)
from bot.parking import LateCallbackAnswers, ParkedUpdates
from handlers import get_routers
from handlers.assessment.monthly import chart_words, label_in
from handlers.rosters.ical_route import web_routes as roster_web_routes
from handlers.screen.route import setup_web as screen_setup
from handlers.screen.route import web_routes as screen_web_routes
from scheduler import SweepRegistry, TickScheduler
from scheduler.jobs import register_all
from services import facts
from services.clock import Clock, SystemClock
from services.polls.ballots import server_key

if TYPE_CHECKING:
    from aiohttp import web

    from bot.facts_bus import RedisGeneration

log = logging.getLogger(__name__)
# aiohttp's web server is imported only when one is served: its import (which reads the
# system's MIME table) cost a polling bot without a web server 1.5 MB.
Route = tuple[str, str, Callable[["web.Request"], Awaitable["web.StreamResponse"]]]
LEADER_RETRY_SECONDS = 10
SHUTDOWN_GRACE_SECONDS = 25


def _storage(settings: Settings) -> tuple[BaseStorage, BaseEventIsolation]:
    if settings.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage

        storage = RedisStorage.from_url(settings.redis_url)
        return storage, storage.create_isolation()
    return MemoryStorage(), SimpleEventIsolation()


class App:
    def __init__(
        self, settings: Settings, clock: Clock | None = None, engine: AsyncEngine | None = None
    ) -> None:
        self.settings = settings
        self.clock = clock or SystemClock()
        self.engine = engine or db.create_engine(settings.database_url)
        # With Redis there may be other instances: this one keeps its own cache and hears of
        # their changes; without, every app of this process on the database shares one.
        self.facts = facts.Facts() if settings.redis_url else facts.for_url(str(self.engine.url))
        self.generation: RedisGeneration | None = None
        if settings.redis_url:
            from bot.facts_bus import RedisGeneration  # only a deployment with Redis loads it

            self.generation = RedisGeneration(settings.redis_url, self.facts)
        self.facts.generation = self.generation
        self.sessions = db.session_factory(
            self.engine, self.facts, self.generation.notify if self.generation else None)
        self.metrics = Metrics()
        self.tracker = UpdateTracker()
        self.core = make_core(settings.default_locale)
        # Feature pages served beside the webhook: the duty-roster calendar feeds and the
        # lobby screens (which bring their templates and static files along).
        self.extra_routes: list[Route] = [
            *roster_web_routes(self.sessions, self.core, self.clock),
            *screen_web_routes(self.sessions, self.core, self.clock, settings.default_locale)]
        self.web_setup: list[Callable[[web.Application], None]] = [screen_setup]
        self.me: User | None = None
        self.web_ready = asyncio.Event()

        api = TelegramAPIServer.from_base(settings.bot_api_base) if settings.bot_api_base else None
        self.bot = Bot(
            token=settings.bot_token,
            session=AiohttpSession(api=api) if api else AiohttpSession(),
            default=DefaultBotProperties(link_preview_is_disabled=True),
        )
        self.bot.session.middleware(LateCallbackAnswers())
        self.parked = ParkedUpdates(self.metrics.parked)
        self.storage, isolation = _storage(settings)
        self.dp = TrackingDispatcher(
            tracker=self.tracker, storage=self.storage, events_isolation=isolation
        )
        self.dp["clock"] = self.clock
        self.dp["settings"] = settings
        self.dp["app"] = self

        self.sender = OutboxSender(
            self.bot, self.sessions, self.core, self.clock, self.metrics,
            Limits(
                per_second=settings.outbox_rate_per_second,
                group_per_minute=settings.outbox_group_per_minute,
                chat_per_second=settings.outbox_chat_per_second,
                max_attempts=settings.outbox_max_attempts,
                concurrency=settings.outbox_concurrency,
            ),
            settings.default_locale, poll_seconds=settings.outbox_poll_seconds,
        )
        self.sweeps = SweepRegistry()
        register_all(self.sweeps, ballot_key=server_key(settings.bot_token),
                     superadmins=settings.superadmin_ids,
                     chart_words=partial(chart_words, self.core),
                     label=partial(label_in, self.core))
        self.scheduler = TickScheduler(
            self.sweeps, self.sessions, self.clock, settings.tz, settings.sweep_seconds,
            after_tick=self.sender.wake, before_tick=self.facts.check_generation,
        )
        self.leadership = Leadership(self.engine)
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[Any]] = []
        self._leading = False
        # Set once the first leadership round is decided (leading or following).
        self.settled = asyncio.Event()
        self._lead_stop = asyncio.Event()
        self._sender_task: asyncio.Task[None] | None = None
        self._wire()

    def _wire(self) -> None:
        dp = self.dp
        dp.update.outer_middleware(ObserveMiddleware(self.metrics))
        self.gate = ChatterGate(self.facts, self.clock, self.settings.default_locale)
        dp.update.outer_middleware(self.gate)
        dp.update.outer_middleware(DbSessionMiddleware(
            self.sessions, after=self.sender.wake, before=self.facts.check_generation))
        dp.update.outer_middleware(PersonMiddleware(
            self.clock, self.settings.default_locale, self.settings.superadmin_ids
        ))
        # Shutdown handlers run in the order registered: the sender and the scheduler stop
        # (releasing what they hold) before the i18n middleware shuts its core, which every
        # notice still being rendered needs.
        dp.shutdown.register(self._on_shutdown)
        make_middleware(self.core, self.settings.default_locale).setup(dp)
        dp.update.outer_middleware(
            ThrottleMiddleware(
                self.metrics, self.settings.throttle_burst, self.settings.throttle_period_seconds,
                self.settings.redis_url, clock=lambda: self.clock.now().timestamp(),
            )
        )
        dp.include_routers(*get_routers())
        inline_sync_filters(dp)
        # After the i18n core's own startup: the sender starts last.
        dp.startup.register(self._on_startup)

    # ---- lifecycle ----------------------------------------------------------------------
    async def prepare(self) -> None:
        """Check the database and the token, migrate, load translations. Raises ConfigError."""
        await db.ping(self.engine)
        try:
            self.me = await self.bot.get_me()
        except TelegramUnauthorizedError:
            raise ConfigError("BOT_TOKEN", "rejected by Telegram (401 Unauthorized)") from None
        except TelegramNetworkError as exc:
            setting = "BOT_API_BASE" if self.settings.bot_api_base else "BOT_TOKEN"
            raise ConfigError(setting, f"cannot reach the Bot API: {exc}") from None
        if self.settings.migrate_on_start:
            await db.migrate_apart(self.engine)
        if not self.core.locales:
            await self.core.startup()
        heap.freeze_startup_objects()

    async def _on_startup(self) -> None:
        assert self.me is not None, "call prepare() before starting"
        await register_commands(self.bot, self.core, self.settings.default_locale)
        self._stop.clear()
        self._tasks.append(asyncio.create_task(self._lead(), name="leader"))
        if self.generation is not None:
            self._tasks.append(asyncio.create_task(self.generation.listen(self._stop),
                                                   name="facts"))
        self._tasks.append(asyncio.create_task(
            self.parked.run(lambda: db.ping(self.engine, within=5), self._replay, self._stop),
            name="parked",
        ))
        log.info("started as @%s", self.me.username)

    async def _on_shutdown(self) -> None:
        # Polling has stopped taking updates; the ones already taken are finished, not cut.
        try:
            await self.tracker.wait(lambda: self.tracker.in_flight == 0, SHUTDOWN_GRACE_SECONDS)
        except TimeoutError:
            log.warning("%d updates still running at shutdown", self.tracker.in_flight)
        await self.stop_background()

    async def _lead(self) -> None:
        """Run the scheduler and the sender while this instance holds the leadership."""
        while not self._stop.is_set():
            try:
                leading = await self.leadership.try_acquire()
            except Exception as exc:  # the database is away: follow, try again later
                log.warning("cannot settle leadership: %s", exc)
                leading = False
            if leading and not self._leading:
                self._start_leading()
            elif not leading and self._leading:
                await self._stop_leading()
            self.settled.set()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(LEADER_RETRY_SECONDS):
                    await self._stop.wait()

    async def _replay(self, update: Update) -> None:
        await self.dp.feed_update(self.bot, update, **self.dp.workflow_data)

    @property
    def leading(self) -> bool:
        return self._leading

    def _start_leading(self) -> None:
        self._lead_stop = asyncio.Event()
        self.scheduler.start()
        if self.settings.outbox_sender:
            self._sender_task = asyncio.create_task(
                self.sender.run(self._lead_stop), name="sender"
            )
        self._leading = True
        self.metrics.leader.set(1)

    async def _stop_leading(self) -> None:
        await self.scheduler.stop()
        self._lead_stop.set()
        task, self._sender_task = self._sender_task, None
        if task is not None:
            # A send in flight finishes; the sender checks the event between rounds.
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(task, timeout=15)
        self._leading = False
        self.metrics.leader.set(0)

    async def stop_background(self) -> None:
        self._stop.set()
        if self._leading:
            await self._stop_leading()
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, timeout=15)
        await self.leadership.release()

    async def close(self) -> None:
        if self.generation is not None:
            await self.generation.close()
        await self.bot.session.close()
        await self.storage.close()
        await self.engine.dispose()

    # ---- modes --------------------------------------------------------------------------
    async def run_polling(self, *, handle_signals: bool = True) -> None:
        await self.prepare()
        runner: _Servers | None = None
        if self.settings.web_enabled:
            runner = await self._serve_web(webhook=False)
        try:
            await self.dp.start_polling(
                self.bot,
                handle_signals=handle_signals,
                close_bot_session=False,
                allowed_updates=self.dp.resolve_used_update_types(),
                polling_timeout=25,
            )
            await self._confirm_handled()
        finally:
            if runner is not None:
                await runner.cleanup()

    async def _confirm_handled(self) -> None:
        """Tell Telegram the last updates were handled, so a restart does not repeat them.

        Polling confirms a batch only with the next getUpdates, which never comes after a
        stop; one short call with the next offset does it.
        """
        if not self.tracker.handled:
            return
        offset = max(self.tracker.handled) + 1
        try:
            await self.bot.get_updates(offset=offset, limit=1, timeout=0,
                                       allowed_updates=self.dp.resolve_used_update_types())
        except Exception as exc:
            log.warning("could not confirm the last updates: %s", exc)

    async def run_webhook(self, stop: asyncio.Event | None = None) -> None:
        """Serve until `stop` is set (or SIGINT/SIGTERM when no event is given)."""
        if not self.settings.webhook_secret:
            raise ConfigError("WEBHOOK_SECRET", "required in webhook mode")
        await self.prepare()
        lifecycle = {"bot": self.bot, "dispatcher": self.dp, "bots": [self.bot],
                     **self.dp.workflow_data}
        await self.dp.emit_startup(**lifecycle)
        runner = await self._serve_web(webhook=True)
        if stop is None:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
        try:
            await stop.wait()
        finally:
            await runner.cleanup()  # finishes in-flight requests first
            await self.dp.emit_shutdown(**lifecycle)

    async def _serve_web(self, *, webhook: bool) -> _Servers:
        from aiohttp import web

        from bot.web import build_metrics_app, build_web_app

        servers = _Servers()
        runner = web.AppRunner(build_web_app(self, webhook=webhook), handle_signals=False)
        await runner.setup()
        servers.runners.append(runner)
        await web.TCPSite(runner, self.settings.web_host, self.settings.web_port).start()
        log.info("web server on %s:%s", self.settings.web_host, self.settings.web_port)
        if self.settings.metrics_port is not None:
            own = web.AppRunner(build_metrics_app(self), handle_signals=False)
            await own.setup()
            servers.runners.append(own)
            await web.TCPSite(own, self.settings.metrics_host, self.settings.metrics_port).start()
            log.info("metrics on %s:%s", self.settings.metrics_host, self.settings.metrics_port)
        self.web_ready.set()
        return servers


@dataclass
class _Servers:
    runners: list[Any] = field(default_factory=list)

    async def cleanup(self) -> None:
        for runner in self.runners:
            await runner.cleanup()  # finishes in-flight requests first


def build_app(settings: Settings, clock: Clock | None = None) -> App:
    return App(settings, clock)
