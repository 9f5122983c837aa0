"""Reminders and shortage alerts that say what is true, through the emulator.

Monday 29 Sep 2025, 06:00 in Shanghai: a roster is created whose first shift starts at
07:30. The organizer gives people 45 minutes before shortage alerts; a parent who takes a
place is promised only the reminders that will still come; the alert, the reminder and the
escalation each say the time really left; a residents' group bound after the alert hears the
shortage once; a place taken after the last reminder's moment gets no reminder; a sweep that
comes after midnight does not say "tomorrow" for a shift that is today.
"""

from __future__ import annotations

from typing import Any

import pytest

from models.roles import Role
from services.clock import FrozenClock
from tests.emulator.state import User
from tests.harness import Harness
from tests.rosters import factories as f

TZ = "Asia/Shanghai"
TEXT = {
    "zh-Hans": {
        "grace": "/roster 宽限 45", "leads": "/roster 提醒 1小时 30分钟", "any": "⏰",
        "grace-set": "好的，值班表新建或修改以后，先等 45 分钟，让大家看过认领，再发缺人提醒。",
        "take-mon": "认领 9月29日（周一） 07:30", "take-tue": "认领 9月30日（周二） 07:30",
        "promise-30": "我会在开始前 30 分钟私信提醒您。", "promise-eve": "前一天 20:00",
        "promise-none": "这一班不会再另外提醒您了，请记好时间。",
        "short": "⚠️ 还缺人", "short-org": "⚠️ 还缺人，45 分钟后开始：",
        "short-group": "⚠️ 还缺人，39 分钟后开始：",
        "soon": "⏰ 30 分钟后就到您值班了：", "escalate": "🔺 还缺人，30 分钟后开始：",
        "today": "⏰ 今天 07:30就到您值班了：", "eve": "明天有您的值班",
        "mon": "9月29日（周一） 07:30–08:10", "tue": "9月30日（周二） 07:30–08:10",
    },
    "zh-Hant": {
        "grace": "/roster 寬限 45", "leads": "/roster 提醒 1小時 30分鐘", "any": "⏰",
        "grace-set": "好的，值班表新增或修改以後，先等 45 分鐘，讓大家看過認領，再發缺人提醒。",
        "take-mon": "認領 9月29日（週一） 07:30", "take-tue": "認領 9月30日（週二） 07:30",
        "promise-30": "我會在開始前 30 分鐘私訊提醒您。", "promise-eve": "前一天 20:00",
        "promise-none": "這一班不會再另外提醒您了，請記好時間。",
        "short": "⚠️ 還缺人", "short-org": "⚠️ 還缺人，45 分鐘後開始：",
        "short-group": "⚠️ 還缺人，39 分鐘後開始：",
        "soon": "⏰ 30 分鐘後就輪到您值班了：", "escalate": "🔺 還缺人，30 分鐘後開始：",
        "today": "⏰ 今天 07:30就輪到您值班了：", "eve": "明天有您的值班",
        "mon": "9月29日（週一） 07:30–08:10", "tue": "9月30日（週二） 07:30–08:10",
    },
    "en": {
        "grace": "/roster grace 45", "leads": "/roster leads 1h 30m", "any": "⏰",
        "grace-set": "Done. After the roster is created or changed, shortage alerts wait 45 "
                     "minutes, so people can see the board and take places first.",
        "take-mon": "Take Mon 29 Sep 07:30", "take-tue": "Take Tue 30 Sep 07:30",
        "promise-30": "Reminders: 30 minutes before.", "promise-eve": "the day before at 20:00",
        "promise-none": "There won't be another reminder for this shift, so please note the time.",
        "short": "⚠️ Short of people", "short-org": "⚠️ Short of people, starting in 45 min:",
        "short-group": "⚠️ Short of people, starting in 39 min:",
        "soon": "⏰ Your shift starts in 30 min:",
        "escalate": "🔺 Still short, starting in 30 min:",
        "today": "⏰ Your shift starts today at 07:30:", "eve": "You're on duty tomorrow",
        "mon": "Mon 29 Sep 07:30–08:10", "tue": "Tue 30 Sep 07:30–08:10",
    },
}


