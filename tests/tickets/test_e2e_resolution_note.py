"""已处理 asks the steward for a short note the residents see: canned, typed, or skipped."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tickets import Ticket
from tests.harness import Harness
from tests.tickets.world import LOCALES, REPORT, World, build


async def resolved(h: Harness, locale: str) -> tuple[World, int]:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    return w, card.message_id


@pytest.mark.parametrize("locale", LOCALES)
async def test_canned_note_reaches_the_resident_once(h: Harness, locale: str) -> None:
    w, _ = await resolved(h, locale)
    prompt = [m for m in h.emu.sent(w.staff) if w.text("tk-btn-note-skip") in h.emu.buttons(m)][-1]
    canned = w.text("tk-note-canned-2")
    assert canned in h.emu.buttons(prompt)
    await h.press(w.wang, prompt.message_id, canned, chat=w.staff)
    await h.deliver()
    told = w.last(w.mei)
    assert canned in told.text and "#1" in told.text
    async with h.app.sessions() as s:
        assert (await s.execute(select(Ticket.resolution))).scalar_one() == canned
    # The choices are gone once one was taken, so nobody sends a second note by a tap.
    assert h.emu.buttons(h.emu.message(w.staff, prompt.message_id)) == []


async def test_typed_note_and_skip(h: Harness) -> None:
    """zh-Hans: a reply to the prompt is the note."""
    w, _ = await resolved(h, "zh-Hans")
    prompt = [m for m in h.emu.sent(w.staff) if w.text("tk-btn-note-skip") in h.emu.buttons(m)][-1]
    await h.send(w.wang, "水管接头已重新缠好生料带", chat=w.staff,
                 reply_to=prompt.message_id)
    await h.deliver()
    assert "水管接头已重新缠好生料带" in w.last(w.mei).text
    assert w.text("tk-note-sent", number=1) == w.last(w.staff).text


async def test_skipping_sends_nothing(h: Harness) -> None:
    w, _ = await resolved(h, "zh-Hans")
    prompt = [m for m in h.emu.sent(w.staff) if w.text("tk-btn-note-skip") in h.emu.buttons(m)][-1]
    before = len(h.emu.sent(w.mei))
    await h.press(w.wang, prompt.message_id, w.text("tk-btn-note-skip"), chat=w.staff)
    await h.deliver()
    assert len(h.emu.sent(w.mei)) == before
    assert h.emu.buttons(h.emu.message(w.staff, prompt.message_id)) == []
