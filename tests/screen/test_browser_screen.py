"""The lobby screen in a real (system) Chromium: figures drawn, a new ticket shows up on the
open page within 5 s without a reload, a rotated address is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.harness import HarnessFactory
from tests.screen.scene import scene

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need_browser() -> None:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"browser test skipped: no system Chromium at {CHROMIUM} "
                    "(apt-get install chromium)")
    pytest.importorskip("playwright.async_api", reason="browser test skipped: no playwright")


async def test_the_open_page_follows_a_new_ticket(make_harness: HarnessFactory,
                                                  tmp_path: Path) -> None:
    _need_browser()
    from playwright.async_api import async_playwright

    sc = await scene(make_harness)
    url = await sc.screen_url()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = await browser.new_page(viewport={"width": 1920, "height": 1080})
            await page.goto(url)
            await page.evaluate("window.__same_page = true")  # gone if the page reloads
            assert await page.text_content('[data-f="open"]') == "1"
            assert await page.text_content('[data-f="age-day"]') == "1"
            assert "报修" in (await page.text_content('[data-list="categories"]') or "")
            assert "Mei" in (await page.text_content('[data-list="duties"]') or "")
            assert "余 7 位" in (await page.text_content('[data-list="activities"]') or "")
            await page.screenshot(path=str(tmp_path / "screen-before.png"))

            await sc.file_ticket(second=True)
            await page.wait_for_function(
                "document.querySelector('[data-f=\"open\"]').textContent === '2'",
                timeout=5000)
            assert await page.evaluate("window.__same_page === true")
            assert "投诉" in (await page.text_content('[data-list="categories"]') or "")
            await page.screenshot(path=str(tmp_path / "screen.png"), full_page=True)
            assert (tmp_path / "screen.png").stat().st_size > 10_000

            card = sc.w.last(sc.w.zhao)
            await sc.h.press(sc.w.zhao, card.message_id, "换一个地址")
            response = await page.goto(url)
            assert response is not None and response.status == 404
        finally:
            await browser.close()
