"""Services: what the directory may show, the profile's phone, and forgetting a person."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.chat import Chat
from models.directory import Relay
from models.outbox import Outbox
from models.person import Person
from models.registry import LinkStatus, Residency
from models.roles import AuditEntry, RoleGrant, TeamMember
from services import directory as dirs
from services import outbox, privacy
from services.clock import FrozenClock
from tests.emulator.state import User
from tests.factories_directory import (
    LEADER_PHONE_PRIVATE,
    RESIDENT_PHONE_PRIVATE,
    RESIDENT_ROOM,
    STEWARD_PHONE_PUBLIC,
    count,
    neighbourhood,
)

ME = User(4242, "Mei", language_code="zh-hans")


# ---- phones --------------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "stored"), [
    ("13812345678", "13812345678"),
    ("+86 138-1234-5678", "+8613812345678"),
    ("(021) 5555 1234", "02155551234"),
    ("0912.345.678", "0912345678"),
])
def test_phones_people_type_are_accepted(typed: str, stored: str) -> None:
    assert dirs.normalize_phone(typed) == stored


@pytest.mark.parametrize("typed", ["", "abc", "1234", "138 1234 5678 9999 0000", "12-34x5678",
                                   "+", "+-- --", "一三八一二三四五六七八"])
def test_things_that_are_not_phones_are_refused(typed: str) -> None:
    assert dirs.normalize_phone(typed) is None


def test_directory_entries_parse_label_phone_and_note() -> None:
    assert dirs.parse_entry("派出所 110 24小时 值班") == dirs.EntryDraft(
        "派出所", "110", "24小时 值班")
    assert dirs.parse_entry("物业 021-5555-1234") == dirs.EntryDraft("物业", "02155551234", None)
    for bad in (None, "", "派出所", "派出所 电话", "x" * 65 + " 110", "a 110 " + "n" * 257):
        assert dirs.parse_entry(bad) is None


async def test_a_new_phone_starts_private_and_publishing_is_a_choice(
    session: AsyncSession, clock: FrozenClock
) -> None:
    scene = await neighbourhood(session, clock, ME)
    me = await session.get(Person, scene.ids["Mei"])
    assert me is not None
    assert await privacy.publish_phone(session, me, True)
    assert me.phone_public
    assert await privacy.set_phone(session, me, "not a phone") is None
    assert (me.phone, me.phone_public) == (RESIDENT_PHONE_PRIVATE, True)  # unchanged
    assert await privacy.set_phone(session, me, "+86 139 0000 1111") == "+8613900001111"
    assert (me.phone, me.phone_public) == ("+8613900001111", False)
    await privacy.clear_phone(session, me)
    assert not await privacy.publish_phone(session, me, True)
    assert (me.phone, me.phone_public) == (None, False)


# ---- what the directory shows ---------------------------------------------------------------
async def test_building_directory_lists_who_looks_after_it_and_only_public_phones(
    session: AsyncSession, clock: FrozenClock
) -> None:
    scene = await neighbourhood(session, clock, ME)
    found = await dirs.directory(session, scene.compound_id, scene.building_id)
    assert found is not None
    names = {c.name for c in found.people()}
    assert names == {"Lin", "Gao", "Zhou", "Hong"}  # not Mo (no badge), Qian (off duty), Fang
    assert [t.code for t in found.teams] == ["repairs"]
    phones = {c.name: c.phone for c in found.people()}
    assert phones == {"Lin": None, "Gao": None, "Zhou": STEWARD_PHONE_PUBLIC, "Hong": None}
    assert [e.label for e in found.entries] == ["派出所", "物业前台"]
    # Everything the directory would put on screen; not repr(), whose object addresses
    # can contain any digits.
    shown = [
        *(str(v) for c in found.people() for v in (c.name, c.label, c.phone, c.building)),
        *(str(v) for e in found.entries for v in (e.label, e.phone, e.note)),
        *(str(t.name) for t in found.teams),
    ]
    for secret in (LEADER_PHONE_PRIVATE, RESIDENT_PHONE_PRIVATE, RESIDENT_ROOM, "501"):
        assert not any(secret in s for s in shown), secret


async def test_compound_directory_names_each_leaders_building(
    session: AsyncSession, clock: FrozenClock
) -> None:
    scene = await neighbourhood(session, clock)
    found = await dirs.directory(session, scene.compound_id, None)
    assert found is not None
    assert [(c.name, c.label, c.building) for c in found.leaders] == [
        ("Lin", "building_leader", "3"), ("Fang", "building_leader", "5"),
        ("Gao", "grid_worker", None)]
    assert len(found.entries) == 3
    assert await dirs.directory(session, scene.compound_id + 99, None) is None
    assert await dirs.directory(session, scene.compound_id, scene.building_id + 99) is None


# ---- relaying ------------------------------------------------------------------------------
async def test_relay_queues_a_notice_with_a_reply_button_only_for_the_recipient(
    session: AsyncSession, clock: FrozenClock
) -> None:
    scene = await neighbourhood(session, clock, ME)
    me = await session.get(Person, scene.ids["Mei"])
    assert me is not None
    row = await dirs.relay(session, clock, me, scene.ids["Zhou"], "  楼道灯坏了  ")
    queued = (await session.execute(select(Outbox))).scalar_one()
    assert queued.text_key == "dir-relay-incoming"
    assert queued.args == {"name": "Mei", "text": "楼道灯坏了"}
    assert queued.markup == outbox.keyboard(
        [[outbox.Button("dir-relay-reply-button", ("rl", row.id))]])
    assert await dirs.reply_target(session, row.id, scene.ids["Zhou"]) == me.id
    assert await dirs.reply_target(session, row.id, scene.ids["Lin"]) is None
    for text, to, reason in (("", scene.ids["Zhou"], "empty"),
                             ("x" * (dirs.RELAY_TEXT_MAX + 1), scene.ids["Zhou"], "too_long"),
                             ("hi", me.id, "self"), ("hi", 10**9, "gone")):
        with pytest.raises(dirs.RelayRefused) as refused:
            await dirs.relay(session, clock, me, to, text)
        assert refused.value.reason == reason
    assert await count(session, Outbox) == 1


# ---- forgetting ----------------------------------------------------------------------------
async def test_forget_removes_personal_data_and_keeps_what_others_rely_on(
    session: AsyncSession, clock: FrozenClock
) -> None:
    scene = await neighbourhood(session, clock, ME)
    lin = await session.get(Person, scene.ids["Lin"])
    me = await session.get(Person, scene.ids["Mei"])
    assert lin is not None and me is not None
    lin.username, lin.last_name, lin.party_member, lin.show_badge = "lin88", "Wei", True, True
    session.add(Chat(id=lin.tg_id, type="private", title="Lin", created_at=clock.now()))
    await session.commit()
    await dirs.relay(session, clock, me, lin.id, "hello")  # lands in Lin's chat
    back = (await dirs.relay(session, clock, lin, me.id, "hi Mei")).id  # into Mei's chat
    tg_id, me_id = lin.tg_id, me.id

    counts = await privacy.forget(session, clock, lin)

    assert counts["roles"] == 1 and counts["private_chat"] == 1
    session.expire_all()
    lin = await session.get(Person, scene.ids["Lin"])
    assert lin is not None
    assert (lin.first_name, lin.last_name, lin.username, lin.tg_id, lin.phone) == (
        privacy.FORGOTTEN_NAME, None, None, None, None)
    assert not (lin.phone_public or lin.party_member or lin.show_badge)
    assert lin.forgotten_at == clock.now()
    assert await count(session, RoleGrant, RoleGrant.person_id == lin.id,
                       RoleGrant.revoked_at.is_(None)) == 0
    # What others rely on stays: the message Lin sent Mei, the relay rows, the chat row.
    assert await count(session, Outbox, Outbox.chat_id == tg_id) == 0
    assert await count(session, Outbox, Outbox.chat_id == ME.id) == 1
    assert await count(session, Relay) == 2
    assert await dirs.reply_target(session, back, me_id) == lin.id
    chat = await session.get(Chat, tg_id)
    assert chat is not None and chat.title is None
    entry = (await session.execute(
        select(AuditEntry).where(AuditEntry.action == "person.forget"))).scalar_one()
    assert entry.subject_id == lin.id
    logged = json.dumps(entry.detail, ensure_ascii=False)
    for personal in ("Lin", "Wei", "lin88", LEADER_PHONE_PRIVATE, str(tg_id)):
        assert personal not in logged
    # Gone from the directory, and forgetting twice changes nothing.
    found = await dirs.directory(session, scene.compound_id, scene.building_id)
    assert found is not None and "Lin" not in {c.name for c in found.people()}
    assert await privacy.forget(session, clock, lin) == {}


async def test_forget_ends_homes_and_team_memberships(
    session: AsyncSession, clock: FrozenClock
) -> None:
    scene = await neighbourhood(session, clock, ME)
    zhou = await session.get(Person, scene.ids["Zhou"])
    me = await session.get(Person, scene.ids["Mei"])
    assert zhou is not None and me is not None
    await privacy.forget(session, clock, me)
    await privacy.forget(session, clock, zhou)
    homes = (await session.execute(
        select(Residency.status).where(Residency.person_id == scene.ids["Mei"]))).scalars()
    assert list(homes) == [LinkStatus.ENDED]
    assert await count(session, TeamMember, TeamMember.person_id == zhou.id) == 0
    assert await count(session, Person, Person.tg_id == ME.id) == 0


async def test_features_hook_into_forgetting(session: AsyncSession, clock: FrozenClock) -> None:
    scene = await neighbourhood(session, clock, ME)
    seen: list[tuple[int, int | None]] = []

    async def hook(s: AsyncSession, c: FrozenClock, person: Person) -> int:
        seen.append((person.id, person.tg_id))  # hooks still see the Telegram id
        return 7

    privacy.register_forget_hook("test-hook", hook)
    try:
        me = await session.get(Person, scene.ids["Mei"])
        assert me is not None
        counts = await privacy.forget(session, clock, me)
    finally:
        privacy._HOOKS.pop("test-hook")
    assert seen == [(scene.ids["Mei"], ME.id)]
    assert counts["test-hook"] == 7
    assert "test-hook" not in privacy.forget_hooks()
    assert {"residencies", "roles", "teams", "private_chat"} <= set(privacy.forget_hooks())
