"""The outbox sender: drains queued notices within Telegram's limits, retries, gives up cleanly."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile, Message
from aiogram_i18n.cores import FluentRuntimeCore
from aiolimiter import AsyncLimiter
from cachetools import TTLCache
from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

from bot.i18n import render
from bot.metrics import Metrics
from bot.rendering import CAPTION_LIMIT, MESSAGE_LIMIT, markup_from_json, split_text, truncate
from models.chat import Chat
from models.outbox import Outbox, OutboxStatus
from models.person import Person
from services.clock import Clock
from services.outbox import backlog, enqueue_fallback, sent_message_id

log = logging.getLogger(__name__)
BATCH = 200
MAX_BACKOFF = 300
# How long a claimed row is off limits to other senders; also how long a crashed sender's
# rows wait before another sender may retry them.
LEASE_SECONDS = 30
LEASE_MARGIN_SECONDS = 5


@dataclass(frozen=True)
class Limits:
    per_second: float = 30
    group_per_minute: float = 20
    chat_per_second: float = 1
    max_attempts: int = 8
    concurrency: int = 8


class _Outcome:
    """What one attempt decided for a row; applied in one short transaction."""

    def __init__(self, status: str, *, error: str | None = None, message_id: int | None = None,
                 retry_in: float | None = None, counts_attempt: bool = True,
                 chat_unreachable: bool = False, new_chat_id: int | None = None) -> None:
        self.status = status
        self.error = error
        self.message_id = message_id
        self.retry_in = retry_in
        self.counts_attempt = counts_attempt
        self.chat_unreachable = chat_unreachable
        self.new_chat_id = new_chat_id


class OutboxSender:
    def __init__(
        self,
        bot: Bot,
        sessions: async_sessionmaker[AsyncSession],
        core: FluentRuntimeCore,
        clock: Clock,
        metrics: Metrics,
        limits: Limits,
        default_locale: str,
        poll_seconds: float = 1.0,
    ) -> None:
        self.bot = bot
        self.sessions = sessions
        self.core = core
        self.clock = clock
        self.metrics = metrics
        self.limits = limits
        self.default_locale = default_locale
        self.poll_seconds = poll_seconds
        # Evenly spaced sends (no bursts) so a sliding-window limit is never crossed.
        self._global = AsyncLimiter(1, 1 / limits.per_second)
        self._chat: TTLCache[int, AsyncLimiter] = TTLCache(maxsize=50_000, ttl=120)
        self._wake = asyncio.Event()
        # One round at a time per process: the loop and an explicit drain never race.
        self._round = asyncio.Lock()
        # Set when the loop is told to stop: the round in progress ends after the notices
        # being sent and releases the rest, so a shutdown waits for seconds, not a batch.
        self._stopping = asyncio.Event()

    # ---- loop -------------------------------------------------------------------------
    def wake(self) -> None:
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Drain until told to stop; a failing round is logged and retried, never fatal."""
        self._stopping.clear()
        watcher = asyncio.create_task(self._watch(stop))
        try:
            await self._loop(stop)
        finally:
            watcher.cancel()
            self._stopping.clear()  # an explicit drain() after the loop sends everything

    async def _watch(self, stop: asyncio.Event) -> None:
        await stop.wait()
        self._stopping.set()

    async def _loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                sent = await self.drain_once()
            except Exception:
                log.exception("outbox round failed")
                sent = 0
            if sent == 0:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.poll_seconds):
                        await _first(stop.wait(), self._wake.wait())

    async def drain(self, rounds: int = 100) -> int:
        """Send everything that is due now (tests and shutdown use this)."""
        total = 0
        for _ in range(rounds):
            n = await self.drain_once()
            total += n
            if n == 0:
                break
        return total

    async def drain_once(self) -> int:
        async with self._round:
            return await self._round_once()

    async def _round_once(self) -> int:
        rows, lease = await self._claim()
        if not rows:
            return 0
        try:
            await self._send_claimed(rows, lease)
        finally:
            await self._release([r.id for r in rows], lease)
        await self.refresh_backlog()
        return len(rows)

    async def _send_claimed(self, rows: list[Outbox], lease: datetime) -> None:
        by_chat: dict[int, list[Outbox]] = defaultdict(list)
        for row in rows:
            by_chat[row.chat_id].append(row)
        locales, unreachable = await self._recipients(list(by_chat))
        gate = asyncio.Semaphore(self.limits.concurrency)
        # Stop a chat's turn before the claim lapses, so no other sender can start on the
        # same rows while this one is still sending; what is left goes in the next round.
        deadline = lease - timedelta(seconds=LEASE_MARGIN_SECONDS)

        async def chat_worker(chat_id: int, chat_rows: list[Outbox]) -> None:
            async with gate:
                for row in chat_rows:
                    if chat_id in unreachable:
                        await self._apply(row, _Outcome(OutboxStatus.UNREACHABLE,
                                                        error="chat unreachable",
                                                        counts_attempt=False))
                        continue
                    if self.clock.now() >= deadline or self._stopping.is_set():
                        break  # the rest is released to the next round (or the next start)
                    outcome = await self._attempt(row, row.locale or locales.get(chat_id)
                                                  or self.default_locale)
                    await self._apply(row, outcome)
                    if outcome.chat_unreachable:
                        unreachable.add(chat_id)
                    elif outcome.status == OutboxStatus.PENDING:
                        break  # keep this chat's order: later rows wait for the retry

        await asyncio.gather(*(chat_worker(c, rs) for c, rs in by_chat.items()))

    async def refresh_backlog(self) -> int:
        async with self.sessions() as session:
            n = await backlog(session)
        self.metrics.outbox_backlog.set(n)
        return n

    # ---- data -------------------------------------------------------------------------
    async def _claim(self) -> tuple[list[Outbox], datetime]:
        """Take a lease on the next due rows; a second sender skips them until it lapses.

        Only the leader runs a sender, but during a hand-over an old leader that has not yet
        noticed its loss may still be sending: the lease, taken under FOR UPDATE SKIP LOCKED
        on PostgreSQL, keeps the two off each other's rows.
        """
        now = self.clock.now()
        lease = now + timedelta(seconds=LEASE_SECONDS)
        earlier = aliased(Outbox)
        # A chat whose earlier notice waits for a retry (or a 429's retry_after), or is
        # being sent by another sender, is held back whole, so its notices arrive in the
        # order they were written. Notices deferred on purpose (a reminder for tomorrow, a
        # batched card edit) hold nothing.
        blocked = (
            select(earlier.id)
            .where(
                earlier.chat_id == Outbox.chat_id,
                earlier.status == OutboxStatus.PENDING.value,
                earlier.id < Outbox.id,
                or_(
                    and_(earlier.next_attempt_at > now, earlier.last_error.is_not(None)),
                    earlier.claimed_until > now,
                ),
            )
            .exists()
        )
        stmt = (
            select(Outbox)
            .where(Outbox.status == OutboxStatus.PENDING.value, Outbox.next_attempt_at <= now,
                   or_(Outbox.claimed_until.is_(None), Outbox.claimed_until <= now),
                   ~blocked)
            .order_by(Outbox.id)
            .limit(BATCH)
        )
        async with self.sessions() as session:
            if session.bind.dialect.name == "postgresql":
                stmt = stmt.with_for_update(skip_locked=True, of=Outbox)
            rows = list((await session.execute(stmt)).scalars())
            if rows:
                await session.execute(
                    update(Outbox).where(Outbox.id.in_([r.id for r in rows]))
                    .values(claimed_until=lease)
                )
                await session.commit()
        return rows, lease

    async def _release(self, ids: list[int], lease: datetime) -> None:
        async with self.sessions() as session:
            await session.execute(
                update(Outbox).where(Outbox.id.in_(ids), Outbox.claimed_until == lease)
                .values(claimed_until=None)
            )
            await session.commit()

    async def _recipients(self, chat_ids: list[int]) -> tuple[dict[int, str], set[int]]:
        async with self.sessions() as session:
            people = await session.execute(
                select(Person.tg_id, Person.locale).where(Person.tg_id.in_(chat_ids))
            )
            chats = await session.execute(
                select(Chat.id, Chat.locale, Chat.unreachable_at).where(Chat.id.in_(chat_ids))
            )
        locales: dict[int, str] = {}
        unreachable: set[int] = set()
        for chat_id, locale, gone in chats:
            if locale:
                locales[chat_id] = locale
            if gone is not None:
                unreachable.add(chat_id)
        for tg_id, locale in people:
            locales[tg_id] = locale
        return locales, unreachable

    async def _apply(self, row: Outbox, outcome: _Outcome) -> None:
        now = self.clock.now()
        attempts = row.attempts + (1 if outcome.counts_attempt else 0)
        values: dict[str, object] = {"attempts": attempts, "last_error": outcome.error,
                                     "claimed_until": None}
        status = outcome.status
        if status == OutboxStatus.PENDING and attempts >= self.limits.max_attempts:
            status = OutboxStatus.DEAD
            self.metrics.outbox_dead.labels("retries").inc()
            log.warning("outbox %s dead after %d attempts: %s", row.idem_key, attempts,
                        outcome.error)
        values["status"] = status
        if status == OutboxStatus.SENT:
            values.update(sent_at=now, sent_message_id=outcome.message_id)
            self.metrics.outbox_sent.inc()
        elif status == OutboxStatus.PENDING:
            values["next_attempt_at"] = now + timedelta(seconds=outcome.retry_in or 1)
        if outcome.new_chat_id is not None:
            values["chat_id"] = outcome.new_chat_id
        async with self.sessions() as session:
            await session.execute(update(Outbox).where(Outbox.id == row.id).values(**values))
            if status == OutboxStatus.UNREACHABLE and row.fallback:
                # Same transaction: a refused notice and its replacement never part ways.
                await enqueue_fallback(session, self.clock, row.fallback)
                self.wake()
            if outcome.chat_unreachable:
                await session.execute(
                    update(Chat).where(Chat.id == row.chat_id)
                    .values(unreachable_at=now, unreachable_reason=(outcome.error or "")[:256])
                )
            await session.commit()

    # ---- one attempt ------------------------------------------------------------------
    async def _attempt(self, row: Outbox, locale: str) -> _Outcome:
        try:
            await self._throttle(row.chat_id)
            message_id = await self._send(row, locale)
        except TelegramRetryAfter as exc:
            self.metrics.outbox_failed.labels("flood").inc()
            return _Outcome(OutboxStatus.PENDING, error=f"429 retry after {exc.retry_after}",
                            retry_in=exc.retry_after, counts_attempt=False)
        except TelegramMigrateToChat as exc:
            return _Outcome(OutboxStatus.PENDING, error="chat migrated", retry_in=0,
                            counts_attempt=False, new_chat_id=exc.migrate_to_chat_id)
        except TelegramForbiddenError as exc:
            self.metrics.outbox_dead.labels("forbidden").inc()
            return _Outcome(OutboxStatus.UNREACHABLE, error=exc.message, chat_unreachable=True)
        except TelegramBadRequest as exc:
            return self._bad_request(row, exc)
        except (TelegramServerError, TelegramNetworkError, TimeoutError) as exc:
            self.metrics.outbox_failed.labels("transient").inc()
            backoff = min(2 ** (row.attempts + 1), MAX_BACKOFF)
            return _Outcome(OutboxStatus.PENDING, error=f"{type(exc).__name__}: {exc}"[:500],
                            retry_in=backoff)
        except Exception as exc:
            # Ours, not Telegram's (a rendering bug, a resource closed under us): retried with
            # backoff like a 5xx, so a restart or a fix still delivers it; dead only after
            # OUTBOX_MAX_ATTEMPTS. Logged with its traceback and counted apart.
            log.exception("outbox %s failed inside the bot (attempt %d)", row.idem_key,
                          row.attempts + 1)
            self.metrics.outbox_failed.labels("internal").inc()
            return _Outcome(OutboxStatus.PENDING, error=f"{type(exc).__name__}: {exc}"[:500],
                            retry_in=min(2 ** (row.attempts + 1), MAX_BACKOFF))
        return _Outcome(OutboxStatus.SENT, message_id=message_id)

    def _bad_request(self, row: Outbox, exc: TelegramBadRequest) -> _Outcome:
        text = exc.message.lower()
        if "not modified" in text:
            return _Outcome(OutboxStatus.SENT, message_id=row.target_message_id)
        if "chat not found" in text:
            self.metrics.outbox_dead.labels("chat_not_found").inc()
            return _Outcome(OutboxStatus.UNREACHABLE, error=exc.message, chat_unreachable=True)
        self.metrics.outbox_dead.labels("bad_request").inc()
        log.warning("outbox %s refused: %s", row.idem_key, exc.message)
        return _Outcome(OutboxStatus.DEAD, error=exc.message[:500])

    async def _throttle(self, chat_id: int) -> None:
        limiter = self._chat.get(chat_id)
        if limiter is None:
            if chat_id < 0:
                limiter = AsyncLimiter(1, 60 / self.limits.group_per_minute)
            else:
                limiter = AsyncLimiter(1, 1 / self.limits.chat_per_second)
            self._chat[chat_id] = limiter
        await limiter.acquire()
        await self._global.acquire()

    async def _send(self, row: Outbox, locale: str) -> int | None:
        text = render(self.core, locale, row.text_key, row.args or {}, lenient=True)
        markup = markup_from_json(self.core, locale, row.markup)
        common = {"chat_id": row.chat_id, "message_thread_id": row.thread_id}
        if row.method == "edit_message_text":
            await self.bot.edit_message_text(
                text=truncate(text, MESSAGE_LIMIT), chat_id=row.chat_id,
                message_id=row.target_message_id, reply_markup=markup,
            )
            return row.target_message_id
        reply_to = row.reply_to_message_id or await self._landed(row.reply_to_key)
        if row.method in ("send_photo", "send_document"):
            return await self._send_file(row, text, markup, common, reply_to)
        sent: Message | None = None
        parts = split_text(text)
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            sent = await self.bot.send_message(
                text=part,
                reply_markup=markup if last else None,
                reply_to_message_id=reply_to if i == 0 else None,
                allow_sending_without_reply=True,
                **common,
            )
            if not last:
                await self._throttle(row.chat_id)
        return sent.message_id if sent else None

    async def _landed(self, key: str | None) -> int | None:
        """Where the notice a row answers landed (None: not sent, or no such notice; the
        row then goes without the reply rather than wait for what may never come)."""
        if key is None:
            return None
        async with self.sessions() as session:
            return await sent_message_id(session, key)

    async def _send_file(
        self, row: Outbox, text: str, markup: object, common: dict, reply_to: int | None
    ) -> int:
        file = BufferedInputFile(row.file_data or b"", filename=row.file_name or "file")
        caption = text if len(text) <= CAPTION_LIMIT else None
        send = self.bot.send_photo if row.method == "send_photo" else self.bot.send_document
        kwargs = {"photo" if row.method == "send_photo" else "document": file}
        sent = await send(caption=caption, reply_markup=markup, reply_to_message_id=reply_to,
                          allow_sending_without_reply=True, **kwargs, **common)
        if caption is None:
            for part in split_text(text):
                await self._throttle(row.chat_id)
                await self.bot.send_message(text=part, **common)
        return sent.message_id


async def _first(*aws: object) -> None:
    tasks = [asyncio.ensure_future(a) for a in aws]  # type: ignore[arg-type]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for t in tasks:
            t.cancel()
