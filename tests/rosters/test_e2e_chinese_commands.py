"""An organizer runs a roster in Chinese, through the emulator.

Wednesday 4 March 2026 in Shanghai. The roster is created with /roster 新建 (新增); the
answer shows the command words of the organizer's language with example dates counted from
today, and two buttons set the term and the days off by answering a question. Every
subcommand is typed in Chinese; help shows Chinese words and dates that are still to come.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from models.roles import Role
from models.rosters import Roster, RosterSkip, RosterTerm
from services.clock import FrozenClock
from tests.emulator.state import User
from tests.harness import Harness
from tests.rosters import factories as f

TZ = "Asia/Shanghai"
TEXT = {
    "zh-Hans": {
        "new": "/roster 新建", "weekdays": "上学日（周一至周五，按节假日和调休）",
        "create": "✅ 创建",
        "help-lines": ["/roster 学期 2026-03-09 2026-07-24 设学期",
                       "/roster 停岗 2026-03-20 设停岗日", "/roster 提醒 20:00 30分钟",
                       "/roster 宽限 30", "/roster 本群"],
        "set-term": "📅 设学期", "set-skip": "🚫 设停岗日",
        "ask-term": "比如：2026-03-09 2026-07-24",
        "period-bad": "请写开始和结束两个日期，比如：2026-03-09 2026-07-24。",
        "changed": "好的，已更新：", "skip-added": "好的，2026-03-20 停岗。",
        "size": "/roster 人数 3", "holidays": "/roster 节假日 关",
        "leads": "/roster 提醒 19:30 1小时",
        "leads-set": "好的，提醒时间改为：前一天 19:30、开始前 1 小时。",
        "grace": "/roster 宽限 1小时", "grace-set": "先等 60 分钟",
        "grace-bad": "/roster 宽限 很久", "grace-bad-says": "请写 0 到 1440 之间的分钟数",
        "show": "/roster 详情", "summary": "每班 3 人", "shown-grace": "先等 60 分钟再发缺人提醒",
        "date-bad": "/roster 停岗 下周五", "date-bad-says": "请写成 2026-03-20 或者 3月20日。",
        "help": "/roster 帮助",
        "usage-lines": ["/roster 停岗 2026-03-20 — 停岗日；/roster 恢复 2026-03-20 恢复",
                        "/roster 排班 2026-03-09 2026-03-20 — 按队员轮流排班",
                        "/roster 宽限 30 —", "比如 /roster 停岗 #2 3-20。"],
        "english-words": ["/roster term", "/roster skip", "/roster here"],
    },
    "zh-Hant": {
        "new": "/roster 新增", "weekdays": "上學日（週一至週五，按假日和補班）",
        "create": "✅ 建立",
        "help-lines": ["/roster 學期 2026-03-09 2026-07-24 設定學期",
                       "/roster 停班 2026-03-20 設定停班日", "/roster 提醒 20:00 30分鐘",
                       "/roster 寬限 30", "/roster 本群組"],
        "set-term": "📅 設定學期", "set-skip": "🚫 設定停班日",
        "ask-term": "比如：2026-03-09 2026-07-24",
        "period-bad": "請寫開始和結束兩個日期，比如：2026-03-09 2026-07-24。",
        "changed": "好的，已更新：", "skip-added": "好的，2026-03-20 停班。",
        "size": "/roster 人數 3", "holidays": "/roster 假日 關",
        "leads": "/roster 提醒時間 19:30 1小時",
        "leads-set": "好的，提醒時間改為：前一天 19:30、開始前 1 小時。",
        "grace": "/roster 寬限 60分鐘", "grace-set": "先等 60 分鐘",
        "grace-bad": "/roster 寬限 很久", "grace-bad-says": "請寫 0 到 1440 之間的分鐘數",
        "show": "/roster 設定", "summary": "每班 3 人", "shown-grace": "先等 60 分鐘再發缺人提醒",
        "date-bad": "/roster 停班 下週五", "date-bad-says": "請寫成 2026-03-20 或者 3月20日。",
        "help": "/roster 說明",
        "usage-lines": ["/roster 停班 2026-03-20 — 停班日；/roster 恢復 2026-03-20 恢復",
                        "/roster 排班 2026-03-09 2026-03-20 — 按隊員輪流排班",
                        "/roster 寬限 30 —", "比如 /roster 停班 #2 3-20。"],
        "english-words": ["/roster term", "/roster skip", "/roster here"],
    },
    "en": {
        "new": "/roster new", "weekdays": "School days (Mon–Fri, following holidays)",
        "create": "✅ Create",
        "help-lines": ["/roster term 2026-03-09 2026-07-24 to set a school term",
                       "/roster skip 2026-03-20 to add a day off", "/roster grace 30"],
        "set-term": "📅 Set the term", "set-skip": "🚫 Add days off",
        "ask-term": "for example: 2026-03-09 2026-07-24",
        "period-bad": "Please give a start and an end date, for example: 2026-03-09 2026-07-24.",
        "changed": "Done: ", "skip-added": "Done, no duty on 2026-03-20.",
        "size": "/roster size 3", "holidays": "/roster holidays off",
        "leads": "/roster leads 19:30 1h",
        "leads-set": "Done. Reminders: the day before at 19:30, 1 hour before.",
        "grace": "/roster grace 60", "grace-set": "wait 60 minutes",
        "grace-bad": "/roster grace 2days", "grace-bad-says": "Please give minutes from 0 to 1440",
        "show": "/roster show", "summary": "3 per shift",
        "shown-grace": "shortage alerts wait 60 minutes",
        "date-bad": "/roster skip nextfri",
        "date-bad-says": "Please write it like 2026-03-20 or 3-20.",
        "help": "/roster help",
        "usage-lines": ["/roster skip 2026-03-20 — a day off; /roster unskip 2026-03-20",
                        "/roster rotate 2026-03-09 2026-03-20 —", "/roster grace 30 —",
                        "for example /roster skip #2 3-20."],
        "english-words": [],
    },
}


async def _seed(h: Harness, clock: FrozenClock, locale: str) -> User:
    clock.set(f.local(TZ, 2026, 3, 4, 10, 0))
    org = h.emu.add_user("Li", language_code=f.CODES[locale], started=True)
    async with h.app.sessions() as s:
        compound = await f.compound(s, clock, tz=TZ)
        person = await f.person(s, clock, "Li", tg_id=org.id, locale=locale)
        await f.grant(s, clock, compound.id, person.id, Role.ORGANIZER)
        await s.commit()
    return org


async def _create(h: Harness, org: User, t: dict[str, object]) -> int:
    await h.send(org, str(t["new"]))
    for answer in ("护学岗", "东门", "07:30-08:10", "2"):
        await h.send(org, answer)
    await h.press(org, h.emu.last(org).message_id, str(t["weekdays"]))
    await h.press(org, h.emu.last(org).message_id, str(t["create"]))
    return h.emu.last(org).message_id


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en"])
async def test_an_organizer_works_in_their_own_words(h: Harness, clock: FrozenClock,
                                                     locale: str) -> None:
    t = TEXT[locale]
    org = await _seed(h, clock, locale)
    created_id = await _create(h, org, t)
    created = h.emu.last(org)
    for line in t["help-lines"]:
        assert line in created.text
    for english in t["english-words"]:
        assert english not in created.text
    assert "2025" not in created.text
    assert h.emu.buttons(created) == [t["set-term"], t["set-skip"]]

    # The term by button: a question, a refused answer explained, then a good one.
    await h.press(org, created_id, str(t["set-term"]))
    assert str(t["ask-term"]) in h.emu.last(org).text
    await h.send(org, "下学期")
    assert h.emu.last(org).text == t["period-bad"]
    await h.send(org, "2026-03-09 2026-07-10")
    assert h.emu.last(org).text.startswith(str(t["changed"]))
    # The question is answered: a later message is not taken for dates.
    await h.press(org, created_id, str(t["set-skip"]))
    await h.send(org, "3-20")
    assert h.emu.last(org).text.startswith(str(t["skip-added"]))

    for command, expected in ((t["size"], t["changed"]), (t["holidays"], t["changed"]),
                              (t["leads"], t["leads-set"]), (t["grace"], t["grace-set"])):
        await h.send(org, str(command))
        assert str(expected) in h.emu.last(org).text, command
    await h.send(org, str(t["show"]))
    assert str(t["summary"]) in h.emu.last(org).text
    assert str(t["shown-grace"]) in h.emu.last(org).text
    async with h.app.sessions() as s:
        roster = (await s.execute(select(Roster))).scalar_one()
        assert (roster.per_shift, roster.follow_holidays, roster.leads, roster.grace_minutes) \
            == (3, False, ["eve@19:30", "60m"], 60)
        terms = (await s.execute(select(RosterTerm.starts_on, RosterTerm.ends_on))).all()
        assert terms == [(date(2026, 3, 9), date(2026, 7, 10))]
        assert list((await s.execute(select(RosterSkip.day))).scalars()) == [date(2026, 3, 20)]

    # Bad input is explained and changes nothing.
    await h.send(org, str(t["grace-bad"]))
    assert str(t["grace-bad-says"]) in h.emu.last(org).text
    async with h.app.sessions() as s:
        assert (await s.execute(select(Roster.grace_minutes))).scalar_one() == 60
    # A date it cannot read is explained with an example that is still to come.
    await h.send(org, str(t["date-bad"]))
    assert str(t["date-bad-says"]) in h.emu.last(org).text
    await h.send(org, str(t["help"]))
    usage = h.emu.last(org).text
    for line in t["usage-lines"]:
        assert line in usage
    assert "2025" not in usage
