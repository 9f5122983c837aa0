"""Privacy through the emulator: groups never see private phones or rooms; /forgetme."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.person import Person
from models.registry import Building, Compound, LinkStatus, Residency
from models.roles import AuditEntry, Role, RoleGrant, TeamMember
from services.privacy import FORGOTTEN_NAME
from tests.emulator.state import User
from tests.factories_directory import (
    CODES,
    LEADER_PHONE_PRIVATE,
    LOCALES,
    RESIDENT_PHONE_PRIVATE,
    RESIDENT_ROOM,
    STEWARD_PHONE_PUBLIC,
    Scene,
    add_team_member,
    bind_group,
    count,
    grant,
    neighbourhood,
)
from tests.harness import Harness

SECRETS = (LEADER_PHONE_PRIVATE, RESIDENT_PHONE_PRIVATE, RESIDENT_ROOM, "501", "502")
PRIVATE_ONLY = {"zh-Hans": "请私聊我", "zh-Hant": "請私訊我", "en": "message me privately"}
UNBOUND = {"zh-Hans": "还没有和小区关联", "zh-Hant": "還沒有和社區連結", "en": "not linked"}
CONFIRM = {"zh-Hans": "确定要删除您在红管家里的个人信息吗？",
           "zh-Hant": "確定要刪除您在紅管家裡的個人資料嗎？",
           "en": "Do you want me to delete your personal data from Red Steward?"}
YES = {"zh-Hans": "确定删除", "zh-Hant": "確定刪除", "en": "Yes, delete it"}
NO = {"zh-Hans": "先不删了", "zh-Hant": "先不刪了", "en": "No, keep it"}
KEPT = {"zh-Hans": "什么都没有删", "zh-Hant": "什麼都沒有刪", "en": "nothing was deleted"}
DONE = {"zh-Hans": "已经删除了您的个人信息", "zh-Hant": "已經刪除了您的個人資料",
        "en": "Your personal data has been deleted"}
GREETING = {"zh-Hans": "我是红管家", "zh-Hant": "我是紅管家", "en": "I am Red Steward"}
GONE = {"zh-Hans": "不再使用红管家", "zh-Hant": "不再使用紅管家", "en": "no longer uses"}
MESSAGE = {"zh-Hans": "✉️ 给Zhou留言", "zh-Hant": "✉️ 給Zhou留言", "en": "✉️ Message Zhou"}
REPLY = {"zh-Hans": "↩️ 回复", "zh-Hant": "↩️ 回覆", "en": "↩️ Reply"}


async def seed(h: Harness, resident: User, locale: str,
               users: dict[str, User] | None = None) -> Scene:
    async with h.app.sessions() as s:
        return await neighbourhood(s, h.clock, resident, locale, users=users, locale=locale)


def text_of(h: Harness, chat: object, message_id: int) -> str:
    """A message's current text, after any edits."""
    found = h.emu.message(chat, message_id)  # type: ignore[arg-type]
    return str((found or {}).get("text", ""))


@pytest.mark.parametrize("locale", LOCALES)
async def test_group_contacts_show_public_information_only(h: Harness, locale: str) -> None:
    mei = h.emu.add_user("Mei", language_code=CODES[locale], started=True)
    b3_group = h.emu.add_group("3号楼", members=[mei], bot_status="member")
    estate = h.emu.add_group("阳光花园", members=[mei], bot_status="member")
    loose = h.emu.add_group("闲聊", members=[mei], bot_status="member")
    scene = await seed(h, mei, locale)
    async with h.app.sessions() as s:
        compound = await s.get(Compound, scene.compound_id)
        b3 = await s.get(Building, scene.building_id)
        assert compound is not None and b3 is not None
        await bind_group(s, h.clock, b3_group.id, compound, b3)
        await bind_group(s, h.clock, estate.id, compound, None)
        await s.commit()

    for group in (b3_group, estate):
        await h.send(mei, "/contacts", chat=group)
        await h.send(mei, "/profile", chat=group)
        assert PRIVATE_ONLY[locale] in (h.emu.last(group.id).text or "")
        await h.send(mei, "/forgetme", chat=group)
    await h.send(mei, "/contacts", chat=loose)
    assert UNBOUND[locale] in (h.emu.last(loose.id).text or "")
    await h.deliver()

    building_view = h.emu.sent(b3_group.id)[0]
    shown = building_view.text or ""
    assert "Lin" in shown and STEWARD_PHONE_PUBLIC in shown and "Fang" not in shown
    assert "Fang" in (h.emu.sent(estate.id)[0].text or "")  # the compound's view
    for group in (b3_group, estate, loose):
        for message in h.emu.sent(group.id):
            for secret in SECRETS:
                assert secret not in (message.text or ""), (secret, message.text)
            rows = (message.reply_markup or {}).get("inline_keyboard") or []
            assert all("url" in b and "callback_data" not in b for row in rows for b in row)
    link = (building_view.reply_markup or {})["inline_keyboard"][0][0]["url"]
    assert link.endswith(f"?start=dir_{scene.compound_id}_{scene.building_id}")

    # The group's button opens the same directory in private, with message buttons.
    await h.send(mei, "/start " + link.split("start=")[1])
    private = h.emu.last(mei.id)
    assert "Lin" in (private.text or "") and MESSAGE[locale] in h.emu.buttons(private)


