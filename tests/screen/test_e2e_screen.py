"""The lobby screen over HTTP through the real app: figures, updates, rotation, refusals."""

from __future__ import annotations

import aiohttp

from tests.harness import HarnessFactory
from tests.screen.scene import scene


async def test_admin_gets_the_address_and_the_page_shows_the_figures(
        make_harness: HarnessFactory) -> None:
    sc = await scene(make_harness)
    url = await sc.screen_url()
    assert sc.w.text("sc-btn-rotate") == "换一个地址"
    async with aiohttp.ClientSession() as http, http.get(url) as r:
        assert r.status == 200
        assert r.headers["Cache-Control"] == "no-store"
        html = await r.text()
    assert '<html lang="zh-Hans">' in html
    assert "待办工单" in html and '<p class="big" data-f="open">1</p>' in html
    assert '<b data-f="age-day">1</b>' in html and '<b data-f="age-older">0</b>' in html
    assert "<span>报修</span><b>1</b>" in html
    assert "Mei" in html and "Crossing" in html  # today's duty, first names as the board
    assert "Garden clean-up" in html and "余 7 位" in html
    # Turnout of the open vote (two households may vote), never its choices.
    assert "<span>Paint the fence?</span><b>0 / 2</b>" in html
    # Nothing a group may not see: no ticket text, no room.
    assert "楼道的灯" not in html and "台阶" not in html
    assert "/screen-static/screen.js" in html and "http" not in html.split("<body")[1]


async def test_the_data_follows_a_new_ticket(make_harness: HarnessFactory) -> None:
    sc = await scene(make_harness)
    url = await sc.screen_url()
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{url}/data") as r:
            assert r.status == 200
            before = await r.json()
        await sc.file_ticket(second=True)
        async with http.get(f"{url}/data") as r:
            after = await r.json()
        async with http.get(f"http://127.0.0.1:{sc.port}/screen-static/screen.js") as r:
            assert r.status == 200 and "fetch(" in await r.text()
    assert before["figures"]["open"] == "1" and after["figures"]["open"] == "2"
    assert before["lists"]["categories"] == [["报修", "1"]]
    assert after["lists"]["categories"] == [["投诉", "1"], ["报修", "1"]]
    assert [row[1] for row in after["lists"]["votes"]] == ["0 / 2", "0 / 2"]
    assert after["lists"]["activities"] == [[before["lists"]["activities"][0][0], "余 7 位"]]


async def test_a_rotated_or_unknown_address_is_404(make_harness: HarnessFactory) -> None:
    sc = await scene(make_harness)
    old = await sc.screen_url()
    card = sc.w.last(sc.w.zhao)
    await sc.h.press(sc.w.zhao, card.message_id, "换一个地址")
    new = sc.url_in(sc.w.last(sc.w.zhao).text or "")
    assert new != old and sc.w.text("sc-rotated") in (sc.w.last(sc.w.zhao).text or "")
    base = f"http://127.0.0.1:{sc.port}/screen/"
    async with aiohttp.ClientSession() as http:
        for gone in (old, f"{old}/data", base + "x" * 32, base + "nope/data"):
            async with http.get(gone) as r:
                assert r.status == 404, gone
        async with http.get(new) as r:
            assert r.status == 200


async def test_only_the_admin_gets_the_address(make_harness: HarnessFactory) -> None:
    sc = await scene(make_harness)
    for who in (sc.w.mei, sc.w.sun):  # a resident, the community office
        await sc.h.send(who, "/screen")
        text = sc.w.last(who).text or ""
        assert text == sc.w.text("sc-denied") and "/screen/" not in text
    await sc.h.send(sc.w.zhao, "/help")
    assert "/screen" in (sc.w.last(sc.w.zhao).text or "")
    assert "大屏" in (sc.w.last(sc.w.zhao).text or "")
    await sc.h.send(sc.w.mei, "/help")
    assert "/screen" not in (sc.w.last(sc.w.mei).text or "")


async def test_english_page_on_request(make_harness: HarnessFactory) -> None:
    sc = await scene(make_harness, "en")
    url = await sc.screen_url()
    async with aiohttp.ClientSession() as http, http.get(f"{url}?lang=en") as r:
        html = await r.text()
    assert "Open tickets" in html and "<span>Repair</span><b>1</b>" in html
