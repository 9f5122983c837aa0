"""Where is it? At the private wizard's location step a pin, a venue or words are taken
(the pin as a map link for staff); whatever a step cannot use is answered, not ignored."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.tickets import Ticket
from tests.harness import Harness
from tests.tickets.world import LOCALES, World, build

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (64).to_bytes(4, "big") \
    + (48).to_bytes(4, "big") + b"\x08\x02\x00\x00\x00" + b"0" * 64
DESCRIPTION = {"zh-Hans": "路灯晚上不亮，黑乎乎的", "zh-Hant": "路燈晚上不亮，黑漆漆的",
               "en": "The street lamp is dark at night"}
PLACE = {"zh-Hans": "3号楼后面的路灯", "zh-Hant": "3號樓後面的路燈",
         "en": "the street lamp behind building 3"}
PIN = (31.230416, 121.473701)


async def at_where_step(h: Harness, w: World) -> None:
    await h.send(w.mei, "/report")
    await h.press(w.mei, w.last(w.mei).message_id, w.text("tk-cat-repair"))
    await h.send(w.mei, DESCRIPTION[w.locale])
    await h.press(w.mei, w.last(w.mei).message_id, w.text("tk-btn-next"))
    assert w.last(w.mei).text == w.text("tk-ask-where")


async def send_it(h: Harness, w: World) -> Ticket:
    confirm = w.last(w.mei)
    await h.press(w.mei, confirm.message_id, w.text("tk-btn-send"))
    assert "#1" in w.last(w.mei).text
    async with h.app.sessions() as s:
        return (await s.execute(select(Ticket))).scalar_one()


async def tickets(h: Harness) -> int:
    async with h.app.sessions() as s:
        return int((await s.execute(select(func.count()).select_from(Ticket))).scalar_one())


@pytest.mark.parametrize("locale", LOCALES)
async def test_a_location_pin_reaches_staff_as_a_map_link(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await at_where_step(h, w)
    # A sticker or a photo is no place: said so, and the step waits.
    await h.send(w.mei, sticker="👍")
    assert w.last(w.mei).text == w.text("tk-err-step-where")
    await h.send(w.mei, photo=PNG)
    assert w.last(w.mei).text == w.text("tk-err-step-where")

    await h.send(w.mei, location=PIN)
    confirm = w.last(w.mei)
    assert w.text("tk-where-pin") in confirm.text
    ticket = await send_it(h, w)
    assert (ticket.latitude, ticket.longitude, ticket.place) == (*PIN, None)
    assert (ticket.area, ticket.household_id) == ("other", None)

    await h.deliver()
    card = h.emu.sent(w.staff)[0].text
    assert "https://uri.amap.com/marker?position=121.473701,31.230416&coordinate=wgs84" in card
    assert w.text("tk-where-map", url="").strip(" ·:：") in card
    assert not any("amap" in t for t in w.texts(w.group))  # a private report stays private


@pytest.mark.parametrize("locale", LOCALES)
async def test_words_or_a_venue_are_the_place(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await at_where_step(h, w)
    await h.send(w.mei, "x" * 201)
    assert w.last(w.mei).text == w.text("tk-err-place-long", limit=200)
    await h.send(w.mei, PLACE[locale])
    assert PLACE[locale] in w.last(w.mei).text  # the confirmation says it back
    ticket = await send_it(h, w)
    assert (ticket.place, ticket.latitude) == (PLACE[locale], None)
    await h.deliver()
    card = h.emu.sent(w.staff)[0].text
    assert PLACE[locale] in card and "amap" not in card

    # A venue: its name and address are the place, its location the pin.
    await h.send(w.lan, "/report")
    await h.press(w.lan, w.last(w.lan).message_id, w.text("tk-cat-complaint"))
    await h.send(w.lan, DESCRIPTION[locale] + "!")
    await h.press(w.lan, w.last(w.lan).message_id, w.text("tk-btn-next"))
    await h.send(w.lan, venue=(*PIN, "Sunny Garden East Gate", "88 Nanjing Rd"))
    await h.press(w.lan, w.last(w.lan).message_id, w.text("tk-btn-send"))
    async with h.app.sessions() as s:
        second = (await s.execute(select(Ticket).where(Ticket.number == 2))).scalar_one()
    assert second.place == "Sunny Garden East Gate 88 Nanjing Rd"
    assert (second.latitude, second.longitude) == PIN


@pytest.mark.parametrize("locale", LOCALES)
async def test_every_step_says_what_it_expects(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, "/report")
    ask = w.last(w.mei)
    await h.send(w.mei, DESCRIPTION[locale])  # typed before choosing a category
    assert w.last(w.mei).text == w.text("tk-err-step-category")
    await h.send(w.mei, sticker="🔥")
    assert w.last(w.mei).text == w.text("tk-err-step-category")
    await h.press(w.mei, ask.message_id, w.text("tk-cat-repair"))
    await h.send(w.mei, sticker="🙏")
    assert w.last(w.mei).text == w.text("tk-err-description-kind")
    await h.send(w.mei, location=PIN)  # a pin is no description
    assert w.last(w.mei).text == w.text("tk-err-description-kind")
    await h.send(w.mei, DESCRIPTION[locale])
    await h.press(w.mei, w.last(w.mei).message_id, w.text("tk-btn-next"))
    where = w.last(w.mei)
    await h.press(w.mei, where.message_id, w.text("tk-area-lift"))
    await h.send(w.mei, "ok")  # the confirmation wants a button
    assert w.last(w.mei).text == w.text("tk-err-step-confirm")
    await h.send(w.mei, photo=PNG)
    assert w.last(w.mei).text == w.text("tk-err-step-confirm")
    assert await tickets(h) == 0
    # Commands still work in the middle of the wizard.
    await h.send(w.mei, "/cancel")
    assert w.last(w.mei).text == w.text("tk-report-cancelled")
    await h.send(w.mei, "ok")  # no wizard any more: not answered as a wizard step
    assert w.last(w.mei).text != w.text("tk-err-step-confirm")
