"""The official holiday arrangement for 2027 through the emulator, as an organizer types it.

Monday 25 January 2027: the crossing guard runs on school days; the State Council's notice
for 2027 is not in chinese-calendar, so the Spring Festival's statutory days are off and
the organizer hears once that the make-up days are unknown. Then the notice is loaded in
Chinese: a line that cannot be read is refused and nothing changes; the whole notice moves
the shifts: the make-up Sunday gets a guard's shift, Ann (who had taken a day that is now
off) is told, Bo keeps his shift on a day that still needs him.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from models.official_calendar import OfficialDay
from models.outbox import Outbox
from models.roles import Role
from models.rosters import Shift, ShiftStatus
from services.clock import FrozenClock
from services.rosters import filling
from tests.harness import Harness
from tests.rosters import factories as f

TZ = "Asia/Shanghai"
NOTICE = "2027-01-01 休\n2027-02-05..2027-02-13 休\n2027-02-14 班\n2027年2月20日 上班"
SHIFT = "党员护学岗 · 2月11日（周四） 07:30–08:10 · 幼儿园东门"


async def _world(h: Harness, clock: FrozenClock, locale: str = "zh-Hans") -> dict[str, object]:
    clock.set(f.local(TZ, 2027, 1, 25, 10, 0))
    users = {n: h.emu.add_user(n, language_code=f.CODES[locale], started=True)
             for n in ("Li", "Ann", "Bo")}
    async with h.app.sessions() as s:
        compound = await f.compound(s, clock, tz=TZ)
        org, ann, bo = [await f.person(s, clock, n, tg_id=u.id, locale=locale)
                        for n, u in users.items()]
        await f.grant(s, clock, compound.id, org.id, Role.ORGANIZER)
        roster = await f.roster(s, clock, compound.id, org, name="党员护学岗", place="幼儿园东门")
        await f.join(s, clock, roster.id, ann, bo)
        await s.commit()
        for person, day in ((ann, 11), (bo, 4)):
            shift = await f.shift_at(s, roster.id, f.local(TZ, 2027, 2, day, 7, 30))
            await filling.take(s, clock, shift.id, person)
    return {**users, "roster_id": roster.id}


async def _state(h: Harness) -> tuple[list[tuple[int, date, str]], int, int]:
    async with h.app.sessions() as s:
        shifts = (await s.execute(select(Shift.id, Shift.day, Shift.status)
                                  .order_by(Shift.id))).all()
        days = (await s.execute(select(func.count()).select_from(OfficialDay))).scalar_one()
        notes = (await s.execute(select(func.count()).select_from(Outbox))).scalar_one()
    return [tuple(r) for r in shifts], days, notes


async def _open_days(h: Harness, roster_id: int) -> set[date]:
    async with h.app.sessions() as s:
        return {s_.day for s_ in await f.shifts(s, roster_id)}


async def _my_shifts(h: Harness, user: object) -> str:
    seen = len(h.emu.sent(user))
    await h.send(user, "/myshifts")
    return "\n".join(m.text or "" for m in h.emu.sent(user)[seen:])


async def test_2027_is_loaded_in_chinese_and_the_shifts_follow(h: Harness,
                                                               clock: FrozenClock) -> None:
    w = await _world(h, clock)
    li, ann, bo, roster_id = w["Li"], w["Ann"], w["Bo"], w["roster_id"]
    await h.deliver()
    days = await _open_days(h, roster_id)  # type: ignore[arg-type]
    assert not days & {date(2027, 2, d) for d in (5, 8, 9, 10)}  # the Spring Festival
    assert {date(2027, 2, 11), date(2027, 2, 4)} <= days and date(2027, 2, 14) not in days
    clock.set(f.local(TZ, 2027, 1, 26, 3, 0))
    await h.tick()
    unknown = [m.text for m in h.emu.sent(li) if "还没有公布 2027 年的放假安排" in (m.text or "")]
    assert len(unknown) == 1 and "/roster 日历 导入" in unknown[0]

    await h.send(ann, "/roster 日历 导入\n" + NOTICE)
    assert h.emu.last(ann).text == \
        "抱歉，只有小区管理员或值班表组织者才能导入放假安排，什么都没有改变。"
    await h.send(ann, "/roster 日历")  # anyone may see which years are known
    assert "2027 年：还没有导入。法定节假日按法定日期休息" in h.emu.last(ann).text
    before = await _state(h)
    await h.send(li, "/roster 日历 导入\n" + NOTICE.replace("2027-02-14 班", "2027-02-14 调休"))
    refused = h.emu.last(li).text
    assert refused.startswith("没有导入，什么都没有改变。")
    assert "第 4 行“2027-02-14 调休”：日期后面请写“休”（放假）或者“班”（调休上班）。" in refused
    assert await _state(h) == before

    await h.send(li, "/roster 日历 导入\n" + NOTICE)
    assert h.emu.last(li).text == (
        "✅ 已导入 2027 年放假安排：放假 10 天，调休上班 2 天。重新排了 1 个值班表："
        "新增 4 个班次，取消 4 个，已通知 1 位原来值这些班的人。")
    await h.deliver()
    assert h.emu.last(ann).text == (
        f"📅 按国家 2027 年放假安排，2月11日（周四） 放假，这一班取消了：\n{SHIFT}\n"
        "不用去了，谢谢您！\n调休上班的日子新排了班次，能来的请发 /roster 认领：\n"
        "2月14日（周日）\n2月20日（周六）")
    days = await _open_days(h, roster_id)  # type: ignore[arg-type]
    assert {date(2027, 2, 14), date(2027, 2, 20), date(2027, 2, 4)} <= days
    assert not days & {date(2027, 2, d) for d in (5, 8, 9, 10, 11, 12)}
    assert "2月4日（周四） 07:30–08:10 · 幼儿园东门（已认领）" in await _my_shifts(h, bo)
    mine = await _my_shifts(h, ann)
    assert "您最近没有值班" in mine and "2月11日" not in mine

    # Loading it again from a file, in Traditional script words, changes nothing more.
    await h.send(li, "/roster 日曆 導入")
    assert h.emu.last(li).text.startswith("请发来国家放假安排")
    await h.send(li, document=("2027.csv", ("日期,类型\n" + NOTICE.replace(" ", ",")).encode(
        "gbk"), "text/csv"))
    assert h.emu.last(li).text == ("✅ 已导入 2027 年放假安排：放假 10 天，调休上班 2 天。"
                                   "没有值班表需要调整。")
    await h.send(li, "/roster 日历")
    assert "2027 年：已导入（2027-01-26），放假 10 天，调休上班 2 天" in h.emu.last(li).text
    async with h.app.sessions() as s:
        cancelled = (await s.execute(select(func.count()).select_from(Shift).where(
            Shift.status == ShiftStatus.CANCELLED.value))).scalar_one()
    assert cancelled == 4


async def test_a_reply_to_the_pasted_notice_loads_it_and_a_group_is_asked_for_the_text(
        h: Harness, clock: FrozenClock) -> None:
    w = await _world(h, clock)
    li, roster_id = w["Li"], w["roster_id"]
    group = h.emu.add_group("Sunny Garden", members=[li], bot_status="member")
    await h.send(li, "/roster calendar load", chat=group)
    assert h.emu.last(group).text == (
        "请在同一条消息里写上放假安排，或者私聊我发 /roster 日历 导入。")
    pasted = await h.send(li, NOTICE)
    await h.send(li, "/roster calendar load", reply_to=pasted)
    assert h.emu.last(li).text.startswith("✅ 已导入 2027 年放假安排：放假 10 天，调休上班 2 天。")
    assert date(2027, 2, 14) in await _open_days(h, roster_id)  # type: ignore[arg-type]
    # Asked first, the next private message is the arrangement.
    await h.send(li, "/roster 日历导入")
    assert h.emu.last(li).text.startswith("请发来国家放假安排")
    await h.send(li, NOTICE.replace("2027-02-14 班\n", ""))
    assert h.emu.last(li).text.startswith("✅ 已导入 2027 年放假安排：放假 10 天，调休上班 1 天。")
    assert date(2027, 2, 14) not in await _open_days(h, roster_id)  # type: ignore[arg-type]


OTHER = {
    "zh-Hant": ("/roster 日曆 導入\n" + NOTICE.replace("休", "假"), (
        "✅ 已匯入 2027 年放假安排：放假 10 天，補班 2 天。重新排了 1 個值班表：新增 4 個班次，"
        "取消 4 個，已通知 1 位原來值這些班的人。"),
        ("📅 按國家 2027 年放假安排，", "2月11日（週四）", "補班的日子新排了班次",
         "2月14日（週日）")),
    "en": ("/roster calendar load\n" + NOTICE.replace("休", "holiday").replace("上班", "workday")
           .replace("班", "workday"), (
        "✅ Loaded the holiday arrangement for 2027: 10 days off, 2 make-up working days. "
        "Rosters rescheduled: 1. Shifts added: 4, cancelled: 4. People told their shift was "
        "cancelled: 1."), ("📅 By the official holiday arrangement for 2027,",
                              "The make-up working days have new shifts")),
}


@pytest.mark.parametrize("locale", sorted(OTHER))
async def test_the_load_is_answered_and_told_in_each_language(h: Harness, clock: FrozenClock,
                                                              locale: str) -> None:
    typed, answer, told = OTHER[locale]
    w = await _world(h, clock, locale)
    await h.send(w["Li"], typed)
    assert h.emu.last(w["Li"]).text == answer
    await h.deliver()
    notice = h.emu.last(w["Ann"]).text
    assert all(piece in notice for piece in told), notice
