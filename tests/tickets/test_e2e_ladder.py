"""SLA warnings and breaches climbing the ladder with a controlled clock; "Not fixed"."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tickets import Ticket, TicketEvent
from tests.harness import Harness
from tests.tickets.world import LOCALES, REPORT, build

BRANCH = {"zh-Hans": "小区党支部", "zh-Hant": "社區黨支部", "en": "the compound party branch"}
OFFICE = {"zh-Hans": "社区居委会", "zh-Hant": "社區居委會", "en": "the community office"}


async def the_ticket(h: Harness) -> Ticket:
    async with h.app.sessions() as s:
        return (await s.execute(select(Ticket))).scalars().one()


@pytest.mark.parametrize("locale", LOCALES)
async def test_unaccepted_repair_climbs_two_levels(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    assert len(h.emu.sent(w.branch)) == 0

    # Repairs must be accepted within 2 h; the team is warned 30 min before.
    h.clock.advance(minutes=89)
    await h.tick()
    assert not any("#1" in t for t in w.texts(w.staff)[1:])
    h.clock.advance(minutes=2)
    await h.tick()
    warning = w.last(w.staff)
    assert "#1" in warning.text and "11:00" in warning.text
    await h.tick()  # the same instant again: nothing more
    assert len(h.emu.sent(w.staff)) == 2

    # Breach: level 2. The party branch gets a working card, the owners' committee is told,
    # the reporter hears where it went.
    h.clock.advance(minutes=30)
    await h.tick()
    branch_card = w.last(w.branch)
    assert "#1" in branch_card.text and w.text("tk-btn-take") in h.emu.buttons(branch_card)
    assert "#1" in w.last(w.committee).text and h.emu.buttons(w.last(w.committee)) == []
    assert "301" not in w.last(w.committee).text
    told = w.last(w.mei)
    assert "#1" in told.text and BRANCH[locale] in told.text
    assert (await the_ticket(h)).level == 2
    await h.tick()
    assert len(h.emu.sent(w.branch)) == 1 and len(h.emu.sent(w.office)) == 0

    # Another window passes without anyone accepting: level 3, the community office.
    h.clock.advance(hours=2)
    await h.tick()
    assert "#1" in w.last(w.office).text
    assert OFFICE[locale] in w.last(w.mei).text
    t = await the_ticket(h)
    assert (t.level, t.status) == (3, "new")
    async with h.app.sessions() as s:
        kinds = [e.note for e in (await s.execute(
            select(TicketEvent).where(TicketEvent.kind == "escalate"))).scalars()]
    assert kinds == ["accept-late", "accept-late"]

    # The party branch may act on it now; Sun of the office too.
    await h.press(w.zhao, branch_card.message_id, w.text("tk-btn-take"), chat=w.branch)
    assert (await the_ticket(h)).assignee_id == w.person_ids["zhao"]


@pytest.mark.parametrize("locale", LOCALES)
async def test_not_fixed_reopens_and_climbs(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    question = w.last(w.mei)

    await h.press(w.mei, question.message_id, w.text("tk-btn-notfixed"))
    assert w.text("tk-ask-stars") in question.text
    await w.flush()
    t = await the_ticket(h)
    assert (t.status, t.level, t.assignee_id) == ("reopened", 2, w.person_ids["wang"])
    assert "#1" in w.last(w.branch).text
    assert any(w.text("tk-w-notfixed", number=1, who="Mei") == m for m in w.texts(w.staff))
    assert BRANCH[locale] in w.last(w.mei).text
    assert w.text("tk-btn-resolve") in h.emu.buttons(card)

    # The old question cannot be answered again.
    answer = await h.press(w.mei, question.message_id, "★★★")
    assert answer is not None

    # Resolved again: a fresh question; this time nobody answers for 72 hours.
    await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    h.clock.advance(hours=71)
    await h.tick()
    assert (await the_ticket(h)).status == "resolved"
    h.clock.advance(hours=1)
    await h.tick()
    t = await the_ticket(h)
    assert (t.status, t.outcome) == ("closed", "unconfirmed")
    assert w.last(w.mei).text.startswith(w.text("tk-n-closed-unconfirmed", recipient="Mei",
                                                 number=1, category=w.text("tk-cat-repair"))[:8])