class Scene:
    def __init__(self, h: Harness, locale: str) -> None:
        self.h, self.locale, self.t = h, locale, TEXT[locale]
        code = f.CODES[locale]
        # Everyone here has pressed Start in a private chat with the bot before.
        self.org = h.emu.add_user("Li", language_code=code, started=True)
        self.ann = h.emu.add_user("Ann", language_code=code, started=True)
        self.bo = h.emu.add_user("Bo", language_code=code, started=True)
        self.residents = h.emu.add_group("Sunny Garden", members=[self.org, self.ann, self.bo],
                                         bot_status="member")
        self.party = h.emu.add_group("Party branch", members=[self.org], bot_status="member")

    def at(self, *args: int) -> None:
        self.h.clock.set(f.local(TZ, *args))

    async def seed(self, clock: FrozenClock) -> None:
        self.at(2025, 9, 29, 6, 0)
        async with self.h.app.sessions() as s:
            compound = await f.compound(s, clock, tz=TZ)
            self.compound_id = compound.id
            org = await f.person(s, clock, "Li", tg_id=self.org.id, locale=self.locale)
            await f.grant(s, clock, compound.id, org.id, Role.ORGANIZER)
            people = [await f.person(s, clock, u.first_name, tg_id=u.id, locale=self.locale)
                      for u in (self.ann, self.bo)]
            await f.group(s, clock, self.party.id, compound.id, purpose="party_branch",
                          title="Party branch", locale=self.locale)
            roster = await f.roster(s, clock, compound.id, org)
            await f.join(s, clock, roster.id, *people)
            await s.commit()

    async def bind_residents(self, clock: FrozenClock) -> None:
        async with self.h.app.sessions() as s:
            await f.group(s, clock, self.residents.id, self.compound_id, title="Sunny Garden",
                          locale=self.locale)
            await s.commit()

    async def take(self, user: User, label: str) -> str:
        await self.h.send(user, "/roster")
        board = self.h.emu.last(user)
        answer: dict[str, Any] = await self.h.press(user, board.message_id, label)
        return str(answer["text"])

    def texts(self, chat: object, needle: str) -> list[str]:
        return [m.text or "" for m in self.h.emu.sent(chat) if needle in (m.text or "")]


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en"])
async def test_reminders_and_alerts_say_the_time_really_left(h: Harness, clock: FrozenClock,
                                                            locale: str) -> None:
    sc = Scene(h, locale)
    await sc.seed(clock)
    t = sc.t
    await h.send(sc.org, t["grace"])
    assert h.emu.last(sc.org).text == t["grace-set"]

    # With the default 30 minutes this would already alert; the organizer asked for 45.
    sc.at(2025, 9, 29, 6, 30)
    await h.tick()
    assert sc.texts(sc.org, t["short"]) == [] and h.emu.sent(sc.party) == []

    # Too late for the evening reminder: Ann is promised only the one still to come.
    sc.at(2025, 9, 29, 6, 42)
    promise = await sc.take(sc.ann, t["take-mon"])
    assert t["promise-30"] in promise and t["promise-eve"] not in promise

    sc.at(2025, 9, 29, 6, 45)
    await h.tick()
    (alert,) = sc.texts(sc.org, t["short"])
    assert alert.startswith(t["short-org"]) and t["mon"] in alert

    # The residents' group is bound after the alert: it hears the shortage, once.
    await sc.bind_residents(clock)
    sc.at(2025, 9, 29, 6, 51)
    await h.tick()
    sc.at(2025, 9, 29, 6, 52)
    await h.tick()
    (late,) = sc.texts(sc.residents, t["short"])
    assert late.startswith(t["short-group"]) and t["mon"] in late

    sc.at(2025, 9, 29, 7, 0)
    await h.tick()
    (soon,) = sc.texts(sc.ann, t["soon"])
    assert t["mon"] in soon
    (escalation,) = sc.texts(sc.party, t["escalate"])
    assert t["mon"] in escalation

    # Bo takes the other place after the 30-minute moment: no reminder is promised or sent.
    sc.at(2025, 9, 29, 7, 5)
    assert t["promise-none"] in await sc.take(sc.bo, t["take-mon"])
    sc.at(2025, 9, 29, 7, 10)
    await h.tick()
    assert sc.texts(sc.bo, t["soon"]) == []


@pytest.mark.parametrize("locale", ["zh-Hans", "en"])
async def test_a_late_evening_reminder_does_not_say_tomorrow(h: Harness, clock: FrozenClock,
                                                             locale: str) -> None:
    sc = Scene(h, locale)
    await sc.seed(clock)
    t = sc.t
    sc.at(2025, 9, 29, 10, 0)
    promise = await sc.take(sc.ann, t["take-tue"])
    assert t["promise-eve"] in promise
    # The scheduler was down from Monday evening until half past midnight.
    sc.at(2025, 9, 30, 0, 30)
    await h.tick()
    assert sc.texts(sc.ann, t["eve"]) == []
    (today,) = sc.texts(sc.ann, t["today"])
    assert t["tue"] in today


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en"])
async def test_a_lead_added_after_its_moment_is_not_sent(h: Harness, clock: FrozenClock,
                                                         locale: str) -> None:
    sc = Scene(h, locale)
    await sc.seed(clock)
    t = sc.t
    sc.at(2025, 9, 29, 6, 10)
    await sc.take(sc.ann, t["take-mon"])
    # At 06:50 the organizer adds "an hour before": that moment (06:30) has passed.
    sc.at(2025, 9, 29, 6, 50)
    await h.send(sc.org, t["leads"])
    sc.at(2025, 9, 29, 6, 51)
    await h.tick()
    assert sc.texts(sc.ann, t["any"]) == []
    sc.at(2025, 9, 29, 7, 0)
    await h.tick()
    assert [t["soon"] in x for x in sc.texts(sc.ann, t["any"])] == [True]
