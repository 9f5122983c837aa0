"""The review card of a sign-up shows what the household register says about the flat —
the owner's name masked, the phone's last four digits — and flags a claimant who does not
fit, in the reviewer's language."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import render
from models.person import Person
from models.registry import Residency
from models.roles import Role
from tests import factories as f
from tests.emulator.state import User
from tests.harness import Harness
from tests.test_registration_e2e import SAYS, Scene, _claim

CODES = {"zh-Hans": "zh-hans", "zh-Hant": "zh-hant", "en": "en"}


async def register_scene(h: Harness, locale: str) -> Scene:
    """Building 3, entrance 2: 101 is 李桂兰's (139 0013 8000), 102 is 王建国's, 201 has
    neither a name nor a phone in the register. One admin reads `locale`."""
    admin = h.emu.add_user("Zhang", language_code=CODES[locale], started=True)
    group = h.emu.add_group("3号楼", admins=[admin], bot_status="administrator")
    async with h.app.sessions() as s:
        reg = await f.compound(s, h.clock, "Sunny Garden", buildings=3, entrances=2,
                               rooms=f.room_labels(2, 2))
        building = reg.building("3")
        entrance = reg.entrances[building.id][1]
        for room, name, phone in (("101", "李桂兰", "13900138000"),
                                  ("102", "王建国", "13700001234")):
            home = await f.household(s, entrance, room)
            home.owner_name, home.phone = name, phone
        p = await f.person(s, h.clock, admin.id, "Zhang", locale=locale)
        await f.grant(s, h.clock, reg.compound.id, p.id, Role.ADMIN)
        await f.bind_group(s, h.clock, group.id, reg.compound.id, building.id, title="3号楼")
        await s.commit()
        return Scene(h, h.emu, group, admin, admin, reg.compound.id, building.id)


async def resident(h: Harness, first: str, last: str | None, phone: str | None,
                   locale: str) -> User:
    user = h.emu.add_user(first, last_name=last, language_code=CODES[locale])
    async with h.app.sessions() as s:
        p = await f.person(s, h.clock, user.id, first, locale=locale)
        p.last_name, p.phone = last, phone
        await s.commit()
    return user


@pytest.mark.parametrize("locale", list(CODES))
async def test_the_card_shows_the_register_and_flags_a_mismatch(h: Harness, locale: str) -> None:
    sc = await register_scene(h, locale)
    lang = CODES[locale]

    def says(key: str, **args: object) -> str:
        return render(h.app.core, locale, key, args)

    # The owner herself: her Telegram name in either order, her phone with +86 and spaces.
    lan = await resident(h, "桂兰", "李", "+86 139 0013 8000", locale)
    await _claim(sc, lan, lang, "101", "owner")
    await h.deliver()
    card = h.emu.last(sc.admin1).text
    assert says("reg-register", name="李*兰", phone="****8000") in card
    assert says("reg-check-match") in card and "李桂兰" not in card and "13900138000" not in card

    # Somebody else claims 王建国's flat as its owner, with another phone.
    bob = await resident(h, "Bob", None, "13800000000", locale)
    await _claim(sc, bob, lang, "102", "owner")
    await h.deliver()
    card = h.emu.last(sc.admin1)
    assert says("reg-register", name="王*国", phone="****1234") in card.text
    warning = card.text.split(says("reg-check-mismatch", what="").splitlines()[0])[1]
    assert says("reg-mismatch-name") in warning
    assert says("reg-mismatch-phone", tail="****0000") in warning
    # The decision keeps what the card said: the closed card still shows the warning.
    await h.press(sc.admin1, card.message_id, says("reg-card-reject"))
    assert says("reg-mismatch-name") in card.text and says("reg-status-rejected") in card.text

    # A tenant of a flat the register knows nothing about: said so, nothing to flag.
    tom = await resident(h, "Tom", None, None, locale)
    step = await _claim(sc, tom, lang, "201", "tenant")
    assert SAYS[lang]["sent"] in step.text
    await h.deliver()
    card = h.emu.last(sc.admin1).text
    assert says("reg-register-empty") in card and says("reg-check-none") in card
    assert "⚠️" not in card
    async with h.app.sessions() as s:
        rows = (await s.execute(select(Residency.relation, Residency.status)
                                .order_by(Residency.id))).all()
        assert [tuple(r) for r in rows] == [("owner", "pending"), ("owner", "rejected"),
                                            ("tenant", "pending")]
        assert (await s.execute(select(Person.phone).where(Person.tg_id == bob.id))
                ).scalar_one() == "13800000000"  # reviewing changed nobody's data
