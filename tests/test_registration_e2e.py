"""Resident registration through the emulator: the pinned post, the deep link, the pickers,
the review cards, the outcome in the resident's language, and the refusals."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import ChatBinding, Compound, Entrance, Residency
from models.roles import AuditEntry, Role
from tests import factories as f
from tests.emulator import BotApiEmulator
from tests.emulator.state import Chat, SentMessage, User
from tests.harness import Harness

# What each locale says at each step, as the resident sees it.
SAYS: dict[str, dict[str, str]] = {
    "zh-hans": {
        "welcome": "现在登记", "entrance": "请选择单元", "room": "请点您家的房号",
        "next": "下一页 ▶", "prev": "◀ 上一页", "unknown": "没有找到房号“9999”",
        "relation": "请问您和这套房子是什么关系", "owner": "我是业主（房主）",
        "tenant": "我是租户", "confirm": "✅ 确认提交", "sent": "提交好了",
        "approved": "审核通过了", "rejected": "没有通过审核", "taken": "已按“共同业主”提交",
        "myhome": "业主（已通过）", "pending": "请耐心等一等",
    },
    "zh-hant": {
        "welcome": "現在登記", "entrance": "請選擇單元", "room": "請點您家的房號",
        "next": "下一頁 ▶", "prev": "◀ 上一頁", "unknown": "沒有找到房號「9999」",
        "relation": "請問您和這個單位是什麼關係", "owner": "我是業主（屋主）",
        "tenant": "我是租客", "confirm": "✅ 確認送出", "sent": "送出了",
        "approved": "審核通過了", "rejected": "沒有通過審核", "taken": "已按「共同業主」提交",
        "myhome": "業主（已通過）", "pending": "請耐心等一等",
    },
    "en": {
        "welcome": "Let's register your home", "entrance": "Which entrance?",
        "room": "Tap your room", "next": "Next ▶", "prev": "◀ Previous",
        "unknown": 'There is no room "9999"', "relation": "How are you related",
        "owner": "I am the owner", "tenant": "I am a tenant", "confirm": "✅ Confirm",
        "sent": "Sent!", "approved": "Good news!", "rejected": "was not approved",
        "taken": "filed your claim as a co-owner", "myhome": "owner (approved)",
        "pending": "waiting to be checked",
    },
}
LOCALES = list(SAYS)


@dataclass
class Scene:
    h: Harness
    emu: BotApiEmulator
    group: Chat
    admin1: User  # zh-Hans
    admin2: User  # en
    compound_id: int
    building_id: int
    bob: User | None = None


async def _scene(h: Harness, *, bot_status: str = "administrator", buildings: int = 60,
                 purpose_building: bool = True) -> Scene:
    emu = h.emu
    admin1 = emu.add_user("Wang", language_code="zh-hans", started=True)
    admin2 = emu.add_user("Grace", language_code="en", started=True)
    group = emu.add_group("3号楼", admins=[admin1], bot_status=bot_status)
    async with h.app.sessions() as s:
        reg = await f.compound(s, h.clock, "Sunny Garden", buildings=buildings, entrances=2,
                               rooms=f.room_labels(15, 2))
        building = reg.building("3")
        for user, locale in ((admin1, "zh-Hans"), (admin2, "en")):
            p = await f.person(s, h.clock, user.id, user.first_name, locale=locale)
            await f.grant(s, h.clock, reg.compound.id, p.id, Role.ADMIN)
        await f.bind_group(s, h.clock, group.id, reg.compound.id,
                           building.id if purpose_building else None, title="3号楼")
        await s.commit()
        return Scene(h, emu, group, admin1, admin2, reg.compound.id, building.id)


@pytest.fixture
async def scene(h: Harness) -> Scene:
    return await _scene(h)


def _url(msg: SentMessage) -> str:
    return (msg.reply_markup or {})["inline_keyboard"][0][0]["url"]


async def _residencies(h: Harness) -> list[tuple[str, str]]:
    async with h.app.sessions() as s:
        rows = await s.execute(select(Residency.relation, Residency.status).order_by(Residency.id))
        return [(a, b) for a, b in rows]


async def _claim(sc: Scene, user: User, lang: str, room: str, relation: str) -> SentMessage:
    """Open the building link, pick entrance 2, type the room, choose relation, confirm."""
    say, h = SAYS[lang], sc.h
    await h.send(user, f"/start reg_{sc.compound_id}_{sc.building_id}")
    picker = h.emu.last(user.id)
    await h.press(user, picker.message_id, "2")
    await h.send(user, room)
    step = h.emu.last(user.id)
    assert say["relation"] in step.text
    await h.press(user, step.message_id, say[relation])
    await h.press(user, step.message_id, say["confirm"])
    return h.emu.last(user.id)


def _card(emu: BotApiEmulator, user: User) -> SentMessage:
    return emu.last(user.id)


# ---- the whole way, in each language -------------------------------------------------------
@pytest.mark.parametrize("lang", LOCALES)
async def test_owner_registers_through_the_pinned_link_and_an_admin_approves(
    scene: Scene, lang: str
) -> None:
    sc, h, emu, say = scene, scene.h, scene.emu, SAYS[lang]
    await h.send(sc.admin1, "/registerhere", chat=sc.group)
    post = emu.last(sc.group)
    assert "Sunny Garden" in post.text and "3号楼" in post.text and post.pinned
    assert emu.buttons(post) == ["点这里登记我家"]
    assert _url(post) == f"https://t.me/red_steward_bot?start=reg_{sc.compound_id}_{sc.building_id}"
    async with h.app.sessions() as s:
        binding = await s.get(ChatBinding, sc.group.id)
        assert binding is not None and binding.register_message_id == post.message_id

    mei = emu.add_user("Mei", language_code=lang)
    await h.send(mei, "/start " + _url(post).split("?start=")[1])
    texts = [m.text for m in emu.sent(mei.id)]
    assert say["welcome"] in texts[0] and "Sunny Garden" in texts[0]
    picker = emu.last(mei.id)
    assert say["entrance"] in picker.text and emu.buttons(picker) == ["1", "2"]

    await h.press(mei, picker.message_id, "2")
    assert say["room"] in picker.text
    labels = emu.buttons(picker)
    assert labels[:24] == f.room_labels(15, 2)[:24] and labels[24:] == ["1/2", say["next"]]
    await h.press(mei, picker.message_id, say["next"])
    assert emu.buttons(picker) == [*f.room_labels(15, 2)[24:], say["prev"], "2/2"]

    await h.send(mei, "9999")
    assert say["unknown"] in emu.last(mei.id).text
    assert emu.buttons(picker)[-1] == "2/2"  # the picker is still there
    await h.send(mei, "1202")
    step = emu.last(mei.id)
    assert say["relation"] in step.text and "1202" in step.text
    await h.press(mei, step.message_id, say["owner"])
    assert "1202" in step.text
    await h.press(mei, step.message_id, say["confirm"])
    assert say["sent"] in step.text and emu.buttons(step) == []
    assert await _residencies(h) == [("owner", "pending")]

    await h.deliver()
    card1, card2 = _card(emu, sc.admin1), _card(emu, sc.admin2)
    assert "新的住户登记申请" in card1.text and "Mei" in card1.text and "1202室" in card1.text
    assert "New resident sign-up" in card2.text and "Room 1202" in card2.text
    assert emu.buttons(card1) == ["✅ 通过", "❌ 不通过"]

    answer = await h.press(sc.admin1, card1.message_id, "✅ 通过")
    assert answer is not None and answer["text"] == "已通过，我会通知申请人。"
    assert "结果：已通过（由 Wang 处理）" in card1.text and emu.buttons(card1) == []
    await h.deliver()
    assert say["approved"] in emu.last(mei.id).text and "1202" in emu.last(mei.id).text
    assert "Outcome: approved (by Wang)" in card2.text and emu.buttons(card2) == []
    assert await _residencies(h) == [("owner", "verified")]

    # The second admin presses the card's old Reject data anyway: nothing changes.
    async with h.app.sessions() as s:
        rid = (await s.execute(select(Residency.id))).scalar_one()
    qid = emu.press_data(sc.admin2, sc.admin2, card2.message_id, f"rsd:{rid}:0")
    await h.settle()
    late = emu.callback_answer(qid)
    assert late is not None and late["show_alert"]
    assert late["text"] == "This sign-up was already handled by Wang (approved)."
    assert await _residencies(h) == [("owner", "verified")]
    async with h.app.sessions() as s:
        actions = (await s.execute(select(AuditEntry.action).order_by(AuditEntry.id))).scalars()
        assert list(actions) == ["residency.claim", "residency.approve"]

    await h.send(mei, "/myhome")
    assert say["myhome"] in emu.last(mei.id).text and "1202" in emu.last(mei.id).text
    await h.send(mei, "/myhome", chat=sc.group)
    assert "1202" not in emu.last(sc.group).text


@pytest.mark.parametrize("lang", LOCALES)
async def test_a_second_owner_is_filed_as_co_owner_and_a_repeat_claim_is_told_it_is_pending(
    scene: Scene, lang: str
) -> None:
    sc, h, emu, say = scene, scene.h, scene.emu, SAYS[lang]
    first = emu.add_user("First", language_code="en")
    assert "Sent!" in (await _claim(sc, first, "en", "1202", "owner")).text
    second = emu.add_user("Second", language_code=lang)
    assert say["taken"] in (await _claim(sc, second, lang, "1202", "owner")).text
    assert SAYS["en"]["pending"] in (await _claim(sc, first, "en", "1202", "owner")).text
    assert say["pending"] in (await _claim(sc, second, lang, "1202", "owner")).text
    assert await _residencies(h) == [("owner", "pending"), ("co_owner", "pending")]
    # The same person may still live somewhere else as a tenant.
    assert say["sent"] in (await _claim(sc, second, lang, "101", "tenant")).text
    assert await _residencies(h) == [("owner", "pending"), ("co_owner", "pending"),
                                     ("tenant", "pending")]


@pytest.mark.parametrize("lang", LOCALES)
async def test_a_rejected_claim_is_told_in_the_residents_language(
    scene: Scene, lang: str
) -> None:
    sc, h, emu, say = scene, scene.h, scene.emu, SAYS[lang]
    lin = emu.add_user("Lin", language_code=lang)
    await _claim(sc, lin, lang, "1502", "tenant")
    await h.deliver()
    card1, card2 = _card(emu, sc.admin1), _card(emu, sc.admin2)
    answer = await h.press(sc.admin2, card2.message_id, "❌ Reject")
    assert answer is not None and answer["text"] == "Rejected. I will tell the person."
    assert "Outcome: rejected (by Grace)" in card2.text
    await h.deliver()
    assert say["rejected"] in emu.last(lin.id).text
    assert "结果：未通过（由 Grace 处理）" in card1.text and emu.buttons(card1) == []
    assert await _residencies(h) == [("tenant", "rejected")]


async def test_a_family_claim_is_confirmed_by_the_verified_owner(scene: Scene) -> None:
    sc, h, emu = scene, scene.h, scene.emu
    owner = emu.add_user("Helen", language_code="en", started=True)
    async with h.app.sessions() as s:
        p = await f.person(s, h.clock, owner.id, "Helen", locale="en")
        flat = await f.household(s, await _entrance(s, sc, "2"), "1202")
        await f.residency(s, h.clock, p.id, flat.id, "owner")
        await s.commit()
    son = emu.add_user("Ming", language_code="zh-hant")
    await h.send(son, f"/start reg_{sc.compound_id}_{sc.building_id}")
    picker = emu.last(son.id)
    await h.press(son, picker.message_id, "2")
    await h.press(son, picker.message_id, "1202")
    await h.press(son, picker.message_id, "我是業主的家人")
    await h.press(son, picker.message_id, "✅ 確認送出")
    assert "這戶的業主確認後" in picker.text
    await h.deliver()
    card = emu.last(owner.id)
    assert "From: Ming" in card.text and "As: family member" in card.text
    assert emu.sent(sc.admin1.id) == [] and emu.sent(sc.admin2.id) == []
    await h.press(owner, card.message_id, "✅ Approve")
    assert "Outcome: approved (by Helen)" in card.text
    await h.deliver()
    assert "審核通過了" in emu.last(son.id).text
    assert await _residencies(h) == [("owner", "verified"), ("family", "verified")]


async def _entrance(s: AsyncSession, sc: Scene, name: str) -> Entrance:
    return (await s.execute(select(Entrance).where(
        Entrance.building_id == sc.building_id, Entrance.name == name))).scalar_one()


# ---- the pickers at scale ------------------------------------------------------------------
async def test_a_compound_link_pages_through_sixty_buildings(h: Harness) -> None:
    sc = await _scene(h, purpose_building=False)
    await h.send(sc.admin1, "/registerhere", chat=sc.group)
    assert _url(h.emu.last(sc.group)).endswith(f"?start=reg_{sc.compound_id}_0")
    li = h.emu.add_user("Li", language_code="zh-hans")
    await h.send(li, f"/start reg_{sc.compound_id}_0")
    picker = h.emu.last(li.id)
    assert h.emu.buttons(picker) == [str(i) for i in range(1, 25)] + ["1/3", "下一页 ▶"]
    await h.press(li, picker.message_id, "下一页 ▶")
    await h.press(li, picker.message_id, "下一页 ▶")
    assert h.emu.buttons(picker) == [str(i) for i in range(49, 61)] + ["◀ 上一页", "3/3"]
    await h.press(li, picker.message_id, "3/3")  # the indicator just redraws
    await h.press(li, picker.message_id, "55")
    assert "55号楼" in picker.text and h.emu.buttons(picker) == ["1", "2"]
    await h.press(li, picker.message_id, "1")
    await h.press(li, picker.message_id, "102")
    assert "102室" in picker.text and "55号楼" in picker.text
    assert len(picker.reply_markup["inline_keyboard"]) == 3  # owner / tenant / family


# ---- refusals ------------------------------------------------------------------------------
async def test_forged_and_stale_buttons_change_nothing(scene: Scene) -> None:
    sc, h, emu = scene, scene.h, scene.emu
    async with h.app.sessions() as s:
        other = await f.compound(s, h.clock, "Other Court", rooms=["101"])
        foreign_room = (await f.household(s, other.entrance("1", "1"), "101")).id
        foreign_building = other.building("1").id
        await s.commit()
    zhao = emu.add_user("Zhao", language_code="en")
    await h.send(zhao, "/start")  # unregistered people are welcome everywhere
    assert "I am Red Steward" in emu.last(zhao.id).text

    expired = emu.press_data(zhao, zhao, emu.last(zhao.id).message_id, "rgr:1")
    await h.settle()
    assert "has expired" in (emu.callback_answer(expired) or {})["text"]

    await h.send(zhao, f"/start reg_{sc.compound_id}_{sc.building_id}")
    picker = emu.last(zhao.id)
    await h.press(zhao, picker.message_id, "1")
    for data in (f"rgr:{foreign_room}", f"rgb:{foreign_building}", "rge:999999", "rgl:owner",
                 "rgp:x:0", "rgk:1"):
        qid = emu.press_data(zhao, zhao, picker.message_id, data)
        await h.settle()
        answer = emu.callback_answer(qid) or {}
        assert answer.get("show_alert") and "does not match" in answer["text"], data
    assert "Tap your room" in picker.text
    await h.press(zhao, picker.message_id, "101")
    assert "How are you related" in picker.text
    qid = emu.press_data(zhao, zhao, picker.message_id, "rgl:landlord")
    await h.settle()
    assert "does not match" in (emu.callback_answer(qid) or {})["text"]
    await h.press(zhao, picker.message_id, "I am a tenant")
    await h.press(zhao, picker.message_id, "Cancel")
    assert "nothing was changed" in picker.text
    assert await _residencies(h) == []


async def test_links_to_deleted_or_foreign_places_are_refused(scene: Scene) -> None:
    sc, h, emu = scene, scene.h, scene.emu
    async with h.app.sessions() as s:
        gone = await f.compound(s, h.clock, "Gone Garden")
        gone_id, gone_building = gone.compound.id, gone.buildings[0].id
        await s.commit()
        await s.delete(await s.get(Compound, gone_id))
        await s.commit()
    yu = emu.add_user("Yu", language_code="zh-hant")
    await h.send(yu, f"/start reg_{gone_id}_0")
    assert "對應的社區已經不存在了" in emu.last(yu.id).text
    await h.send(yu, f"/start reg_{sc.compound_id}_{gone_building}")
    assert "樓棟已經不存在了" in emu.last(yu.id).text
    await h.send(yu, "/start reg_1_x")  # not ours: the plain greeting
    assert "我是紅管家" in emu.last(yu.id).text
    await h.send(yu, "/register")
    assert "置頂訊息" in emu.last(yu.id).text
    assert await _residencies(h) == []


async def test_registerhere_refusals_and_reposting(h: Harness) -> None:
    sc = await _scene(h, bot_status="member", buildings=3)
    emu = h.emu
    stranger = emu.add_user("Stranger", language_code="en")
    await h.send(stranger, "/registerhere", chat=sc.group)
    assert emu.last(sc.group).text == "Sorry, you are not allowed to do that."
    loose = emu.add_group("Unbound", admins=[sc.admin2], bot_status="administrator")
    await h.send(sc.admin2, "/registerhere", chat=loose)
    assert "not linked to a compound" in emu.last(loose).text
    await h.send(sc.admin2, "/registerhere")
    assert "compound or building group" in emu.last(sc.admin2.id).text

    # The bot is not an admin: the post stays, unpinned, and the admin is told why.
    await h.send(sc.admin2, "/registerhere", chat=sc.group)
    post, note = emu.sent(sc.group)[-2:]
    assert "住户登记" in post.text and not post.pinned
    assert "not allowed to pin" in note.text

    emu.chat(sc.group).bot_status = "administrator"
    await h.send(sc.admin1, "/registerhere", chat=sc.group)
    again = emu.last(sc.group)
    assert again.pinned and post.deleted
    await h.send(sc.admin1, "/registerhere", chat=sc.group)
    third = emu.last(sc.group)
    assert third.pinned and not again.pinned and again.deleted
    async with h.app.sessions() as s:
        binding = await s.get(ChatBinding, sc.group.id)
        assert binding is not None and binding.register_message_id == third.message_id
