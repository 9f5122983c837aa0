"""/import through the emulator: upload, report, Apply or Cancel, and every refusal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from models.registry import Household
from models.roles import AuditEntry, Role, RoleGrant
from services import people
from services.registry import create_compound
from tests.emulator.state import SentMessage, User
from tests.harness import Harness

CSV = "text/csv"
MIXED = ("楼栋,单元,房号,面积,业主姓名,电话\n"
         "1,1,101,89.5,王秀英,13800000000\n"
         "1,1,102,abc,,\n"
         "2,1,201,120.25,,\n"
         "2,1,202,-3,,\n")

TEXTS: dict[str, dict[str, str]] = {
    "zh-hans": {
        "prompt": "请把表格另存为 CSV 文件",
        "accepted": "可以导入 2 行：新增 2 户，更新 0 户，0 户没有变化",
        "bad": "第 3 行：面积“abc”不是数字",
        "bad2": "第 5 行：面积“-3”必须大于 0",
        "apply": "确认导入",
        "cancel": "取消",
        "applied": "导入完成：新增 2 户，更新 0 户，0 户没有变化。",
        "expired": "这次导入已经处理过或已失效",
        "cancelled": "已取消，名册没有任何改动。",
    },
    "zh-hant": {
        "prompt": "請把表格另存為 CSV 檔案",
        "accepted": "可以匯入 2 列：新增 2 戶，更新 0 戶，0 戶沒有變化",
        "bad": "第 3 列：面積「abc」不是數字",
        "bad2": "第 5 列：面積「-3」必須大於 0",
        "apply": "確認匯入",
        "cancel": "取消",
        "applied": "匯入完成：新增 2 戶，更新 0 戶，0 戶沒有變化。",
        "expired": "這次匯入已經處理過或已失效",
        "cancelled": "已取消，名冊沒有任何變更。",
    },
    "en": {
        "prompt": "Save the spreadsheet as a CSV file",
        "accepted": "2 rows can be imported: 2 new households, 0 updated, 0 unchanged",
        "bad": 'line 3: area "abc" is not a number',
        "bad2": 'line 5: area "-3" must be greater than 0',
        "apply": "Apply",
        "cancel": "Cancel",
        "applied": "Imported: 2 new households, 0 updated, 0 unchanged.",
        "expired": "already handled or has expired",
        "cancelled": "Cancelled. The register was not changed.",
    },
}


async def make_admin(h: Harness, user: User, *compounds: str) -> list[int]:
    async with h.app.sessions() as s:
        person = await people.meet(s, h.clock, people.TelegramUser(
            id=user.id, first_name=user.first_name, language_code=user.language_code), "zh-Hans")
        ids = []
        for name in compounds:
            compound = await create_compound(s, h.clock, name, person)
            s.add(RoleGrant(compound_id=compound.id, person_id=person.id, role=Role.ADMIN,
                            granted_at=h.clock.now()))
            ids.append(compound.id)
        await s.commit()
    return ids


async def households(h: Harness) -> dict[str, tuple[Decimal, str | None]]:
    async with h.app.sessions() as s:
        rows = await s.execute(select(Household.room, Household.area_m2, Household.owner_name))
    return {room: (area, owner) for room, area, owner in rows}


async def audits(h: Harness) -> int:
    async with h.app.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def data_of(msg: SentMessage, label: str) -> str:
    rows = (msg.reply_markup or {}).get("inline_keyboard") or []
    return next(b["callback_data"] for row in rows for b in row if b["text"] == label)


async def upload(h: Harness, user: User, body: bytes, **kwargs: Any) -> SentMessage:
    await h.send(user, document=("households.csv", body, CSV), **kwargs)
    return h.emu.last(user.id)


@pytest.mark.parametrize("code", list(TEXTS))
async def test_admin_imports_a_register_after_checking_the_report(h: Harness, code: str) -> None:
    t = TEXTS[code]
    admin = h.emu.add_user("Admin", language_code=code)
    await make_admin(h, admin, "Sunny Garden")
    await h.send(admin, "/import")
    assert t["prompt"] in h.emu.last(admin.id).text
    assert "Sunny Garden" in h.emu.last(admin.id).text

    report = await upload(h, admin, MIXED.encode("gbk"))
    assert t["accepted"] in report.text
    assert t["bad"] in report.text and t["bad2"] in report.text
    assert h.emu.buttons(report) == [t["apply"], t["cancel"]]
    assert await households(h) == {}  # nothing until Apply

    apply = data_of(report, t["apply"])
    await h.press(admin, report.message_id, t["apply"])
    assert h.emu.last(admin.id).text == t["applied"]
    assert await households(h) == {"101": (Decimal("89.50"), "王秀英"),
                                   "201": (Decimal("120.25"), None)}
    assert h.emu.buttons(h.emu.message(admin.id, report.message_id)) == []

    # A second press of the same Apply (a double tap) changes nothing.
    query = h.emu.press_data(admin, None, report.message_id, apply)
    await h.settle()
    assert t["expired"] in h.emu.callback_answer(query)["text"]
    assert await audits(h) == 1


async def test_double_tap_on_apply_applies_once(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="zh-hans")
    await make_admin(h, admin, "Sunny Garden")
    report = await upload(h, admin, MIXED.encode(), caption="/import")
    data = data_of(report, "确认导入")
    h.emu.press_data(admin, None, report.message_id, data)
    h.emu.press_data(admin, None, report.message_id, data)
    await h.settle()
    assert [m.text for m in h.emu.sent(admin.id)].count(TEXTS["zh-hans"]["applied"]) == 1
    assert await audits(h) == 1
    assert len(await households(h)) == 2


async def test_reimport_reports_updates_and_unchanged(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="en")
    await make_admin(h, admin, "Sunny Garden")
    report = await upload(h, admin, MIXED.encode(), caption="/import")
    await h.press(admin, report.message_id, "Apply")

    changed = MIXED.replace("120.25", "121") + "3,1,301,50.5,李,\n"
    report = await upload(h, admin, changed.encode("gbk"), caption="/import")
    assert "1 new households, 1 updated, 1 unchanged" in report.text
    await h.press(admin, report.message_id, "Apply")
    assert h.emu.last(admin.id).text == "Imported: 1 new households, 1 updated, 1 unchanged."
    assert await households(h) == {"101": (Decimal("89.50"), "王秀英"),
                                   "201": (Decimal("121.00"), None),
                                   "301": (Decimal("50.50"), "李")}

    report = await upload(h, admin, changed.encode(), caption="/import")
    assert "Nothing differs" in report.text and h.emu.buttons(report) == []


async def test_cancel_changes_nothing(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="zh-hant")
    await make_admin(h, admin, "Sunny Garden")
    report = await upload(h, admin, MIXED.encode(), caption="/import")
    await h.press(admin, report.message_id, "取消")
    assert h.emu.last(admin.id).text == TEXTS["zh-hant"]["cancelled"]
    assert await households(h) == {} and await audits(h) == 0


async def test_admin_of_several_compounds_picks_one(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="zh-hans")
    await make_admin(h, admin, "Sunny Garden", "Moon Court")
    await upload(h, admin, MIXED.encode(), caption="/import")
    menu = h.emu.last(admin.id)
    assert h.emu.buttons(menu) == ["Sunny Garden", "Moon Court"]
    await h.press(admin, menu.message_id, "Moon Court")
    report = h.emu.last(admin.id)
    assert "Moon Court" in report.text and "新增 2 户" in report.text


async def test_someone_else_cannot_press_apply(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="zh-hans")
    other = h.emu.add_user("Other", language_code="zh-hans")
    await make_admin(h, admin, "Sunny Garden")
    await make_admin(h, other, "Moon Court")
    report = await upload(h, admin, MIXED.encode(), caption="/import")
    query = h.emu.press_data(other, admin.id, report.message_id, data_of(report, "确认导入"))
    await h.settle()
    assert "只有上传这份名册的管理员" in h.emu.callback_answer(query)["text"]
    assert await households(h) == {}


async def test_non_admin_is_refused(h: Harness) -> None:
    resident = h.emu.add_user("Resident", language_code="zh-hans")
    await h.send(resident, "/import")
    assert h.emu.last(resident.id).text == (
        "您在任何小区都没有这项权限。如有需要，请联系小区管理员。")
    await upload(h, resident, MIXED.encode(), caption="/import")
    assert "没有这项权限" in h.emu.last(resident.id).text
    await upload(h, resident, MIXED.encode())  # a bare file, no /import before it
    assert await households(h) == {}
    assert not any(m == "getFile" for m, _ in h.emu.calls)


@pytest.mark.parametrize(("code", "expected"), [
    ("zh-hans", "这个文件太大了，我只能接收 2 MB 以内的文件"),
    ("zh-hant", "這個檔案太大了，我只能接收 2 MB 以內的檔案"),
    ("en", "This file is too big: I can take files up to 2 MB"),
])
async def test_a_20_mb_file_is_refused_before_downloading(
    h: Harness, code: str, expected: str
) -> None:
    admin = h.emu.add_user("Admin", language_code=code)
    await make_admin(h, admin, "Sunny Garden")
    big = MIXED.encode() + b"9,9,999,50\n" * (20 * 1024 * 1024 // 11)
    reply = await upload(h, admin, big, caption="/import")
    assert expected in reply.text
    assert not any(m == "getFile" for m, _ in h.emu.calls)
    # still waiting: a proper file goes through
    report = await upload(h, admin, MIXED.encode())
    assert h.emu.buttons(report)


@pytest.mark.parametrize(("code", "expected"), [
    ("zh-hans", ["缺少必需的列", "· 单元", "· 面积", "楼栋 | 房号 | 业主"]),
    ("zh-hant", ["缺少必要的欄位", "· 單元", "· 面積", "楼栋 | 房号 | 业主"]),
    ("en", ["lacks required columns", "· entrance", "· area", "楼栋 | 房号 | 业主"]),
])
async def test_a_missing_column_refuses_the_file(
    h: Harness, code: str, expected: list[str]
) -> None:
    admin = h.emu.add_user("Admin", language_code=code)
    await make_admin(h, admin, "Sunny Garden")
    reply = await upload(h, admin, "楼栋,房号,业主\n1,101,张三\n".encode("gbk"), caption="/import")
    for part in expected:
        assert part in reply.text
    assert h.emu.buttons(reply) == [] and await households(h) == {}


async def test_not_a_csv_and_not_a_file(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="zh-hans")
    await make_admin(h, admin, "Sunny Garden")
    await h.send(admin, "/import")
    await h.send(admin, "1,1,101,50")
    assert "以“文件”的形式发给我" in h.emu.last(admin.id).text
    await h.send(admin, photo=b"\x89PNG fake")
    assert "以“文件”的形式发给我" in h.emu.last(admin.id).text
    xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" * 20
    await h.send(admin, document=("households.xlsx", xlsx, "application/vnd.ms-excel"))
    assert "另存为" in h.emu.last(admin.id).text
    assert await households(h) == {}


async def test_a_long_rejection_list_comes_as_a_file(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="zh-hans")
    await make_admin(h, admin, "Sunny Garden")
    bad = "".join(f"3,1,{i},{'x' * 30}{i}\n" for i in range(100))
    before = len(h.emu.sent(admin.id))
    await h.send(admin, document=("h.csv", (MIXED + bad).encode(), CSV), caption="/import")
    new = h.emu.sent(admin.id)[before:]
    texts = [m for m in new if m.document is None]
    assert all(len(m.text or "") <= 4096 for m in new)
    assert sum(t.text.count("：面积“") for t in texts) == 30
    assert "还有 72 条" in texts[-1].text
    assert h.emu.buttons(texts[-1]) == ["确认导入", "取消"]
    (doc,) = [m for m in new if m.document is not None]
    name, body = doc.document
    assert name == "rejected.csv" and body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0] == "行号,原因,楼栋,单元,房号,面积,业主姓名,电话"
    assert len(lines) == 1 + 102
    assert "102" in doc.text


async def test_import_in_a_group_points_to_private_chat(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="en")
    group = h.emu.add_group("Building 1", members=[admin], bot_status="member")
    await h.send(admin, "/import", chat=group)
    assert h.emu.last(group.id).text.startswith("Please send /import to me in a private chat")


async def test_a_second_file_replaces_the_pending_report(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="en")
    await make_admin(h, admin, "Sunny Garden", "Moon Court")
    await h.send(admin, "/import")
    await h.press(admin, h.emu.last(admin.id).message_id, "Sunny Garden")
    assert "Sunny Garden" in h.emu.last(admin.id).text
    first = await upload(h, admin, MIXED.encode())
    old_apply = data_of(first, "Apply")
    second = await upload(h, admin, (MIXED + "3,1,301,40\n").encode())
    assert "3 new households" in second.text

    query = h.emu.press_data(admin, None, first.message_id, old_apply)
    await h.settle()
    assert "expired" in h.emu.callback_answer(query)["text"]
    assert await households(h) == {}
    await h.press(admin, second.message_id, "Apply")
    assert set(await households(h)) == {"101", "201", "301"}
