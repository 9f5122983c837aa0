"""Creating a compound, the bot joining a group, /setup binding it, the bot leaving.

Helpers here are shared by the roles and policy tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from models.chat import Chat
from models.person import Person
from models.registry import Building, ChatBinding, Compound
from models.roles import AuditEntry, Role, RoleGrant, Team
from services import people, registry
from services import setup as setup_service
from services.setup import Purpose
from tests.emulator.state import Chat as EmuChat
from tests.emulator.state import User
from tests.harness import Harness, HarnessFactory

CODES = {"zh-Hans": "zh-hans", "zh-Hant": "zh-tw", "en": "en"}
LOCALES = list(CODES)


# ---- helpers shared with the roles and policy tests -----------------------------------------
async def person_of(h: Harness, user: User) -> Person:
    """The person row for an emulator user, created as the bot would on first contact."""
    async with h.app.sessions() as s:
        found = await people.by_tg_id(s, user.id)
        if found is None:
            found = await people.meet(s, h.clock, people.TelegramUser(
                id=user.id, first_name=user.first_name, last_name=user.last_name,
                username=user.username, language_code=user.language_code), "zh-Hans")
        return found


async def make_compound(h: Harness, admin: User, name: str = "Happy Garden",
                        buildings: int = 0) -> int:
    """A compound created by `admin` (who becomes its admin), with buildings "1".."N"."""
    creator = await person_of(h, admin)
    async with h.app.sessions() as s:
        creator = await s.get(Person, creator.id)
        assert creator is not None
        compound = await setup_service.create_compound(s, h.clock, creator, name,
                                                       "Asia/Shanghai")
        for n in range(1, buildings + 1):
            s.add(Building(compound_id=compound.id, name=str(n),
                           sort_key=registry.natural_key(str(n))))
        await s.commit()
        return compound.id


async def grant_role(h: Harness, user: User, compound_id: int, role: Role) -> None:
    person = await person_of(h, user)
    async with h.app.sessions() as s:
        s.add(RoleGrant(compound_id=compound_id, person_id=person.id, role=role.value,
                        granted_at=h.clock.now()))
        await s.commit()


async def bind(h: Harness, chat: EmuChat, compound_id: int,
               purpose: Purpose = Purpose.COMPOUND) -> None:
    async with h.app.sessions() as s:
        if await s.get(Chat, chat.id) is None:
            s.add(Chat(id=chat.id, type="supergroup", title=chat.title, created_at=h.clock.now()))
            await s.flush()
        s.add(ChatBinding(chat_id=chat.id, compound_id=compound_id, purpose=purpose.value,
                          bound_at=h.clock.now()))
        await s.commit()


async def binding(h: Harness, chat_id: int) -> ChatBinding | None:
    async with h.app.sessions() as s:
        return await s.get(ChatBinding, chat_id)


async def audit_rows(h: Harness, action: str) -> list[AuditEntry]:
    async with h.app.sessions() as s:
        rows = await s.execute(select(AuditEntry).where(AuditEntry.action == action)
                               .order_by(AuditEntry.id))
        return list(rows.scalars())


async def count(h: Harness, model: Any) -> int:
    async with h.app.sessions() as s:
        return int((await s.execute(select(func.count()).select_from(model))).scalar_one())


# ---- /newcompound ----------------------------------------------------------------------------
CREATED = {"zh-Hans": "“幸福里”建好了", "zh-Hant": "「幸福里」建好了", "en": '"幸福里" is ready'}


@pytest.mark.parametrize("locale", LOCALES)
async def test_superadmin_creates_a_compound_with_teams_and_becomes_its_admin(
    emu: Any, make_harness: HarnessFactory, locale: str
) -> None:
    boss = emu.add_user("Boss", language_code=CODES[locale])
    h = await make_harness(superadmin_ids=(boss.id,))
    await h.send(boss, "/newcompound")  # no name: the bot asks for it
    await h.send(boss, "幸福里")
    assert CREATED[locale] in h.emu.last(boss.id).text
    async with h.app.sessions() as s:
        compound = (await s.execute(select(Compound))).scalar_one()
        codes = (await s.execute(select(Team.code).where(Team.compound_id == compound.id)
                                 .order_by(Team.id))).scalars().all()
        grants = (await s.execute(select(RoleGrant.role))).scalars().all()
    assert (compound.name, compound.locale) == ("幸福里", locale)
    assert codes == ["repairs", "safety", "cleaning", "greening", "telecom"]
    assert grants == ["admin"]
    assert [a.subject_id for a in await audit_rows(h, "compound.create")] == [compound.created_by]
    await h.send(boss, "/team")
    team_list = h.emu.last(boss.id).text
    assert {"zh-Hans": "维修队", "zh-Hant": "維修隊", "en": "Repairs"}[locale] in team_list

    await h.send(boss, "/newcompound 幸福里")  # the same name again
    assert await count(h, Compound) == 1


async def test_only_a_superadmin_may_create_a_compound(h: Harness) -> None:
    user = h.emu.add_user("Plain", language_code="en")
    await h.send(user, "/newcompound Sunny Court")
    assert h.emu.last(user.id).text == "Sorry, only a system administrator can create a compound."
    assert await count(h, Compound) == 0


# ---- the group lifecycle ------------------------------------------------------------------
ADDED = {"zh-Hans": "请小区管理员在本群发送 /setup", "zh-Hant": "請社區管理員在本群組傳送 /setup",
         "en": "An admin of the compound should send /setup here"}
MAKE_ADMIN = {"zh-Hans": "请把我设为本群管理员", "zh-Hant": "請把我設為本群組的管理員",
              "en": "make me an admin of this group"}
REFUSED = {"zh-Hans": "只有同时是本群管理员和小区管理员的人才能设置本群",
           "zh-Hant": "只有同時是本群組管理員和社區管理員的人才能設定本群組",
           "en": "only someone who is both an admin of this group and an admin of the compound"}
BUILDING_BUTTON = {"zh-Hans": "某栋楼的群", "zh-Hant": "某棟樓的群組", "en": "One building"}
BOUND = {"zh-Hans": "本群是“Happy Garden”35号楼的楼栋群",
         "zh-Hant": "本群組是「Happy Garden」35號樓的樓棟群組",
         "en": 'Block 35 in "Happy Garden"'}
NOT_YOURS = {"zh-Hans": "这些按钮是给发送 /setup 的那位管理员用的。",
             "zh-Hant": "這些按鈕是給傳送 /setup 的那位管理員用的。",
             "en": "These buttons are for the admin who sent /setup."}


@pytest.mark.parametrize("locale", LOCALES)
async def test_group_is_explained_bound_to_a_building_and_unbound(h: Harness, locale: str) -> None:
    admin = h.emu.add_user("Admin", language_code=CODES[locale])
    member = h.emu.add_user("Member", language_code=CODES[locale])
    compound_id = await make_compound(h, admin, buildings=60)
    group = h.emu.add_group("Building 35", admins=[admin], members=[member])

    h.emu.bot_added(group, by=admin)
    await h.settle()
    hello = h.emu.last(group.id).text
    assert ADDED[locale] in hello and MAKE_ADMIN[locale] in hello

    await h.send(member, "/setup", chat=group)  # not a chat admin
    assert REFUSED[locale] in h.emu.last(group.id).text
    assert await binding(h, group.id) is None

    await h.send(admin, "/setup", chat=group)
    menu = h.emu.last(group.id)
    answer = await h.press(member, menu.message_id, BUILDING_BUTTON[locale], chat=group)
    assert answer["text"] == NOT_YOURS[locale]
    await h.press(admin, menu.message_id, BUILDING_BUTTON[locale], chat=group)
    page = h.emu.last(group.id)
    assert "1/3" in h.emu.buttons(page)
    assert "35" not in h.emu.buttons(page)  # 24 to a page: 35 is on the second
    await h.press(admin, page.message_id, "▶", chat=group)
    await h.press(admin, page.message_id, "35", chat=group)
    # The menu now says what the group is; the last message is the residents' welcome.
    assert any(BOUND[locale] in (m.text or "") for m in h.emu.sent(group.id))

    bound = await binding(h, group.id)
    assert bound is not None and (bound.compound_id, bound.purpose) == (compound_id, "building")
    async with h.app.sessions() as s:
        building = await s.get(Building, bound.building_id)
        chat = await s.get(Chat, group.id)
    assert building is not None and building.name == "35"
    assert chat is not None and chat.locale == locale  # the compound's language

    h.emu.bot_removed(group, by=admin)
    await h.settle()
    assert await binding(h, group.id) is None
    [unbind] = await audit_rows(h, "chat.unbind")
    assert (unbind.compound_id, unbind.detail["chat_id"]) == (compound_id, group.id)


async def test_rerunning_setup_rebinds_and_admins_of_several_compounds_choose(
    h: Harness,
) -> None:
    admin = h.emu.add_user("Ada", language_code="en")
    first = await make_compound(h, admin, "North Court")
    second = await make_compound(h, admin, "South Court")
    group = h.emu.add_group("Staff", admins=[admin], bot_status="administrator")
    await h.send(admin, "/setup", chat=group)
    menu = h.emu.last(group.id)
    assert h.emu.buttons(menu) == ["North Court", "South Court", "Cancel"]
    await h.press(admin, menu.message_id, "North Court", chat=group)
    await h.press(admin, menu.message_id, "A service team's staff chat", chat=group)
    await h.press(admin, menu.message_id, "Repairs", chat=group)
    text = h.emu.last(group.id).text
    assert text == 'Done: this is now the staff chat of Repairs in "North Court".'  # no pin hint
    bound = await binding(h, group.id)
    assert bound is not None and (bound.compound_id, bound.purpose) == (first, "team")

    await h.send(admin, "/setup", chat=group)
    menu = h.emu.last(group.id)
    await h.press(admin, menu.message_id, "South Court", chat=group)
    await h.press(admin, menu.message_id, "The party branch", chat=group)
    bound = await binding(h, group.id)
    assert bound is not None
    assert (bound.compound_id, bound.purpose, bound.team_id) == (second, "party_branch", None)
    assert len(await audit_rows(h, "chat.bind")) == 2


async def test_a_forged_setup_button_changes_nothing(h: Harness) -> None:
    admin = h.emu.add_user("Ada", language_code="en")
    await make_compound(h, admin, "North Court")
    stranger_compound = await make_compound(h, h.emu.add_user("Other"), "Elsewhere")
    group = h.emu.add_group("Staff", admins=[admin], bot_status="member")
    await h.send(admin, "/setup", chat=group)
    menu = h.emu.last(group.id)
    cq = h.emu.press_data(admin, group, menu.message_id, f"su:{admin.id}:p:{stranger_compound}:c:0")
    await h.settle()
    assert "only someone who is both" in h.emu.callback_answer(cq)["text"]
    assert await binding(h, group.id) is None


async def test_setup_in_private_is_explained(h: Harness) -> None:
    user = h.emu.add_user("Pri", language_code="zh-hans")
    await h.send(user, "/setup")
    assert h.emu.last(user.id).text == "/setup 要在需要设置的群里发送。"


async def test_a_group_migrating_to_a_supergroup_keeps_its_binding(
    session: Any, clock: Any
) -> None:
    now = clock.now()
    boss = Person(tg_id=1, first_name="B", locale="en", created_at=now, seen_at=now)
    session.add(boss)
    await session.flush()
    compound = await setup_service.create_compound(session, clock, boss, "Old Town", "UTC")
    await people.note_chat(session, clock, -100, "group", "Old")
    await setup_service.bind_chat(session, clock, boss, -100, compound.id, Purpose.COMPOUND)
    moved = await setup_service.migrate_chat(session, clock, -100, -1009, "Old")
    assert moved is not None and moved.compound_id == compound.id
    assert await session.get(ChatBinding, -100) is None
    new_chat = await session.get(Chat, -1009)
    assert new_chat is not None and new_chat.locale == "en"


async def test_a_superadmin_pages_through_many_compounds(
    emu: Any, make_harness: HarnessFactory
) -> None:
    boss = emu.add_user("Boss", language_code="en")
    h = await make_harness(superadmin_ids=(boss.id,))
    for n in range(1, 31):
        await make_compound(h, boss, f"Court {n:02d}")
    group = h.emu.add_group("Lobby", admins=[boss], bot_status="member")
    await h.send(boss, "/setup", chat=group)
    menu = h.emu.last(group.id)
    assert "Court 30" not in h.emu.buttons(menu) and "1/2" in h.emu.buttons(menu)
    await h.press(boss, menu.message_id, "▶", chat=group)
    await h.press(boss, menu.message_id, "Court 30", chat=group)
    await h.press(boss, menu.message_id, "The whole compound", chat=group)
    assert h.emu.message(group.id, menu.message_id)["text"].startswith(
        'Done: this is now the group of the whole compound "Court 30".')


async def test_a_stranger_s_group_gets_one_line_and_the_bot_leaves(h: Harness) -> None:
    stranger = h.emu.add_user("Stranger", language_code="zh-hans")
    friend = h.emu.add_user("Friend", language_code="zh-hans")
    group = h.emu.add_group("随便一个群", admins=[stranger], members=[friend])
    h.emu.bot_added(group, by=stranger)
    await h.settle()
    said = [m.text for m in h.emu.sent(group.id)]
    assert said == ["您好！我只为已经登记的小区服务，需要由小区管理员把我加进群。"
                    "我先退出了，再见。"]
    assert h.emu.chat(group.id).bot_status == "left"
    await h.settle()  # the bot's own "left" update is handled quietly
    assert await binding(h, group.id) is None
    assert len(h.emu.sent(group.id)) == 1 and not h.emu.sent(stranger.id)


async def test_a_compound_admin_s_group_is_welcomed(h: Harness) -> None:
    admin = h.emu.add_user("Admin", language_code="zh-hans")
    await make_compound(h, admin)
    group = h.emu.add_group("3号楼", admins=[admin])
    h.emu.bot_added(group, by=admin)
    await h.settle()
    assert ADDED["zh-Hans"] in (h.emu.last(group.id).text or "")
    assert h.emu.chat(group.id).bot_status == "member"
