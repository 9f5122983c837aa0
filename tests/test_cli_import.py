"""`python -m bot import-households`: the report, what is applied, and the exit codes."""

from __future__ import annotations

import asyncio
import os
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import Household
from services.clock import FrozenClock
from services.registry import create_compound

ROOT = Path(__file__).resolve().parent.parent
GOOD = "楼栋,单元,房号,面积,业主\n1,1,101,89.5,王秀英\n1,1,102,60,\n"
MIXED = GOOD + "1,1,103,abc,\n"


async def run(
    cwd: Path, db_url: str, *args: str, locale: str = "zh-Hans"
) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "DATABASE_"))}
    env.update(DATABASE_URL=db_url, DEFAULT_LOCALE=locale, PYTHONPATH=str(ROOT))
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "import-households", *args, cwd=cwd, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    return proc.returncode or 0, out.decode(), err.decode()


@pytest.fixture
async def compound_id(session: AsyncSession, clock: FrozenClock) -> int:
    compound = await create_compound(session, clock, "Sunny Garden", None)
    await session.commit()
    return compound.id


async def rooms(session: AsyncSession) -> dict[str, Decimal]:
    await session.commit()  # see what the other process wrote
    rows = await session.execute(select(Household.room, Household.area_m2))
    return {room: area for room, area in rows}


def csv_file(tmp_path: Path, text: str, encoding: str = "gbk") -> str:
    path = tmp_path / "households.csv"
    path.write_bytes(text.encode(encoding))
    return str(path)


async def test_a_good_file_is_imported_and_reimporting_changes_nothing(
    tmp_path: Path, db_url: str, compound_id: int, session: AsyncSession
) -> None:
    path = csv_file(tmp_path, GOOD)
    code, out, err = await run(tmp_path, db_url, "--compound", str(compound_id), path)
    assert (code, err) == (0, "")
    assert "可以导入 2 行：新增 2 户" in out
    assert "导入完成：新增 2 户，更新 0 户，0 户没有变化。" in out
    assert await rooms(session) == {"101": Decimal("89.50"), "102": Decimal("60.00")}

    code, out, _ = await run(tmp_path, db_url, "--compound", str(compound_id), path)
    assert code == 0 and "没有需要改动的地方" in out


async def test_rejections_apply_nothing_unless_partial_is_accepted(
    tmp_path: Path, db_url: str, compound_id: int, session: AsyncSession
) -> None:
    path = csv_file(tmp_path, MIXED, "utf-8-sig")
    code, out, _ = await run(tmp_path, db_url, "--compound", str(compound_id), path)
    assert code == 1
    assert "第 4 行：面积“abc”不是数字" in out and "这次什么都没有导入" in out
    assert await rooms(session) == {}

    code, out, _ = await run(tmp_path, db_url, "--compound", str(compound_id), path,
                             "--accept-partial")
    assert code == 1 and "导入完成：新增 2 户" in out
    assert set(await rooms(session)) == {"101", "102"}


async def test_dry_run_writes_nothing_and_speaks_the_default_locale(
    tmp_path: Path, db_url: str, compound_id: int, session: AsyncSession
) -> None:
    path = csv_file(tmp_path, GOOD)
    code, out, _ = await run(tmp_path, db_url, "--compound", str(compound_id), path,
                             "--dry-run", locale="en")
    assert code == 0
    assert "2 rows can be imported: 2 new households" in out
    assert "Dry run: nothing was written." in out
    assert await rooms(session) == {}


async def test_a_file_missing_columns_exits_1(
    tmp_path: Path, db_url: str, compound_id: int
) -> None:
    path = csv_file(tmp_path, "楼栋,房号\n1,101\n")
    code, out, _ = await run(tmp_path, db_url, "--compound", str(compound_id), path,
                             locale="zh-Hant")
    assert code == 1 and "缺少必要的欄位" in out and "· 單元" in out


async def test_unknown_compound_and_missing_file_exit_2_with_one_line(
    tmp_path: Path, db_url: str, compound_id: int
) -> None:
    path = csv_file(tmp_path, GOOD)
    code, out, err = await run(tmp_path, db_url, "--compound", "999", path)
    assert code == 2 and out == ""
    assert err.strip() == "red-steward: --compound: no compound with id 999"

    code, _, err = await run(tmp_path, db_url, "--compound", str(compound_id),
                             str(tmp_path / "nope.csv"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "FILE" in err
