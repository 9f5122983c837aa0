"""Organizer commands, /myshifts with its calendar feed, and /swap, through the emulator."""

from __future__ import annotations

import socket
from datetime import date

import aiohttp
import pytest
from sqlalchemy import func, select

from models.roles import AuditEntry, Role
from models.rosters import Roster, RosterSkip, Shift, ShiftStatus
from services.clock import FrozenClock
from services.rosters import filling
from tests.harness import Harness, HarnessFactory
from tests.rosters import factories as f

TZ = "Asia/Shanghai"
LOCALES = ["zh-Hans", "zh-Hant", "en"]
TEXT = {
    "zh-Hans": {
        "skip": "好的，2025-09-29 停岗。已经通知了 1 位原来值这些班的人。",
        "leads": "好的，提醒时间改为：前一天 19:30、开始前 1 小时。",
        "leads-bad": "看不懂提醒时间。", "size-zero": "每班至少要 1 个人。",
        "times-order": "结束时间 07:30 要晚于开始时间 08:10。",
        "denied": "抱歉，只有值班表的组织者才能这样做，什么都没有改变。",
        "rotated": "排好了：4 个班次里，给 2 位队员排了 8 个位置。",
        "cancelled": "📅 这一班停岗取消了：", "mine": "您接下来的值班：",
        "none": "这里还没有值班表。", "here-unbound": "这个群还没有绑定",
    },
    "zh-Hant": {
        "skip": "好的，2025-09-29 停班。已經通知了 1 位原來值這些班的人。",
        "leads": "好的，提醒時間改為：前一天 19:30、開始前 1 小時。",
        "leads-bad": "看不懂提醒時間。", "size-zero": "每班至少要 1 個人。",
        "times-order": "結束時間 07:30 要晚於開始時間 08:10。",
        "denied": "抱歉，只有值班表的召集人才能這樣做，什麼都沒有改變。",
        "rotated": "排好了：4 個班次裡，幫 2 位隊員排了 8 個位置。",
        "cancelled": "📅 這一班停班取消了：", "mine": "您接下來的值班：",
        "none": "這裡還沒有值班表。", "here-unbound": "這個群組還沒有綁定",
    },
    "en": {
        "skip": "Done, no duty on 2025-09-29. I've told the person who had that shift.",
        "leads": "Done. Reminders: the day before at 19:30, 1 hour before.",
        "leads-bad": "I can't read those reminder times.", "size-zero": "A shift needs at least 1",
        "times-order": "The end time 07:30 must be after the start time 08:10.",
        "denied": "Sorry, only the roster's organizer can do that. Nothing was changed.",
        "rotated": "Done: across 4 shifts, 8 places went to 2 team members.",
        "cancelled": "📅 This shift is cancelled", "mine": "Your coming shifts:",
        "none": "There are no duty rosters here yet.", "here-unbound": "This group isn't linked",
    },
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _world(h: Harness, clock: FrozenClock, locale: str) -> dict[str, object]:
    clock.set(f.local(TZ, 2025, 9, 26, 10, 0))
    code = f.CODES[locale]
    # Everyone here has pressed Start in a private chat with the bot before.
    org = h.emu.add_user("Li", language_code=code, started=True)
    ann = h.emu.add_user("Ann", language_code=code, started=True)
    bo = h.emu.add_user("Bo", language_code=code, started=True)
    async with h.app.sessions() as s:
        compound = await f.compound(s, clock, tz=TZ)
        organizer = await f.person(s, clock, "Li", tg_id=org.id, locale=locale)
        await f.grant(s, clock, compound.id, organizer.id, Role.ORGANIZER)
        people = [await f.person(s, clock, u.first_name, tg_id=u.id, locale=locale)
                  for u in (ann, bo)]
        roster = await f.roster(s, clock, compound.id, organizer)
        await f.join(s, clock, roster.id, *people)
        await s.commit()
        first = await f.shift_at(s, roster.id, f.local(TZ, 2025, 9, 29, 7, 30))
        await filling.take(s, clock, first.id, people[0])
    return {"org": org, "ann": ann, "bo": bo, "roster_id": roster.id}


async def _state(h: Harness) -> tuple[int, int, int]:
    async with h.app.sessions() as s:
        shifts = (await s.execute(select(func.count()).select_from(Shift)
                                  .where(Shift.status == ShiftStatus.OPEN.value))).scalar_one()
        skips = (await s.execute(select(func.count()).select_from(RosterSkip))).scalar_one()
        audits = (await s.execute(select(func.count()).select_from(AuditEntry))).scalar_one()
    return shifts, skips, audits


@pytest.mark.parametrize("locale", LOCALES)
async def test_organizer_commands_and_refusals(h: Harness, clock: FrozenClock,
                                               locale: str) -> None:
    w = await _world(h, clock, locale)
    t, org, ann = TEXT[locale], w["org"], w["ann"]
    before = await _state(h)
    for bad, expected in (("/roster leads soon", t["leads-bad"]),
                          ("/roster size 0", t["size-zero"]),
                          ("/roster times 08:10-07:30", t["times-order"])):
        await h.send(org, bad)
        assert expected in h.emu.last(org).text
    await h.send(ann, "/roster skip 2025-09-29")
    assert h.emu.last(ann).text == t["denied"]
    assert await _state(h) == before  # nothing half-written

    await h.send(org, "/roster leads 19:30 1h")
    assert h.emu.last(org).text == t["leads"]
    await h.send(org, "/roster skip 2025-09-29")
    assert h.emu.last(org).text == t["skip"]
    await h.deliver()
    assert h.emu.last(ann).text.startswith(t["cancelled"])
    await h.send(org, "/roster rotate 2025-09-30 2025-10-09")
    assert h.emu.last(org).text.startswith(t["rotated"])
    async with h.app.sessions() as s:
        roster = await s.get(Roster, w["roster_id"])
        assert roster is not None and roster.leads == ["eve@19:30", "60m"]
        days = {d for d in (await s.execute(select(Shift.day).where(
            Shift.status == ShiftStatus.OPEN.value))).scalars()}
    assert date(2025, 9, 29) not in days
    await h.send(ann, "/myshifts")
    assert h.emu.sent(ann)[-2].text.startswith(t["mine"])


@pytest.mark.parametrize("locale", LOCALES)
async def test_group_without_a_roster(h: Harness, clock: FrozenClock, locale: str) -> None:
    w = await _world(h, clock, locale)
    group = h.emu.add_group("Elsewhere", members=[w["org"]], bot_status="member")
    await h.send(w["org"], "/roster", chat=group)
    assert h.emu.last(group).text == TEXT[locale]["none"]
    await h.send(w["org"], "/roster here", chat=group)
    assert h.emu.last(group).text.startswith(TEXT[locale]["here-unbound"])


async def test_myshifts_calendar_feed_and_swap(make_harness: HarnessFactory,
                                               clock: FrozenClock) -> None:
    port = free_port()
    h = await make_harness(web_enabled=True, web_host="127.0.0.1", web_port=port)
    await h.app.web_ready.wait()
    w = await _world(h, clock, "en")
    ann = w["ann"]
    await h.send(ann, "/myshifts")
    listing, feed = h.emu.sent(ann)[-2:]
    assert "Crossing guard · Mon 29 Sep 07:30–08:10 · East gate (yours)" in listing.text
    assert h.emu.buttons(listing) == ["🙏 Can't make Mon 29 Sep 07:30"]
    url = next(line for line in feed.text.splitlines() if line.startswith("http"))
    assert url.startswith(f"http://127.0.0.1:{port}/ical/")
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as r:
            assert r.status == 200
            assert r.content_type == "text/calendar"
            body = await r.text()
        async with http.get(f"http://127.0.0.1:{port}/ical/not-a-token.ics") as r:
            assert r.status == 404
    assert body.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Crossing guard" in body and "LOCATION:East gate" in body
    assert "DTSTART:20250928T233000Z" in body and "X-WR-CALNAME:Red Steward · My shifts" in body
    # a new link cancels the old one
    await h.send(ann, "/myshifts new")
    async with aiohttp.ClientSession() as http, http.get(url) as r:
        assert r.status == 404
    # /swap offers the shift; pressing asks the team
    await h.send(ann, "/swap")
    menu = h.emu.last(ann)
    assert menu.text.startswith("Which shift can't you make?")
    answer = await h.press(ann, menu.message_id, "🙏 Can't make Mon 29 Sep 07:30")
    assert answer["text"].startswith("OK, I've asked one team member.")
    await h.deliver()
    ask = h.emu.last(w["bo"])
    assert ask.text.startswith("🙏 Ann can't make this shift.")
    await h.send(ann, "/myshifts")
    assert "(looking for a stand-in)" in h.emu.sent(ann)[-2].text


MINE = {  # (rotation command, assigned mark, claimed mark, Monday)
    "zh-Hans": ("/roster 排班 2025-09-30 2025-10-09", "（已排班）", "（已认领）", "9月29日"),
    "zh-Hant": ("/roster 排班 2025-09-30 2025-10-09", "（已排班）", "（已認領）", "9月29日"),
    "en": ("/roster rotate 2025-09-30 2025-10-09", "(assigned)", "(yours)", "29 Sep"),
}


@pytest.mark.parametrize("locale", LOCALES)
async def test_myshifts_says_assigned_for_a_rotation_and_claimed_for_a_claim(
        h: Harness, clock: FrozenClock, locale: str) -> None:
    rotate, assigned, claimed, monday_text = MINE[locale]
    w = await _world(h, clock, locale)
    org, bo = w["org"], w["bo"]
    await h.send(org, rotate)
    await h.send(bo, "/myshifts")
    listing = h.emu.sent(bo)[-2].text or ""
    assert assigned in listing and claimed not in listing
    await h.send(w["ann"], "/myshifts")
    mine = h.emu.sent(w["ann"])[-2].text or ""
    # Ann claimed Monday's shift herself; the rotation placed her on the others.
    monday = next(line for line in mine.splitlines() if monday_text in line)
    assert monday.endswith(claimed)
    assert assigned in mine
