"""/grant, /revoke, /roles, /team, /partymember, /badge and /help through the emulator."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from models.roles import Role, RoleGrant, TeamMember
from tests.harness import Harness
from tests.test_setup_e2e import (
    CODES,
    LOCALES,
    audit_rows,
    bind,
    count,
    grant_role,
    make_compound,
    person_of,
)

# Someone else's language, so that the notice is seen to follow the recipient.
OTHER = {"zh-Hans": "zh-Hant", "zh-Hant": "en", "en": "zh-Hans"}
STEWARD_REPAIRS = {"zh-Hans": "红管家 维修", "zh-Hant": "紅管家 維修", "en": "steward repairs"}
GRANTED = {
    "zh-Hans": "好的，Rui 现在是“Happy Garden”的管家（维修队）。",
    "zh-Hant": "好的，Rui 現在是「Happy Garden」的管家（維修隊）。",
    "en": 'Done: Rui is now steward (Repairs) of "Happy Garden".',
}
NOTICE = {
    "zh-Hans": "您好！您已被任命为“Happy Garden”的管家（维修队）。",
    "zh-Hant": "您好！您已被任命為「Happy Garden」的管家（維修隊）。",
    "en": 'Hello! You are now steward (Repairs) of "Happy Garden".',
}
REVOKED_NOTICE = {
    "zh-Hans": "您好，您在“Happy Garden”的管家角色已经取消。",
    "zh-Hant": "您好，您在「Happy Garden」的管家角色已經取消。",
    "en": 'Hello. You are no longer steward of "Happy Garden".',
}


async def active(h: Harness) -> list[tuple[int, str, int | None]]:
    async with h.app.sessions() as s:
        rows = await s.execute(select(RoleGrant.person_id, RoleGrant.role, RoleGrant.building_id)
                               .where(RoleGrant.revoked_at.is_(None)).order_by(RoleGrant.id))
        return [tuple(r) for r in rows]  # type: ignore[misc]


@pytest.mark.parametrize("locale", LOCALES)
async def test_grant_and_revoke_by_reply_in_a_group(h: Harness, locale: str) -> None:
    admin = h.emu.add_user("Ada", language_code=CODES[locale])
    resident = h.emu.add_user("Rui", language_code=CODES[OTHER[locale]], username="rui")
    compound_id = await make_compound(h, admin)
    group = h.emu.add_group("Happy Garden", admins=[admin], members=[resident],
                            bot_status="member")
    await bind(h, group, compound_id)
    await h.send(resident, "/start")  # so the notice has somewhere to go
    hello = await h.send(resident, "hello", chat=group)

    await h.send(admin, f"/grant {STEWARD_REPAIRS[locale]}", chat=group, reply_to=hello)
    assert h.emu.last(group.id).text == GRANTED[locale] + {
        "zh-Hans": "我已经通知了本人。", "zh-Hant": "我已經通知了本人。",
        "en": " I have let them know."}[locale]
    rui, ada = await person_of(h, resident), await person_of(h, admin)
    assert (rui.id, "steward", None) in await active(h)
    assert await count(h, TeamMember) == 1
    [entry] = await audit_rows(h, "role.grant")
    assert (entry.actor_id, entry.subject_id, entry.compound_id) == (ada.id, rui.id, compound_id)
    assert (entry.detail["role"], entry.detail["team"], entry.at) == ("steward", "repairs",
                                                                      h.clock.now())
    await h.deliver()
    assert h.emu.last(resident.id).text.startswith(NOTICE[OTHER[locale]])

    await h.send(admin, "/roles", chat=group)
    listing = h.emu.last(group.id).text
    assert "Rui @rui" in listing and {"zh-Hans": "维修队", "zh-Hant": "維修隊",
                                      "en": "Repairs"}[locale] in listing

    await h.send(admin, "/revoke steward", chat=group, reply_to=hello)
    assert (rui.id, "steward", None) not in await active(h)
    assert await count(h, TeamMember) == 0
    [gone] = await audit_rows(h, "role.revoke")
    assert (gone.actor_id, gone.subject_id, gone.detail["role"]) == (ada.id, rui.id, "steward")
    await h.deliver()
    assert h.emu.last(resident.id).text.startswith(REVOKED_NOTICE[OTHER[locale]])


PRIVATE_GRANTED = {
    "zh-Hans": "好的，Rui 现在是“Happy Garden”的楼栋长（3）。",
    "zh-Hant": "好的，Rui 現在是「Happy Garden」的樓棟長（3）。",
    "en": 'Done: Rui is now building leader (3) of "Happy Garden".',
}
LEADER_INPUT = {"zh-Hans": "楼栋长", "zh-Hant": "樓棟長", "en": "building_leader"}
ALREADY = {"zh-Hans": "已经是", "zh-Hant": "已經是", "en": "is already"}
NOT_GRANTED = {"zh-Hans": "没有活动组织者这个角色", "zh-Hant": "沒有活動組織者這個角色",
               "en": "is not organizer"}
UNKNOWN_PERSON = {"zh-Hans": "我还不认识这个人", "zh-Hant": "我還不認識這個人",
                  "en": "I don't know this person yet"}
UNKNOWN_ROLE = {"zh-Hans": "没有这个角色", "zh-Hant": "沒有這個角色", "en": "There is no such role"}
UNKNOWN_BUILDING = {"zh-Hans": "没有找到楼栋“99”", "zh-Hant": "沒有找到樓棟「99」",
                    "en": 'There is no building "99"'}
LAST_ADMIN = {"zh-Hans": "唯一的管理员", "zh-Hant": "唯一的管理員", "en": "the only admin"}


@pytest.mark.parametrize("locale", LOCALES)
async def test_grant_in_private_by_username_and_every_refusal(h: Harness, locale: str) -> None:
    admin = h.emu.add_user("Ada", language_code=CODES[locale], username="ada_admin")
    resident = h.emu.add_user("Rui", language_code="en", username="Rui_W")
    await make_compound(h, admin, buildings=5)
    await person_of(h, resident)

    await h.send(admin, f"/grant {LEADER_INPUT[locale]} @rui_w 3号楼")
    assert h.emu.last(admin.id).text.startswith(PRIVATE_GRANTED[locale])
    before = await active(h)
    refusals = [
        (f"/grant {LEADER_INPUT[locale]} @rui_w 3", ALREADY),
        ("/revoke organizer @Rui_W", NOT_GRANTED),
        ("/grant admin @nobody_here", UNKNOWN_PERSON),
        ("/grant boss @rui_w", UNKNOWN_ROLE),
        ("/grant grid_worker @rui_w 99", UNKNOWN_BUILDING),
        ("/revoke admin @ada_admin", LAST_ADMIN),
    ]
    for text, expected in refusals:
        await h.send(admin, text)
        assert expected[locale] in h.emu.last(admin.id).text, text
    assert await active(h) == before
    assert len(await audit_rows(h, "role.grant")) == 1


async def test_an_admin_of_several_compounds_picks_one(h: Harness) -> None:
    admin = h.emu.add_user("Ada", language_code="en")
    resident = h.emu.add_user("Rui", language_code="en")
    await make_compound(h, admin, "North Court")
    south = await make_compound(h, admin, "South Court")
    rui = await person_of(h, resident)
    await h.send(admin, f"/grant organizer {resident.id}")
    menu = h.emu.last(admin.id)
    assert h.emu.buttons(menu) == ["North Court", "South Court"]
    await h.press(admin, menu.message_id, "South Court")
    assert h.emu.last(admin.id).text.startswith('Done: Rui is now organizer of "South Court".')
    async with h.app.sessions() as s:
        grant = (await s.execute(select(RoleGrant).where(RoleGrant.person_id == rui.id))
                 ).scalar_one()
    assert (grant.compound_id, grant.role) == (south, "organizer")
    answer = await h.press(admin, menu.message_id, "North Court")  # the words were used up
    assert answer["text"] == "This button has expired. Please start again."


async def test_party_member_and_badge(h: Harness) -> None:
    admin = h.emu.add_user("Ada", language_code="zh-hans")
    member = h.emu.add_user("Dang", language_code="zh-hans", username="dang")
    compound_id = await make_compound(h, admin)
    await h.send(member, "/badge on")
    assert "只有登记过的党员才能亮身份" in h.emu.last(member.id).text
    await h.send(admin, "/partymember @dang")
    assert h.emu.last(admin.id).text.startswith("已标记 Dang 为党员")
    await h.deliver()
    assert "已将您登记为党员" in h.emu.last(member.id).text
    await h.send(member, "/badge on")
    assert h.emu.last(member.id).text.startswith("好的，已亮出您的党员身份")
    await grant_role(h, member, compound_id, Role.BUILDING_LEADER)
    await h.send(admin, "/roles")
    assert "Dang @dang（党员）" in h.emu.last(admin.id).text
    await h.send(admin, "/partymember @dang off")
    dang = await person_of(h, member)
    assert (dang.party_member, dang.show_badge) == (False, False)
    assert [a.detail["on"] for a in await audit_rows(h, "party.mark")] == [True, False]


async def test_team_management(h: Harness) -> None:
    admin = h.emu.add_user("Ada", language_code="en")
    worker = h.emu.add_user("Wu", language_code="en", username="wu_worker")
    await make_compound(h, admin)
    await person_of(h, worker)
    for text, reply in [
        ("/team add parking Parking patrol", "Team parking is ready."),
        ("/team add Parking Again", "There is already a team with the code or name parking."),
        ("/team rename parking Car park", 'Done: "Parking patrol" is now called "Car park" '
                                          "(parking)."),
        ("/team rr parking", "Car park now takes turns."),
        ("/team join parking @wu_worker", "Wu has joined Car park."),
        ("/team join parking @wu_worker", "Wu is already in Car park."),
    ]:
        await h.send(admin, text)
        assert h.emu.last(admin.id).text == reply, text
    await h.send(admin, "/team")
    assert "· Car park [parking] (takes turns) — Wu @wu_worker" in h.emu.last(admin.id).text
    await h.send(admin, "/team leave parking @wu_worker")
    assert h.emu.last(admin.id).text == "Wu has left Car park."
    assert await count(h, TeamMember) == 0


# ---- /help ------------------------------------------------------------------------------------
def commands_in(text: str) -> set[str]:
    return {line.split()[0][1:] for line in text.splitlines() if line.startswith("/")}


@pytest.mark.parametrize("locale", LOCALES)
async def test_help_fits_the_person_and_the_chat(h: Harness, locale: str) -> None:
    code = CODES[locale]
    resident = h.emu.add_user("Res", language_code=code)
    steward = h.emu.add_user("Stew", language_code=code)
    admin = h.emu.add_user("Adm", language_code=code)
    compound_id = await make_compound(h, admin)
    await grant_role(h, steward, compound_id, Role.STEWARD)
    group = h.emu.add_group("Garden", admins=[admin], members=[resident, steward],
                            bot_status="member")
    await bind(h, group, compound_id)

    seen: dict[tuple[str, str], set[str]] = {}
    for who, user in (("resident", resident), ("steward", steward), ("admin", admin)):
        await h.send(user, "/help")
        seen[who, "private"] = commands_in(h.emu.last(user.id).text)
        await h.send(user, "/help", chat=group)
        seen[who, "group"] = commands_in(h.emu.last(group.id).text)

    assert {"start", "help", "lang", "badge"} <= seen["resident", "private"]
    assert not {"roles", "grant", "team", "newcompound"} & seen["resident", "private"]
    assert seen["steward", "private"] - seen["resident", "private"] >= {"roles"}
    assert "grant" not in seen["steward", "private"]
    assert {"grant", "revoke", "roles", "team", "partymember"} <= seen["admin", "private"]
    assert "newcompound" not in seen["admin", "private"]
    assert "setup" not in seen["admin", "private"]  # a group command

    assert "roles" not in seen["resident", "group"] and "help" in seen["resident", "group"]
    assert "roles" in seen["steward", "group"] and "grant" not in seen["steward", "group"]
    assert {"setup", "grant", "revoke", "roles"} <= seen["admin", "group"]
    assert "start" not in seen["admin", "group"]


async def test_help_for_a_superadmin_shows_compound_creation(make_harness: Any, emu: Any) -> None:
    boss = emu.add_user("Boss", language_code="en")
    h = await make_harness(superadmin_ids=(boss.id,))
    await h.send(boss, "/help")
    assert {"newcompound", "grant", "team"} <= commands_in(h.emu.last(boss.id).text)


async def test_role_commands_in_an_unbound_group_and_badge_in_a_group(h: Harness) -> None:
    admin = h.emu.add_user("Ada", language_code="zh-tw")
    await make_compound(h, admin)
    group = h.emu.add_group("New group", admins=[admin], bot_status="member")
    await h.send(admin, "/roles", chat=group)
    assert h.emu.last(group.id).text == (
        "本群組還沒有設定屬於哪個社區。請社區管理員先在本群組傳送 /setup。")
    await h.send(admin, "/badge on", chat=group)
    assert h.emu.last(group.id).text == "亮身分請私訊我傳送 /badge on 或 /badge off。"
