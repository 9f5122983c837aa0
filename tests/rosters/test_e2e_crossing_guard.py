"""The student-crossing guard through the emulator, with a controlled clock.

National Day week 2025: Sunday 28 Sep is a make-up working day and 1-8 Oct are holidays.
The organizer creates the roster in a dialog; two parents take the Sunday morning shift in
the compound's group; both reminders arrive exactly once across a restart; one parent can't
make it and a third takes over; the afternoon shift stays short, alerts and escalates; the
check-in posts points once; the parent who did not come is a no-show.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from models.roles import Role
from models.rosters import Assignment, Attendance, Roster, Shift
from services import ledger
from services.clock import FrozenClock
from tests.emulator.state import SentMessage, User
from tests.harness import Harness, HarnessFactory
from tests.rosters import factories as f

TEXT = {
    "zh-Hans": {
        "name": "党员护学岗", "place": "幼儿园东门",
        "ask-name": "新建值班表。先起个名字，比如“党员护学岗”：",
        "ask-place": "在哪里值班？", "ask-size": "每班需要几个人？",
        "times-order": "结束时间 07:00 要晚于开始时间 08:00。请再发一次：",
        "size-zero": "每班至少要 1 个人。请再发一个数字：",
        "weekdays": "上学日（周一至周五，按节假日和调休）", "create": "✅ 创建",
        "created": "已经排出未来四周的 31 个班次",
        "here": "好的，“党员护学岗”的缺人提醒会发到本群。", "here-cmd": "/roster 本群",
        "am": "党员护学岗 · 9月28日（周日） 07:30–08:10 · 幼儿园东门",
        "pm": "党员护学岗 · 9月28日（周日） 16:30–17:10 · 幼儿园东门",
        "take-am": "认领 9月28日（周日） 07:30", "take-pm": "认领 9月28日（周日） 16:30",
        "full-line": "9月28日（周日） 07:30–08:10：Ann、Bo　✅ 人齐了",
        "already": "这一班您已经认领了", "full": "抱歉，这一班人已经齐了，看看别的班吧。",
        "join": "加入值班队伍", "eve": "⏰ 明天有您的值班：",
        "soon": "⏰ 30 分钟后就到您值班了：",
        "omw": "🚶 我在路上", "cant": "🙏 去不了", "asked": "好的，我已经问了 1 位队友。",
        "takeover": "🙋 我来替",
        "ask": "🙏 Ann 这一班来不了，您能替一下吗？", "took": "谢谢您！您替了 Ann 的班：",
        "swap-done": "✅ Cai 替了您的班：", "checkin": "✅ 签到",
        "points": "签到成功，辛苦了！积分 +10。", "checked": "您已经签到过了，谢谢！",
        "noshow": "没有签到的：Bo。", "short": "⚠️ 还缺人，2 小时后开始：",
        "missing": "还差 1 人（每班 2 人）",
        "escalate": "🔺 还缺人，30 分钟后开始：", "omw-done": "收到，路上注意安全！",
        "go": "🙋 我来",
        "announce": "👍 Cai 认领了：党员护学岗 · 9月28日（周日） 16:30–17:10 · 幼儿园东门。"
                    "这一班人齐了。",
    },
    "zh-Hant": {
        "name": "黨員護學崗", "place": "幼兒園東門",
        "ask-name": "新增值班表。先取個名字，比如「黨員護學崗」：",
        "ask-place": "在哪裡值班？", "ask-size": "每班需要幾個人？",
        "times-order": "結束時間 07:00 要晚於開始時間 08:00。請再傳一次：",
        "size-zero": "每班至少要 1 個人。請再傳一個數字：",
        "weekdays": "上學日（週一至週五，按假日和補班）", "create": "✅ 建立",
        "created": "已經排出未來四週的 31 個班次",
        "here": "好的，「黨員護學崗」的缺人提醒會發到本群組。", "here-cmd": "/roster 本群組",
        "am": "黨員護學崗 · 9月28日（週日） 07:30–08:10 · 幼兒園東門",
        "pm": "黨員護學崗 · 9月28日（週日） 16:30–17:10 · 幼兒園東門",
        "take-am": "認領 9月28日（週日） 07:30", "take-pm": "認領 9月28日（週日） 16:30",
        "full-line": "9月28日（週日） 07:30–08:10：Ann、Bo　✅ 人齊了",
        "already": "這一班您已經認領了", "full": "抱歉，這一班人已經齊了，看看別的班吧。",
        "join": "加入值班隊伍", "eve": "⏰ 明天有您的值班：",
        "soon": "⏰ 30 分鐘後就輪到您值班了：",
        "omw": "🚶 我在路上", "cant": "🙏 去不了", "asked": "好的，我已經問了 1 位隊友。",
        "takeover": "🙋 我來代班",
        "ask": "🙏 Ann 這一班來不了，您能代一下嗎？", "took": "謝謝您！您代了 Ann 的班：",
        "swap-done": "✅ Cai 代了您的班：", "checkin": "✅ 簽到",
        "points": "簽到成功，辛苦了！積分 +10。", "checked": "您已經簽到過了，謝謝！",
        "noshow": "沒有簽到的：Bo。", "short": "⚠️ 還缺人，2 小時後開始：",
        "missing": "還差 1 人（每班 2 人）",
        "escalate": "🔺 還缺人，30 分鐘後開始：", "omw-done": "收到，路上注意安全！",
        "go": "🙋 我來",
        "announce": "👍 Cai 認領了：黨員護學崗 · 9月28日（週日） 16:30–17:10 · 幼兒園東門。"
                    "這一班人齊了。",
    },
    "en": {
        "name": "Crossing guard", "place": "Kindergarten east gate",
        "ask-name": 'A new duty roster. First, its name, for example "Crossing guard":',
        "ask-place": "Where is the duty?", "ask-size": "How many people per shift?",
        "times-order": "The end time 07:00 must be after the start time 08:00.",
        "size-zero": "A shift needs at least 1 person. Please send a number again:",
        "weekdays": "School days (Mon–Fri, following holidays)", "create": "✅ Create",
        "created": "with 31 shifts over the next four weeks",
        "here": 'Done. Shortage alerts for "Crossing guard" will come to this group.',
        "here-cmd": "/roster here",
        "am": "Crossing guard · Sun 28 Sep 07:30–08:10 · Kindergarten east gate",
        "pm": "Crossing guard · Sun 28 Sep 16:30–17:10 · Kindergarten east gate",
        "take-am": "Take Sun 28 Sep 07:30", "take-pm": "Take Sun 28 Sep 16:30",
        "full-line": "Sun 28 Sep 07:30–08:10: Ann, Bo · ✅ full",
        "already": "You already have this shift", "full": "Sorry, this shift is already full.",
        "join": "Join the team", "eve": "⏰ You're on duty tomorrow:",
        "soon": "⏰ Your shift starts in 30 min:",
        "omw": "🚶 On my way", "cant": "🙏 Can't make it",
        "asked": "OK, I've asked one team member.",
        "takeover": "🙋 Take over", "ask": "🙏 Ann can't make this shift. Could you take over?",
        "took": "Thank you! You've taken over from Ann:",
        "swap-done": "✅ Cai has taken over your shift:", "checkin": "✅ Check in",
        "points": "Checked in. Thank you for your help! +10 points.",
        "checked": "You're already checked in, thank you!",
        "noshow": "Did not check in: Bo.", "short": "⚠️ Short of people, starting in 2 hours:",
        "missing": "1 more needed (2 per shift)",
        "escalate": "🔺 Still short, starting in 30 min:",
        "omw-done": "Thanks, take care on the way!", "go": "🙋 I'll go",
        "announce": "👍 Cai took Crossing guard · Sun 28 Sep 16:30–17:10 · Kindergarten east gate."
                    " This shift is now full.",
    },
}
RUNS = [("zh-Hans", "Asia/Shanghai"), ("zh-Hant", "Asia/Shanghai"), ("en", "Asia/Urumqi")]


class Scene:
    def __init__(self, h: Harness, locale: str, tz: str) -> None:
        self.h, self.locale, self.tz, self.t = h, locale, tz, TEXT[locale]
        code = f.CODES[locale]
        emu = h.emu
        # Everyone here has pressed Start in a private chat with the bot before.
        self.org = emu.add_user("Li", language_code=code, started=True)
        self.ann, self.bo, self.cai = (emu.add_user(n, language_code=code, started=True)
                                       for n in ("Ann", "Bo", "Cai"))
        self.group = emu.add_group("Sunny Garden",
                                   members=[self.org, self.ann, self.bo, self.cai],
                                   bot_status="member")
        self.party = emu.add_group("Party branch", members=[self.org], bot_status="member")

    async def seed(self, clock: FrozenClock) -> None:
        async with self.h.app.sessions() as s:
            compound = await f.compound(s, clock, tz=self.tz)
            self.compound_id = compound.id
            org = await f.person(s, clock, "Li", tg_id=self.org.id, locale=self.locale)
            await f.grant(s, clock, compound.id, org.id, Role.ORGANIZER)
            for u in (self.ann, self.bo, self.cai):
                await f.person(s, clock, u.first_name, tg_id=u.id, locale=self.locale)
            await f.group(s, clock, self.group.id, compound.id, title="Sunny Garden",
                          locale=self.locale)
            await f.group(s, clock, self.party.id, compound.id, purpose="party_branch",
                          title="Party branch", locale=self.locale)
            await s.commit()

    def at(self, *args: int) -> None:
        self.h.clock.set(f.local(self.tz, *args))

    def data(self, message: SentMessage, label: str) -> str:
        rows = (message.reply_markup or {}).get("inline_keyboard") or []
        return next(b["callback_data"] for row in rows for b in row if b["text"] == label)

    async def press_again(self, user: User, message: SentMessage, data: str,
                          chat: object) -> dict[str, Any]:
        """A press on a button as it was before the message was redrawn (a quick double tap)."""
        query = self.h.emu.press_data(user, chat, message.message_id, data)
        await self.h.settle()
        answer = self.h.emu.callback_answer(query)
        assert answer is not None
        return answer

    def texts(self, chat: object, needle: str) -> list[str]:
        return [m.text or "" for m in self.h.emu.sent(chat) if needle in (m.text or "")]


async def _create_roster(sc: Scene) -> None:
    h, t, org = sc.h, sc.t, sc.org
    await h.send(org, "/roster new")
    assert h.emu.last(org.id).text == t["ask-name"]
    await h.send(org, t["name"])
    assert h.emu.last(org.id).text.startswith(t["ask-place"])
    await h.send(org, t["place"])
    await h.send(org, "07:30-08:10, 08:00-07:00")
    assert t["times-order"] in h.emu.last(org.id).text
    await h.send(org, "07:30-08:10, 16:30-17:10")
    assert h.emu.last(org.id).text.startswith(t["ask-size"])
    await h.send(org, "0")
    assert h.emu.last(org.id).text == t["size-zero"]
    await h.send(org, "2")
    await h.press(org, h.emu.last(org.id).message_id, t["weekdays"])
    confirm = h.emu.last(org.id)
    assert t["name"] in confirm.text and "07:30–08:10, 16:30–17:10" in confirm.text
    await h.press(org, confirm.message_id, t["create"])
    assert t["created"] in h.emu.last(org.id).text
    await h.send(org, t["here-cmd"], chat=sc.group)
    assert h.emu.last(sc.group.id).text == t["here"]


async def _shift_days(h: Harness) -> list[date]:
    async with h.app.sessions() as s:
        roster = (await s.execute(select(Roster))).scalar_one()
        days = (await s.execute(select(Shift.day).where(Shift.roster_id == roster.id)
                                .order_by(Shift.starts_at))).scalars().all()
    return list(days)


async def _two_parents_take_the_morning(sc: Scene) -> None:
    h, t, group = sc.h, sc.t, sc.group
    await h.send(sc.ann, "/roster", chat=group)
    board = h.emu.last(group.id)
    take_am = sc.data(board, t["take-am"])
    await h.press(sc.ann, board.message_id, t["take-am"], chat=group)
    await h.press(sc.bo, board.message_id, t["take-am"], chat=group)
    await h.press(sc.bo, board.message_id, t["take-pm"], chat=group)
    assert t["full-line"] in h.emu.message(group, board.message_id)["text"]
    assert t["take-am"] not in h.emu.buttons(h.emu.last(group.id))
    again = await sc.press_again(sc.ann, board, take_am, group)
    assert t["already"] in again["text"]
    await h.press(sc.cai, board.message_id, t["join"], chat=group)
    full = await sc.press_again(sc.cai, board, take_am, group)
    assert full["text"].startswith(t["full"])


async def _reminders_once_across_a_restart(sc: Scene, make_harness: HarnessFactory) -> None:
    t = sc.t
    sc.at(2025, 9, 27, 20, 0)
    await sc.h.tick()
    await sc.h.tick()
    await sc.h.stop()
    sc.h = await make_harness()
    await sc.h.tick()
    assert len(sc.texts(sc.ann, t["eve"])) == 1 and t["am"] in sc.texts(sc.ann, t["eve"])[0]
    assert sorted(t["am"] in x for x in sc.texts(sc.bo, t["eve"])) == [False, True]
    assert sc.texts(sc.cai, t["eve"]) == []
    bo_morning = next(m for m in sc.h.emu.sent(sc.bo) if t["am"] in (m.text or ""))
    assert (await sc.h.press(sc.bo, bo_morning.message_id, t["omw"]))["text"] == t["omw-done"]


async def _ann_cant_make_it_cai_takes_over(sc: Scene) -> None:
    h, t = sc.h, sc.t
    sc.at(2025, 9, 27, 20, 30)
    reminder = h.emu.last(sc.ann)
    assert h.emu.buttons(reminder) == [t["omw"], t["cant"], t["checkin"]]
    answer = await h.press(sc.ann, reminder.message_id, t["cant"])
    assert answer["text"].startswith(t["asked"])
    await h.deliver()
    ask = h.emu.last(sc.cai)
    assert ask.text.startswith(t["ask"]) and t["am"] in ask.text
    took = await h.press(sc.cai, ask.message_id, t["takeover"])
    assert took["text"].startswith(t["took"])
    await h.deliver()
    assert h.emu.last(sc.ann).text.startswith(t["swap-done"])


async def _morning(sc: Scene) -> None:
    h, t = sc.h, sc.t
    sc.at(2025, 9, 28, 7, 0)
    await h.tick()
    await h.tick()
    assert len(sc.texts(sc.bo, t["soon"])) == 1 and len(sc.texts(sc.cai, t["soon"])) == 1
    assert sc.texts(sc.ann, t["soon"]) == []
    assert sc.texts(sc.cai, t["eve"]) == []  # took over after the evening reminder
    sc.at(2025, 9, 28, 7, 20)
    reminder = next(m for m in h.emu.sent(sc.cai) if t["soon"] in (m.text or ""))
    assert (await h.press(sc.cai, reminder.message_id, t["checkin"]))["text"] == t["points"]
    assert (await h.press(sc.cai, reminder.message_id, t["checkin"]))["text"] == t["checked"]
    await h.send(sc.cai, "/points")
    history = h.emu.last(sc.cai).text or ""
    # The line's own date, the roster's name; the day is not said twice.
    assert "+10" in history and "2025-09-28" not in history
    sc.at(2025, 9, 28, 8, 15)
    await h.tick()
    assert t["noshow"] in h.emu.last(sc.org).text


async def _afternoon_short(sc: Scene) -> None:
    h, t = sc.h, sc.t
    sc.at(2025, 9, 28, 14, 30)
    await h.tick()
    for chat in (sc.org, sc.group):
        alert = h.emu.last(chat)
        assert alert.text.startswith(t["short"]) and t["pm"] in alert.text
        assert t["missing"] in alert.text
    assert h.emu.sent(sc.party) == []
    sc.at(2025, 9, 28, 16, 0)
    await h.tick()
    await h.tick()
    escalations = sc.texts(sc.party, t["escalate"])
    assert len(escalations) == 1 and t["pm"] in escalations[0]
    assert len(sc.texts(sc.group, t["short"])) == 1
    # Cai sees the alert in the group and steps in
    alert = next(m for m in h.emu.sent(sc.group) if t["short"] in (m.text or ""))
    await h.press(sc.cai, alert.message_id, t["go"], chat=sc.group)
    assert h.emu.last(sc.group).text == t["announce"]


@pytest.mark.parametrize(("locale", "tz"), RUNS)
async def test_a_crossing_guard_week(make_harness: HarnessFactory, clock: FrozenClock,
                                     locale: str, tz: str) -> None:
    clock.set(f.local(tz, 2025, 9, 26, 10, 0))
    h = await make_harness()
    sc = Scene(h, locale, tz)
    await sc.seed(clock)
    await _create_roster(sc)
    days = await _shift_days(h)
    week = sorted({d for d in days if date(2025, 9, 27) <= d <= date(2025, 10, 8)})
    assert week == [date(2025, 9, 28), date(2025, 9, 29), date(2025, 9, 30)]
    await _two_parents_take_the_morning(sc)
    await _reminders_once_across_a_restart(sc, make_harness)
    await _ann_cant_make_it_cai_takes_over(sc)
    await _morning(sc)
    await _afternoon_short(sc)
    async with sc.h.app.sessions() as s:
        cai = (await s.execute(select(Assignment.person_id, Assignment.attendance)
                               .where(Assignment.checked_in_at.is_not(None)))).all()
        assert [a for _, a in cai] == [Attendance.ATTENDED]
        assert await ledger.balance(s, sc.compound_id, cai[0][0]) == 10
        assert await ledger.check_invariants(s, sc.compound_id) == []
