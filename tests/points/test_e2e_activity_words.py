"""/activity in Chinese through the emulator: its words, typed answers that mean a
button, a long Chinese rule code picked from a button, and example dates that are never
in the past."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from models.activities import Activity
from tests.harness import Harness
from tests.points.world import build

SHANGHAI = ZoneInfo("Asia/Shanghai")
# 32 characters, 96 bytes in UTF-8: too long for callback data, so buttons carry ids.
LONG_CODE = "党员护学岗" * 6 + "值班"


@dataclass(frozen=True)
class Says:
    new: str
    skip: str
    people: str
    default: str
    rule: str
    kind: str
    everyone: str
    anyone: str
    publish: str
    example: str  # the date pattern of the example in the start question
    unknown: str
    unknown_says: str
    list: str
    listed: str


SAYS = {
    "zh-Hans": Says("/activity 新建", "跳过", "10人", "默认", "按规则", "社区志愿护学（每次 3 分）",
                    "全小区居民", "人人都可以报名", "发布", r"(\d{1,2})月(\d{1,2})日 9:00",
                    "/activity 删除", "没看懂「删除」，什么也没有做。"
                    "/activity 后面可以写：新建 / 列表",
                    "/activity 列表", "最近还没有志愿活动"),
    "zh-Hant": Says("/activity 發起", "跳過", "10人", "預設", "按規則", "社區志工護學（每次 3 分）",
                    "全社區住戶", "人人都可以報名", "發布", r"(\d{1,2})月(\d{1,2})日 9:00",
                    "/activity 刪除", "看不懂「刪除」，什麼也沒有做。"
                    "/activity 後面可以寫：新建 / 列表",
                    "/activity 列表", "最近還沒有志工活動"),
    "en": Says("/activity new", "skip", "10 people", "default", "rule",
               "Crossing guard (3 per time)", "Everyone in the compound", "Anyone can sign up",
               "Publish", r"(\d{1,2})/(\d{1,2}) 9:00", "/activity delete",
               "I don't understand “delete”, so nothing was done. After /activity you can "
               "write: new / list", "/activity list", "No volunteer activities"),
}
RULE_NAME = {"zh-Hans": "社区志愿护学", "zh-Hant": "社區志工護學", "en": "Crossing guard"}


def example_day(text: str, pattern: str, today: date) -> date:
    found = re.search(pattern, text)
    assert found, text
    month, day = int(found.group(1)), int(found.group(2))
    year = today.year if (month, day) >= (today.month, today.day) else today.year + 1
    return date(year, month, day)


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en"])
async def test_an_activity_typed_in_the_organizers_words(h: Harness, locale: str) -> None:
    says = SAYS[locale]
    # Late December: the example a week ahead falls in the next year, and must still work.
    h.clock.set(datetime(2026, 12, 28, 2, 0, tzinfo=UTC))
    w = await build(h, locale)
    today = h.clock.now().astimezone(SHANGHAI).date()
    await h.send(w.admin, f"/pointrules set {LONG_CODE} attend 3 {RULE_NAME[locale]}")
    org = w.org

    await h.send(org, says.unknown)
    assert says.unknown_says in h.emu.last(org.id).text
    await h.send(org, says.list)
    assert says.listed in h.emu.last(org.id).text

    await h.send(org, says.new)
    await h.send(org, "Stair clean-up")
    await h.send(org, says.skip)  # typed, not pressed
    await h.send(org, "Gate 2")
    ask = h.emu.last(org.id).text
    shown = example_day(ask, says.example, today)
    assert shown > today and shown.year == 2027, ask
    await h.send(org, "whenever")
    refused = h.emu.last(org.id).text
    assert example_day(refused, says.example, today) > today, refused
    await h.send(org, re.search(says.example, ask).group(0))  # the example, copied
    await h.send(org, "11:00")
    await h.send(org, says.people)
    await h.send(org, says.default)
    await h.send(org, says.default)
    if locale == "zh-Hant":
        await h.send(org, LONG_CODE)  # the code typed does what its button does
    else:
        await h.press(org, h.emu.last(org.id).message_id, says.kind)
    await h.send(org, says.rule)
    for label in (says.everyone, says.anyone, says.publish):
        await h.press(org, h.emu.last(org.id).message_id, label)
    async with h.app.sessions() as s:
        made = (await s.execute(select(Activity))).scalar_one()
    assert (made.kind_code, made.points, made.capacity, made.description) == (
        LONG_CODE, 3, 10, "")
    assert made.starts_at.astimezone(SHANGHAI) == datetime(
        shown.year, shown.month, shown.day, 9, 0, tzinfo=SHANGHAI)
    assert made.signup_deadline == made.starts_at
