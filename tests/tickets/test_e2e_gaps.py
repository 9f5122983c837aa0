"""A compound whose ladder has a gap: nobody holds the community office (level 3)."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from models.registry import ChatBinding
from models.roles import Role, RoleGrant
from models.tickets import Ticket, TicketEvent
from tests.harness import Harness
from tests.tickets import factories as f
from tests.tickets.world import LANGUAGE, LOCALES, REPORT, World, build


async def without_office(h: Harness, locale: str) -> tuple[World, object]:
    """The scene of the other ticket tests, minus the office's chat and officer, plus an
    admin (Boss) who has pressed Start."""
    w = await build(h, locale)
    boss = h.emu.add_user("Boss", language_code=LANGUAGE[locale], started=True)
    async with h.app.sessions() as s:
        admin = await f.person(s, h.clock, boss.id, "Boss", locale)
        from models.registry import Compound

        compound = await s.get(Compound, w.compound_id)
        await f.grant(s, h.clock, admin, compound, Role.ADMIN)
        await s.execute(delete(ChatBinding).where(ChatBinding.chat_id == w.office.id))
        await s.execute(delete(RoleGrant).where(RoleGrant.role == Role.COMMUNITY_OFFICER.value))
        await s.commit()
    return w, boss


@pytest.mark.parametrize("locale", LOCALES)
async def test_ticket_skips_the_empty_level_and_everyone_is_told(h: Harness, locale: str) -> None:
    w, boss = await without_office(h, locale)

    # The daily check tells the admin privately, with the command that fills the gap.
    done = await h.tick()
    assert done["tickets.gaps"] == 1, done
    warning = w.last(boss)
    assert "/grant" in warning.text and "/setup" in warning.text
    assert warning.text == w.text("tk-gap-3", compound="Sunny Garden")
    await h.tick()  # the same day: once
    assert len(h.emu.sent(boss)) == 1

    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    staff_card = w.last(w.staff)
    # Nobody accepts: level 2 first (the party branch has a chat), the staff chat sees it.
    h.clock.advance(hours=2, minutes=1)
    await h.tick()
    await w.flush()
    assert "#1" in w.last(w.branch).text
    up = [m for m in w.texts(w.staff) if m.startswith(w.text("tk-w-escalated", number=1,
          category=w.text("tk-cat-repair"), reason=w.text("tk-reason-accept-late"),
          level=w.text("tk-level-2"))[:6])]
    assert up and w.text("tk-level-2") in up[-1]
    edited = h.emu.message(w.staff, staff_card.message_id) or {}
    assert w.text("tk-card-late").strip() in edited.get("text", "")

    # Another window: level 3 has nobody, so the admin gets the working card.
    h.clock.advance(hours=2, minutes=1)
    await h.tick()
    await w.flush()
    card = w.last(boss)
    assert "#1" in card.text and w.text("tk-btn-take") in h.emu.buttons(card)
    holder = w.text("tk-holder-admins")
    assert holder in w.last(w.mei).text
    assert w.text("tk-level-3") not in w.last(w.mei).text
    assert holder in w.last(w.staff).text
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket))).scalars().one()
        notes = [(e.kind, e.note) for e in (await s.execute(
            select(TicketEvent).where(TicketEvent.kind.in_(("escalate", "skip")))
            .order_by(TicketEvent.id))).scalars()]
    assert t.level == 3
    assert notes == [("escalate", "accept-late"), ("escalate", "accept-late"),
                     ("skip", "L3 → admins")]

    # The admin can work it from his private chat.
    await h.press(boss, card.message_id, w.text("tk-btn-take"))
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket))).scalars().one()
    assert t.status == "accepted"


async def test_suggestion_without_a_party_branch_goes_to_the_office(h: Harness) -> None:
    """zh-Hans: a desk ticket starts at level 2; nobody holds it, so the office gets it."""
    w = await build(h, "zh-Hans")
    async with h.app.sessions() as s:
        await s.execute(delete(ChatBinding).where(ChatBinding.chat_id == w.branch.id))
        await s.execute(delete(RoleGrant).where(RoleGrant.role == Role.PARTY_BRANCH.value))
        await s.commit()
    await h.send(w.mei, "#建议 小区门口能不能加一个快递柜", chat=w.group)
    await h.deliver()
    card = w.last(w.office)
    assert "#1" in card.text and w.text("tk-btn-take") in h.emu.buttons(card)
    assert h.emu.sent(w.branch) == []
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket))).scalars().one()
        skip = (await s.execute(select(TicketEvent.note).where(TicketEvent.kind == "skip")))
        assert (t.level, skip.scalars().all()) == (3, ["L2 → L3"])


async def test_setup_warns_the_admin_of_the_gap(h: Harness) -> None:
    """zh-Hans: binding a group with /setup tells the admin privately what is missing."""
    w, boss = await without_office(h, "zh-Hans")
    group = h.emu.add_group("Whole compound", members=[boss], admins=[boss], bot_status="member")
    await h.send(boss, "/setup", chat=group)
    menu = w.last(group)
    await h.press(boss, menu.message_id, w.text("setup-purpose-compound"), chat=group)
    await h.deliver()
    bound = w.text("setup-bound-compound", compound="Sunny Garden")
    assert any(bound in text for text in w.texts(group))
    assert w.last(boss).text == w.text("tk-gap-3", compound="Sunny Garden")
