"""What the in-process cache of people, chats and bindings may and may not do.

Ordinary group chatter from people the bot knows costs no statement at all; anything that
changes a cached row is seen by the very next update, whoever changed it.
"""

from __future__ import annotations

from sqlalchemy import func, select, update

from bot.i18n import render
from models.chat import Chat
from models.person import Person
from models.tickets import Ticket
from services import setup
from tests.harness import Harness
from tests.statements import counted
from tests.tickets.world import REPORT, build


async def test_known_chatter_costs_nothing_and_a_new_name_is_written_once_a_minute(
    h: Harness,
) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.mei, "大家早上好", chat=w.group)  # the bot gets to know her and the group
    with counted(h.app.engine) as quiet:
        for text in ("今天停水吗？", "听说下午三点来水", "好的谢谢"):
            await h.send(w.mei, text, chat=w.group)
    assert quiet.total == 0, str(quiet)
    assert w.h.emu.sent(w.group) == []

    w.mei.first_name = "Mei 3-2-301"
    with counted(h.app.engine) as renamed:
        await h.send(w.mei, "我改了名字", chat=w.group)
        w.mei.first_name = "梅 3-2-301"
        await h.send(w.mei, "又改了一次", chat=w.group)
    assert renamed.commits == 1, str(renamed)  # the second change waits for the minute
    h.clock.advance(seconds=61)
    await h.send(w.mei, "一分钟以后", chat=w.group)
    async with h.app.sessions() as s:
        names = (await s.execute(select(Chat.title).where(Chat.id == w.group.id))).scalars()
        assert list(names) == ["Building 3"]
    async with h.app.sessions() as s:
        mei = await s.get(Person, w.person_ids["mei"])
        assert mei is not None and mei.first_name == "梅 3-2-301"


async def test_a_group_unbound_by_anyone_stops_taking_reports_at_once(h: Harness) -> None:
    w = await build(h, "en")
    await h.send(w.mei, REPORT["en"], chat=w.group)
    assert "#1" in (w.last(w.group).text or "")
    async with h.app.sessions() as s:  # e.g. the bot was removed while another update ran
        await setup.unbind_chat(s, h.clock, w.group.id, None)
    await h.send(w.lan, "#repair The gate is broken", chat=w.group)
    assert w.last(w.group).text == w.text("tk-group-unbound")
    async with h.app.sessions() as s:
        assert (await s.execute(select(func.count()).select_from(Ticket))).scalar_one() == 1


async def test_a_bulk_update_of_a_cached_table_is_seen_by_the_next_update(h: Harness) -> None:
    w = await build(h, "en")
    await h.send(w.mei, "hello", chat=w.group)
    async with h.app.sessions() as s:
        await s.execute(update(Chat).where(Chat.id == w.group.id).values(title="Old name"))
        await s.commit()
    await h.send(w.mei, "hello again", chat=w.group)  # the gate must not trust its copy
    async with h.app.sessions() as s:
        assert await s.scalar(select(Chat.title).where(Chat.id == w.group.id)) == "Building 3"


async def test_a_language_chosen_is_used_at_once(h: Harness) -> None:
    w = await build(h, "en")
    await h.send(w.mei, "/start")
    await h.send(w.mei, "/lang")
    await h.press(w.mei, w.last(w.mei).message_id, "简体中文")
    await h.send(w.mei, "/start")
    greeting = render(h.app.core, "zh-Hans", "start-greeting", {"name": "Mei"})
    assert (w.last(w.mei).text or "").startswith(greeting)
