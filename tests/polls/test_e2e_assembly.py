"""End to end: an owners' assembly vote from /poll to the published result, per locale."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models.polls import PollBallot, PollChoice, PollCount, PollOption
from tests.harness import Harness
from tests.polls.e2e_world import World, build, press_last

L = {
    "zh-Hans": {
        "kind": "业主大会表决", "skip": "跳过", "matter": "选聘和解聘物业服务企业或者其他管理人",
        "secret": "不记名", "change": "允许改票", "live": "截止后公布", "done": "完成",
        "publish": "发布", "private": "🗳 私下投票", "yes": "1. 同意", "no": "2. 反对",
        "voted": "已收到您的投票", "changed": "已改票",
        "mine": "按您家 100.00 平方米算：每月 +30.00 元",
        "remind": "温馨提醒", "open": "去投票", "passed": "结论：通过 ✅",
        "turnout": "已投票：3 人", "closed": "投票已结束", "days": "3天",
    },
    "zh-Hant": {
        "kind": "業主大會表決", "skip": "略過", "matter": "選聘和解聘物業服務企業或者其他管理人",
        "secret": "不記名", "change": "允許改票", "live": "截止後公布", "done": "完成",
        "publish": "發布", "private": "🗳 私下投票", "yes": "1. 同意", "no": "2. 反對",
        "voted": "已收到您的投票", "changed": "已改票",
        "mine": "按您家 100.00 平方米計算：每月 +30.00 元",
        "remind": "溫馨提醒", "open": "去投票", "passed": "結論：通過 ✅",
        "turnout": "已投票：3 人", "closed": "投票已結束", "days": "3天",
    },
    "en": {
        "kind": "Owners' assembly vote", "skip": "Skip",
        "matter": "hiring or dismissing the property company or another manager",
        "secret": "Secret", "change": "Changes allowed", "live": "After closing", "done": "Done",
        "publish": "Publish", "private": "🗳 Vote privately", "yes": "1. Yes", "no": "2. No",
        "voted": "Your vote is in", "changed": "Vote changed",
        "mine": "For your 100.00 m²: +30.00 CNY a month", "remind": "A friendly reminder",
        "open": "Vote now", "passed": "Outcome: PASSED ✅", "turnout": "Voted so far: 3",
        "closed": "Voting has closed", "days": "3d",
    },
}


async def create(h: Harness, w: World, t: dict[str, str]) -> None:
    """The organizer's dialogue, in private chat, up to the published card."""
    boss = w.organizer
    await h.send(boss, "/poll")
    await press_last(h, boss, t["kind"])
    await h.send(boss, "Renew the contract of Evergreen Property?")
    await press_last(h, boss, t["skip"])
    await h.send(boss, "1.69 1.99")
    await press_last(h, boss, t["matter"])
    await press_last(h, boss, t["secret"])
    await press_last(h, boss, t["change"])
    await h.send(boss, t["days"])
    await press_last(h, boss, "Building 3")
    assert h.emu.buttons(h.emu.last(boss.id))[0] == "✓ Building 3"
    await press_last(h, boss, t["done"])
    preview = h.emu.last(boss.id).text
    assert "Renew the contract" in preview and "+30.00" in preview
    await press_last(h, boss, t["publish"])
    await h.deliver()


@pytest.mark.parametrize("locale", list(L))
async def test_assembly_vote_from_creation_to_published_result(h: Harness, locale: str) -> None:
    t = L[locale]
    w = await build(h, locale)
    boss, (a, b, c) = w.organizer, w.owners
    await create(h, w, t)
    card = h.emu.last(w.group.id)
    assert "Renew the contract" in card.text
    assert h.emu.buttons(card) == [t["private"]]
    link = card.reply_markup["inline_keyboard"][0][0]["url"]
    payload = link.split("start=")[1]

    # Voting in private through the deep link; the ballot shows the owner's own cost.
    await h.send(a, f"/start {payload}")
    ballot = h.emu.last(a.id)
    assert t["mine"] in ballot.text
    answer = await h.press(a, ballot.message_id, t["yes"])
    assert t["voted"] in answer["text"]
    assert h.emu.buttons(h.emu.last(a.id))[0] == "✓ " + t["yes"]
    answer = await h.press(a, ballot.message_id, "✓ " + t["yes"])  # the same again: no change
    answer = await h.press(a, ballot.message_id, t["no"])
    assert t["changed"] in answer["text"]
    await h.press(a, ballot.message_id, t["yes"])
    h.clock.advance(seconds=10)
    await h.deliver()
    assert "1" in h.emu.last(w.group.id).text  # the group card shows turnout only
    assert t["yes"] not in h.emu.last(w.group.id).text
    # In the database: who voted, and a seal; no choice row, no counter until the close.
    assert await _stored(h) == ([], [0, 0, 0], 1)

    # 24 h before the close, the owners who have not voted are reminded privately.
    h.clock.advance(timedelta(days=2, seconds=-10))
    await h.tick()
    for owner in (b, c):
        reminder = h.emu.last(owner.id)
        assert t["remind"] in reminder.text
        await h.press(owner, reminder.message_id, t["open"])
        await press_last(h, owner, t["yes"])
    assert all(t["remind"] not in m.text for m in h.emu.sent(a.id))

    # The scheduler closes the poll at the deadline and publishes the result.
    h.clock.advance(timedelta(days=1))
    await h.tick()
    card = h.emu.message(w.group.id, card.message_id)
    assert card is not None and t["closed"] in card["text"] and "reply_markup" not in card
    result = h.emu.last(w.group.id)
    assert t["passed"] in result.text and "75.00%" in result.text
    assert result.reply_to_message_id == card["message_id"]
    assert t["passed"] in h.emu.last(boss.id).text
    # The box was opened: anonymous choices, counted, and the seals erased.
    assert await _stored(h) == ([(1, None, None)] * 3, [3, 0, 0], 0)


async def _stored(h: Harness) -> tuple[list[tuple], list[int], int]:
    async with h.app.sessions() as s:
        choices = (await s.execute(
            select(PollOption.position, PollChoice.ballot_id, PollChoice.token)
            .join(PollOption, PollOption.id == PollChoice.option_id))).all()
        counts = (await s.execute(select(PollCount.ballots).join(
            PollOption, PollOption.id == PollCount.option_id).order_by(PollOption.position)
        )).scalars().all()
        seals = await s.scalar(select(func.count()).select_from(PollBallot)
                               .where(PollBallot.sealed.is_not(None)))
    return [tuple(c) for c in choices], list(counts), int(seals or 0)
