"""A reporter who never pressed Start follows the ticket in the group, to a rating there.

Telegram refuses every private message to Mei (403); what concerns her ticket reaches her
as short replies to her report in the group, and only she (and co-reporters) may answer.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.outbox import Outbox, OutboxStatus
from models.tickets import Ticket, TicketRating
from tests.harness import Harness, HarnessFactory
from tests.tickets.world import LOCALES, REPORT, World, build

LOCALE = "zh-Hans"
STEWARD_REPLY = "王师傅下午两点上门，请家里留人"


async def the_ticket(h: Harness) -> Ticket:
    async with h.app.sessions() as s:
        return (await s.execute(select(Ticket))).scalars().one()


async def ratings(h: Harness) -> list[TicketRating]:
    async with h.app.sessions() as s:
        return list((await s.execute(select(TicketRating))).scalars())


def replies_to(w: World, message_id: int) -> list[str]:
    """The bot's replies to a report after its "registered" answer."""
    return [m.text or "" for m in w.h.emu.sent(w.group)
            if m.reply_to_message_id == message_id][1:]


def url_of(msg: object, label: str) -> str | None:
    rows = (getattr(msg, "reply_markup", None) or {}).get("inline_keyboard") or []
    return next((b.get("url") for row in rows for b in row if b.get("text") == label), None)


