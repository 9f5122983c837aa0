"""/healthz, /metrics and the webhook endpoint."""

from __future__ import annotations

import asyncio
import socket

import aiohttp

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
