"""HTTP layer of the emulator: routing, body parsing, errors, limits and fault injection."""

from __future__ import annotations

import asyncio
import inspect
import logging
import random
import time
from collections import Counter
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from .limits import RATE_LIMITED_METHODS, Fault, FaultInjector, RateLimiter, RatioFault
from .methods import METHOD_INDEX
from .params import ApiError, Params, read_params
from .state import State
from .webhook import WebhookDeliverer

log = logging.getLogger(__name__)

UNAUTHORIZED = ApiError(401, "Unauthorized")
NOT_FOUND_DESCRIPTION = "Not Found: method not found"
MAX_BODY = 60 * 1024 * 1024


def _json_error(error: ApiError) -> web.Response:
    return web.json_response(error.payload(), status=error.code)


class EmulatorServer:
    """An aiohttp server speaking the Bot API for one bot token."""

    def __init__(self, token: str, bot_id: int, bot_username: str, bot_name: str) -> None:
        self.token = token
        self.state = State(token, bot_id, bot_username, bot_name)
        self.faults = FaultInjector()
        self.limiter: RateLimiter | None = None
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.errors: list[BaseException] = []
        self.stats: dict[str, Any] = {}
        self.reset_stats()
        self.webhook = WebhookDeliverer(self.state, self.call)
        self.port = 0
        self._runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        if not self.port:
            raise RuntimeError("emulator is not started")
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        self.state.closing = False
        self.webhook.start()

    async def stop(self) -> None:
        self.state.closing = True
        self.state.notifier.notify()
        await self.webhook.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self.port = 0

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _json_error(UNAUTHORIZED)
        try:
            params = await read_params(request.headers, request.content, request.query)
        except ApiError as error:
            return _json_error(error)
        status, payload = await self.call(request.match_info["method"], params)
        return web.json_response(payload, status=status)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _json_error(UNAUTHORIZED)
        stored = self.state.files_by_path.get(request.match_info["path"])
        if stored is None:
            return _json_error(ApiError(404, "Not Found"))
        content_type = stored.mime_type or "application/octet-stream"
        return web.Response(body=stored.content, content_type=content_type)

    async def call(self, method: str, params: Params) -> tuple[int, dict[str, Any]]:
        """Run one API method the way an HTTP request would; returns (status, JSON body)."""
        entry = METHOD_INDEX.get(method.lower())
        name = entry[0] if entry else method
        self.calls.append((name, params.record()))
        self.stats["calls"][name] += 1
        self.state.notifier.notify()
        try:
            if entry is None:
                raise ApiError(404, NOT_FOUND_DESCRIPTION)
            result = await self._execute(name, entry[1], params)
            status, payload = 200, {"ok": True, "result": result}
        except ApiError as error:
            status, payload = error.code, error.payload()
        except Exception as exc:
            log.exception("emulator failure in %s", name)
            self.errors.append(exc)
            status, payload = 500, ApiError(500, f"Internal Server Error: {exc!r}").payload()
        self._count_status(status)
        self.state.notifier.notify()
        return status, payload

    async def _execute(self, name: str, handler: Callable[..., Any], params: Params) -> Any:
        if seconds := self.faults.delay_for(name):
            await asyncio.sleep(seconds)
        if error := self.faults.check(name):
            raise error
        self._check_rate(name, params)
        result = handler(self.state, params)
        if inspect.isawaitable(result):
            result = await result
        return result

    def _check_rate(self, name: str, params: Params) -> None:
        if self.limiter is None or name.lower() not in RATE_LIMITED_METHODS:
            return
        try:
            chat = self.state.resolve_chat(params.get_chat_id())
        except ApiError:
            return
        if error := self.limiter.check(chat):
            raise error

    def _count_status(self, status: int) -> None:
        self.stats["status"][status] += 1
        self.stats["total"] += 1
        if status == 429:
            self.stats["too_many_requests"] += 1

    def reset_stats(self, calls: bool = True) -> None:
        """Zero the counters (and forget recorded calls unless ``calls=False``)."""
        self.stats = {"calls": Counter(), "status": Counter(), "too_many_requests": 0, "total": 0}
        if calls:
            self.calls.clear()

    def fail(
        self,
        method: str,
        status: int,
        times: int = 1,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` ("*" for any) fail with ``status``."""
        fault = Fault(status, times, retry_after, description)
        self.faults.faults.setdefault(method.lower(), []).append(fault)

    def fail_ratio(
        self,
        method: str,
        ratio: float,
        status: int = 500,
        seed: int = 0,
        description: str | None = None,
    ) -> None:
        """Fail a deterministic pseudo-random fraction of the calls of ``method``."""
        fault = RatioFault(ratio, status, random.Random(seed), description)
        self.faults.ratios[method.lower()] = fault

    def delay(self, method: str, seconds: float) -> None:
        """Answer every call of ``method`` ("*" for any) only after ``seconds``."""
        self.faults.delays[method.lower()] = seconds

    def clear_faults(self) -> None:
        self.faults.clear()

    def enforce_rate_limits(
        self,
        global_per_s: int | None = 30,
        group_per_min: int | None = 20,
        chat_per_s: int | None = 1,
        clock: Callable[[], float] = time.monotonic,
    ) -> RateLimiter:
        """Turn on flood limits; ``chat_per_s`` applies to private chats. None disables one."""
        self.limiter = RateLimiter(global_per_s, group_per_min, chat_per_s, clock)
        return self.limiter

    def disable_rate_limits(self) -> None:
        self.limiter = None
