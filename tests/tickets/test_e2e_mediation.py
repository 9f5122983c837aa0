"""Disputes (纠纷) are mediated; suggestions and wishes go into the "you said, we did" digest."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tickets import Ticket
from tests.harness import Harness
from tests.tickets.world import LOCALES, build

DISPUTE = {"zh-Hans": "#纠纷 楼上装修把楼道占了，门都出不去",
           "zh-Hant": "#糾紛 樓上裝修把樓道佔了，門都出不去",
           "en": "#dispute The flat upstairs blocked the stairwell with building materials"}
AGREEMENT = {"zh-Hans": "周六前清走杂物，恢复楼道", "zh-Hant": "週六前清走雜物，恢復樓道",
             "en": "Materials cleared by Saturday; stairwell restored"}
SUGGESTION = {"zh-Hans": "#建议 在小区门口加装一排自行车架",
              "zh-Hant": "#建議 在社區門口加裝一排腳踏車架",
              "en": "#suggestion Put a bicycle rack by the main gate"}


@pytest.mark.parametrize("locale", LOCALES)
async def test_a_dispute_is_mediated_when_both_parties_agree(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    lan_says = await h.send(w.lan, "...", chat=w.group)
    await h.send(w.mei, DISPUTE[locale], chat=w.group, reply_to=lan_says)
    await h.deliver()
    card = w.last(w.branch)  # disputes go to the party branch's desk
    assert "#1" in card.text and "#1" not in "".join(w.texts(w.staff))
    assert "#1" in w.last(w.lan).text  # Lan was named as the other party

    await h.send(w.mei, f"/agree 1 {AGREEMENT[locale]}")
    assert w.last(w.mei).text == w.text("tk-err-not-visible", number=1) or \
        w.last(w.mei).text == w.text("tk-err-not-your-team", number=1)
    await h.send(w.zhao, f"/agree 1 {AGREEMENT[locale]}")
    assert w.last(w.zhao).text == w.text("tk-agree-sent", number=1)
    await h.deliver()
    for who in (w.mei, w.lan):
        proposal = w.last(who)
        assert AGREEMENT[locale] in proposal.text
    await h.press(w.mei, w.last(w.mei).message_id, w.text("tk-btn-agree-yes"))
    assert w.text("tk-vote-waiting") in w.last(w.mei).text
    await h.press(w.lan, w.last(w.lan).message_id, w.text("tk-btn-agree-yes"))
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket))).scalar_one()
    assert (t.status, t.outcome, t.resolution) == ("closed", "mediated", AGREEMENT[locale])
    await w.flush()
    assert AGREEMENT[locale] in w.last(w.mei).text or w.text("tk-vote-waiting") in \
        w.last(w.mei).text
    assert w.text("tk-w-mediated", number=1) in w.texts(w.branch)


async def test_a_declined_agreement_keeps_the_dispute_open(h: Harness) -> None:
    w = await build(h, "en")
    lan_says = await h.send(w.lan, "...", chat=w.group)
    await h.send(w.mei, DISPUTE["en"], chat=w.group, reply_to=lan_says)
    await h.send(w.zhao, f"/agree 1 {AGREEMENT['en']}")
    await h.deliver()
    await h.press(w.lan, w.last(w.lan).message_id, w.text("tk-btn-agree-no"))
    await h.deliver()
    assert w.text("tk-w-agreement-declined", number=1, who="Lan") in w.texts(w.branch)
    proposal = next(m for m in reversed(h.emu.sent(w.mei)) if h.emu.buttons(m))
    stale = await h.press(w.mei, proposal.message_id, w.text("tk-btn-agree-yes"))
    assert stale["text"] == w.text("tk-err-agreement-stale", number=1)
    async with h.app.sessions() as s:
        assert (await s.execute(select(Ticket.status))).scalar_one() == "new"


@pytest.mark.parametrize("locale", LOCALES)
async def test_suggestion_box_digest(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, SUGGESTION[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.branch)
    await h.send(w.zhao, "/digest")
    assert w.last(w.zhao).text == w.text("tk-digest-empty", compound="Sunny Garden")
    await h.press(w.zhao, card.message_id, w.text("tk-btn-resolve"), chat=w.branch)
    await h.send(w.zhao, "/digest")
    preview = w.last(w.zhao)
    assert "#1" in preview.text
    await h.press(w.zhao, preview.message_id, w.text("tk-btn-publish"))
    assert w.last(w.zhao).text == w.text("tk-digest-published", items=1, groups=1)
    await h.deliver()
    digest = w.last(w.group)
    assert "#1" in digest.text and "Mei" not in digest.text and "301" not in digest.text
    await h.send(w.zhao, "/digest")
    assert w.last(w.zhao).text == w.text("tk-digest-empty", compound="Sunny Garden")
    await h.send(w.mei, "/digest")
    assert w.last(w.mei).text == w.text("tk-digest-denied")
