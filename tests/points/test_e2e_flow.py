"""The whole story through the emulator, in each language: an organizer creates an activity,
more people sign up than there are places, the waitlist moves up, reminders go out,
attendance is taken, points are awarded, a resident redeems them and a steward confirms
the voucher exactly once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest

from tests.harness import Harness
from tests.points.checks import assert_books_balance_in
from tests.points.world import World, add_reward, build, texts


@dataclass(frozen=True)
class Words:
    title: str
    place: str
    start: str
    kind: str
    join: str
    leave: str
    skip: str
    until_start: str
    default: str
    rule_points: str
    everyone: str
    anyone: str
    publish: str
    seats_two: str
    full_one_waiting: str
    checkin: str
    attendance: str
    finish: str
    finish_yes: str
    item: str
    buy: str
    confirm: str
    joined: str
    waitlisted: str
    promoted: str
    remind_day: str
    remind_hour: str
    earned: str
    points_balance: str
    confirmed: str
    used: str
    note_used: str
    finished_card: str


WORDS = {
    "zh-Hans": Words(
        "楼道大扫除", "3号楼下", "3月4日 9:00", "楼道清洁（每次 2 分）", "我要报名", "取消报名",
        "不写了，跳过", "开始前都可以报名", "用默认时间", "按规则给 2 分", "全小区居民",
        "人人都可以报名", "发布", "名额 2 人，还剩 2 个", "还剩 0 个，另有 1 人候补",
        "我到了（签到）", "登记到场情况", "结束活动并发放积分", "确定结束并发放",
        "停车券 · 2 分", "用 2 分兑换", "确认核销", "报名成功", "目前排第 1 位",
        "您已从候补转为正式报名", "明天开始", "54 分钟后开始", "已为您记 2 积分",
        "现有积分：2 分", "已核销：停车券", "已经用过了", "已经使用", "共 2 人参加"),
    "zh-Hant": Words(
        "樓梯間大掃除", "3棟樓下", "3月4日 9:00", "樓梯清潔（每次 2 分）", "我要報名", "取消報名",
        "不寫了，跳過", "開始前都可以報名", "用預設時間", "按規則給 2 分", "全社區住戶",
        "人人都可以報名", "發布", "名額 2 人，還剩 2 個", "還剩 0 個，另有 1 人候補",
        "我到了（簽到）", "登記出席情況", "結束活動並發放積分", "確定結束並發放",
        "停車券 · 2 分", "用 2 分兌換", "確認核銷", "報名成功", "目前排第 1 位",
        "您已從候補轉為正式報名", "明天開始", "54 分鐘後開始", "已為您記 2 積分",
        "現有積分：2 分", "已核銷：停車券", "已經用過了", "已經使用", "共 2 人參加"),
    "en": Words(
        "Stairwell clean-up", "Building 3 entrance", "3/4 9:00", "Stair cleaning (2 per time)",
        "Sign up", "Cancel my sign-up", "Skip", "Until it starts", "Use the default",
        "2 points, as the rules say", "Everyone in the compound", "Anyone can sign up",
        "Publish", "2 places, 2 left", "0 left, 1 on the waiting list", "I'm here (check in)",
        "Record who came", "Close and give points", "Yes, close and give points",
        "Parking coupon · 2 points", "Redeem for 2 points", "Confirm", "You're signed up",
        "waiting list at number 1", "it's yours now", "is tomorrow", "starts in 54 min",
        "You earned 2 points", "Balance: 2 points", "Used: Parking coupon",
        "already been used", "has been used", "2 people took part"),
}
REWARD = {"zh-Hans": "停车券", "zh-Hant": "停車券", "en": "Parking coupon"}


async def create_activity(w: World, words: Words) -> None:
    h, org = w.h, w.org
    await h.send(org, "/activity")
    for answer in (words.title,):
        await h.send(org, answer)
    await h.press(org, h.emu.last(org.id).message_id, words.skip)
    for answer in (words.place, words.start, "11:00", "2"):
        await h.send(org, answer)
    await h.press(org, h.emu.last(org.id).message_id, words.until_start)
    for label in (words.default, words.kind, words.rule_points, words.everyone, words.anyone):
        await h.press(org, h.emu.last(org.id).message_id, label)
    preview = h.emu.last(org.id)
    assert words.title in preview.text and words.place in preview.text
    await h.press(org, preview.message_id, words.publish)


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en"])
async def test_activity_to_voucher(h: Harness, locale: str) -> None:
    words = WORDS[locale]
    w = await build(h, locale)
    await add_reward(w, REWARD[locale], cost=2, stock=1)
    await create_activity(w, words)
    await h.deliver()
    card = h.emu.last(w.group.id)
    assert words.title in card.text and words.seats_two in card.text
    assert h.emu.buttons(card) == [words.join, words.leave]

    # Three people for two places: one goes on the waiting list.
    answers = [await h.press(u, card.message_id, words.join, chat=w.group)
               for u in (w.ann, w.bo, w.cy)]
    assert words.joined in answers[0]["text"] and words.joined in answers[1]["text"]
    assert words.waitlisted in answers[2]["text"]
    h.clock.advance(seconds=30)
    await h.deliver()
    card = h.emu.last(w.group.id)
    assert words.full_one_waiting in card.text
    assert len(card.edits) == 1  # three sign-ups, one batched edit
    note = texts(w, "ann")[-1]  # the private confirmation, where reminders will come
    assert words.title in note and words.place in note

    # Ann cancels; Cy, first in line, is told privately.
    await h.press(w.ann, card.message_id, words.leave, chat=w.group)
    await h.deliver()
    assert any(words.promoted in t for t in texts(w, "cy"))
    # The public card catches up within one 5-second slot: no waiting list left on it.
    h.clock.advance(seconds=5)
    await h.deliver()
    shown = h.emu.message(w.group, card.message_id)
    assert shown is not None and words.full_one_waiting not in shown["text"]
    assert words.seats_two.split("，")[0].split(",")[0] in shown["text"]

    # Reminders: the day before and an hour before, once each.
    h.clock.advance(hours=24)
    await h.tick()
    await h.tick()
    assert sum(words.remind_day in t for t in texts(w, "bo")) == 1
    assert sum(words.remind_day in t for t in texts(w, "cy")) == 1
    assert not any(words.remind_day in t for t in texts(w, "ann"))
    h.clock.set(h.clock.now().replace(hour=0, minute=5) + timedelta(days=1))
    await h.tick()
    reminder = h.emu.last(w.bo.id)
    assert words.remind_hour in reminder.text and h.emu.buttons(reminder) == [words.checkin]

    # Bo checks in himself; the organizer marks Cy on the attendance card.
    h.clock.advance(minutes=30)
    checked = await h.press(w.bo, reminder.message_id, words.checkin)
    assert checked["show_alert"]
    await h.send(w.org, "/activities")
    await h.press(w.org, h.emu.last(w.org.id).message_id,
                  h.emu.buttons(h.emu.last(w.org.id))[0])
    await h.press(w.org, h.emu.last(w.org.id).message_id, words.attendance)
    sheet = h.emu.last(w.org.id)
    assert h.emu.buttons(sheet)[:2] == ["✅ Bo", "⬜ Cy"]
    await h.press(w.org, sheet.message_id, "⬜ Cy")
    assert h.emu.buttons(h.emu.last(w.org.id))[:2] == ["✅ Bo", "✅ Cy"]

    # After the start the organizer closes it; points arrive.
    h.clock.advance(minutes=40)
    await h.press(w.org, sheet.message_id, words.finish)
    await h.press(w.org, sheet.message_id, words.finish_yes)
    h.clock.advance(seconds=30)
    await h.deliver()
    assert any(words.earned in t for t in texts(w, "bo"))
    assert any(words.earned in t for t in texts(w, "cy"))
    assert words.finished_card in h.emu.last(w.group.id).text
    await h.send(w.bo, "/points")
    overview = h.emu.last(w.bo.id).text
    assert words.points_balance in overview and words.title in overview

    # Bo redeems the points for a voucher with a QR code.
    await h.send(w.bo, "/rewards")
    await h.press(w.bo, h.emu.last(w.bo.id).message_id, words.item)
    await h.press(w.bo, h.emu.last(w.bo.id).message_id, words.buy)
    voucher = h.emu.last(w.bo.id)
    assert voucher.photo is not None and voucher.photo.startswith(b"\x89PNG")
    code = re.search(r"[A-Z2-9]{5}-[A-Z2-9]{5}", voucher.text or "")
    assert code, voucher.text

    # The steward confirms it once; a second time is refused.
    await h.send(w.steward, f"/redeem {code.group(0)}")
    ask = h.emu.last(w.steward.id)
    assert "Bo" in ask.text
    await h.press(w.steward, ask.message_id, words.confirm)
    assert words.confirmed in h.emu.last(w.steward.id).text
    await h.send(w.steward, f"/redeem {code.group(0)}")
    assert words.used in h.emu.last(w.steward.id).text
    await h.deliver()
    assert words.note_used in h.emu.last(w.bo.id).text
    await assert_books_balance_in(h.app.sessions)


async def test_the_dialogue_refuses_bad_answers_and_can_be_abandoned(h: Harness) -> None:
    w = await build(h, "zh-Hant")
    org = w.org
    await h.send(org, "/activity")
    await h.send(org, "長" * 81)
    assert "太長了，請控制在 80 個字以內" in h.emu.last(org.id).text
    await h.send(org, "樓梯間大掃除")
    await h.press(org, h.emu.last(org.id).message_id, "不寫了，跳過")
    await h.send(org, "3棟樓下")
    for bad, answer in [("下週吧", "看不懂這個時間"), ("3月1日 9:00", "開始時間要在現在之後"),
                        ("3月4日 9:00", None), ("8:00", "結束時間要晚於開始時間"),
                        ("11:00", None), ("很多人", "請傳一個 1 到 500 之間的數字"),
                        ("0", "請傳一個 1 到 500 之間的數字"), ("2", None)]:
        await h.send(org, bad)
        if answer:
            assert answer in h.emu.last(org.id).text, bad
    ask = h.emu.last(org.id)
    assert h.emu.buttons(ask) == ["開始前都可以報名"]
    await h.send(org, "3月5日 9:00")
    assert "這個時間要在現在之後、活動開始之前" in h.emu.last(org.id).text
    await h.send(org, "隨便寫寫")
    assert "看不懂這個時間" in h.emu.last(org.id).text
    stale = ask.message_id
    await h.send(org, "/cancel")
    assert h.emu.last(org.id).text == "好的，這個活動不發了。"
    answer = await h.press(org, stale, "開始前都可以報名")
    assert "已失效" in answer["text"]
    await h.send(w.ann, "/activity")
    assert "沒有發起志工活動的權限" in h.emu.last(w.ann.id).text
    await h.send(w.ann, "/activity", chat=w.group)
    assert "請私訊我辦理" in h.emu.last(w.group.id).text
