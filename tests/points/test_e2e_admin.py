"""Admins through the emulator: /award with a reason, monthly items, rules, the catalogue,
merchants, the open accounts; and the leaderboard that respects opt-out."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.roles import AuditEntry
from services import ledger
from tests.harness import Harness
from tests.points.checks import assert_books_balance_in
from tests.points.world import World, build, give

AWARDED = {"zh-Hans": "已给 Bo 加 5 分，对方现有 5 分。",
           "zh-Hant": "已幫 Bo 加 5 分，對方現有 5 分。",
           "en": "Gave Bo 5 points; they now have 5."}
NOTE = {"zh-Hans": "您获得了 5 积分（帮忙搬运物资）", "zh-Hant": "您獲得了 5 積分（帮忙搬运物资）",
        "en": "You received 5 points (帮忙搬运物资)"}
UNKNOWN = {"zh-Hans": "找不到这个人", "zh-Hant": "找不到這個人", "en": "I can't find that person"}
TOO_MUCH = {"zh-Hans": "扣分不能超过对方现有的积分（现有 5 分）",
            "zh-Hant": "扣分不能超過對方現有的積分（現有 5 分）",
            "en": "You can't deduct more than they have (5 points)"}
AMOUNT = {"zh-Hans": "1 到 1,000 之间的整数", "zh-Hant": "1 到 1,000 之間的整數",
          "en": "whole number from 1 to 1,000"}
REASON = {"zh-Hans": "请写明原因", "zh-Hant": "請寫明原因", "en": "Please give a reason"}
REPEAT = {"zh-Hans": "这笔积分已经记过了", "zh-Hant": "這筆積分已經記過了",
          "en": "already booked"}


def bo(w: World) -> str:
    return f"@{w.bo.username}"


async def balance(w: World, name: str) -> int:
    async with w.h.app.sessions() as s:
        return await ledger.balance(s, w.compound_id, w.person_ids[name])


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en"])
async def test_award_deduct_and_the_leaderboard(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.admin, f"/award {bo(w)} 5 帮忙搬运物资")
    assert h.emu.last(w.admin.id).text == AWARDED[locale]
    await h.deliver()
    assert NOTE[locale] in h.emu.last(w.bo.id).text
    refusals = [
        ("/award @nobody 5 x", UNKNOWN), (f"/award {bo(w)} -6 oops", TOO_MUCH),
        (f"/award {bo(w)} 5000 typo", AMOUNT), (f"/award {bo(w)} 0 zero", AMOUNT),
        (f"/award {bo(w)} 2.5 half", AMOUNT), (f"/award {bo(w)} 5", REASON),
    ]
    for command, expected in refusals:
        await h.send(w.admin, command)
        assert expected[locale] in h.emu.last(w.admin.id).text, command
    stranger = h.emu.add_user("Stranger", language_code="en", username="stranger")
    await h.send(stranger, "/start")
    await h.send(w.admin, "/award @stranger 5 not from here")
    assert UNKNOWN[locale] in h.emu.last(w.admin.id).text
    await h.send(w.admin, f"/award {bo(w)} -2 counted twice")
    assert await balance(w, "bo") == 3
    async with h.app.sessions() as s:
        logged = (await s.execute(select(AuditEntry.action, AuditEntry.detail)
                                  .where(AuditEntry.action.like("points.%")
                                         & (AuditEntry.action != "points.rule")))).all()
    assert [(a, d["amount"], d["reason"]) for a, d in logged] == [
        ("points.award", 5, "帮忙搬运物资"), ("points.deduct", -2, "counted twice")]
    await assert_books_balance_in(h.app.sessions)

    # The leaderboard shows this month's earners, minus whoever opted out.
    await give(w, "ann", 2)
    top = {"zh-Hans": "本月积分榜", "zh-Hant": "本月積分榜", "en": "This month's leaderboard"}
    hide = {"zh-Hans": "不在积分榜上显示我", "zh-Hant": "不要在積分榜上顯示我",
            "en": "Don't show me on the leaderboard"}
    first = {"zh-Hans": "第 1 名 Bo：3 分", "zh-Hant": "第 1 名 Bo：3 分", "en": "1. Bo: 3 points"}
    await h.send(w.ann, "/points")
    await h.press(w.ann, h.emu.last(w.ann.id).message_id, top[locale])
    board = h.emu.last(w.ann.id)
    assert first[locale] in board.text and "Ann" in board.text
    await h.press(w.ann, board.message_id, hide[locale])
    await h.send(w.bo, "/points")
    await h.press(w.bo, h.emu.last(w.bo.id).message_id, top[locale])
    board = h.emu.last(w.bo.id).text
    assert first[locale] in board and "Ann" not in board
    await h.send(w.bo, "/points", chat=w.group)
    private = {"zh-Hans": "请私聊我", "zh-Hant": "請私訊我", "en": "private chat"}
    assert private[locale] in h.emu.last(w.group.id).text


async def test_monthly_items_once_per_month_and_residents_cannot_award(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.admin, "/pointrules set themeday month 2 党员主题日")
    assert "themeday · 党员主题日：每月一次 2 分" in h.emu.last(w.admin.id).text
    await h.send(w.admin, f"/award {bo(w)} themeday")
    await h.send(w.admin, f"/award {bo(w)} themeday")
    assert REPEAT["zh-Hans"] in h.emu.last(w.admin.id).text
    assert await balance(w, "bo") == 2
    h.clock.advance(days=31)
    await h.send(w.admin, f"/award {bo(w)} themeday")
    assert await balance(w, "bo") == 4
    await h.send(w.admin, f"/award {bo(w)} nosuchitem")
    unknown = h.emu.last(w.admin.id).text
    assert "没看懂「nosuchitem」，没有记分" in unknown and "代号：themeday" in unknown
    await h.send(w.ann, f"/award {bo(w)} 100 for me")
    assert "没有这项权限" in h.emu.last(w.ann.id).text
    assert await balance(w, "bo") == 4


async def test_rules_catalogue_merchants_and_open_accounts(h: Harness) -> None:
    w = await build(h, "en")
    await h.send(w.admin, "/pointrules noshow 2")
    assert "after 2 missed activities" in h.emu.last(w.admin.id).text
    await h.send(w.admin, "/pointrules noshow 99")
    assert "from 1 to 20" in h.emu.last(w.admin.id).text
    await h.send(w.admin, "/pointrules set bad-basis weekly 2 x")
    assert "The basis can be: attend / hour / month." in h.emu.last(w.admin.id).text
    await h.send(w.admin, f"/merchants add Happy Barber @{w.steward.username}")
    assert "#1 Happy Barber (confirms: Steward)" in h.emu.last(w.admin.id).text
    await h.send(w.admin, "/addreward 20 10 #1 Haircut")
    assert h.emu.last(w.admin.id).text == "Added: Haircut, 20 points, 10 left."
    await h.send(w.admin, "/addreward 20 - #7 Haircut")
    assert "no merchant with that number" in h.emu.last(w.admin.id).text
    await h.send(w.admin, "/addreward -5 1 Free money")
    assert "between 1 and 100000" in h.emu.last(w.admin.id).text
    await h.send(w.admin, "/addreward lots")
    assert h.emu.last(w.admin.id).text.startswith("Usage: /addreward")
    await give(w, "ann", 7)
    await h.send(w.admin, "/ledger")
    books = h.emu.last(w.admin.id).text
    assert "Given out (less taken back): 7" in books and "The books balance" in books
    await h.send(w.ann, "/ledger")
    assert "You don't have this permission" in h.emu.last(w.ann.id).text


STALE = "这个按钮已失效，请重新操作。"


async def test_the_same_award_typed_twice_asks_before_crediting_again(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.admin, f"/award {bo(w)} 1 帮忙搬运防疫物资")
    assert h.emu.last(w.admin.id).text == "已给 Bo 加 1 分，对方现有 1 分。"
    h.clock.advance(minutes=3)
    await h.send(w.admin, f"/award {bo(w)} 1 帮忙搬运防疫物资")
    ask = h.emu.last(w.admin.id)
    ask_for = h.emu.sent(w.admin.id)[-1].reply_markup["inline_keyboard"][0][0][
        "callback_data"].split(":")[1]
    assert ask.text == "3 分钟前刚给 Bo 记过同样的 1 分（帮忙搬运防疫物资）。再发一次？"
    assert await balance(w, "bo") == 1  # nothing credited while asking

    # A press forged with another message id finds nothing to confirm.
    forged = h.emu.press_data(w.admin, None, ask.message_id, "pt_again:1:1")
    await h.settle()
    assert h.emu.callback_answer(forged)["text"] == STALE and await balance(w, "bo") == 1
    # Pressed twice: credited once.
    await h.press(w.admin, ask.message_id, "再发一次")
    assert h.emu.last(w.admin.id).text == "已给 Bo 加 1 分，对方现有 2 分。"
    again = h.emu.press_data(w.admin, None, ask.message_id, f"pt_again:{ask_for}:1")
    await h.settle()
    assert h.emu.callback_answer(again)["text"] == STALE and await balance(w, "bo") == 2

    # "No" credits nothing; another reason, or after ten minutes, is not asked about.
    await h.send(w.admin, f"/award {bo(w)} 1 帮忙搬运防疫物资")
    await h.press(w.admin, h.emu.last(w.admin.id).message_id, "不用了")
    assert h.emu.last(w.admin.id).text == "好的，没有再记。" and await balance(w, "bo") == 2
    await h.send(w.admin, f"/award {bo(w)} 1 打扫楼道")
    assert await balance(w, "bo") == 3
    h.clock.advance(minutes=11)
    await h.send(w.admin, f"/award {bo(w)} 1 帮忙搬运防疫物资")
    assert h.emu.last(w.admin.id).text == "已给 Bo 加 1 分，对方现有 4 分。"
    await assert_books_balance_in(h.app.sessions)
