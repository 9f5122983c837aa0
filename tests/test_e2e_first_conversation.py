"""/start, /help, /lang, anti-flood and the error apology, through the emulator."""

from __future__ import annotations

import logging
import re

import pytest
from aiogram import F, Router
from aiogram.types import Message
from sqlalchemy import select

from models.person import Person
from tests.harness import Harness, HarnessFactory

GREETING = {
    "zh-hans": "我是红管家",
    "zh-hant": "我是紅管家",
    "en": "I am Red Steward",
    "zh-TW": "我是紅管家",
    "ru": "我是红管家",  # unknown languages get DEFAULT_LOCALE
}


@pytest.mark.parametrize("code", list(GREETING))
async def test_start_greets_in_the_persons_language(h: Harness, code: str) -> None:
    user = h.emu.add_user("Mei", language_code=code)
    await h.send(user, "/start")
    reply = h.emu.last(user.id).text
    assert "Mei" in reply
    assert GREETING[code] in reply
    assert "/help" in reply


async def test_lang_switch_sticks_across_restarts(
    make_harness: HarnessFactory, h: Harness
) -> None:
    user = h.emu.add_user("Li", language_code="zh-hans")
    await h.send(user, "/lang")
    menu = h.emu.last(user.id)
    assert menu.text == "请选择语言："
    assert h.emu.buttons(menu) == ["简体中文", "繁體中文", "English"]

    await h.press(user, menu.message_id, "English")
    assert h.emu.last(user.id).text == "Done. I will talk to you in English from now on."

    await h.send(user, "/start")
    assert "I am Red Steward" in h.emu.last(user.id).text

    # Telegram still says zh-hans; the choice wins, and survives a restart.
    await h.stop()
    h2 = await make_harness()
    await h2.send(user, "/start")
    assert "I am Red Steward" in h2.emu.last(user.id).text
    async with h2.app.sessions() as s:
        person = (await s.execute(select(Person).where(Person.tg_id == user.id))).scalar_one()
    assert (person.locale, person.locale_chosen) == ("en", True)


async def test_lang_choice_sets_a_menu_for_that_chat(h: Harness) -> None:
    user = h.emu.add_user("Chan", language_code="zh-hans")
    await h.send(user, "/lang")
    await h.press(user, h.emu.last(user.id).message_id, "繁體中文")
    assert h.emu.last(user.id).text == "好的，以後我會用繁體中文和您交流。"
    menu = h.emu.commands("chat", chat_id=user.id)
    assert {c["command"]: c["description"] for c in menu}["lang"] == "切換語言"


async def test_command_menus_are_registered_per_scope_and_language(h: Harness) -> None:
    zh = {c["command"]: c["description"] for c in h.emu.commands("all_private_chats", "zh")}
    en = {c["command"]: c["description"] for c in h.emu.commands("all_private_chats", "en")}
    default = {c["command"] for c in h.emu.commands("default")}
    assert zh["lang"] == "切换语言"
    assert en["lang"] == "Change language"
    assert {"start", "help", "lang"} <= default
    group = {c["command"] for c in h.emu.commands("all_group_chats", "zh")}
    assert "help" in group and "lang" not in group and "start" not in group


async def test_help_depends_on_chat_type(h: Harness) -> None:
    user = h.emu.add_user("Wang", language_code="en")
    group = h.emu.add_group("Building 3", members=[user], bot_status="member")
    await h.send(user, "/help")
    assert "/lang" in h.emu.last(user.id).text
    await h.send(user, "/help", chat=group)
    assert "message me privately" in h.emu.last(group.id).text


async def test_unknown_command_gets_a_localized_answer(h: Harness) -> None:
    user = h.emu.add_user("Zhao", language_code="zh-hk")
    await h.send(user, "/frobnicate")
    assert h.emu.last(user.id).text == "沒有這個指令。發送 /help 查看可用指令。"


async def test_flooding_person_is_told_to_slow_down_once(make_harness: HarnessFactory) -> None:
    h = await make_harness(throttle_burst=2, throttle_period_seconds=60)
    user = h.emu.add_user("Fast", language_code="en")
    for _ in range(5):
        await h.send(user, "/help")
    texts = [m.text for m in h.emu.sent(user.id)]
    assert texts.count("You are going a little fast. Please wait a few seconds and try again.") == 1
    assert sum("/lang" in t for t in texts) == 2
    other = h.emu.add_user("Calm", language_code="en")
    await h.send(other, "/help")
    assert "/lang" in h.emu.last(other.id).text


async def test_an_unexpected_error_is_apologised_for_with_a_reference(
    make_harness: HarnessFactory, caplog: pytest.LogCaptureFixture
) -> None:
    boom = Router(name="boom")

    @boom.message(F.text == "/boom")
    async def explode(message: Message) -> None:
        raise RuntimeError("kaboom")

    h = await make_harness()
    h.app.dp.sub_routers.insert(0, boom)
    boom._parent_router = h.app.dp
    user = h.emu.add_user("Sun", language_code="zh-hans")
    with caplog.at_level(logging.ERROR, logger="steward.errors"):
        await h.send(user, "/boom")
    apology = h.emu.last(user.id).text
    ref = re.search(r"编号：([0-9a-f]{8})", apology)
    assert ref, apology
    assert any(ref.group(1) in r.getMessage() and r.exc_info for r in caplog.records)
    # polling goes on
    await h.send(user, "/help")
    assert "/lang" in h.emu.last(user.id).text