async def report_and_take(h: Harness, w: World) -> tuple[int, int]:
    report_id = await h.send(w.mei, REPORT[LOCALE], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await w.flush()
    return report_id, card.message_id


async def test_unstarted_reporter_follows_to_a_group_side_rating(h: Harness) -> None:
    w = await build(h, LOCALE, unstarted=("mei",))
    report_id = await h.send(w.mei, REPORT[LOCALE], chat=w.group)
    answer = w.last(w.group)
    assert h.emu.buttons(answer) == [w.text("tk-btn-me-too"), "私聊我接收进度"]
    t = await the_ticket(h)
    assert url_of(answer, "私聊我接收进度") == f"https://t.me/red_steward_bot?start=tk_{t.id}"

    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await w.flush()
    assert h.emu.sent(w.mei) == []  # Telegram refused every private notice
    taken = replies_to(w, report_id)
    assert taken == ["工单 #1（报修）已由维修队接单处理。"]  # once, not once per refusal

    # The steward's words stay private: the group hears only that he replied.
    await h.send(w.wang, STEWARD_REPLY, chat=w.staff, reply_to=card.message_id)
    await h.deliver()
    replied = replies_to(w, report_id)[-1]
    assert "Wang" in replied and "回复了报告人" in replied and STEWARD_REPLY not in replied
    assert not any(STEWARD_REPLY in text for text in w.texts(w.group))
    assert not any("301" in text for text in w.texts(w.group))

    # Resolved with a note: the question is asked in the thread, with its buttons.
    await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    question = w.last(w.group)
    assert question.reply_to_message_id == report_id
    assert "请报告人确认：问题解决了吗？" in question.text
    assert h.emu.buttons(question) == ["解决了", "还没解决"]

    # A neighbour who is not a reporter cannot answer for her; nothing changes.
    alert = await h.press(w.lan, question.message_id, "解决了", chat=w.group)
    assert alert["show_alert"] and alert["text"] == "您不是这个工单的报告人。"
    assert (await the_ticket(h)).status == "resolved" and await ratings(h) == []

    # Mei answers in the group; a forged round and a second press change nothing.
    await h.press(w.mei, question.message_id, "解决了", chat=w.group)
    assert h.emu.buttons(question) == ["★" * n for n in range(1, 6)]
    forged = h.emu.press_data(w.mei, w.group, question.message_id, f"tq:fix:{t.id}:7:0")
    await h.settle()
    assert h.emu.callback_answer(forged)["text"].startswith("这个问题已经过期")
    again = h.emu.press_data(w.mei, w.group, question.message_id, f"tq:nofix:{t.id}:1:0")
    await h.settle()
    assert "您已经回答过了" in h.emu.callback_answer(again)["text"]
    alert = await h.press(w.lan, question.message_id, "★", chat=w.group)
    assert alert["text"] == "您不是这个工单的报告人。"
    await h.press(w.mei, question.message_id, "★★★★", chat=w.group)

    t = await the_ticket(h)
    assert (t.status, t.outcome) == ("closed", "confirmed")
    [rating] = await ratings(h)
    assert (rating.person_id, rating.round, rating.fixed, rating.stars) == \
        (w.person_ids["mei"], 1, True, 4)
    assert h.emu.sent(w.mei) == []


async def test_deep_link_makes_later_notices_private(h: Harness) -> None:
    w = await build(h, LOCALE, unstarted=("mei", "lan"))
    report_id = await h.send(w.mei, REPORT[LOCALE], chat=w.group)
    t = await the_ticket(h)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await h.send(w.wang, "请问是几楼的灯？", chat=w.staff, reply_to=card.message_id)
    await w.flush()
    assert "回复了报告人" in replies_to(w, report_id)[-1]

    # A neighbour who is not a reporter is refused; Mei is confirmed privately.
    await h.send(w.lan, f"/start tk_{t.id}")
    assert "这个链接是给工单的报告人用的" in w.last(w.lan).text
    await h.send(w.mei, f"/start tk_{t.id}")
    await h.deliver()
    confirmed, replayed = h.emu.sent(w.mei)[-2:]
    assert confirmed.text.startswith("好的，工单 #1（报修，维修队负责）之后的进展都会私聊告诉您")
    # The reply the group only announced now reaches her, and she can answer it.
    assert "请问是几楼的灯？" in replayed.text
    await h.send(w.mei, "三楼", reply_to=replayed.message_id)
    await h.deliver()
    assert "三楼" in w.last(w.staff).text

    lines_before = len(replies_to(w, report_id))
    await h.send(w.wang, STEWARD_REPLY, chat=w.staff, reply_to=card.message_id)
    await w.flush()
    assert STEWARD_REPLY in w.last(w.mei).text
    assert len(replies_to(w, report_id)) == lines_before  # private now, nothing in the group


async def test_restart_in_the_middle_still_posts_in_the_group(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness()
    w = await build(h, LOCALE, unstarted=("mei",))
    report_id, card_id = await report_and_take(h, w)
    await h.press(w.wang, card_id, w.text("tk-btn-resolve"), chat=w.staff)
    await h.stop()  # the private question is queued, not yet sent

    h2 = await make_harness()
    w.h = h2
    await w.flush()
    question = w.last(w.group)
    assert question.reply_to_message_id == report_id
    assert h2.emu.buttons(question) == ["解决了", "还没解决"]
    async with h2.app.sessions() as s:
        refused = (await s.execute(select(Outbox).where(
            Outbox.chat_id == w.mei.id, Outbox.status == OutboxStatus.UNREACHABLE.value,
        ))).scalars().all()
    assert refused and all(row.fallback for row in refused)


async def test_never_reached_reporter_is_not_closed_as_resolved(h: Harness) -> None:
    w = await build(h, LOCALE, unstarted=("mei",))
    report_id, card_id = await report_and_take(h, w)
    answer = h.emu.sent(w.group)[0]
    await h.press(w.lan, answer.message_id, "我也遇到了", chat=w.group)  # Lan started the bot
    await h.press(w.wang, card_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    h.clock.advance(hours=73)
    await h.tick()
    t = await the_ticket(h)
    assert (t.status, t.outcome) == ("closed", "unreached")
    assert "按“未确认”结单" in replies_to(w, report_id)[-1]
    assert "没有得到报告人确认，按“未确认”结单" in w.last(w.lan).text

    # /stats counts it apart from fixes residents confirmed and from silent reporters.
    await h.send(w.zhao, "/stats")
    figures = h.emu.sent(w.zhao)[-2].text or ""  # the weekly chart follows it
    assert "住户确认 0 件，3 天无人回复 0 件，联系不上报告人（未确认）1 件" in figures

    # Mei finds the question days later: "not fixed" cannot reopen a closed ticket, a
    # confirmation still counts as one.
    question = next(m for m in w.h.emu.sent(w.group) if "解决了" in w.h.emu.buttons(m))
    late = await h.press(w.mei, question.message_id, "还没解决", chat=w.group)
    assert late["text"] == "这个问题已经过期：工单 #1 现在的状态是“已办结”。"
    await h.press(w.mei, question.message_id, "解决了", chat=w.group)
    assert (await the_ticket(h)).outcome == "confirmed"


@pytest.mark.parametrize("unstarted", [(), ("mei",)])
async def test_stale_question_after_reopen_records_nothing(
    h: Harness, unstarted: tuple[str, ...]
) -> None:
    w = await build(h, LOCALE, unstarted=unstarted)
    await h.send(w.mei, REPORT[LOCALE], chat=w.group)
    answer = w.last(w.group)
    await h.press(w.lan, answer.message_id, w.text("tk-btn-me-too"), chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    lan_question = w.last(w.lan)
    mei_chat = w.group if unstarted else None
    mei_question = w.last(w.group) if unstarted else w.last(w.mei)
    await h.press(w.mei, mei_question.message_id, "还没解决", chat=mei_chat)
    await w.flush()
    assert (await the_ticket(h)).status == "reopened"

    # Lan's question was asked before the reopening: it is stale and records nothing.
    alert = await h.press(w.lan, lan_question.message_id, "解决了")
    assert alert["text"] == "这个问题已经过期：工单 #1 现在的状态是“重新处理”。"
    assert [r.person_id for r in await ratings(h)] == [w.person_ids["mei"]]
    assert "#1" in lan_question.text and "★" not in "".join(h.emu.buttons(lan_question))

    # Wang, who handled it, hears privately that it came back.
    assert "您处理过的工单 #1（报修）被Mei反映还没解决，已重新打开。" in w.texts(w.wang)


async def test_public_reply_and_escalation_are_told_in_the_thread(h: Harness) -> None:
    w = await build(h, LOCALE, unstarted=("mei",))
    report_id, card_id = await report_and_take(h, w)

    # Marked public by the steward: the group may read the words themselves.
    await h.send(w.wang, f"/public {STEWARD_REPLY}", chat=w.staff, reply_to=card_id)
    assert w.last(w.staff).text == "已转达给 1 位报告人。"
    await h.deliver()
    assert replies_to(w, report_id)[-1] == \
        f"工单 #1（报修）维修队的Wang回复：\n{STEWARD_REPLY}"
    await h.send(w.wang, "/public", chat=w.staff, reply_to=card_id)
    assert w.last(w.staff).text.startswith("请回复工单卡片，发送“/public 回复内容”")

    # Passed up the ladder: the thread says who holds it now.
    await h.press(w.wang, card_id, w.text("tk-btn-escalate"), chat=w.staff)
    await w.flush()
    assert replies_to(w, report_id)[-1] == \
        "工单 #1（报修）已转到小区党支部，现在由小区党支部负责跟进。" \
        "小区党支部的联系方式：发 /contacts 就能看到。"
    assert h.emu.sent(w.mei) == []


async def test_photo_sent_with_a_group_report_is_downloaded_for_the_card(h: Harness) -> None:
    """getFile and /file/bot<token>/<path> work: the staff see the very bytes Mei sent."""
    from tests.fuzz_cast import PNG

    w = await build(h, LOCALE, unstarted=("mei",))
    await h.send(w.mei, photo=PNG, caption=REPORT[LOCALE], chat=w.group)
    await h.deliver()
    assert [m for m, _ in h.emu.calls].count("getFile") == 1
    [card] = [m for m in h.emu.sent(w.staff) if m.photo is not None]
    assert card.photo == PNG


@pytest.mark.parametrize("locale", LOCALES)
async def test_group_follow_up_speaks_every_language(h: Harness, locale: str) -> None:
    w = await build(h, locale, unstarted=("mei",))
    report_id = await h.send(w.mei, REPORT[locale], chat=w.group)
    assert w.text("tk-btn-follow") in h.emu.buttons(w.last(w.group))
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await h.send(w.wang, "secret words", chat=w.staff, reply_to=card.message_id)
    await h.press(w.wang, card.message_id, w.text("tk-btn-escalate"), chat=w.staff)
    await w.flush()
    lines = replies_to(w, report_id)
    assert len(lines) == 3 and not any("secret" in line or "{" in line for line in lines)
    branch = w.text("tk-level-2")
    assert lines[2] == w.text("tk-gf-escalated", number=1, category=w.text("tk-cat-repair"),
                              level=branch, contacts=w.text("tk-contacts-hint", level=branch))
