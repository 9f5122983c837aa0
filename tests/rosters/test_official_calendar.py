"""The official holiday arrangement: 2027 before it is announced, reading it, loading it
(from the service and from the command line), and what a load does to the shifts."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli_calendar import load_file
from bot.i18n import make_core
from models.official_calendar import OfficialDay, OfficialYear
from models.outbox import Outbox
from models.rosters import Shift, ShiftStatus
from services.clock import FrozenClock
from services.rosters import filling, official_load, official_text
from services.rosters.calendar import DayKind, official_kind
from services.rosters.generation import sweep_generate
from services.rosters.official import current
from tests.rosters import factories as f
from tests.rosters.conftest import TZ

ROOT = Path(__file__).resolve().parents[2]
ARRANGEMENT = """日期,类型
2027-01-01,休,元旦
2027-02-05..2027-02-13 休
2027-02-14 班
2027年2月20日 上班
"""


async def _notes(session: AsyncSession, text_key: str) -> list[Outbox]:
    await session.commit()
    rows = await session.execute(select(Outbox).where(Outbox.text_key == text_key)
                                 .order_by(Outbox.id))
    return list(rows.scalars())


async def _days(session: AsyncSession, roster_id: int) -> set[date]:
    return {s.day for s in await f.shifts(session, roster_id)}


async def test_2027_without_data_keeps_the_law_and_tells_the_organizer_once(
        session: AsyncSession, clock: FrozenClock, cast: f.Cast) -> None:
    clock.set(f.local(TZ, 2026, 12, 7, 10, 0))
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    days = await _days(session, roster.id)
    assert date(2026, 12, 31) in days and date(2027, 1, 1) not in days  # New Year's Day
    for later in (date(2026, 12, 20), date(2027, 1, 10), date(2027, 1, 25)):
        clock.set(f.local(TZ, later.year, later.month, later.day, 3, 0))
        await sweep_generate(session, clock.now())
    days = await _days(session, roster.id)
    # Spring Festival 2027: the eve (Fri 5 Feb) and the three days, two on the weekend given
    # on Mon 8 – Wed 10: no guard; the days around it are school days.
    assert not days & {date(2027, 2, d) for d in (5, 8, 9, 10)}
    assert {date(2027, 2, 4), date(2027, 2, 11)} <= days
    notes = await _notes(session, "ro-note-calendar-unknown")
    assert [(n.chat_id, n.args["year"]) for n in notes] == [(cast.organizer.tg_id, "2027")]


def test_reading_an_arrangement() -> None:
    parsed = official_text.parse(ARRANGEMENT)
    assert parsed.years == {2027} and parsed.spill == set()
    assert parsed.days[date(2027, 2, 14)] is False and parsed.days[date(2027, 2, 20)] is False
    assert [d for d, off in sorted(parsed.days.items()) if off] == [
        date(2027, 1, 1), *(date(2027, 2, 5) + timedelta(days=i) for i in range(9))]
    spill = official_text.parse("2027-12-31..2028-01-02 休\n2028-01-29..02-04 假\n2028-01-23 班")
    assert spill.years == {2028} and spill.spill == {2027}


@pytest.mark.parametrize(("text", "line", "code"), [
    ("2027-01-01 休\n2027-02-30 休", 2, "date-bad"),
    ("2027-01-01 休\n2027-02-14 调休", 2, "kind-bad"),
    ("2027-02-13..2027-02-05 休", 1, "range-order"),
    ("2027-01-01..2027-03-01 休", 1, "range-long"),
    ("2027-02-14 休\n2027-02-14 班", 2, "conflict"),
    ("2027-02-14 班", None, "no-holidays"),
    ("2027-02-11-17 休", 1, "date-bad"),
    ("1999-10-01 休", 1, "year-bad"),
])
def test_a_line_that_cannot_be_read_is_named(text: str, line: int | None, code: str) -> None:
    with pytest.raises(official_text.ArrangementError) as caught:
        official_text.parse(text)
    assert [(p.line, p.code) for p in caught.value.problems] == [(line, code)]


async def test_loading_moves_the_shifts_and_tells_the_holders(
        session: AsyncSession, clock: FrozenClock, cast: f.Cast) -> None:
    clock.set(f.local(TZ, 2027, 1, 25, 10, 0))
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    ann, bo = cast.parents[:2]
    await f.join(session, clock, roster.id, ann, bo)
    off_day = await f.shift_at(session, roster.id, f.local(TZ, 2027, 2, 11, 7, 30))
    still = await f.shift_at(session, roster.id, f.local(TZ, 2027, 2, 4, 7, 30))
    await filling.take(session, clock, off_day.id, ann)
    await filling.take(session, clock, still.id, bo)
    out = await official_load.load(session, clock, official_text.parse(ARRANGEMENT),
                                   cast.organizer.id, "chat")
    assert (out.years, out.holidays, out.workdays) == ([2027], 10, 2)
    days = await _days(session, roster.id)
    assert {date(2027, 2, 14), date(2027, 2, 20)} <= days  # make-up Sunday and Saturday
    assert not days & {date(2027, 2, d) for d in (5, 8, 9, 10, 11, 12)}
    assert await f.holder_ids(session, still.id) == {bo.id}  # kept, with its guard
    assert (await session.get(Shift, still.id)).status == ShiftStatus.OPEN  # type: ignore[union-attr]
    told = await _notes(session, "ro-note-calendar-off")
    assert [n.chat_id for n in told] == [ann.tg_id]
    assert told[0].args["day"]["args"]["day"] == "11"
    assert out.told == 1 and out.cancelled == 4 and out.created == 4
    assert official_kind(date(2027, 2, 14), await current(session)) == (DayKind.MAKEUP, True)


async def test_a_loaded_year_is_no_longer_unknown(session: AsyncSession, clock: FrozenClock,
                                                 cast: f.Cast) -> None:
    clock.set(f.local(TZ, 2026, 12, 7, 10, 0))
    await official_load.load(session, clock, official_text.parse(ARRANGEMENT), None, "cli")
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    assert await _notes(session, "ro-note-calendar-unknown") == []
    assert date(2027, 1, 1) not in await _days(session, roster.id)


async def test_loading_a_year_again_replaces_it(session: AsyncSession, clock: FrozenClock,
                                               cast: f.Cast) -> None:
    clock.set(f.local(TZ, 2027, 1, 25, 10, 0))
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    await official_load.load(session, clock, official_text.parse(ARRANGEMENT), None, "cli")
    await official_load.load(session, clock, official_text.parse(
        "2027-02-06..2027-02-12 休\n2027-02-14 班"), None, "cli")
    days = await _days(session, roster.id)
    assert date(2027, 2, 20) not in days and date(2027, 2, 5) in days
    assert (await session.execute(select(func.count()).select_from(OfficialDay))).scalar() == 8


async def test_the_command_line_loads_a_file_and_refuses_a_bad_one(
        session: AsyncSession, clock: FrozenClock, cast: f.Cast,
        capsys: pytest.CaptureFixture[str]) -> None:
    clock.set(f.local(TZ, 2027, 1, 25, 10, 0))
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    before = await _days(session, roster.id)
    core = make_core("zh-Hans")
    await core.startup()
    bad = (ARRANGEMENT + "2027-02-21 调休\n").encode("gbk")
    assert await load_file(session, clock, core, "zh-Hans", bad) == 1
    printed = capsys.readouterr().out
    assert "没有导入，什么都没有改变" in printed and "第 6 行“2027-02-21 调休”" in printed
    assert await _days(session, roster.id) == before
    assert (await session.execute(select(func.count()).select_from(OfficialYear))).scalar() == 0
    assert await load_file(session, clock, core, "zh-Hans", ARRANGEMENT.encode()) == 0
    assert "已导入 2027 年放假安排：放假 10 天，调休上班 2 天" in capsys.readouterr().out
    assert date(2027, 2, 14) in await _days(session, roster.id)
    # The organizer, who did not load it, hears what happened to the roster.
    [note] = await _notes(session, "ro-note-calendar-loaded")
    assert note.chat_id == cast.organizer.tg_id and note.args["created"] == 4


async def test_python_m_bot_calendar_load(tmp_path: Path, db_url: str,
                                          session: AsyncSession) -> None:
    path = tmp_path / "2027.csv"
    path.write_bytes(ARRANGEMENT.encode("utf-8-sig"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "DATABASE_"))}
    env.update(DATABASE_URL=db_url, DEFAULT_LOCALE="zh-Hans", PYTHONPATH=str(ROOT))

    async def run(*args: str) -> tuple[int, str]:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "calendar-load", *args, cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, _ = await asyncio.wait_for(proc.communicate(), timeout=60)
        return proc.returncode or 0, out.decode()

    assert await run(str(path), "--dry-run") == (
        0, "检查通过（没有写入）：2027 年，放假 10 天，调休上班 2 天。\n")
    assert (await session.execute(select(func.count()).select_from(OfficialYear))).scalar() == 0
    code, out = await run(str(path))
    assert code == 0 and out.startswith("✅ 已导入 2027 年放假安排")
    await session.commit()
    assert (await session.execute(select(OfficialYear.source))).scalars().all() == ["cli"]


async def test_a_shift_that_has_started_is_never_touched(session: AsyncSession,
                                                         clock: FrozenClock, cast: f.Cast) -> None:
    clock.set(f.local(TZ, 2027, 1, 25, 7, 0))
    roster = await f.roster(session, clock, cast.compound.id, cast.organizer)
    ann = cast.parents[0]
    await f.join(session, clock, roster.id, ann)
    morning = await f.shift_at(session, roster.id, f.local(TZ, 2027, 1, 25, 7, 30))
    await filling.take(session, clock, morning.id, ann)
    clock.set(f.local(TZ, 2027, 1, 25, 10, 0))  # the morning shift is over, the afternoon not
    out = await official_load.load(session, clock, official_text.parse(
        ARRANGEMENT + "2027-01-25 休\n"), None, "cli")
    shifts = {(s.day, s.slot) for s in await f.shifts(session, roster.id)}
    assert (date(2027, 1, 25), 0) in shifts and (date(2027, 1, 25), 1) not in shifts
    assert await f.holder_ids(session, morning.id) == {ann.id} and out.told == 0
