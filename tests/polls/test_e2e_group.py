"""End to end: quick polls and council votes on the group card, bad input, forged buttons,
double presses from two places, and the organizer's tools."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.person import Person
from models.polls import Poll, PollBallot, PollKind, PollStatus, VoteUnit
from models.registry import Compound
from services.polls import cards
from tests.harness import Harness
from tests.polls import factories as f
from tests.polls.e2e_world import build, press_last

Q = {
    "zh-Hans": {"kind": "快速投票", "skip": "跳过", "one": "单选", "open": "记名",
                "change": "允许改票", "live": "随时可看", "done": "完成", "publish": "发布",
                "few": "至少需要 2 个选项", "many": "最多 10 个选项", "dup": "有重复的选项",
                "past": "这个时间已经过去了", "voted": "已收到您的投票：1. Green",
                "count": "1. Green：2 票", "wrong": "请在发布这项投票的群里点按钮投票",
                "result": "投票结果：Which colour for the fence?",
                "pct": "1. Green：2 票（66.66%）"},
    "zh-Hant": {"kind": "快速投票", "skip": "略過", "one": "單選", "open": "記名",
                "change": "允許改票", "live": "隨時可看", "done": "完成", "publish": "發布",
                "few": "至少需要 2 個選項", "many": "最多 10 個選項", "dup": "有重複的選項",
                "past": "這個時間已經過去了", "voted": "已收到您的投票：1. Green",
                "count": "1. Green：2 票", "wrong": "請在發布這項投票的群組裡點按鈕投票",
                "result": "投票結果：Which colour for the fence?",
                "pct": "1. Green：2 票（66.66%）"},
    "en": {"kind": "Quick poll", "skip": "Skip", "one": "One choice", "open": "Open",
           "change": "Changes allowed", "live": "Live", "done": "Done", "publish": "Publish",
           "few": "At least 2 options", "many": "At most 10 options",
           "dup": "Two options are the same",
           "past": "That time has already passed", "voted": "Your vote is in: 1. Green",
           "count": "1. Green: 2", "wrong": "Please vote with the buttons in the group",
           "result": "Result: Which colour for the fence?", "pct": "1. Green: 2 (66.66%)"},
}


@pytest.mark.parametrize("locale", list(Q))
async def test_quick_poll_created_with_bad_input_refused_then_voted_in_the_group(
    h: Harness, locale: str
) -> None:
    t = Q[locale]
    w = await build(h, locale)
    boss, owner, visitor, group = w.organizer, w.owners[0], w.outsider, w.group
    await h.send(boss, "/poll")
    await press_last(h, boss, t["kind"])
    await h.send(boss, "Which colour for the fence?")
    await press_last(h, boss, t["skip"])
    for bad, expected in [("Green", t["few"]), ("\n".join(f"c{i}" for i in range(11)), t["many"]),
                          ("Green\nGREEN", t["dup"])]:
        await h.send(boss, bad)
        assert expected in h.emu.last(boss.id).text
    await h.send(boss, "Green\nWhite\nBlue")
    for label in (t["one"], t["open"], t["change"], t["live"]):
        await press_last(h, boss, label)
    await h.send(boss, "2026-03-01 10:00")
    assert t["past"] in h.emu.last(boss.id).text
    await h.send(boss, "2h")
    await press_last(h, boss, "Building 3")
    await press_last(h, boss, t["done"])
    await press_last(h, boss, t["publish"])
    await h.deliver()
    card = h.emu.last(group.id)
    assert h.emu.buttons(card) == ["1. Green", "2. White", "3. Blue"]

    answer = await h.press(owner, card.message_id, "1. Green", chat=group)
    assert t["voted"] in answer["text"]
    await h.press(visitor, card.message_id, "1. Green", chat=group)  # anyone in the group
    await h.press(boss, card.message_id, "2. White", chat=group)
    h.clock.advance(seconds=10)
    await h.deliver()
    assert t["count"] in h.emu.message(group.id, card.message_id)["text"]  # one batched edit
    link_payload = f"pv{card.reply_markup['inline_keyboard'][0][0]['callback_data'].split(':')[1]}"
    await h.send(owner, f"/start {link_payload}")
    assert t["wrong"] in h.emu.last(owner.id).text

    h.clock.advance(hours=2)
    await h.tick()
    result = h.emu.last(group.id)
    assert t["result"] in result.text and t["pct"] in result.text
    assert h.emu.message(group.id, card.message_id).get("reply_markup") is None


async def test_forged_buttons_are_refused_and_change_nothing(h: Harness) -> None:
    w = await build(h, "en")
    async with h.app.sessions() as s:
        boss = await s.get(Person, w.person_ids[w.organizer.id])
        c = await s.get(Compound, w.compound_id)
        a = await f.open_poll(s, h.clock, c, boss, chats=[w.group.id])
        b = await f.open_poll(s, h.clock, c, boss, question="Other?", chats=[w.group.id])
        a_id = a.id
        b_option = (await cards.options_of(s, b.id))[0].id
    await h.deliver()
    card = next(m for m in h.emu.sent(w.group.id) if "Paint the fence" in (m.text or ""))
    visitor = w.outsider
    for data, expected in [(f"pv:{a_id}:{b_option}", "That option does not exist"),
                           (f"pv:{a_id}:99999", "That option does not exist"),
                           ("pv:777777:1", "This poll has closed"),
                           (f"pm:close:{a_id}", "Sorry"), (f"pm:closeok:{a_id}", "Sorry"),
                           ("pn:kind:assembly", "This button has expired"),
                           (f"pp:{a_id}:1", "This button has expired")]:
        query = h.emu.press_data(visitor, w.group, card.message_id, data)
        await h.settle()
        assert expected in h.emu.callback_answer(query)["text"], data
    async with h.app.sessions() as s:
        assert await s.scalar(select(func.count(PollBallot.id))) == 0
        assert (await s.get(Poll, a_id)).status == PollStatus.OPEN  # type: ignore[union-attr]


async def test_the_same_person_pressing_in_the_group_and_in_private_at_once_counts_once(
    h: Harness,
) -> None:
    w = await build(h, "zh-Hans")
    owner = w.owners[0]
    async with h.app.sessions() as s:
        boss = await s.get(Person, w.person_ids[w.organizer.id])
        c = await s.get(Compound, w.compound_id)
        poll = await f.open_poll(s, h.clock, c, boss, PollKind.RESIDENT, chats=[w.group.id],
                                 vote_unit=VoteUnit.HOUSEHOLD, allow_change=False)
        poll_id = poll.id
    await h.deliver()
    card = h.emu.last(w.group.id)
    await h.send(owner, f"/start pv{poll_id}")
    ballot = h.emu.last(owner.id)
    q1 = h.emu.press(owner, card.message_id, "1. Green", chat=w.group)
    q2 = h.emu.press(owner, ballot.message_id, "1. Green")
    await h.settle()
    answers = sorted(h.emu.callback_answer(q)["text"] for q in (q1, q2))
    assert answers == ["已收到您的投票：1. Green", "您的选择没有变化：1. Green"]
    async with h.app.sessions() as s:
        assert await s.scalar(select(func.count(PollBallot.id))) == 1


async def test_two_different_presses_at_once_leave_one_ballot_with_one_choice(h: Harness) -> None:
    w = await build(h, "en")
    owner = w.owners[0]
    async with h.app.sessions() as s:
        boss = await s.get(Person, w.person_ids[w.organizer.id])
        c = await s.get(Compound, w.compound_id)
        poll = await f.open_poll(s, h.clock, c, boss, PollKind.RESIDENT, chats=[w.group.id])
        poll_id = poll.id
    await h.deliver()
    card = h.emu.last(w.group.id)
    await h.send(owner, f"/start pv{poll_id}")
    ballot = h.emu.last(owner.id)
    q1 = h.emu.press(owner, card.message_id, "1. Green", chat=w.group)
    q2 = h.emu.press(owner, ballot.message_id, "2. White")
    await h.settle()
    answers = sorted(h.emu.callback_answer(q)["text"].split(":")[0] for q in (q1, q2))
    assert answers == ["Vote changed", "Your vote is in"]
    async with h.app.sessions() as s:
        assert await s.scalar(select(func.count(PollBallot.id))) == 1
        totals = await cards.counts_of(s, poll_id)
        assert sorted(n for n, _ in totals.values()) == [0, 0, 1]
