"""End to end: council votes with names, and the organizer's /polls tools."""

from __future__ import annotations

from sqlalchemy import select

from models.person import Person
from models.polls import PollBallot, PollKind
from models.registry import Compound
from models.roles import AuditEntry
from tests.harness import Harness
from tests.polls import factories as f
from tests.polls.e2e_world import build, press_last


async def _poll(h: Harness, w, kind: PollKind, **fields) -> int:  # type: ignore[no-untyped-def]
    async with h.app.sessions() as s:
        boss = await s.get(Person, w.person_ids[w.organizer.id])
        c = await s.get(Compound, w.compound_id)
        poll = await f.open_poll(s, h.clock, c, boss, kind, chats=[w.group.id], **fields)
        return poll.id


async def test_council_vote_invites_members_and_names_them_in_the_result(h: Harness) -> None:
    w = await build(h, "en")
    boss, (leader, _, _) = w.organizer, w.owners
    async with h.app.sessions() as s:
        c = await s.get(Compound, w.compound_id)
        member = await s.get(Person, w.person_ids[leader.id])
        await f.grant(s, h.clock, member, c, "building_leader")
        await s.commit()
    await _poll(h, w, PollKind.COUNCIL, question="Close the east gate at night?")
    await h.deliver()
    for user in (boss, leader):
        assert "The council asks for your vote" in h.emu.last(user.id).text
    card = h.emu.last(w.group.id)
    assert h.emu.buttons(card) == ["1. Yes", "2. No", "3. Abstain"]
    refused = await h.press(w.owners[1], card.message_id, "1. Yes", chat=w.group)
    assert "Only council members" in refused["text"]
    await h.press(leader, card.message_id, "1. Yes", chat=w.group)
    await press_last(h, boss, "Vote now")
    await press_last(h, boss, "2. No")

    await h.send(boss, "/polls")
    await press_last(h, boss, "#1 Close the east gate at night? (open)")
    view = h.emu.last(boss.id).text
    assert "Voted: 2 / 2 (100.00%)" in view
    await press_last(h, boss, "Close now")
    await press_last(h, boss, "Yes, close it")
    assert "The poll is closed" in h.emu.last(boss.id).text
    h.clock.advance(seconds=10)  # the card's last batched edit goes first, then the result
    await h.deliver()
    result = h.emu.last(w.group.id).text
    assert "1. Yes: 1 (50.00%)\n⠀⠀Owner0" in result and "2. No: 1 (50.00%)\n⠀⠀Organizer" in result


async def test_paper_ballot_export_chart_extend_and_cancel(h: Harness) -> None:
    w = await build(h, "en")
    boss = w.organizer
    poll_id = await _poll(h, w, PollKind.ASSEMBLY, question="Use the fund for the lifts?",
                          matter="fund_use", secret=True)
    await h.deliver()
    await h.send(boss, "/polls")
    await press_last(h, boss, "#1 Use the fund for the lifts? (open)")
    await press_last(h, boss, "Record paper ballot")
    await h.send(boss, "9-909")
    assert "could not find that home" in h.emu.last(boss.id).text
    await h.send(boss, "3栋104")
    await press_last(h, boss, "1. Yes")
    await h.send(boss, "collected by leader Wang")
    assert h.emu.last(boss.id).text == "Paper ballot recorded for 3-104: 1. Yes"
    async with h.app.sessions() as s:
        paper = (await s.execute(select(PollBallot))).scalar_one()
        assert (paper.source, paper.person_id) == ("paper", None)
        assert paper.note == "collected by leader Wang"
        trail = (await s.execute(select(AuditEntry).where(
            AuditEntry.action == "poll.paper"))).scalar_one()
        assert "options" not in trail.detail  # secret: the log never holds the choice

    await h.send(boss, "/polls")
    await press_last(h, boss, "#1 Use the fund for the lifts? (open)")
    view = h.emu.last(boss.id)
    assert "Owners voted: 1 / 4 (25.00%; one owner's several homes" in view.text
    assert "Area voted: 100.00 / 400.00 m² (25.00%)" in view.text
    assert "· Block 3: 1 / 4 homes, 100.00 / 400.00 m²" in view.text
    assert "Results will be shown after the poll closes." in view.text  # secret, not live
    await h.press(boss, view.message_id, "Export CSV")
    doc = h.emu.last(boss.id)
    assert doc.document is not None and doc.document[1].startswith(b"\xef\xbb\xbf")
    await h.press(boss, view.message_id, "Extend")
    await h.send(boss, "1h")
    assert "later than the current one" in h.emu.last(boss.id).text
    await h.send(boss, "5d")
    assert h.emu.last(boss.id).text.startswith("Extended. New closing time: 2026-03-07")
    h.clock.advance(seconds=10)  # after the card's batched edit (from the paper ballot)
    await h.deliver()
    assert "has been extended" in h.emu.last(w.group.id).text
    await h.press(boss, view.message_id, "Cancel poll")
    await h.send(boss, "The committee will meet first")
    assert "cancelled" in h.emu.last(boss.id).text
    await h.deliver()
    assert "Reason: The committee will meet first" in h.emu.last(w.group.id).text
    await h.press(boss, view.message_id, "Bar chart")
    chart = h.emu.last(boss.id)
    assert chart.photo is None and "after the poll closes" in chart.text
    await h.send(w.owners[0], f"/start pv{poll_id}")
    assert "has closed" in h.emu.last(w.owners[0].id).text


async def test_chart_after_close_is_a_png_with_the_options_in_the_caption(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    boss = w.organizer
    await _poll(h, w, PollKind.QUICK, question="Which day for the clean-up?",
                options=["周六", "周日"])
    await h.deliver()
    card = h.emu.last(w.group.id)
    await h.press(w.owners[0], card.message_id, "2. 周日", chat=w.group)
    await h.send(boss, "/polls")
    await press_last(h, boss, "#1 Which day for the clean-up?（进行中）")
    await press_last(h, boss, "柱状图")
    chart = h.emu.last(boss.id)
    assert chart.photo is not None and chart.photo.startswith(b"\x89PNG")
    assert "1. 周六：0 票\n2. 周日：1 票" in (chart.message.get("caption") or "")
