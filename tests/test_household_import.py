"""The household register import: reading, checking, previewing and applying a CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import make_core, render
from models.registry import Building, Entrance, Household
from models.roles import AuditEntry
from services import household_import as hi
from services.clock import FrozenClock
from services.csv_text import NotText, decode, sniff_delimiter, to_csv
from services.locale import LOCALES
from services.registry import create_compound, natural_key

GOOD = "building,entrance,room,area_m2,owner_name,phone\n1,1,101,89.5,Zhang,13800000000\n"


def codes(parsed: hi.Parsed) -> list[tuple[int, str]]:
    return [(r.line, r.code) for r in parsed.rejections]


# ---- reading -------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_chinese_headers_in_every_encoding_excel_saves(encoding: str) -> None:
    text = "楼栋,单元,房号,面积,业主姓名,电话\n3号楼,2单元,301,120.5,王秀英,010-1234567\n"
    parsed = hi.parse(text.encode(encoding))
    assert codes(parsed) == []
    (row,) = parsed.rows
    assert (row.building, row.entrance, row.room) == ("3号楼", "2单元", "301")
    assert row.area_m2 == Decimal("120.50")
    assert (row.owner_name, row.phone) == ("王秀英", "010-1234567")
    assert row.line == 2


def test_traditional_headers_and_units_in_header_and_cell() -> None:
    text = "樓棟,單元,房號,建築面積（㎡）,業主,手機\n1,1,101,89.5㎡,陳大文,+852 9123 4567\n"
    (row,) = hi.parse(text.encode("utf-8")).rows
    assert row.area_m2 == Decimal("89.50") and row.phone == "+852 9123 4567"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_are_sniffed(delimiter: str) -> None:
    text = GOOD.replace(",", delimiter)
    assert sniff_delimiter(text) == delimiter
    (row,) = hi.parse(text.encode()).rows
    assert row.owner_name == "Zhang"


def test_full_width_digits_and_spaces_are_normalized() -> None:
    text = "楼栋,单元,房号,面积\n　１ ,２, １０１　,８９．５\n"
    (row,) = hi.parse(text.encode("gbk")).rows
    assert (row.building, row.entrance, row.room, row.area_m2) == ("1", "2", "101",
                                                                   Decimal("89.50"))


def test_exclusive_area_wins_over_built_area() -> None:
    text = "楼栋,单元,房号,建筑面积,专有面积\n1,1,101,120.00,98.76\n"
    (row,) = hi.parse(text.encode()).rows
    assert row.area_m2 == Decimal("98.76")


def test_areas_are_exact_decimals() -> None:
    text = "building,entrance,room,area\n1,1,1,0.01\n1,1,2,100.10\n1,1,3,9999.99\n1,1,4,89.500\n"
    areas = [r.area_m2 for r in hi.parse(text.encode()).rows]
    assert areas == [Decimal("0.01"), Decimal("100.10"), Decimal("9999.99"), Decimal("89.50")]
    assert sum(areas) == Decimal("10189.60")


def test_line_numbers_count_blank_lines_and_quoted_newlines() -> None:
    text = 'building,entrance,room,area\n\n1,1,101,50\n1,1,"10\n2",x\n1,1,103,y\n'
    parsed = hi.parse(text.encode())
    assert [r.line for r in parsed.rows] == [3]
    assert codes(parsed) == [(4, "area-nan"), (6, "area-nan")]


# ---- rejections ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "code", "args"),
    [
        (",1,101,50", "empty", {"field": "building"}),
        ("1,,101,50", "empty", {"field": "entrance"}),
        ("1,1,,50", "empty", {"field": "room"}),
        ("1,1,101,", "empty", {"field": "area_m2"}),
        ("1,1,101,abc", "area-nan", {"value": "abc"}),
        ("1,1,101,1e3", "area-nan", {"value": "1e3"}),
        ("1,1,101,NaN", "area-nan", {"value": "NaN"}),
        ("1,1,101,0", "area-nonpositive", {"value": "0"}),
        ("1,1,101,-5", "area-nonpositive", {"value": "-5"}),
        ("1,1,101,10000.01", "area-absurd", {"value": "10000.01"}),
        ("1,1,101,89.555", "area-decimals", {"value": "89.555"}),
        ("1,1,101,50,,call me", "phone-invalid", {"value": "call me"}),
        ("1,1," + "9" * 33 + ",50", "too-long", {"field": "room", "max": 32}),
    ],
)
def test_each_bad_row_is_rejected_with_its_reason(
    row: str, code: str, args: dict[str, Any]
) -> None:
    text = f"building,entrance,room,area_m2,owner_name,phone\n1,1,100,50\n{row}\n"
    parsed = hi.parse(text.encode())
    assert [r.line for r in parsed.rows] == [2]
    assert [(r.line, r.code, r.args) for r in parsed.rejections] == [(3, code, args)]


def test_a_row_with_several_problems_lists_them_all() -> None:
    parsed = hi.parse(b"building,entrance,room,area\n,,101,-1\n")
    assert codes(parsed) == [(2, "empty"), (2, "empty"), (2, "area-nonpositive")]


def test_duplicated_households_are_rejected_with_both_line_numbers() -> None:
    text = "building,entrance,room,area\n1,1,101,50\n1,1,102,60\n1,1,101,55\n1,1,101,x\n"
    parsed = hi.parse(text.encode())
    assert [r.line for r in parsed.rows] == [3]
    dup = {r.line: r.args["lines"] for r in parsed.rejections if r.code == "duplicate"}
    assert dup == {2: "4, 5", 4: "2, 5", 5: "2, 4"}
    assert (5, "area-nan") in codes(parsed)


def test_missing_columns_refuse_the_whole_file_saying_what_was_found() -> None:
    with pytest.raises(hi.ImportFileError) as caught:
        hi.parse("楼栋,房号,业主\n1,101,张三\n".encode())
    assert caught.value.code == "missing-columns"
    assert caught.value.args_ == {"missing": ["entrance", "area_m2"],
                                  "found": ["楼栋", "房号", "业主"]}


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00binary xlsx", "not-text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not-text"),
        (bytes(range(1, 32)) * 50, "not-text"),
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"building,entrance,room,area\n,,,\n", "no-rows"),
    ],
)
def test_files_that_are_not_a_register_are_refused(data: bytes, code: str) -> None:
    with pytest.raises(hi.ImportFileError) as caught:
        hi.parse(data)
    assert caught.value.code == code


def test_decode_prefers_utf8_and_falls_back_to_gb18030() -> None:
    assert decode("\ufeff楼栋".encode()) == "楼栋"
    assert decode("楼栋".encode("gbk")) == "楼栋"
    with pytest.raises(NotText):
        decode(b"a\x00b")


# ---- reporting -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def core() -> Any:
    import asyncio

    c = make_core("zh-Hans")
    asyncio.run(c.startup())
    return c


@pytest.mark.parametrize("locale", LOCALES)
def test_every_reason_and_file_problem_renders(core: Any, locale: str) -> None:
    text = ("building,entrance,room,area_m2,owner_name,phone\n1,1,1,50\n,,2,x\n1,1,3,0\n"
            "1,1,4,20000\n1,1,5,1.234\n1,1,6,5,,?\n1,1," + "9" * 40 + ",5\n1,1,1,50\n")
    parsed = hi.parse(text.encode())
    assert {r.code for r in parsed.rejections} == {
        "empty", "area-nan", "area-nonpositive", "area-absurd", "area-decimals",
        "phone-invalid", "too-long", "duplicate"}
    pieces = hi.report(parsed, hi.Counts(), compound="C", limit=3)
    out = "\n".join(render(core, locale, p["key"], p["args"]) for p in pieces)
    assert "import-" not in out and "8" in out  # eight rejections in all
    for code in ("not-text", "empty", "no-rows"):
        assert render(core, locale, **_piece(hi.file_problem(hi.ImportFileError(code))))
    missing = hi.file_problem(hi.ImportFileError("missing-columns", missing=["room"],
                                                 found=["x", "y"]))
    assert "x | y" in render(core, locale, **_piece(missing))


def _piece(piece: dict[str, Any]) -> dict[str, Any]:
    return {"key": piece["key"], "args": piece["args"]}


def test_report_in_simplified_chinese(core: Any) -> None:
    parsed = hi.parse(b"building,entrance,room,area\n1,1,101,50\n1,1,102,abc\n")
    pieces = hi.report(parsed, hi.Counts(new=1), compound="Sunny Garden")
    text = "\n".join(render(core, "zh-Hans", p["key"], p["args"]) for p in pieces)
    assert "Sunny Garden" in text
    assert "新增 1 户" in text
    assert "第 3 行：面积“abc”不是数字" in text


def test_rejection_table_is_a_csv_excel_opens(core: Any) -> None:
    parsed = hi.parse("楼栋,单元,房号,面积\n1,1,101,abc\n".encode())
    table = hi.rejection_table(parsed, ("行号", "原因"),
                               lambda p: render(core, "zh-Hans", p["key"], p["args"]))
    data = to_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["行号", "原因", "楼栋", "单元", "房号", "面积"],
                    ["2", "面积“abc”不是数字", "1", "1", "101", "abc"]]


# ---- applying ------------------------------------------------------------------------
async def _compound(session: AsyncSession, clock: FrozenClock) -> int:
    compound = await create_compound(session, clock, "Sunny Garden", None)
    await session.commit()
    return compound.id


async def _households(session: AsyncSession, compound_id: int) -> dict[str, tuple[Any, ...]]:
    rows = await session.execute(
        select(Building.name, Entrance.name, Household.room, Household.area_m2,
               Household.owner_name, Household.phone)
        .join(Building, Building.id == Household.building_id)
        .join(Entrance, Entrance.id == Household.entrance_id)
        .where(Household.compound_id == compound_id)
    )
    return {f"{b}-{e}-{r}": (a, o, p) for b, e, r, a, o, p in rows}


async def test_apply_creates_buildings_entrances_and_households(
    session: AsyncSession, clock: FrozenClock
) -> None:
    cid = await _compound(session, clock)
    text = ("building,entrance,room,area,owner_name\n10,1,101,50.5,A\n2,1,101,60,B\n"
            "2,2,201,70.25,\n")
    parsed = hi.parse(text.encode())
    assert await hi.preview(session, cid, parsed.rows) == hi.Counts(new=3)
    counts = await hi.apply(session, clock, cid, parsed.rows, actor_id=None, source="test")
    assert counts == hi.Counts(new=3)
    assert await _households(session, cid) == {
        "10-1-101": (Decimal("50.50"), "A", None),
        "2-1-101": (Decimal("60.00"), "B", None),
        "2-2-201": (Decimal("70.25"), None, None),
    }
    names = (await session.execute(
        select(Building.name).where(Building.compound_id == cid).order_by(Building.sort_key)
    )).scalars().all()
    assert names == ["2", "10"]
    assert natural_key("2") < natural_key("10")
    audit = (await session.execute(select(AuditEntry))).scalar_one()
    assert (audit.action, audit.compound_id) == ("household.import", cid)
    assert audit.detail == {"new": 3, "updated": 0, "unchanged": 0, "rejected": 0,
                            "source": "test"}


async def test_reimport_updates_in_place(session: AsyncSession, clock: FrozenClock) -> None:
    cid = await _compound(session, clock)
    first = hi.parse(b"building,entrance,room,area,owner_name,phone\n"
                     b"1,1,101,50,A,111\n1,1,102,60,B,222\n1,1,103,70,C,333\n")
    await hi.apply(session, clock, cid, first.rows, actor_id=None, source="test")
    ids = (await session.execute(select(Household.id).order_by(Household.id))).scalars().all()

    # 101 unchanged; 102 new area; 103 new owner but no phone given (kept); 104 new.
    again = hi.parse(b"building,entrance,room,area,owner_name,phone\n"
                     b"1,1,101,50.00,A,111\n1,1,102,61.5,,\n1,1,103,70,D,\n1,1,104,80,E,444\n")
    assert await hi.preview(session, cid, again.rows) == hi.Counts(new=1, updated=2, unchanged=1)
    counts = await hi.apply(session, clock, cid, again.rows, actor_id=None, source="test")
    assert counts == hi.Counts(new=1, updated=2, unchanged=1)
    assert await _households(session, cid) == {
        "1-1-101": (Decimal("50.00"), "A", "111"),
        "1-1-102": (Decimal("61.50"), "B", "222"),
        "1-1-103": (Decimal("70.00"), "D", "333"),
        "1-1-104": (Decimal("80.00"), "E", "444"),
    }
    after = (await session.execute(select(Household.id).order_by(Household.id))).scalars().all()
    assert after[:3] == ids
    assert await session.scalar(select(func.count()).select_from(Building)) == 1
    assert await session.scalar(select(func.count()).select_from(Entrance)) == 1

    third = await hi.apply(session, clock, cid, again.rows, actor_id=None, source="test")
    assert third == hi.Counts(unchanged=4)


async def test_apply_is_all_or_nothing(
    session: AsyncSession, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = await _compound(session, clock)
    await hi.apply(session, clock, cid, hi.parse(b"building,entrance,room,area\n1,1,101,50\n")
                   .rows, actor_id=None, source="test")
    real = hi._entrance
    calls = 0

    async def failing(*args: Any, **kwargs: Any) -> Entrance:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("disk full")
        return await real(*args, **kwargs)

    monkeypatch.setattr(hi, "_entrance", failing)
    rows = hi.parse(b"building,entrance,room,area\n1,1,101,99\n2,1,201,50\n3,1,301,50\n"
                    b"4,1,401,50\n").rows
    with pytest.raises(RuntimeError):
        await hi.apply(session, clock, cid, rows, actor_id=None, source="test")
    assert calls == 3

    assert await _households(session, cid) == {"1-1-101": (Decimal("50.00"), None, None)}
    assert await session.scalar(select(func.count()).select_from(Building)) == 1
    assert await session.scalar(select(func.count()).select_from(AuditEntry)) == 1


async def test_a_failing_audit_also_rolls_everything_back(
    session: AsyncSession, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = await _compound(session, clock)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("audit down")

    monkeypatch.setattr(hi.audit, "record", broken)
    rows = hi.parse(b"building,entrance,room,area\n1,1,101,50\n1,1,102,50\n").rows
    with pytest.raises(RuntimeError):
        await hi.apply(session, clock, cid, rows, actor_id=None, source="test")
    assert await session.scalar(select(func.count()).select_from(Household)) == 0
    assert await session.scalar(select(func.count()).select_from(Building)) == 0


# ---- the developer's parts ----------------------------------------------------------
def test_developer_marks_are_read_in_the_words_registers_use() -> None:
    parsed = hi.parse("楼栋,单元,房号,面积,开发商未售/未交付\n"
                      "1,1,101,50,是\n1,1,102,50,√\n1,1,103,50,未交付\n1,1,104,50,否\n"
                      "1,1,105,50,\n1,1,106,50,也许\n".encode("gbk"))
    assert [(r.room, r.developer) for r in parsed.rows] == [
        ("101", True), ("102", True), ("103", True), ("104", False), ("105", None)]
    assert codes(parsed) == [(7, "developer-invalid")]


async def test_an_empty_developer_cell_keeps_the_mark_and_no_clears_it(
    session: AsyncSession, clock: FrozenClock
) -> None:
    cid = await _compound(session, clock)

    async def marks() -> dict[str, bool]:
        rows = await session.execute(select(Household.room, Household.developer))
        return dict(rows.all())

    head = b"building,entrance,room,area_m2,developer\n"
    await hi.apply(session, clock, cid, hi.parse(head + b"1,1,101,50,yes\n1,1,102,60,\n").rows,
                   actor_id=None, source="test")
    assert await marks() == {"101": True, "102": False}
    again = hi.parse(head + b"1,1,101,50,\n1,1,102,60,\n")
    assert await hi.preview(session, cid, again.rows) == hi.Counts(unchanged=2)
    sold = hi.parse(head + b"1,1,101,50,sold\n1,1,102,60,\n")
    assert await hi.apply(session, clock, cid, sold.rows, actor_id=None,
                          source="test") == hi.Counts(updated=1, unchanged=1)
    assert await marks() == {"101": False, "102": False}
