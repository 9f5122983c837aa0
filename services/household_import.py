"""The household register import: read a CSV, check every row, then apply it in one go.

Parsing and validation are pure (bytes in, rows and rejections out), so the bot and the
CLI show the same report. Applying matches households by building + entrance + room and
updates them in place, so importing the same register again changes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Building, Entrance, Household
from services import audit
from services.clock import Clock
from services.csv_text import NotText, clean, decode, rows
from services.outbox import fragment, lines
from services.register_flags import parse_flag
from services.registry import natural_key

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_AREA = Decimal(10000)
CENT = Decimal("0.01")
VALUE_SHOWN = 40  # characters of an offending value echoed back in the report

COLUMNS = ("building", "entrance", "room", "area_m2", "owner_name", "phone", "developer")
REQUIRED = COLUMNS[:4]
# The database's column widths; longer values are refused instead of cut.
MAX_LENGTH = {"building": 64, "entrance": 64, "room": 32, "owner_name": 128, "phone": 32}

# Header names people use, compared after NFKC, case folding and dropping "(unit)".
# Order is priority: when a register has several area columns, the exclusive area
# (专有面积) wins, because assembly votes are weighted by it.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "building": ("building", "bldg", "building_no", "楼栋", "楼号", "楼栋号", "栋", "楼",
                 "樓棟", "樓號", "樓棟號", "棟", "樓"),
    "entrance": ("entrance", "unit", "单元", "单元号", "單元", "單元號"),
    "room": ("room", "room_no", "房号", "室", "房间号", "户号", "门牌号",
             "房號", "房間號", "戶號", "門牌號"),
    "area_m2": ("area_m2", "exclusive_area", "专有面积", "专有部分面积", "專有面積",
                "專有部分面積", "area", "面积", "面積", "建筑面积", "建築面積"),
    "owner_name": ("owner_name", "owner", "name", "业主", "业主姓名", "姓名",
                   "業主", "業主姓名"),
    "phone": ("phone", "mobile", "tel", "telephone", "电话", "手机", "手机号", "联系电话",
              "電話", "手機", "手機號碼", "聯絡電話", "聯繫電話"),
    # The developer's unsold or undelivered part: one owner together in an assembly.
    "developer": ("developer", "developer_part", "unsold", "开发商", "开发商未售",
                  "开发商未售/未交付", "未售/未交付", "未售", "未交付", "開發商", "開發商未售",
                  "開發商未售/未交付", "建设单位", "建設單位"),
}
# Units people type after the number ("89.5㎡" is "89.5m2" once NFKC-normalized).
AREA_UNIT_ALIASES = ("m2", "平方米", "平米", "平方公尺")

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{2,30}$")
_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]")


class ImportFileError(ValueError):
    """The whole file is refused; `code` names why (a Fluent key suffix), `args` the detail."""

    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


@dataclass(frozen=True)
class HouseholdRow:
    line: int
    building: str
    entrance: str
    room: str
    area_m2: Decimal
    owner_name: str | None = None
    phone: str | None = None
    developer: bool | None = None  # None: the register does not say

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.building, self.entrance, self.room)


@dataclass(frozen=True)
class Rejection:
    line: int
    code: str
    args: dict[str, Any]
    cells: tuple[str, ...]


@dataclass
class Parsed:
    header: list[str]
    rows: list[HouseholdRow] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected_lines(self) -> int:
        return len({r.line for r in self.rejections})


# ---- parsing -------------------------------------------------------------------------
def _header_name(cell: str) -> str:
    name = _BRACKETED.sub("", clean(cell)).strip().casefold()
    return re.sub(r"[\s\-]+", "_", name)


def map_columns(header: list[str]) -> dict[str, int]:
    """Column name → index, choosing the highest-priority alias when several match."""
    names = [_header_name(h) for h in header]
    found: dict[str, int] = {}
    for column, aliases in HEADER_ALIASES.items():
        ranked = [(aliases.index(n), i) for i, n in enumerate(names) if n in aliases]
        if ranked:
            found[column] = min(ranked)[1]
    return found


def parse(data: bytes) -> Parsed:
    """Raises ImportFileError when the file as a whole cannot be read."""
    try:
        text = decode(data)
    except NotText:
        raise ImportFileError("not-text") from None
    table = ((n, cells) for n, cells in rows(text) if any(c.strip() for c in cells))
    first = next(table, None)
    if first is None:
        raise ImportFileError("empty")
    header = [clean(c) for c in first[1]]
    columns = map_columns(header)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ImportFileError("missing-columns", missing=missing, found=[h for h in header if h])
    parsed = Parsed(header=header)
    seen: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    raw: dict[int, tuple[str, ...]] = {}
    for line, cells in table:
        row, problems = _check_row(line, cells, columns)
        key = (_cell(cells, columns, "building"), _cell(cells, columns, "entrance"),
               _cell(cells, columns, "room"))
        if all(key):
            seen[key].append(line)
            raw[line] = tuple(cells)
        parsed.rejections += [Rejection(line, code, args, tuple(cells)) for code, args in problems]
        if row is not None:
            parsed.rows.append(row)
    if not parsed.rows and not parsed.rejections:
        raise ImportFileError("no-rows")
    _reject_duplicates(parsed, seen, raw)
    return parsed


def _cell(cells: list[str], columns: dict[str, int], column: str) -> str:
    index = columns.get(column)
    return clean(cells[index]) if index is not None and index < len(cells) else ""


def _check_row(
    line: int, cells: list[str], columns: dict[str, int]
) -> tuple[HouseholdRow | None, list[tuple[str, dict[str, Any]]]]:
    values = {c: _cell(cells, columns, c) for c in COLUMNS}
    problems: list[tuple[str, dict[str, Any]]] = []
    for column in REQUIRED:
        if not values[column]:
            problems.append(("empty", {"field": column}))
    for column, limit in MAX_LENGTH.items():
        if len(values[column]) > limit:
            problems.append(("too-long", {"field": column, "max": limit}))
    area: Decimal | None = None
    if values["area_m2"]:
        area, problem = parse_area(values["area_m2"])
        if problem:
            problems.append((problem, {"value": values["area_m2"][:VALUE_SHOWN]}))
    if values["phone"] and not _PHONE.match(values["phone"]):
        problems.append(("phone-invalid", {"value": values["phone"][:VALUE_SHOWN]}))
    developer, problem = parse_flag(values["developer"])
    if problem:
        problems.append((problem, {"value": values["developer"][:VALUE_SHOWN]}))
    if problems or area is None:
        return None, problems
    return HouseholdRow(
        line=line, building=values["building"], entrance=values["entrance"],
        room=values["room"], area_m2=area,
        owner_name=values["owner_name"] or None, phone=values["phone"] or None,
        developer=developer,
    ), []


def parse_area(raw: str) -> tuple[Decimal | None, str | None]:
    """(exact area, None) or (None, rejection code)."""
    text = raw.replace(" ", "")
    for unit in AREA_UNIT_ALIASES:
        if text.casefold().endswith(unit):
            text = text[: -len(unit)]
            break
    if not _NUMBER.match(text):
        return None, "area-nan"
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, "area-nan"
    if value <= 0:
        return None, "area-nonpositive"
    if value > MAX_AREA:
        return None, "area-absurd"
    if value != value.quantize(CENT):
        return None, "area-decimals"
    return value.quantize(CENT), None


def _reject_duplicates(
    parsed: Parsed, seen: dict[tuple[str, str, str], list[int]], cells: dict[int, tuple[str, ...]]
) -> None:
    """Both (all) rows of a repeated household are refused: we cannot tell which is right."""
    repeated = {line: group for group in seen.values() if len(group) > 1 for line in group}
    if not repeated:
        return
    parsed.rows = [r for r in parsed.rows if r.line not in repeated]
    for line, group in repeated.items():
        others = ", ".join(str(n) for n in group if n != line)
        parsed.rejections.append(Rejection(line, "duplicate", {"lines": others}, cells[line]))
    parsed.rejections.sort(key=lambda r: r.line)


# ---- applying ------------------------------------------------------------------------
@dataclass(frozen=True)
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changes(self) -> int:
        return self.new + self.updated


@dataclass
class _Existing:
    buildings: dict[str, Building]
    entrances: dict[tuple[int, str], Entrance]
    households: dict[tuple[str, str, str], Household]


async def _load(session: AsyncSession, compound_id: int) -> _Existing:
    buildings = await session.execute(select(Building).where(Building.compound_id == compound_id))
    entrances = await session.execute(
        select(Entrance).join(Building, Building.id == Entrance.building_id)
        .where(Building.compound_id == compound_id)
    )
    households = await session.execute(
        select(Household, Building.name, Entrance.name)
        .join(Building, Building.id == Household.building_id)
        .join(Entrance, Entrance.id == Household.entrance_id)
        .where(Household.compound_id == compound_id)
    )
    return _Existing(
        buildings={b.name: b for b in buildings.scalars()},
        entrances={(e.building_id, e.name): e for e in entrances.scalars()},
        households={(b, e, h.room): h for h, b, e in households},
    )


def _differs(household: Household, row: HouseholdRow) -> bool:
    """An empty optional cell means "not known here": it never erases what is stored."""
    return (
        household.area_m2 != row.area_m2
        or (row.owner_name is not None and household.owner_name != row.owner_name)
        or (row.phone is not None and household.phone != row.phone)
        or (row.developer is not None and household.developer != row.developer)
    )


async def preview(session: AsyncSession, compound_id: int, rows: list[HouseholdRow]) -> Counts:
    """What applying would do, without writing anything."""
    existing = await _load(session, compound_id)
    new = sum(1 for r in rows if r.key not in existing.households)
    updated = sum(1 for r in rows if (h := existing.households.get(r.key)) and _differs(h, r))
    return Counts(new, updated, len(rows) - new - updated)


async def apply(
    session: AsyncSession, clock: Clock, compound_id: int, rows: list[HouseholdRow],
    *, actor_id: int | None, rejected: int = 0, source: str,
) -> Counts:
    """All rows or none: one transaction, committed here, rolled back on any error."""
    try:
        counts = await _write(session, clock, compound_id, rows)
        audit.record(
            session, clock, "household.import", actor_id=actor_id, compound_id=compound_id,
            new=counts.new, updated=counts.updated, unchanged=counts.unchanged,
            rejected=rejected, source=source,
        )
        await session.commit()
    except BaseException:
        await session.rollback()
        raise
    return counts


async def _write(
    session: AsyncSession, clock: Clock, compound_id: int, rows: list[HouseholdRow]
) -> Counts:
    existing = await _load(session, compound_id)
    now = clock.now()
    new = updated = 0
    for row in rows:
        household = existing.households.get(row.key)
        if household is None:
            entrance = await _entrance(session, existing, compound_id, row)
            household = Household(
                compound_id=compound_id, building_id=entrance.building_id,
                entrance_id=entrance.id, room=row.room,
                sort_key=natural_key("/".join(row.key))[:80], area_m2=row.area_m2,
                owner_name=row.owner_name, phone=row.phone,
                developer=bool(row.developer), updated_at=now,
            )
            session.add(household)
            existing.households[row.key] = household
            new += 1
        elif _differs(household, row):
            household.area_m2 = row.area_m2
            household.owner_name = row.owner_name or household.owner_name
            household.phone = row.phone or household.phone
            if row.developer is not None:
                household.developer = row.developer
            household.updated_at = now
            updated += 1
    await session.flush()
    return Counts(new, updated, len(rows) - new - updated)


async def _entrance(
    session: AsyncSession, existing: _Existing, compound_id: int, row: HouseholdRow
) -> Entrance:
    building = existing.buildings.get(row.building)
    if building is None:
        building = Building(compound_id=compound_id, name=row.building,
                            sort_key=natural_key(row.building)[:80])
        session.add(building)
        await session.flush()
        existing.buildings[row.building] = building
    entrance = existing.entrances.get((building.id, row.entrance))
    if entrance is None:
        entrance = Entrance(building_id=building.id, name=row.entrance,
                            sort_key=natural_key(row.entrance)[:80])
        session.add(entrance)
        await session.flush()
        existing.entrances[(building.id, row.entrance)] = entrance
    return entrance


# ---- reporting -----------------------------------------------------------------------
def _column(name: str) -> dict[str, Any]:
    return fragment("import-col-" + name.replace("_", "-"))


def reason(rejection: Rejection) -> dict[str, Any]:
    args = dict(rejection.args)
    if "field" in args:
        args["field"] = _column(args["field"])
    return fragment("import-reason-" + rejection.code, **args)


def file_problem(error: ImportFileError) -> dict[str, Any]:
    """Why the whole file was refused, as one localized fragment."""
    if error.code == "missing-columns":
        missing = [fragment("import-missing-item", name=_column(c)) for c in error.args_["missing"]]
        found = " | ".join(error.args_["found"])
        return fragment("import-file-missing-columns", missing=lines(*missing),
                        found=found[:300] or "—")
    return fragment("import-file-" + error.code)


def report(
    parsed: Parsed, counts: Counts, *, compound: str, limit: int | None = None
) -> list[dict[str, Any]]:
    """The report as localized fragments, one per line; `limit` caps the rejections shown."""
    out = [
        fragment("import-report-title", compound=compound,
                 total=len(parsed.rows) + parsed.rejected_lines),
        fragment("import-report-accepted", accepted=len(parsed.rows), new=counts.new,
                 updated=counts.updated, unchanged=counts.unchanged),
    ]
    if parsed.rejections:
        out.append(fragment("import-report-rejected", count=parsed.rejected_lines))
        shown = parsed.rejections if limit is None else parsed.rejections[:limit]
        out += [fragment("import-report-line", line=str(r.line), reason=reason(r))
                for r in shown]
        if len(shown) < len(parsed.rejections):
            out.append(fragment("import-report-more", count=len(parsed.rejections) - len(shown)))
    return out


def rejection_table(
    parsed: Parsed, labels: tuple[str, str], render: Callable[[dict[str, Any]], str]
) -> list[list[str]]:
    """Every rejection with its line, reason and the original cells, for a CSV file."""
    table = [[*labels, *parsed.header]]
    table += [[str(r.line), render(reason(r)), *r.cells] for r in parsed.rejections]
    return table
