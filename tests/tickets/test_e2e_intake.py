"""Intake: the private /report wizard (photos, anonymity), +1 and the duplicate hint,
/ticket for someone else, forum topics."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tickets import Ticket, TicketFollower, TicketPhoto
from services.place_names import place
from tests.harness import Harness
from tests.tickets.world import LOCALES, REPORT, SAME, build

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (640).to_bytes(4, "big") \
    + (480).to_bytes(4, "big") + b"\x08\x02\x00\x00\x00" + b"0" * 64
DESCRIPTION = {"zh-Hans": "厨房水管漏水，地上都湿了", "zh-Hant": "廚房水管漏水，地上都濕了",
               "en": "The kitchen pipe is leaking all over the floor"}


async def followers(h: Harness, ticket_number: int) -> set[int]:
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket).where(Ticket.number == ticket_number))).scalar_one()
        rows = await s.execute(select(TicketFollower.person_id)
                               .where(TicketFollower.ticket_id == t.id))
        return set(rows.scalars())


@pytest.mark.parametrize("locale", LOCALES)
async def test_private_report_with_photo_anonymously(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, "/report")
    ask = w.last(w.mei)
    assert ask.text == w.text("tk-ask-category")
    await h.press(w.mei, ask.message_id, w.text("tk-cat-repair"))
    await h.send(w.mei, DESCRIPTION[locale])
    await h.send(w.mei, photo=PNG, caption="")
    got = w.last(w.mei)
    assert got.text == w.text("tk-got-photo", count=1)
    await h.press(w.mei, got.message_id, w.text("tk-btn-next"))
    where = w.last(w.mei)
    home = w.text("tk-where-home-btn", home=place(building="3", entrance="2", room="301"))
    assert h.emu.buttons(where)[0] == home
    await h.press(w.mei, where.message_id, home)
    confirm = w.last(w.mei)
    assert DESCRIPTION[locale] in confirm.text
    await h.press(w.mei, confirm.message_id, w.text("tk-btn-send-anon"))
    done = w.last(w.mei)
    assert "#1" in done.text and w.text("tk-created-anon") in done.text

    await h.deliver()
    staff = h.emu.sent(w.staff)
    card = staff[0]
    # Anonymous: the building, no room and no name — even on the staff card.
    assert "301" not in card.text and "Mei" not in card.text
    assert w.text("tk-anonymous-staff") in card.text and DESCRIPTION[locale] in card.text
    assert staff[1].method == "sendPhoto" and staff[1].photo == PNG
    # The photo is part of the card: a reply to it, not a stray message in the chat.
    assert staff[1].reply_to_message_id == card.message_id
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket))).scalar_one()
        photos = (await s.execute(select(TicketPhoto))).scalars().all()
    assert (t.anonymous, t.area, t.household_id) == (True, "home", w.households[0])
    assert len(photos) == 1


@pytest.mark.parametrize("locale", LOCALES)
async def test_duplicate_hint_and_plus_one(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    # Lan reports the same thing: offered "+1 to #1" instead of a new ticket.
    await h.send(w.lan, SAME[locale], chat=w.group)
    offer = w.last(w.group)
    assert "#1" in offer.text
    plus = w.text("tk-btn-plus-one", number=1)
    assert h.emu.buttons(offer) == [plus, w.text("tk-btn-new-problem")]
    # Only Lan may answer her own hint.
    answer = await h.press(w.mei, offer.message_id, plus, chat=w.group)
    assert answer["text"] == w.text("tk-err-not-your-draft")
    await h.press(w.lan, offer.message_id, plus, chat=w.group)
    assert await followers(h, 1) == {w.person_ids["mei"], w.person_ids["lan"]}
    async with h.app.sessions() as s:
        assert len((await s.execute(select(Ticket))).scalars().all()) == 1

    # A co-reporter hears every update.
    await h.deliver()
    card = w.last(w.staff) if h.emu.buttons(w.last(w.staff)) else h.emu.sent(w.staff)[0]
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await w.flush()
    assert "#1" in w.last(w.lan).text and "Wang" in w.last(w.lan).text

    # "I have this too" under the group answer does the same for anyone else.
    created = next(m for m in h.emu.sent(w.group) if w.text("tk-btn-me-too") in
                   h.emu.buttons(m))
    qian = w.qian
    answer = await h.press(qian, created.message_id, w.text("tk-btn-me-too"), chat=w.group)
    assert answer["text"] == w.text("tk-plus-done-alert", number=1)
    again = await h.press(qian, created.message_id, w.text("tk-btn-me-too"), chat=w.group)
    assert again["text"] == w.text("tk-err-already-following", number=1)
    assert w.person_ids["qian"] in await followers(h, 1)


async def test_new_problem_despite_the_hint(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.mei, REPORT["zh-Hans"], chat=w.group)
    await h.send(w.lan, SAME["zh-Hans"], chat=w.group)
    offer = w.last(w.group)
    await h.press(w.lan, offer.message_id, w.text("tk-btn-new-problem"), chat=w.group)
    assert "#2" in w.last(w.group).text


@pytest.mark.parametrize("locale", LOCALES)
async def test_ticket_filed_for_someone_elses_message(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    original = await h.send(w.lan, DESCRIPTION[locale], chat=w.group)
    await h.send(w.wang, "/ticket", chat=w.group, reply_to=original)
    answer = w.last(w.group)
    assert "#1" in answer.text and answer.reply_to_message_id
    await h.deliver()
    told = w.last(w.lan)
    assert "#1" in told.text and DESCRIPTION[locale] in told.text
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket))).scalar_one()
    assert (t.reporter_id, t.filed_by_id) == (w.person_ids["lan"], w.person_ids["wang"])
    assert t.origin_message_id == original
    # Lan answers the private notice: it reaches the staff chat.
    await h.send(w.lan, "thanks", reply_to=told.message_id)
    await w.flush()
    assert "thanks" in w.last(w.staff).text


async def test_forum_topic_answers_stay_in_the_thread(h: Harness) -> None:
    w = await build(h, "zh-Hans", forum=True)
    report = await h.send(w.mei, REPORT["zh-Hans"], chat=w.group, thread_id=77)
    assert w.last(w.group).thread_id == 77
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await w.flush()
    line = w.last(w.group)
    assert line.thread_id == 77 and line.reply_to_message_id == report
    assert "301" not in line.text


async def test_safety_reaches_the_first_two_levels_at_once(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.mei, "#报修 电梯困人了！3号楼", chat=w.group)
    await h.deliver()
    assert w.text("tk-cat-safety") in w.last(w.group).text
    assert "#1" in w.last(w.staff).text and "#1" in w.last(w.branch).text
    assert w.text("tk-card-urgent") in w.last(w.staff).text
    async with h.app.sessions() as s:
        t = (await s.execute(select(Ticket))).scalar_one()
    assert (t.category, t.level, t.urgent) == ("safety", 2, True)
    assert (t.accept_due_at - t.created_at).total_seconds() == 15 * 60


async def test_a_photo_with_a_hashtag_caption_in_the_group(h: Harness) -> None:
    w = await build(h, "zh-Hant")
    await h.send(w.mei, chat=w.group, photo=PNG, caption="#報修 車庫入口的鐵門卡住了")
    assert "#1" in w.last(w.group).text
    await h.deliver()
    staff = h.emu.sent(w.staff)
    assert "車庫入口的鐵門卡住了" in staff[0].text and staff[1].photo == PNG
    assert staff[1].reply_to_message_id == staff[0].message_id
    async with h.app.sessions() as s:
        assert len((await s.execute(select(TicketPhoto))).scalars().all()) == 1


@pytest.mark.parametrize("locale", LOCALES)
async def test_report_command_in_the_group(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.lan, "/report " + DESCRIPTION[locale], chat=w.group)
    answer = w.last(w.group)
    assert "#1" in answer.text and w.text("tk-cat-repair") in answer.text
    assert "302" not in answer.text
    await h.send(w.lan, "/report #complaint dogs barking all night", chat=w.group)
    assert "#2" in w.last(w.group).text and w.text("tk-cat-complaint") in w.last(w.group).text
