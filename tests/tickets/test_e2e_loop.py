"""Group hashtag → staff card → Take → replies both ways → Resolve → Fixed + rating."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tickets import Ticket, TicketRating
from tests.harness import Harness
from tests.tickets.world import LOCALES, REPORT, build

TEAM = {"zh-Hans": "维修队", "zh-Hant": "維修隊", "en": "Repairs team"}
CATEGORY = {"zh-Hans": "报修", "zh-Hant": "報修", "en": "Repair"}
ROOM = {"zh-Hans": "3号楼 2单元 301室", "zh-Hant": "3號樓 2單元 301室",
        "en": "Block 3, Entrance 2, Room 301"}
STEWARD_REPLY = {"zh-Hans": "王师傅下午两点上门", "zh-Hant": "王師傅下午兩點上門",
                 "en": "Wang will come at 2 pm"}
RESIDENT_REPLY = {"zh-Hans": "好的，我在家", "zh-Hant": "好的，我在家", "en": "OK, I will be home"}


async def ticket(h: Harness) -> Ticket:
    async with h.app.sessions() as s:
        return (await s.execute(select(Ticket))).scalars().one()


@pytest.mark.parametrize("locale", LOCALES)
async def test_group_report_to_fixed_and_rated(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    report_id = await h.send(w.mei, REPORT[locale], chat=w.group)

    # The group sees number, category and team — never the room.
    answer = w.last(w.group)
    assert answer.reply_to_message_id == report_id
    assert "#1" in answer.text and CATEGORY[locale] in answer.text and TEAM[locale] in answer.text
    assert "301" not in answer.text
    assert h.emu.buttons(answer) == [w.text("tk-btn-me-too"), w.text("tk-btn-follow")]

    # The staff chat gets the card: number, category, room, text, due time, buttons.
    await h.deliver()
    card = w.last(w.staff)
    assert "#1" in card.text and ROOM[locale] in card.text
    assert REPORT[locale].split(" ", 1)[1] in card.text
    assert h.emu.buttons(card) == [w.text(k) for k in (
        "tk-btn-take", "tk-btn-resolve", "tk-btn-escalate", "tk-btn-duplicate", "tk-btn-wait",
        "tk-btn-reject")]

    # Take: first responder owns it; the reporter hears, the group gets a short line.
    alert = await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    assert "#1" in alert["text"]
    await w.flush()
    assert "Wang" in card.text and w.text("tk-btn-take") not in h.emu.buttons(card)
    taken = w.last(w.mei)
    assert "#1" in taken.text and "Wang" in taken.text and TEAM[locale] in taken.text
    group_line = w.last(w.group)
    assert group_line.reply_to_message_id == report_id and "301" not in group_line.text

    # The steward replies to the card; the reporter gets it privately as "<name>, <team>".
    await h.send(w.wang, STEWARD_REPLY[locale], chat=w.staff, reply_to=card.message_id)
    assert w.last(w.staff).text == w.text("tk-relayed-out", count=1)
    await h.deliver()
    relayed = w.last(w.mei)
    assert (STEWARD_REPLY[locale] in relayed.text and f"Wang, {TEAM[locale]}" in relayed.text) \
        or f"Wang，{TEAM[locale]}" in relayed.text

    # The reporter replies to that message; it lands under the card in the staff chat.
    await h.send(w.mei, RESIDENT_REPLY[locale], reply_to=relayed.message_id)
    await w.flush()
    back = w.last(w.staff)
    assert RESIDENT_REPLY[locale] in back.text and back.reply_to_message_id == card.message_id

    # /note stays internal.
    await h.send(w.wang, "/note ladder needed", chat=w.staff, reply_to=card.message_id)
    await h.deliver()
    assert not any("ladder" in t for t in w.texts(w.mei))

    # Resolve: reporters are asked "Fixed / Not fixed"; the group gets a short line.
    await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    question = w.last(w.mei)
    assert h.emu.buttons(question) == [w.text("tk-btn-fixed"), w.text("tk-btn-notfixed")]
    assert h.emu.buttons(card) == []
    assert "301" not in w.last(w.group).text

    await h.press(w.mei, question.message_id, w.text("tk-btn-fixed"))
    assert h.emu.buttons(question) == ["★" * n for n in range(1, 6)]
    await h.press(w.mei, question.message_id, "★★★★★")
    await h.send(w.mei, "very quick, thanks", reply_to=question.message_id)
    assert w.last(w.mei).text == w.text("tk-comment-saved", number=1)

    t = await ticket(h)
    assert (t.status, t.outcome) == ("closed", "confirmed")
    async with h.app.sessions() as s:
        rating = (await s.execute(select(TicketRating))).scalars().one()
    assert (rating.fixed, rating.stars, rating.comment) == (True, 5, "very quick, thanks")
    assert rating.steward_id == w.person_ids["wang"] and rating.team_id == w.repairs_id
    await w.flush()
    assert w.text("tk-status-closed") in card.text

    # The rating and the comment reach the team: under the card, and the steward himself.
    under_card = [m for m in h.emu.sent(w.staff) if m.reply_to_message_id == card.message_id]
    rated = w.text("tk-w-rated", number=1, who="Mei", stars=5)
    commented = w.text("tk-w-commented", number=1, who="Mei", comment="very quick, thanks")
    assert [m.text for m in under_card][-2:] == [rated, commented]
    to_wang = w.texts(w.wang)
    assert w.text("tk-n-rated-steward", number=1, category=CATEGORY[locale], who="Mei",
                  stars=5) in to_wang
    assert any("very quick, thanks" in text for text in to_wang)
    # The same star pressed again tells nobody twice.
    h.emu.press_data(w.mei, None, question.message_id, "tq:star:1:1:5")
    await h.settle()
    await w.flush()
    assert [m.text for m in h.emu.sent(w.staff)].count(rated) == 1
