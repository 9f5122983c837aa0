"""Who runs the scheduler and the outbox sender: exactly one instance per deployment.

With SQLite there is one process, so it always leads. With PostgreSQL the leader holds a
session-level advisory lock on a dedicated connection; if the process dies the connection
closes, the lock is released, and another instance's next attempt wins it.
"""

from __future__ import annotations

import contextlib
import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger(__name__)
LOCK_KEY = 0x5265645374  # "RedSt"


class Leadership:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._conn: AsyncConnection | None = None
        self.is_leader = False

    async def try_acquire(self) -> bool:
        if self.is_leader:
            return await self._still_held()
        if self.engine.dialect.name != "postgresql":
            self.is_leader = True
            return True
        conn = await self.engine.connect()
        try:
            got = (await conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}))
            won = bool(got.scalar_one())
            if won:
                await self._keepalive(conn)
                await conn.commit()
        except BaseException:
            await conn.close()
            raise
        if won:
            self._conn = conn
            self.is_leader = True
            log.info("this instance leads: scheduler and outbox sender run here")
        else:
            await conn.close()
        return self.is_leader

    @staticmethod
    async def _keepalive(conn: AsyncConnection) -> None:
        # If the leader's machine vanishes without closing its socket, PostgreSQL would hold
        # the lock until TCP gives up (hours by default). Probing the idle connection every
        # few seconds frees it in about 20 s, inside the 30 s a takeover may take.
        for name, value in (("tcp_keepalives_idle", 5), ("tcp_keepalives_interval", 5),
                            ("tcp_keepalives_count", 3)):
            await conn.execute(text(f"SET {name} = {value}"))

    async def _still_held(self) -> bool:
        if self._conn is None:
            return True
        try:
            await self._conn.execute(text("SELECT 1"))
            await self._conn.commit()  # never sit idle in a transaction
        except Exception:
            log.warning("lost the leader connection; scheduler and sender stop here")
            self.is_leader = False
            conn, self._conn = self._conn, None
            with contextlib.suppress(Exception):
                await conn.close()
        return self.is_leader

    async def release(self) -> None:
        if self._conn is not None:
            try:
                await self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
                await self._conn.close()
            except Exception:
                log.debug("leader connection already gone")
            self._conn = None
        self.is_leader = False
