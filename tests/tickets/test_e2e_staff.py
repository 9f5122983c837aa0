"""The stewards' side: prompts behind card buttons, canned replies, /queue, /t, /stats."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tickets import Ticket, TicketEvent
from tests.harness import Harness
from tests.tickets.world import LOCALES, REPORT, SAME, build

QUESTION = {"zh-Hans": "请问是几楼的灯？", "zh-Hant": "請問是幾樓的燈？",
            "en": "Which floor is it?"}
REASON = {"zh-Hans": "这是市政路灯，不归物业管", "zh-Hant": "這是市政路燈，不歸物業管",
          "en": "This is a street lamp run by the city"}


async def tickets(h: Harness) -> list[Ticket]:
    async with h.app.sessions() as s:
        return list((await s.execute(select(Ticket).order_by(Ticket.number))).scalars())


@pytest.mark.parametrize("locale", LOCALES)
async def test_wait_reject_and_duplicate_ask_for_words(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-wait"), chat=w.staff)
    assert w.last(w.staff).text == w.text("tk-prompt-wait", number=1, name="Wang")
    await h.send(w.wang, QUESTION[locale], chat=w.staff)
    assert w.last(w.staff).text == w.text("tk-done-wait", number=1)
    await w.flush()
    asked = w.last(w.mei)
    assert QUESTION[locale] in asked.text
    assert (await tickets(h))[0].status == "waiting"
    # The resident's answer resumes the ticket.
    await h.send(w.mei, "4", reply_to=asked.message_id)
    await w.flush()
    assert (await tickets(h))[0].status == "in_progress"

    # A second, different problem is rejected with a reason the reporter sees.
    await h.send(w.lan, "#repair the street lamp outside the gate", chat=w.group)
    await h.deliver()
    second = w.last(w.staff)
    await h.press(w.li, second.message_id, w.text("tk-btn-reject"), chat=w.staff)
    await h.send(w.li, "/cancel", chat=w.staff)
    assert w.last(w.staff).text == w.text("tk-prompt-cancelled")
    await h.press(w.li, second.message_id, w.text("tk-btn-reject"), chat=w.staff)
    await h.send(w.li, REASON[locale], chat=w.staff)
    await w.flush()
    assert REASON[locale] in w.last(w.lan).text
    assert [t.status for t in await tickets(h)] == ["in_progress", "rejected"]

    # A third one is the same as #1: merged, and its reporter follows #1.
    await h.send(w.qian, "#repair " + SAME["en"], chat=w.group)
    third = w.last(w.group)
    if w.text("tk-btn-new-problem") in h.emu.buttons(third):
        await h.press(w.qian, third.message_id, w.text("tk-btn-new-problem"), chat=w.group)
    await h.deliver()
    card3 = w.last(w.staff)
    await h.press(w.wang, card3.message_id, w.text("tk-btn-duplicate"), chat=w.staff)
    await h.send(w.wang, "abc", chat=w.staff)
    assert w.last(w.staff).text == w.text("tk-err-dup-number")
    await h.send(w.wang, "#1", chat=w.staff)
    assert w.last(w.staff).text == w.text("tk-done-dup", number=3)
    assert [t.status for t in await tickets(h)] == ["in_progress", "rejected", "duplicate"]


async def test_hand_over_with_buttons_and_a_reason(h: Harness) -> None:
    w = await build(h, "en")
    await h.send(w.mei, REPORT["en"], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await w.flush()
    await h.press(w.wang, card.message_id, w.text("tk-btn-handover"), chat=w.staff)
    menu = w.last(w.staff)
    assert h.emu.buttons(menu) == ["Li", w.text("tk-btn-to-queue")]
    await h.press(w.wang, menu.message_id, "Li", chat=w.staff)
    await h.send(w.wang, "I am on leave tomorrow", chat=w.staff)
    assert w.last(w.staff).text == w.text("tk-done-hand", number=1)
    await w.flush()
    assert "#1" in w.last(w.li).text and "I am on leave tomorrow" in w.last(w.li).text
    assert (await tickets(h))[0].assignee_id == w.person_ids["li"]
    # Wang no longer owns it.
    answer = await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    assert answer["text"] == w.text("tk-err-owned", number=1, name="Li")


async def test_canned_replies(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.wang, "/canned", chat=w.staff)
    assert w.last(w.staff).text == w.text("tk-canned-empty")
    await h.send(w.wang, "/canned add 上门：师傅今天下午上门，请家里留人。", chat=w.staff)
    assert w.last(w.staff).text == w.text("tk-canned-added", title="上门")
    await h.send(w.mei, "/canned add x: y", chat=w.group)
    assert w.last(w.group).text == w.text("tk-canned-where")
    await h.send(w.mei, REPORT["zh-Hans"], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.send(w.wang, "/canned 1", chat=w.staff, reply_to=card.message_id)
    await w.flush()
    assert "师傅今天下午上门" in w.last(w.mei).text
    await h.send(w.wang, "/canned 5", chat=w.staff, reply_to=card.message_id)
    assert w.last(w.staff).text == w.text("tk-canned-unknown", n=5)


async def test_views_mytickets_t_queue_and_stats(make_harness: object) -> None:
    from tests.harness import SUPERADMIN_ID

    h: Harness = await make_harness()  # type: ignore[operator]
    w = await build(h, "en")
    await h.send(w.mei, REPORT["en"], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await h.send(w.wang, "/note needs a ladder", chat=w.staff, reply_to=card.message_id)
    await h.send(w.lan, "#complaint the garage door is noisy at night", chat=w.group)

    await h.send(w.mei, "/mytickets")
    mine = w.last(w.mei).text
    assert "#1" in mine and w.text("tk-status-accepted") in mine and "#2" not in mine

    await h.send(w.mei, "/t 1")
    details = "\n".join(m.text for m in h.emu.sent(w.mei)[-2:])
    assert "Wang" in details and w.text("tk-ev-take") in details and "ladder" not in details
    await h.send(w.mei, "/t 2")
    assert w.last(w.mei).text == w.text("tk-err-not-visible", number=2)
    await h.send(w.mei, "/t 1", chat=w.group)
    assert "301" not in w.last(w.group).text and "#1" in w.last(w.group).text

    await h.send(w.wang, "/t 1")
    assert "ladder" in "\n".join(m.text for m in h.emu.sent(w.wang)[-2:])
    await h.send(w.wang, "/queue")
    queue = w.last(w.wang).text
    assert queue.index("#1") < queue.index("#2")

    # /t in the staff chat posts a fresh card (the way back after a card was deleted).
    await h.send(w.wang, "/t 1", chat=w.staff)
    await w.flush()
    assert w.text("tk-btn-resolve") in h.emu.buttons(w.last(w.staff))

    # The party branch's queue holds what reached its level: nothing of the repairs team yet.
    await h.send(w.zhao, "/queue")
    assert w.last(w.zhao).text == w.text("tk-queue-empty")
    await h.send(w.zhao, "#suggestion a bench by the pond", chat=w.group)
    await h.send(w.zhao, "/queue")
    assert "#3" in w.last(w.zhao).text and "#1" not in w.last(w.zhao).text

    await h.send(w.mei, "/stats")
    assert w.last(w.mei).text == w.text("tk-stats-denied")
    await h.send(w.zhao, "/stats")
    # The figures, then the weekly chart as a photo.
    stats, chart = (m.text or "" for m in h.emu.sent(w.zhao)[-2:])
    assert "Open: 3" in stats and "Repairs team: 2 open" in stats
    assert "red bars: opened, 3 in all" in chart
    assert SUPERADMIN_ID


async def test_escalate_by_hand_and_the_top_of_the_ladder(h: Harness) -> None:
    w = await build(h, "zh-Hant")
    await h.send(w.mei, REPORT["zh-Hant"], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-escalate"), chat=w.staff)
    await h.deliver()
    branch_card = w.last(w.branch)
    await h.press(w.zhao, branch_card.message_id, w.text("tk-btn-escalate"), chat=w.branch)
    await w.flush()
    assert "#1" in w.last(w.office).text
    assert w.text("tk-btn-escalate") not in h.emu.buttons(card)
    cq = h.emu.press_data(w.zhao, w.branch, branch_card.message_id, "tk:esc:1")
    await h.settle()
    assert h.emu.callback_answer(cq)["text"] == w.text("tk-err-top-level", number=1)
    async with h.app.sessions() as s:
        notes = (await s.execute(select(TicketEvent.note).where(
            TicketEvent.kind == "escalate"))).scalars().all()
    assert notes == ["manual", "manual"]
