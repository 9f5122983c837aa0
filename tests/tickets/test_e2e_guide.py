"""Residents learn how to report: /help, the welcome pinned after /setup and a bare /report
show every category's hashtag in the reader's language, with an example that works."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.i18n import render
from models.registry import Compound
from models.roles import Role
from models.tickets import Ticket
from models.tickets_config import TicketCategoryConfig
from services.tickets.categories import Category
from tests.harness import Harness
from tests.tickets import factories as f
from tests.tickets.world import LANGUAGE, LOCALES, World, build

TAGS = {
    "zh-Hans": ["#报修", "#投诉", "#建议", "#心愿", "#纠纷", "#安全"],
    "zh-Hant": ["#報修", "#投訴", "#建議", "#心願", "#糾紛", "#安全"],
    "en": ["#repair", "#complaint", "#suggestion", "#wish", "#dispute", "#safety"],
}


async def tickets(h: Harness) -> int:
    async with h.app.sessions() as s:
        return int((await s.execute(select(func.count()).select_from(Ticket))).scalar_one())


async def with_extra_tag(h: Harness, locale: str) -> World:
    """The compound speaks `locale` and also takes #物业 for complaints (/tkconfig)."""
    w = await build(h, locale, unstarted=("lan",))
    async with h.app.sessions() as s:
        compound = await s.get(Compound, w.compound_id)
        assert compound is not None
        compound.locale = locale
        s.add(TicketCategoryConfig(compound_id=w.compound_id, category="complaint",
                                   desk=False, tags=["#物业"]))
        await s.commit()
    return w


def guide_lines(w: World, extra: bool = True) -> list[str]:
    lines = []
    for category, tag in zip(Category, TAGS[w.locale], strict=True):
        also = w.text("tk-guide-also", tags="#物业") if extra and category == "complaint" else ""
        lines.append(w.text("tk-guide-line", tag=tag, also=also,
                            example=w.text(f"tk-guide-example-{category.value}")))
    return lines


@pytest.mark.parametrize("locale", LOCALES)
async def test_help_and_a_bare_report_show_the_hashtags(h: Harness, locale: str) -> None:
    w = await with_extra_tag(h, locale)
    expected = guide_lines(w)

    await h.send(w.mei, "/help", chat=w.group)
    text = w.last(w.group).text
    assert all(line in text.splitlines() for line in expected), text
    assert w.text("tk-guide-title") in text

    await h.send(w.mei, "/help")
    private = "\n".join(w.texts(w.mei)[-2:])
    assert all(line in private for line in expected) and w.text("tk-guide-private") in private

    # Lan never pressed Start: a bare /report is answered in the group, and files nothing.
    await h.send(w.lan, "/report", chat=w.group)
    reply = w.last(w.group)
    assert reply.text.startswith(w.text("tk-report-guide"))
    assert all(line in reply.text for line in expected)
    assert reply.reply_to_message_id is not None and await tickets(h) == 0

    # Staff chats take no reports: their /help has no hashtags.
    await h.send(w.wang, "/help", chat=w.staff)
    assert TAGS[locale][0] not in w.last(w.staff).text

    # The example works as it stands, and so does the compound's own tag.
    example = f"{TAGS[locale][0]} {w.text('tk-guide-example-repair')}"
    await h.send(w.lan, example, chat=w.group)
    await h.send(w.mei, "#物业 " + w.text("tk-guide-example-complaint"), chat=w.group)
    async with h.app.sessions() as s:
        made = (await s.execute(select(Ticket.category).order_by(Ticket.id))).scalars().all()
    assert made == ["repair", "complaint"]


@pytest.mark.parametrize("locale", LOCALES)
async def test_setup_pins_a_welcome_in_the_group_s_language(h: Harness, locale: str) -> None:
    """The admin reads another language than the group: the welcome is in the group's."""
    w = await with_extra_tag(h, locale)
    other = "en" if locale != "en" else "zh-Hans"
    boss = h.emu.add_user("Boss", language_code=LANGUAGE[other], started=True)
    async with h.app.sessions() as s:
        admin = await f.person(s, h.clock, boss.id, "Boss", other)
        compound = await s.get(Compound, w.compound_id)
        assert compound is not None
        await f.grant(s, h.clock, admin, compound, Role.ADMIN)
        await s.commit()

    def boss_says(key: str) -> str:
        return render(h.app.core, other, key, {})

    group = h.emu.add_group("Whole compound", members=[boss, w.mei], admins=[boss],
                            bot_status="administrator")
    await h.send(boss, "/setup", chat=group)
    await h.press(boss, w.last(group).message_id, boss_says("setup-purpose-compound"),
                  chat=group)
    welcome = w.last(group)
    assert welcome.text.startswith(w.text("tk-welcome-title"))
    assert all(line in welcome.text for line in guide_lines(w))
    assert welcome.pinned

    # A group where the bot is no admin still gets the welcome, unpinned, and a hint.
    plain = h.emu.add_group("Building 3 bis", members=[boss], admins=[boss], bot_status="member")
    await h.send(boss, "/setup", chat=plain)
    await h.press(boss, w.last(plain).message_id, boss_says("setup-purpose-compound"),
                  chat=plain)
    assert w.last(plain).text.startswith(w.text("tk-welcome-title")) and not w.last(plain).pinned
    assert any(boss_says("setup-make-admin") in t for t in w.texts(plain))

    # A staff chat gets no welcome for residents.
    staff = h.emu.add_group("Office 2", members=[boss], admins=[boss], bot_status="member")
    await h.send(boss, "/setup", chat=staff)
    await h.press(boss, w.last(staff).message_id, boss_says("setup-purpose-party"), chat=staff)
    assert not any(t.startswith(w.text("tk-welcome-title")) for t in w.texts(staff))
