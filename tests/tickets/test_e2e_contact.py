"""How a steward reaches a reporter: asked once in the report, remembered, changed in
/profile; the phone and @username appear on the staff card only with the reporter's word."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from models.person import Person
from models.registry import Household, Residency
from services.place_names import place
from tests.harness import Harness
from tests.tickets.world import LOCALES, REPORT, World, build

PHONE = "13800138000"
REGISTER_PHONE = "13900139000"
LEAK = {"zh-Hans": "楼下的排水沟堵了", "zh-Hant": "樓下的排水溝堵了", "en": "The drain is blocked"}
DOOR = {"zh-Hans": "单元门的门禁刷不开", "zh-Hant": "單元門的門禁刷不開",
        "en": "The entrance door card reader rejects every card"}


async def private_report(
    h: Harness, w: World, locale: str, problem: dict[str, str] = LEAK
) -> tuple[str, list[str], int]:
    """Mei goes through /report up to the confirmation; its text, its buttons, its id."""
    await h.send(w.mei, "/report")
    await h.press(w.mei, w.last(w.mei).message_id, w.text("tk-cat-repair"))
    await h.send(w.mei, problem[locale])
    await h.press(w.mei, w.last(w.mei).message_id, w.text("tk-btn-next"))
    home = w.text("tk-where-home-btn", home=place(building="3", entrance="2", room="301"))
    await h.press(w.mei, w.last(w.mei).message_id, home)
    confirm = w.last(w.mei)
    return confirm.text or "", h.emu.buttons(confirm), confirm.message_id


async def person(h: Harness, person_id: int) -> Person:
    async with h.app.sessions() as s:
        return await s.get(Person, person_id)


@pytest.mark.parametrize("locale", LOCALES)
async def test_asked_once_then_on_the_staff_card_only(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    w.mei.username = "mei3301"
    async with h.app.sessions() as s:
        await s.execute(update(Person).where(Person.id == w.person_ids["mei"])
                        .values(phone=PHONE))
        await s.commit()

    text, buttons, confirm_id = await private_report(h, w, locale)
    assert w.text("tk-ask-contact") in text
    assert buttons[:2] == [w.text("tk-btn-contact-yes"), w.text("tk-btn-contact-no")]
    answer = await h.press(w.mei, confirm_id, w.text("tk-btn-contact-yes"))
    assert answer["text"] == w.text("tk-contact-yes")
    # The answer is kept, and the buttons that asked are gone from the confirmation.
    assert (await person(h, w.person_ids["mei"])).contact_staff is True
    assert h.emu.buttons(h.emu.message(w.mei, confirm_id)) == [
        w.text("tk-btn-send"), w.text("tk-btn-send-anon"), w.text("tk-btn-cancel")]
    await h.press(w.mei, confirm_id, w.text("tk-btn-send"))
    await h.deliver()
    card = w.last(w.staff)
    assert w.text("tk-card-contact", how=f"{PHONE} · @mei3301") in card.text

    # Asked once: the next report does not ask again.
    text, buttons, _ = await private_report(h, w, locale)
    assert w.text("tk-ask-contact") not in text
    assert w.text("tk-btn-contact-yes") not in buttons


@pytest.mark.parametrize("locale", LOCALES)
async def test_no_word_no_contact_and_never_for_anonymous(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    async with h.app.sessions() as s:
        await s.execute(update(Person).values(phone=PHONE))
        await s.commit()
    # Lan never answered: her group report's card says nothing of how to reach her.
    await h.send(w.lan, REPORT[locale], chat=w.group)
    await h.deliver()
    assert PHONE not in w.last(w.staff).text
    assert w.text("tk-card-contact", how=PHONE) not in w.last(w.staff).text

    # Mei says no: no phone either.
    _, _, confirm_id = await private_report(h, w, locale)
    await h.press(w.mei, confirm_id, w.text("tk-btn-contact-no"))
    assert (await person(h, w.person_ids["mei"])).contact_staff is False
    await h.press(w.mei, confirm_id, w.text("tk-btn-send"))
    await h.deliver()
    assert PHONE not in w.last(w.staff).text

    # She changes her mind in /profile; an anonymous report still never shows her phone.
    await h.send(w.mei, "/profile")
    card = w.last(w.mei)
    assert w.text("profile-contact-no") in (card.text or "")
    await h.press(w.mei, card.message_id, w.text("profile-btn-contact-on"))
    assert (await person(h, w.person_ids["mei"])).contact_staff is True
    assert w.text("profile-btn-contact-off") in h.emu.buttons(h.emu.message(w.mei,
                                                                            card.message_id))
    _, _, confirm_id = await private_report(h, w, locale, DOOR)
    await h.press(w.mei, confirm_id, w.text("tk-btn-send-anon"))
    await h.deliver()
    assert PHONE not in w.last(w.staff).text
    # The group where the neighbours read never sees a phone, whatever was allowed.
    assert not any(PHONE in t for t in w.texts(w.group))


async def test_the_register_phone_belongs_to_the_owner_only(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    async with h.app.sessions() as s:
        await s.execute(update(Household).values(phone=REGISTER_PHONE))
        await s.execute(update(Person).values(contact_staff=True))
        await s.commit()
    # Lan owns her flat (verified): with no phone of her own, the register's one is shown.
    await h.send(w.lan, REPORT["zh-Hans"], chat=w.group)
    await h.deliver()
    assert REGISTER_PHONE in w.last(w.staff).text
    assert REGISTER_PHONE not in w.last(w.group).text
    # A tenant's card never shows the owner's number from the register.
    async with h.app.sessions() as s:
        await s.execute(update(Residency).where(Residency.person_id == w.person_ids["mei"])
                        .values(relation="tenant"))
        await s.commit()
    await h.send(w.mei, "#报修 单元门的门禁刷不开", chat=w.group)
    await h.deliver()
    assert "门禁" in w.last(w.staff).text and REGISTER_PHONE not in w.last(w.staff).text
