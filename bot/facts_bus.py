"""Cached rows stay true across instances: a Redis counter for rules, a channel for facts.

After a commit that changed a cached table, the instance that made it bumps
`steward:facts:generation` (when a rule table changed) and publishes the changed keys on
`steward:facts`. Every update that reaches the handlers first reads the counter (one Redis
round trip, no SQL) and drops all cached rules when another instance moved it, so a role
or binding changed on instance A is obeyed by instance B on its next update. People and
chats are dropped per key when their message arrives; a dropped connection drops them all.
Without Redis there is one process, and the commit itself drops what it changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from typing import Any

from redis.asyncio import Redis  # this module is imported only when REDIS_URL is set

from services.facts import RULES, Change, Facts

log = logging.getLogger(__name__)
GENERATION_KEY = "steward:facts:generation"
CHANNEL = "steward:facts"


class RedisGeneration:
    def __init__(self, url: str, facts: Facts) -> None:
        self.redis: Redis = Redis.from_url(url)
        self.facts = facts
        self.origin = secrets.token_hex(6)
        self._tasks: set[asyncio.Task[None]] = set()

    async def current(self) -> int | None:
        value = await self.redis.get(GENERATION_KEY)
        return int(value) if value is not None else 0

    def notify(self, changes: list[Change]) -> None:
        """Called at a commit (a synchronous SQLAlchemy event): tell the others soon."""
        task = asyncio.get_running_loop().create_task(self.bump(changes))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def bump(self, changes: list[Change]) -> None:
        try:
            if any(table in RULES for table, _ in changes):
                before = self.facts.seen_generation
                after = int(await self.redis.incr(GENERATION_KEY))
                if before is not None and after == before + 1:
                    self.facts.seen_generation = after  # only our own change: nothing to drop
            payload = json.dumps({"from": self.origin, "changes": changes}, default=str)
            await self.redis.publish(CHANNEL, payload)
        except Exception as exc:
            # The others cannot be told: they must not trust what they hold.
            log.warning("could not announce a change to other instances: %s", exc)

    async def listen(self, stop: asyncio.Event) -> None:
        """Drop the facts other instances changed, until `stop`."""
        while not stop.is_set():
            pubsub = self.redis.pubsub()
            try:
                await pubsub.subscribe(CHANNEL)
                self.facts.clear()  # whatever was announced while we were away is unknown
                while not stop.is_set():
                    message = await pubsub.get_message(ignore_subscribe_messages=True,
                                                       timeout=1.0)
                    if message is not None:
                        self._apply(message.get("data"))
            except Exception as exc:
                log.warning("lost the change channel (%s); starting over", exc)
                self.facts.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), 1.0)
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()

    def _apply(self, data: Any) -> None:
        try:
            payload = json.loads(data)
        except (TypeError, ValueError):
            return
        if payload.get("from") == self.origin:
            return
        changes: list[Change] = []
        for table, key in payload.get("changes", []):
            changes.append((table, tuple(key) if isinstance(key, list) else key))
        self.facts.forget(changes)

    async def close(self) -> None:
        for task in list(self._tasks):
            with contextlib.suppress(Exception):
                await task
        await self.redis.aclose()