@pytest.mark.parametrize("locale", LOCALES)
async def test_forgetme_removes_personal_data_after_confirmation(
    h: Harness, locale: str
) -> None:
    mei = h.emu.add_user("Mei", language_code=CODES[locale], username="mei_3", started=True)
    zhou = h.emu.add_user("Zhou", language_code=CODES[locale], started=True)
    scene = await seed(h, mei, locale, users={"Zhou": zhou})
    async with h.app.sessions() as s:
        compound = await s.get(Compound, scene.compound_id)
        b3 = await s.get(Building, scene.building_id)
        me = await s.get(Person, scene.ids["Mei"])
        assert compound is not None and b3 is not None and me is not None
        await grant(s, h.clock, me, compound, Role.LIAISON_HEAD, b3)
        await add_team_member(s, h.clock, compound, "cleaning", me)
        await s.commit()
    # Mei wrote to Zhou once; Zhou will try to answer after she is gone.
    await h.send(mei, "/contacts")
    await h.press(mei, h.emu.last(mei.id).message_id, MESSAGE[locale])
    await h.send(mei, "谢谢 thanks")
    await h.deliver()
    incoming = h.emu.last(zhou.id)

    await h.send(mei, "/forgetme")
    ask = h.emu.last(mei.id)
    assert CONFIRM[locale] in (ask.text or "")
    assert h.emu.buttons(ask) == [YES[locale], NO[locale]]
    await h.press(mei, ask.message_id, NO[locale])
    assert KEPT[locale] in text_of(h, mei, ask.message_id)
    async with h.app.sessions() as s:
        assert (await s.get(Person, scene.ids["Mei"])).tg_id == mei.id  # type: ignore[union-attr]

    await h.send(mei, "/forgetme")
    ask = h.emu.last(mei.id)
    await h.press(mei, ask.message_id, YES[locale])
    assert DONE[locale] in text_of(h, mei, ask.message_id)
    await check_forgotten(h, scene)

    # The old button cannot reach the fresh person the next update creates.
    assert h.emu.buttons(h.emu.last(mei.id)) == []
    cq = h.emu.press_data(mei, mei, ask.message_id, f"fg:y:{scene.ids['Mei']}")
    await h.settle()
    assert (h.emu.callback_answer(cq) or {}).get("show_alert")
    await h.send(mei, "/start")
    assert GREETING[locale] in (h.emu.last(mei.id).text or "")
    async with h.app.sessions() as s:
        fresh = (await s.execute(select(Person).where(Person.tg_id == mei.id))).scalar_one()
        assert fresh.id != scene.ids["Mei"] and fresh.forgotten_at is None
        assert (fresh.first_name, fresh.username, fresh.phone) == ("Mei", "mei_3", None)
        assert await count(s, Residency, Residency.person_id == fresh.id) == 0

    gone = await h.press(zhou, incoming.message_id, REPLY[locale])
    assert gone is not None and GONE[locale] in gone["text"]


async def check_forgotten(h: Harness, scene: Scene) -> None:
    pid = scene.ids["Mei"]
    async with h.app.sessions() as s:
        gone = await s.get(Person, pid)
        assert gone is not None
        assert (gone.tg_id, gone.first_name, gone.username, gone.phone) == (
            None, FORGOTTEN_NAME, None, None)
        assert gone.forgotten_at is not None and not gone.phone_public
        homes = (await s.execute(select(Residency.status).where(Residency.person_id == pid)))
        assert set(homes.scalars()) == {LinkStatus.ENDED}
        assert await count(s, RoleGrant, RoleGrant.person_id == pid,
                           RoleGrant.revoked_at.is_(None)) == 0
        assert await count(s, TeamMember, TeamMember.person_id == pid) == 0
        entry = (await s.execute(select(AuditEntry).where(
            AuditEntry.action == "person.forget"))).scalar_one()
        assert entry.subject_id == pid
        assert "Mei" not in str(entry.detail) and RESIDENT_PHONE_PRIVATE not in str(entry.detail)
