"""Bad input is refused clearly and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.tickets import Ticket, TicketEvent
from tests.harness import Harness
from tests.tickets.world import LOCALES, REPORT, build

TAG = {"zh-Hans": "#报修", "zh-Hant": "#報修", "en": "#repair"}


async def count(h: Harness, model: type = Ticket) -> int:
    async with h.app.sessions() as s:
        return int((await s.execute(select(func.count()).select_from(model))).scalar_one())


@pytest.mark.parametrize("locale", LOCALES)
async def test_empty_and_unknown_hashtags(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, TAG[locale], chat=w.group)
    assert w.last(w.group).text == w.text("tk-err-empty-group")
    await h.send(w.mei, "#plumbing the sink leaks", chat=w.group)
    assert w.last(w.group).text == w.text("tk-err-unknown-tag", tag="#plumbing")
    await h.send(w.mei, "/report", chat=w.group)  # shown how, with every hashtag
    assert w.last(w.group).text.startswith(w.text("tk-report-guide"))
    assert await count(h) == 0


async def test_a_10000_character_report_is_kept_whole_and_sent_in_parts(h: Harness) -> None:
    w = await build(h, "en")
    body = "\n".join(f"line {i:03d} " + "x" * 90 for i in range(100))  # ~10,000 characters
    await h.send(w.mei, "#repair " + body, chat=w.group)
    async with h.app.sessions() as s:
        stored = (await s.execute(select(Ticket.text))).scalar_one()
    assert stored == body and len(stored) >= 9_900
    await h.deliver()
    staff = h.emu.sent(w.staff)
    assert all(len(m.text or "") <= 4096 for m in staff)
    assert len(staff[0].text) < 1500  # the card stays short; the full text follows
    rest = "\n".join(m.text for m in staff[1:])
    assert all(f"line {i:03d} " in rest for i in range(100))
    assert "301" not in w.last(w.group).text and len(w.last(w.group).text) < 300

    # Edited cards stay within the limit too.
    await h.press(w.wang, staff[0].message_id, w.text("tk-btn-take"), chat=w.staff)
    await w.flush()
    assert all(len(e) <= 4096 for e in staff[0].edits)


@pytest.mark.parametrize("locale", LOCALES)
async def test_residents_and_other_teams_cannot_press_staff_buttons(
    h: Harness, locale: str
) -> None:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    for who in (w.mei, w.zhou):
        for label in ("tk-btn-take", "tk-btn-resolve", "tk-btn-reject"):
            answer = await h.press(who, card.message_id, w.text(label), chat=w.staff)
            assert answer["text"] == w.text("tk-err-not-your-team", number=1)
            assert answer["show_alert"] is True
    # A forged button for a ticket that does not exist.
    cq = h.emu.press_data(w.wang, w.staff, card.message_id, "tk:take:999")
    await h.settle()
    assert h.emu.callback_answer(cq)["text"] == w.text("tk-err-no-ticket")
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket))).scalars().one()
    assert (t.status, t.assignee_id) == ("new", None)
    assert await count(h, TicketEvent) == 1  # only "create"


@pytest.mark.parametrize("locale", LOCALES)
async def test_two_stewards_press_take_at_once_and_exactly_one_wins(
    h: Harness, locale: str
) -> None:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    take = w.text("tk-btn-take")
    first = h.emu.press(w.wang, card.message_id, take, chat=w.staff)
    second = h.emu.press(w.li, card.message_id, take, chat=w.staff)
    await h.settle()
    answers = [h.emu.callback_answer(first)["text"], h.emu.callback_answer(second)["text"]]
    won = [a for a in answers if a == w.text("tk-took", number=1)]
    assert len(won) == 1
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket))).scalars().one()
        takes = (await s.execute(select(func.count()).select_from(TicketEvent)
                                 .where(TicketEvent.kind == "take"))).scalar_one()
    winner = "wang" if answers[0] in won else "li"
    assert t.assignee_id == w.person_ids[winner] and takes == 1
    assert w.text("tk-err-taken", number=1, name=winner.title()) in answers


@pytest.mark.parametrize("locale", LOCALES)
async def test_a_stale_card_and_a_closed_ticket_are_refused(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    # The buttons are gone from the card; an old copy of it is pressed anyway.
    cq = h.emu.press_data(w.li, w.staff, card.message_id, "tk:take:1")
    await h.settle()
    assert h.emu.callback_answer(cq)["text"] == w.text(
        "tk-err-stale", number=1, status=w.text("tk-status-resolved"))
    question = w.last(w.mei)
    await h.press(w.mei, question.message_id, w.text("tk-btn-fixed"))
    await h.press(w.mei, question.message_id, "★★★★")
    # Replies to a closed ticket are refused both ways.
    await h.send(w.wang, "one more thing", chat=w.staff, reply_to=card.message_id)
    assert w.last(w.staff).text == w.text("tk-err-final", number=1,
                                          status=w.text("tk-status-closed"))
    # Answering the same question twice is refused.
    cq = h.emu.press_data(w.mei, None, question.message_id, "tq:nofix:1:1:0")
    await h.settle()
    assert h.emu.callback_answer(cq)["text"] == w.text("tk-err-answered", number=1)


async def test_ticket_without_a_reply_and_replies_to_unknown_messages(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    # /ticket must reply to a message; a reply to a deleted message arrives without one.
    await h.send(w.wang, "/ticket", chat=w.group)
    assert w.last(w.group).text == w.text("tk-ticket-usage")
    # A resident may not file for someone else.
    original = await h.send(w.lan, "楼下的垃圾三天没人收了", chat=w.group)
    await h.send(w.mei, "/ticket", chat=w.group, reply_to=original)
    assert w.last(w.group).text == w.text("tk-err-file-for-denied")
    assert await count(h) == 0


async def test_a_deleted_card_is_replaced_with_t(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.mei, REPORT["zh-Hans"], chat=w.group)
    await h.deliver()
    old = w.last(w.staff)
    await h.app.bot.delete_message(w.staff.id, old.message_id)  # an admin tidied the chat
    await h.send(w.wang, "/t 1", chat=w.staff)
    await w.flush()
    card = w.last(w.staff)
    assert card.message_id != old.message_id and "#1" in card.text
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await w.flush()
    assert "Wang" in card.text
    # A reply to the new card still reaches the reporter.
    await h.send(w.wang, "马上到", chat=w.staff, reply_to=card.message_id)
    await w.flush()
    assert "马上到" in w.last(w.mei).text


async def test_reports_are_not_taken_in_staff_chats(h: Harness) -> None:
    w = await build(h, "zh-Hant")
    await h.send(w.wang, "/report 電梯壞了", chat=w.staff)
    assert w.last(w.staff).text == w.text("tk-group-not-residents")
    await h.send(w.wang, "#報修 電梯壞了", chat=w.staff)  # a hashtag here is just talk
    assert len(h.emu.sent(w.staff)) == 1
    assert await count(h) == 0
