"""/contacts, relayed messages, /qr, /contactadd and /contactdel, /profile through the emulator."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import select

from models.person import Person
from models.registry import Building, Compound, LinkStatus
from models.roles import DirectoryEntry, Role
from tests.emulator import BotApiEmulator
from tests.emulator.state import User
from tests.factories_directory import (
    CODES,
    LEADER_PHONE_PRIVATE,
    LOCALES,
    RESIDENT_PHONE_PRIVATE,
    RESIDENT_ROOM,
    STEWARD_PHONE_PUBLIC,
    Scene,
    add_compound,
    add_home,
    add_person,
    grant,
    neighbourhood,
    send_contact,
)
from tests.harness import Harness, HarnessFactory

LEADERS = {"zh-Hans": "【楼里的负责人】", "zh-Hant": "【大樓裡的負責人】",
           "en": "[People who look after the building]"}
LEADER_LINE = {"zh-Hans": "· 楼栋长：Lin", "zh-Hant": "· 樓棟長：Lin",
               "en": "· building leader: Lin"}
STEWARD_LINE = {"zh-Hans": f"· 维修队：Zhou（电话 {STEWARD_PHONE_PUBLIC}）",
                "zh-Hant": f"· 維修隊：Zhou（電話 {STEWARD_PHONE_PUBLIC}）",
                "en": f"· Repairs: Zhou (tel. {STEWARD_PHONE_PUBLIC})"}
PARTY_LINE = {"zh-Hans": "· 党员 Hong", "zh-Hant": "· 黨員 Hong", "en": "· Party member Hong"}
POLICE_LINE = {"zh-Hans": "· 派出所：110（24小时）", "zh-Hant": "· 派出所：110（24小时）",
               "en": "· 派出所: 110 (24小时)"}
MESSAGE = {"zh-Hans": "✉️ 给{}留言", "zh-Hant": "✉️ 給{}留言", "en": "✉️ Message {}"}
SENT = {"zh-Hans": "已经转达给Zhou了", "zh-Hant": "已經轉達給Zhou了", "en": "Passed on to Zhou."}
INCOMING = {"zh-Hans": "通过红管家给您留言", "zh-Hant": "透過紅管家給您留言",
            "en": "sent you a message through Red Steward"}
REPLY = {"zh-Hans": "↩️ 回复", "zh-Hant": "↩️ 回覆", "en": "↩️ Reply"}
BLOCK_3 = {"zh-Hans": "3号楼", "zh-Hant": "3號樓", "en": "Block 3"}
PLACE = {"zh-Hans": "阳光花园 3号楼", "zh-Hant": "阳光花园 3號樓",
         "en": "阳光花园, Block 3"}
NO_RIGHT = {"zh-Hans": "没有这项权限", "zh-Hant": "沒有這項權限", "en": "permission"}
NOT_ALLOWED = {"zh-Hans": "没有这项权限", "zh-Hant": "沒有這項權限", "en": "not allowed"}
NOT_YOURS = {"zh-Hans": "您自己的手机号", "zh-Hant": "您自己的手機號碼", "en": "your own number"}
NOT_A_PHONE = {"zh-Hans": "号码好像不太对", "zh-Hant": "號碼好像不太對",
               "en": "does not look like a phone"}
WHOLE = {"zh-Hans": "整个小区", "zh-Hant": "整個社區", "en": "Whole compound"}


async def seed(h: Harness, resident: User | None, locale: str,
               users: dict[str, User] | None = None) -> Scene:
    async with h.app.sessions() as s:
        return await neighbourhood(s, h.clock, resident, locale, users=users, locale=locale)


@pytest.mark.parametrize("locale", LOCALES)
async def test_resident_sees_who_looks_after_the_building(h: Harness, locale: str) -> None:
    mei = h.emu.add_user("Mei", language_code=CODES[locale])
    await seed(h, mei, locale)
    await h.send(mei, "/contacts")
    reply = h.emu.last(mei.id)
    text = reply.text or ""
    assert PLACE[locale] in text.splitlines()[0]
    for line in (LEADERS[locale], LEADER_LINE[locale], STEWARD_LINE[locale],
                 PARTY_LINE[locale], POLICE_LINE[locale], "物业前台"):
        assert line in text
    # A private phone, a room, people who did not opt in, other buildings: never.
    for absent in (LEADER_PHONE_PRIVATE, RESIDENT_PHONE_PRIVATE, RESIDENT_ROOM, "Mo", "Qian",
                   "Fang", "五号楼水电"):
        assert absent not in text
    assert h.emu.buttons(reply) == [MESSAGE[locale].format(n) for n in
                                    ("Zhou", "Lin", "Gao", "Hong")]


async def test_contacts_without_a_home_explains_how_to_register(h: Harness) -> None:
    stranger = h.emu.add_user("Stranger", language_code="zh-hant")
    await h.send(stranger, "/contacts")
    assert "社區公佈欄上的 QR Code" in (h.emu.last(stranger.id).text or "")


@pytest.mark.parametrize("locale", LOCALES)
async def test_a_message_is_relayed_and_answered(h: Harness, locale: str) -> None:
    mei = h.emu.add_user("Mei", language_code=CODES[locale])
    zhou = h.emu.add_user("Zhou", language_code=CODES[locale], started=True)
    await seed(h, mei, locale, users={"Zhou": zhou})
    await h.send(mei, "/contacts")
    await h.press(mei, h.emu.last(mei.id).message_id, MESSAGE[locale].format("Zhou"))
    assert "Zhou" in (h.emu.last(mei.id).text or "")
    await h.send(mei, "楼道灯坏了 light is out")
    assert SENT[locale] in (h.emu.last(mei.id).text or "")
    await h.deliver()

    incoming = h.emu.last(zhou.id)
    text = incoming.text or ""
    assert "Mei" in text and INCOMING[locale] in text and "楼道灯坏了 light is out" in text
    assert RESIDENT_ROOM not in text and RESIDENT_PHONE_PRIVATE not in text
    assert h.emu.buttons(incoming) == [REPLY[locale]]

    await h.press(zhou, incoming.message_id, REPLY[locale])
    await h.send(zhou, "明天上午来修 tomorrow")
    await h.deliver()
    answer = h.emu.last(mei.id)
    assert "Zhou" in (answer.text or "") and "明天上午来修 tomorrow" in (answer.text or "")
    assert h.emu.buttons(answer) == [REPLY[locale]]


async def test_relay_refuses_what_it_cannot_pass_on(h: Harness) -> None:
    mei = h.emu.add_user("Mei", language_code="en")
    zhou = h.emu.add_user("Zhou", language_code="en")
    await seed(h, mei, "en", users={"Zhou": zhou})
    await h.send(mei, "/contacts")
    await h.press(mei, h.emu.last(mei.id).message_id, "✉️ Message Zhou")
    await h.send(mei, photo=b"\x89PNG fake", caption="look")
    assert "only pass on text" in (h.emu.last(mei.id).text or "")
    await h.send(mei, "x" * 3001)
    assert "a little long" in (h.emu.last(mei.id).text or "")
    prompt = [m for m in h.emu.sent(mei.id) if h.emu.buttons(m) == ["Cancel"]][-1]
    await h.press(mei, prompt.message_id, "Cancel")
    await h.send(mei, "never mind")  # no longer waiting: nothing is relayed
    await h.deliver()
    assert h.emu.sent(zhou.id) == []
    # A forged button for someone who is not in the directory is refused.
    cq = h.emu.press_data(mei, mei, prompt.message_id, "dm:1:1:999")
    await h.settle()
    assert "expired" in (h.emu.callback_answer(cq) or {}).get("text", "")


@pytest.mark.parametrize("locale", LOCALES)
async def test_qr_poster_for_a_building(h: Harness, locale: str) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    admin = h.emu.add_user("Ada", language_code=CODES[locale])
    scene = await seed(h, None, locale)
    async with h.app.sessions() as s:
        compound = await s.get(Compound, scene.compound_id)
        assert compound is not None
        ada = await add_person(s, h.clock, admin.id, "Ada", locale=locale)
        await grant(s, h.clock, ada, compound, Role.ADMIN)
        await s.commit()
    await h.send(admin, "/qr")
    picker = h.emu.last(admin.id)
    assert h.emu.buttons(picker) == [WHOLE[locale], "3", "5"]
    await h.press(admin, picker.message_id, "3")
    photo = h.emu.last(admin.id)
    assert photo.photo is not None
    assert "阳光花园" in (photo.text or "") and len(photo.text or "") <= 1024
    image = Image.open(io.BytesIO(photo.photo))
    assert image.format == "PNG" and image.size[0] >= 1000
    link = f"https://t.me/red_steward_bot?start=reg_{scene.compound_id}_{scene.building_id}"
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [link]
    await h.press(admin, picker.message_id, WHOLE[locale])
    whole = Image.open(io.BytesIO(h.emu.last(admin.id).photo or b""))
    assert [r.text for r in zxingcpp.read_barcodes(whole)] == [
        f"https://t.me/red_steward_bot?start=reg_{scene.compound_id}_0"]


async def test_qr_needs_a_role_and_a_compound_without_buildings_needs_no_picker(
    make_harness: HarnessFactory, emu: BotApiEmulator
) -> None:
    boss = emu.add_user("Boss", language_code="zh-hans")
    h = await make_harness(superadmin_ids=(boss.id,))
    mei = h.emu.add_user("Mei", language_code="zh-hans")
    await seed(h, mei, "zh-Hans")
    await h.send(mei, "/qr")
    assert "没有这项权限" in (h.emu.last(mei.id).text or "")
    async with h.app.sessions() as s:
        await add_compound(s, h.clock, "新小区", [])
        await s.commit()
    await h.send(boss, "/qr")
    chooser = h.emu.last(boss.id)
    assert h.emu.buttons(chooser) == ["阳光花园", "新小区"]
    await h.press(boss, chooser.message_id, "新小区")
    assert h.emu.last(boss.id).photo is not None


@pytest.mark.parametrize("locale", LOCALES)
async def test_admins_add_and_remove_public_numbers(h: Harness, locale: str) -> None:
    admin = h.emu.add_user("Ada", language_code=CODES[locale])
    mei = h.emu.add_user("Mei", language_code=CODES[locale])
    scene = await seed(h, mei, locale)
    async with h.app.sessions() as s:
        compound = await s.get(Compound, scene.compound_id)
        assert compound is not None
        ada = await add_person(s, h.clock, admin.id, "Ada", locale=locale)
        await grant(s, h.clock, ada, compound, Role.ADMIN)
        await s.commit()

    await h.send(admin, "/contactadd 居委会 abc")
    assert "/contactadd" in (h.emu.last(admin.id).text or "")  # the usage, nothing added
    await h.send(mei, "/contactadd 居委会 021-6666-7777")
    assert NO_RIGHT[locale] in (h.emu.last(mei.id).text or "")
    await h.send(admin, "/contactadd 居委会 021-6666-7777 工作日 9-17")
    await h.press(admin, h.emu.last(admin.id).message_id, "3")
    assert "#4 居委会" in (h.emu.last(admin.id).text or "")
    async with h.app.sessions() as s:
        rows = (await s.execute(select(DirectoryEntry).where(DirectoryEntry.label == "居委会")))
        entry = rows.scalar_one()
    assert (entry.phone, entry.note, entry.building_id) == ("02166667777", "工作日 9-17",
                                                            scene.building_id)
    await h.send(mei, "/contacts")
    assert "居委会" in (h.emu.last(mei.id).text or "") and "02166667777" in h.emu.last(mei.id).text

    await h.send(admin, "/contactdel")
    listing = h.emu.last(admin.id).text or ""
    assert "#1 派出所 110" in listing and f"#4 居委会 02166667777 · {BLOCK_3[locale]}" in listing
    await h.send(mei, "/contactdel 4")
    assert NOT_ALLOWED[locale] in (h.emu.last(mei.id).text or "")
    await h.send(admin, "/contactdel 999")
    assert "/contactdel" in (h.emu.last(admin.id).text or "")
    await h.send(admin, "/contactdel 4")
    assert "#4 居委会" in (h.emu.last(admin.id).text or "")
    await h.send(mei, "/contacts")
    assert "02166667777" not in (h.emu.last(mei.id).text or "")


@pytest.mark.parametrize("locale", LOCALES)
async def test_profile_phone_shared_then_published(h: Harness, locale: str) -> None:
    zhou = h.emu.add_user("Zhou", language_code=CODES[locale])
    mei = h.emu.add_user("Mei", language_code=CODES[locale])
    await seed(h, mei, locale, users={"Zhou": zhou})
    async with h.app.sessions() as s:
        person = (await s.execute(select(Person).where(Person.tg_id == zhou.id))).scalar_one()
        person.phone, person.phone_public = None, False
        await s.commit()
    await h.send(zhou, "/profile")
    card = h.emu.last(zhou.id)
    await h.press(zhou, card.message_id, h.emu.buttons(card)[0])
    ask = h.emu.last(zhou.id)
    assert (ask.reply_markup or {}).get("keyboard")[0][0]["request_contact"] is True
    send_contact(h.emu, zhou, "+86 138 0000 9999", owner_id=mei.id)  # someone else's card
    await h.settle()
    assert NOT_YOURS[locale] in (h.emu.last(zhou.id).text or "")
    await h.send(zhou, "12ab")
    assert NOT_A_PHONE[locale] in (h.emu.last(zhou.id).text or "")
    send_contact(h.emu, zhou, "8613800009999")
    await h.settle()
    saved = h.emu.sent(zhou.id)[-2]
    assert "8613800009999" in (saved.text or "")
    assert (saved.reply_markup or {}).get("remove_keyboard") is True
    await h.send(mei, "/contacts")
    assert "8613800009999" not in (h.emu.last(mei.id).text or "")  # private until published
    card = h.emu.last(zhou.id)
    await h.press(zhou, card.message_id, h.emu.buttons(card)[1])  # publish
    await h.send(mei, "/contacts")
    assert "8613800009999" in (h.emu.last(mei.id).text or "")
    async with h.app.sessions() as s:
        person = (await s.execute(select(Person).where(Person.tg_id == zhou.id))).scalar_one()
    assert (person.phone, person.phone_public) == ("8613800009999", True)


async def test_a_resident_of_two_buildings_chooses_one(h: Harness) -> None:
    mei = h.emu.add_user("Mei", language_code="zh-hans")
    scene = await seed(h, mei, "zh-Hans")
    async with h.app.sessions() as s:
        b5 = await s.get(Building, scene.other_building_id)
        me = await s.get(Person, scene.ids["Mei"])
        assert b5 is not None and me is not None
        await add_home(s, h.clock, b5, "101", me, status=LinkStatus.PENDING)
        await s.commit()
    await h.send(mei, "/contacts")
    picker = h.emu.last(mei.id)
    assert h.emu.buttons(picker) == ["阳光花园 3号楼", "阳光花园 5号楼"]
    await h.press(mei, picker.message_id, "阳光花园 5号楼")
    shown = h.emu.last(mei.id).text or ""
    assert "Fang" in shown and "五号楼水电" in shown and "Lin" not in shown
    # A forged choice of a building she does not live in is refused.
    other = await h.send(mei, "/contacts")
    cq = h.emu.press_data(mei, mei, other, f"dirb:{scene.compound_id}:999")
    await h.settle()
    assert (h.emu.callback_answer(cq) or {}).get("show_alert")


async def test_many_buildings_are_paged(make_harness: HarnessFactory, emu: BotApiEmulator) -> None:
    boss = emu.add_user("Boss", language_code="en")
    h = await make_harness(superadmin_ids=(boss.id,))
    async with h.app.sessions() as s:
        await add_compound(s, h.clock, "Big Estate", [str(n) for n in range(1, 31)])
        await s.commit()
    await h.send(boss, "/qr")
    picker = h.emu.last(boss.id)
    first = h.emu.buttons(picker)
    assert first[0] == "Whole compound" and first[1:4] == ["1", "2", "3"]
    assert first[-1] == "Next ▶" and "25" not in first
    await h.press(boss, picker.message_id, "Next ▶")
    second = h.emu.buttons(h.emu.message(boss, picker.message_id))
    assert second == ["Whole compound", *[str(n) for n in range(25, 31)], "◀ Previous"]
    await h.press(boss, picker.message_id, "30")
    assert h.emu.last(boss.id).photo is not None
