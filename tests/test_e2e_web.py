"""/healthz, /metrics and the webhook endpoint."""

from __future__ import annotations

import asyncio
import logging
import socket

import aiohttp
import pytest

from bot.app import App
from services.clock import FrozenClock
from tests.emulator import BotApiEmulator
from tests.harness import HarnessFactory, make_settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_health_and_metrics_in_polling_mode(make_harness: HarnessFactory) -> None:
    port = free_port()
    h = await make_harness(web_enabled=True, web_host="127.0.0.1", web_port=port)
    user = h.emu.add_user("M", language_code="en")
    await h.send(user, "/start")
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
            assert r.status == 200
            body = await r.json()
        async with http.get(f"http://127.0.0.1:{port}/metrics") as r:
            metrics = await r.text()
    assert body == {"status": "ok", "database": "ok", "outbox_backlog": 0, "leader": True}
    assert 'steward_updates_total{outcome="ok",type="message"}' in metrics
    assert "steward_handler_seconds_bucket" in metrics
    assert "steward_outbox_backlog 0.0" in metrics
    assert "steward_outbox_sent_total" in metrics
    assert "steward_outbox_dead_total" in metrics


async def test_webhook_checks_the_secret_and_handles_updates(
    emu: BotApiEmulator, db_url: str, clock: FrozenClock
) -> None:
    port = free_port()
    settings = make_settings(
        db_url, emu.base_url, web_host="127.0.0.1", web_port=port,
        webhook_url=f"http://127.0.0.1:{port}", webhook_secret="s3cret-s3cret",
    )
    app = App(settings, clock)
    stop = asyncio.Event()
    task = asyncio.create_task(app.run_webhook(stop))
    try:
        await asyncio.wait_for(app.web_ready.wait(), 10)
        async with aiohttp.ClientSession() as http:
            async with http.post(f"http://127.0.0.1:{port}/webhook", json={"update_id": 1}) as r:
                assert r.status == 401
            async with http.post(
                f"http://127.0.0.1:{port}/webhook", json={"update_id": 1},
                headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"},
            ) as r:
                assert r.status == 401
        await app.bot.set_webhook(f"http://127.0.0.1:{port}/webhook",
                                  secret_token="s3cret-s3cret")
        user = emu.add_user("Web", language_code="en")
        emu.send(user, "/start")
        await emu.wait_for(lambda: bool(emu.sent(user.id)), timeout=10)
        assert "I am Red Steward" in emu.last(user.id).text
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        await app.close()


async def test_webhook_refuses_junk_with_400_and_one_line(
    emu: BotApiEmulator, db_url: str, clock: FrozenClock, caplog: pytest.LogCaptureFixture
) -> None:
    port = free_port()
    settings = make_settings(
        db_url, emu.base_url, web_host="127.0.0.1", web_port=port,
        webhook_url=f"http://127.0.0.1:{port}", webhook_secret="s3cret-s3cret",
    )
    app = App(settings, clock)
    stop = asyncio.Event()
    task = asyncio.create_task(app.run_webhook(stop))
    secret = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-s3cret"}
    url = f"http://127.0.0.1:{port}/webhook"
    try:
        await asyncio.wait_for(app.web_ready.wait(), 10)
        caplog.clear()
        async with aiohttp.ClientSession() as http:
            for body in (b"not json at all", b"\xff\xfe\x00", b'{"no_update_id": 1}',
                         b'{"update_id": "seven"}', b"[1, 2, 3]",
                         b'{"update_id": 5, "message": {"text": "no chat"}}'):
                async with http.post(url, data=body, headers=secret) as r:
                    assert r.status == 400, body
            async with http.post(url, data=b"x" * (2 * 1024 * 1024), headers=secret) as r:
                assert r.status == 413
            async with http.post(url, data=b"not json", headers={}) as r:
                assert r.status == 401
        refused = [r for r in caplog.records if "refused a body" in r.getMessage()]
        assert len(refused) == 6
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        await app.close()


async def _metrics_status(port: int, headers: dict[str, str] | None = None) -> int:
    async with aiohttp.ClientSession() as http, http.get(
            f"http://127.0.0.1:{port}/metrics", headers=headers or {}) as r:
        return r.status


async def test_metrics_are_not_served_to_everyone_on_the_webhook_port(
    make_harness: HarnessFactory,
) -> None:
    # Listening on every interface: /metrics there would be the internet's.
    port = free_port()
    await make_harness(web_enabled=True, web_host="0.0.0.0", web_port=port)
    assert await _metrics_status(port) == 404


async def test_metrics_on_their_own_port(make_harness: HarnessFactory) -> None:
    port, own = free_port(), free_port()
    await make_harness(web_enabled=True, web_host="0.0.0.0", web_port=port,
                       metrics_port=own)
    assert await _metrics_status(port) == 404
    assert await _metrics_status(own) == 200


async def test_metrics_with_a_bearer_token(make_harness: HarnessFactory) -> None:
    port = free_port()
    await make_harness(web_enabled=True, web_host="0.0.0.0", web_port=port,
                       metrics_token="scrape-me-please")
    assert await _metrics_status(port) == 404
    assert await _metrics_status(port, {"Authorization": "Bearer wrong"}) == 404
    assert await _metrics_status(port, {"Authorization": "Bearer scrape-me-please"}) == 200
