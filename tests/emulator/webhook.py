"""Delivery of updates to a webhook, in order, with a few retries."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

import aiohttp

from .params import ApiError, Params, read_params
from .state import State

Executor = Callable[[str, Params], Awaitable[tuple[int, dict[str, Any]]]]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookDeliverer:
    """POSTs pending updates to the configured webhook; replies carrying a method are run."""

    def __init__(self, state: State, execute: Executor) -> None:
        self.state = state
        self.execute = execute
        self.attempts = 3
        self.backoff = 0.05
        self.timeout = 10.0
        self.deliveries: list[tuple[int, int | None]] = []
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _next(self) -> dict[str, Any] | None:
        if not self.state.webhook.url:
            return None
        self.state.updates.drop_disallowed(self.state.webhook.allowed_updates)
        pending = self.state.updates.pending
        return pending[0] if pending else None

    async def _run(self) -> None:
        st = self.state
        while not st.closing:
            await st.notifier.wait_for(lambda: st.closing or self._next() is not None, 3600)
            update = None if st.closing else self._next()
            if update is None:
                continue
            await self._deliver(update)
            st.updates.remove(update)
            st.notifier.notify()

    async def _deliver(self, update: dict[str, Any]) -> bool:
        error = ""
        for attempt in range(self.attempts):
            if not self.state.webhook.url:
                return False
            try:
                status: int | None = await self._post(update)
            except (aiohttp.ClientError, TimeoutError) as exc:
                status, error = None, f"Connection failed: {type(exc).__name__}"
            self.deliveries.append((update["update_id"], status))
            if status is not None and 200 <= status < 300:
                return True
            if status is not None:
                error = f"Wrong response from the webhook: {status} {HTTPStatus(status).phrase}"
            await asyncio.sleep(self.backoff * 2**attempt)
        self.state.webhook.last_error_date = self.state.now()
        self.state.webhook.last_error_message = error
        return False

    async def _post(self, update: dict[str, Any]) -> int:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        headers = {}
        if self.state.webhook.secret_token:
            headers[SECRET_HEADER] = self.state.webhook.secret_token
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        async with self._session.post(
            self.state.webhook.url, json=update, headers=headers, timeout=timeout
        ) as response:
            if 200 <= response.status < 300:
                await self._run_reply(response)
            return response.status

    async def _run_reply(self, response: aiohttp.ClientResponse) -> None:
        """Telegram executes a method returned in the webhook response body."""
        try:
            params = await read_params(response.headers, response.content)
        except ApiError:
            return
        method = params.get_str("method")
        if method:
            params.values.pop("method", None)
            await self.execute(method, params)
