"""Bad input and races through the emulator: refused with a clear answer, nothing changed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models.activities import Activity, Signup, VolunteerStanding
from models.person import Person
from models.points import Reward, Voucher
from services import ledger, rewards
from tests.harness import Harness
from tests.points.checks import assert_books_balance_in
from tests.points.world import add_reward, build, give, publish, texts

JOIN = {"zh-Hans": "我要报名", "zh-Hant": "我要報名", "en": "Sign up"}
LEAVE = {"zh-Hans": "取消报名", "zh-Hant": "取消報名", "en": "Cancel my sign-up"}
DEADLINE = {"zh-Hans": "报名已经截止了", "zh-Hant": "報名已經截止了", "en": "Sign-up closed at"}
POOR = {"zh-Hans": "积分不够：需要 5 分，您现有 3 分",
        "zh-Hant": "積分不夠：需要 5 分，您現有 3 分",
        "en": "Not enough points: it costs 5 and you have 3"}
REFUNDED = {"zh-Hans": "已过期，5 积分已退回", "zh-Hant": "已過期，5 積分已退回",
            "en": "expired; 5 points are back"}
CUTOFF = {"zh-Hans": "已经过了取消报名的时间", "zh-Hant": "已經過了取消報名的時間",
          "en": "The time to cancel has passed"}


async def _taken(h: Harness, activity_id: int) -> tuple[int, int]:
    async with h.app.sessions() as s:
        activity = await s.get(Activity, activity_id)
        rows = await s.execute(select(func.count()).select_from(Signup)
                               .where(Signup.activity_id == activity_id))
        return activity.taken, rows.scalar_one()


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en"])
async def test_refusals_change_nothing(h: Harness, locale: str) -> None:
    """Late cancellation, late sign-up, too few points; an unused voucher is refunded."""
    w = await build(h, locale)
    act = await publish(w, starts_in=timedelta(hours=20), deadline_before=timedelta(hours=6),
                        cutoff_before=timedelta(hours=10))
    await h.deliver()
    card = h.emu.last(w.group.id)
    await h.press(w.ann, card.message_id, JOIN[locale], chat=w.group)
    h.clock.advance(hours=11)  # past the cutoff, before the deadline
    refused = await h.press(w.ann, card.message_id, LEAVE[locale], chat=w.group)
    assert CUTOFF[locale] in refused["text"] and refused["show_alert"]
    h.clock.advance(hours=4)  # past the deadline
    refused = await h.press(w.bo, card.message_id, JOIN[locale], chat=w.group)
    assert DEADLINE[locale] in refused["text"]
    assert await _taken(h, act) == (1, 1)

    await give(w, "ann", 3)
    reward_id = await add_reward(w, "Haircut", cost=5, stock=2)
    await h.send(w.ann, "/rewards")
    await h.press(w.ann, h.emu.last(w.ann.id).message_id, h.emu.buttons(h.emu.last(w.ann.id))[0])
    detail = h.emu.last(w.ann.id)
    refused = await h.press(w.ann, detail.message_id, h.emu.buttons(detail)[0])
    assert POOR[locale] in refused["text"]
    async with h.app.sessions() as s:
        assert (await s.get(Reward, reward_id)).stock == 2
        assert await ledger.balance(s, w.compound_id, w.person_ids["ann"]) == 3
        assert (await s.execute(select(Voucher))).first() is None

    await give(w, "ann", 2)
    await h.press(w.ann, detail.message_id, h.emu.buttons(detail)[0])
    assert h.emu.last(w.ann.id).photo
    h.clock.advance(days=30, seconds=1)
    await h.tick()
    await h.tick()
    assert sum(REFUNDED[locale] in t for t in texts(w, "ann")) == 1
    async with h.app.sessions() as s:
        assert await ledger.balance(s, w.compound_id, w.person_ids["ann"]) == 5
        assert (await s.get(Reward, reward_id)).stock == 2
    await assert_books_balance_in(h.app.sessions)


async def test_races_for_the_last_seat_and_the_last_coupon(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    act = await publish(w, capacity=1)
    await h.deliver()
    card = h.emu.last(w.group.id)
    queries = [h.emu.press(u, card.message_id, "我要报名", chat=w.group) for u in (w.ann, w.bo)]
    await h.settle()
    answers = sorted(h.emu.callback_answer(q)["text"].split("，")[0].split("\n")[0]
                     for q in queries)
    assert answers == ["名额已满", "报名成功！「Garden tidy-up」给您留好位置了。"]
    assert await _taken(h, act) == (1, 2)

    # Two redemptions for the last coupon: one voucher, one "all gone", one debit.
    for name in ("ann", "bo"):
        await give(w, name, 10)
    await add_reward(w, "停车券", cost=4, stock=1)
    details = []
    for u in (w.ann, w.bo):
        await h.send(u, "/rewards")
        await h.press(u, h.emu.last(u.id).message_id, "停车券 · 4 分")
        details.append(h.emu.last(u.id).message_id)
    queries = [h.emu.press(u, m, "用 4 分兑换")
               for u, m in zip((w.ann, w.bo), details, strict=True)]
    await h.settle()
    answers = [h.emu.callback_answer(q) or {} for q in queries]
    refused = [a for a in answers if "已经兑换完了" in (a.get("text") or "")]
    assert len(refused) == 1
    photos = [m for u in (w.ann, w.bo) for m in h.emu.sent(u.id) if m.photo]
    assert len(photos) == 1
    await assert_books_balance_in(h.app.sessions)


async def test_voucher_codes_only_work_for_the_right_people_and_once(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await give(w, "ann", 5)
    reward_id = await add_reward(w, "理发", cost=5, stock=None)
    async with h.app.sessions() as s:
        ann = await s.get(Person, w.person_ids["ann"])
        code = (await rewards.redeem(s, h.clock, reward_id, ann, "test:1")).code
    await h.send(w.bo, f"/redeem {code}")
    assert "您不能核销这张兑换券" in h.emu.last(w.bo.id).text
    await h.send(w.ann, f"/redeem {code}")
    assert "这是您自己的兑换券" in h.emu.last(w.ann.id).text
    await h.send(w.steward, "/redeem AAAAA-BBBBB")
    assert "没有这个券码" in h.emu.last(w.steward.id).text
    await h.send(w.steward, "/redeem")
    assert "请在 /redeem 后面写上券码" in h.emu.last(w.steward.id).text

    # The QR code's deep link opens the same confirmation.
    await h.send(w.steward, f"/start v_{code}")
    ask = h.emu.last(w.steward.id)
    assert "持券人：Ann" in ask.text
    first = h.emu.press(w.steward, ask.message_id, "确认核销")
    second = h.emu.press(w.steward, ask.message_id, "确认核销")
    await h.settle()
    answers = [h.emu.callback_answer(q) or {} for q in (first, second)]
    assert sum("已经用过了" in (a.get("text") or "") for a in answers) == 1
    async with h.app.sessions() as s:
        shop_till = await ledger.issuing(s, h.clock, w.compound_id)
        assert shop_till.balance == 0  # 5 given, 5 came back when the office served it
    await assert_books_balance_in(h.app.sessions)


async def test_outsiders_and_frequent_no_shows(h: Harness) -> None:
    w = await build(h, "en")
    stranger = h.emu.add_user("Stranger", language_code="en")
    async with h.app.sessions() as s:
        s.add(VolunteerStanding(compound_id=w.compound_id, person_id=w.person_ids["cy"],
                                no_shows=3, attended=0, updated_at=h.clock.now()))
        await s.commit()
    await publish(w)
    await h.deliver()
    card = h.emu.last(w.group.id)
    refused = await h.press(stranger, card.message_id, "Sign up", chat=w.group)
    assert "register your home" in refused["text"]
    answer = await h.press(w.cy, card.message_id, "Sign up", chat=w.group)
    assert "the organizer will confirm" in answer["text"]
    await h.deliver()
    ask = h.emu.last(w.org.id)
    assert "Cy would like to sign up" in ask.text
    await h.press(w.org, ask.message_id, "Let them sign up")
    assert "Accepted: they have a place" in h.emu.last(w.org.id).text
    await h.deliver()
    assert "Your place is kept." in h.emu.last(w.cy.id).text
