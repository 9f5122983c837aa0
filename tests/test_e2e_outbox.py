"""The outbox sender against the emulator: order, language, limits, retries, dead letters."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from models.chat import Chat
from models.outbox import Outbox, OutboxStatus
from services.outbox import Button, Notice, enqueue, fragment
from tests.harness import Harness, HarnessFactory


async def queue(h: Harness, *notices: Notice) -> None:
    async with h.app.sessions() as s:
        for n in notices:
            await enqueue(s, h.clock, n)
        await s.commit()


async def rows(h: Harness) -> list[Outbox]:
    async with h.app.sessions() as s:
        return list((await s.execute(select(Outbox).order_by(Outbox.id))).scalars())


async def test_notices_arrive_in_order_in_the_recipients_language(h: Harness) -> None:
    hant = h.emu.add_user("Ho", language_code="zh-tw")
    await h.send(hant, "/start")  # the bot meets the person and learns the locale
    await queue(h, *[
        Notice(key=f"n:{i}", chat_id=hant.id, text_key="lang-set",
               args={"language": fragment(f"lang-name-{loc}")})
        for i, loc in enumerate(["en", "zh-Hans", "zh-Hant"])
    ])
    assert await h.deliver() == 3
    texts = [m.text for m in h.emu.sent(hant.id)][-3:]
    assert texts == [
        "好的，以後我會用English和您交流。",
        "好的，以後我會用简体中文和您交流。",
        "好的，以後我會用繁體中文和您交流。",
    ]
    assert all(r.status == OutboxStatus.SENT and r.sent_message_id for r in await rows(h))
    assert await h.deliver() == 0  # nothing is sent twice


async def test_buttons_are_rendered_for_the_recipient(h: Harness) -> None:
    user = h.emu.add_user("Bo", language_code="en")
    await h.send(user, "/start")
    await queue(h, Notice(key="b:1", chat_id=user.id, text_key="lang-choose",
                          buttons=[[Button("lang-name-en", ("lang", "en"))]]))
    await h.deliver()
    msg = h.emu.last(user.id)
    assert msg.text == "Choose your language:"
    assert msg.reply_markup["inline_keyboard"][0][0]["callback_data"] == "lang:en"


async def test_long_text_is_split_on_lines_within_4096(h: Harness) -> None:
    user = h.emu.add_user("Long", language_code="en")
    await h.send(user, "/start")
    name = "\n".join(f"line {i:04d} " + "x" * 60 for i in range(200))  # ~14,000 chars
    await queue(h, Notice(key="long", chat_id=user.id, text_key="start-greeting",
                          args={"name": name}))
    before = len(h.emu.sent(user.id))
    await h.deliver()
    parts = h.emu.sent(user.id)[before:]
    assert len(parts) >= 4
    assert all(len(p.text) <= 4096 for p in parts)
    joined = "\n".join(p.text for p in parts)
    assert all(f"line {i:04d} " in joined for i in range(200))


async def test_429_waits_retry_after_and_loses_nothing(h: Harness) -> None:
    user = h.emu.add_user("Flood", language_code="en")
    await h.send(user, "/start")
    h.emu.fail("sendMessage", 429, times=1, retry_after=7)
    await queue(h, Notice(key="f:1", chat_id=user.id, text_key="slow-down"),
                Notice(key="f:2", chat_id=user.id, text_key="stale-button"))
    before = len(h.emu.sent(user.id))
    await h.deliver()
    assert len(h.emu.sent(user.id)) == before
    first = (await rows(h))[0]
    assert first.status == OutboxStatus.PENDING and first.attempts == 0
    assert first.next_attempt_at == h.clock.now() + timedelta(seconds=7)
    h.clock.advance(seconds=6)
    await h.deliver()
    assert len(h.emu.sent(user.id)) == before  # still waiting, and f:2 waits behind it
    h.clock.advance(seconds=1)
    await h.deliver()
    assert [m.text for m in h.emu.sent(user.id)[before:]] == [
        "You are going a little fast. Please wait a few seconds and try again.",
        "This button has expired. Please start again.",
    ]


async def test_server_errors_are_retried_with_backoff_then_dead_lettered(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(outbox_max_attempts=3)
    user = h.emu.add_user("Err", language_code="en")
    await h.send(user, "/start")
    h.emu.fail("sendMessage", 500, times=2)
    await queue(h, Notice(key="e:1", chat_id=user.id, text_key="slow-down"))
    before = len(h.emu.sent(user.id))
    await h.deliver()
    row = (await rows(h))[0]
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    assert row.next_attempt_at == h.clock.now() + timedelta(seconds=2)
    h.clock.advance(seconds=2)
    await h.deliver()
    row = (await rows(h))[0]
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 2)
    assert row.next_attempt_at == h.clock.now() + timedelta(seconds=4)
    h.clock.advance(seconds=4)
    await h.deliver()
    assert len(h.emu.sent(user.id)) == before + 1
    assert (await rows(h))[0].status == OutboxStatus.SENT

    h.emu.fail("sendMessage", 500, times=10)
    await queue(h, Notice(key="e:2", chat_id=user.id, text_key="slow-down"))
    for _ in range(4):
        await h.deliver()
        h.clock.advance(minutes=5)
    dead = (await rows(h))[1]
    assert dead.status == OutboxStatus.DEAD
    assert dead.attempts == 3
    assert "Internal Server Error" in dead.last_error


async def test_blocked_chat_is_marked_unreachable_and_skipped(h: Harness) -> None:
    user = h.emu.add_user("Gone", language_code="en")
    await h.send(user, "/start")
    h.emu.block(user.id)
    await queue(h, *[Notice(key=f"g:{i}", chat_id=user.id, text_key="slow-down")
                     for i in range(3)])
    calls_before = sum(1 for m, _ in h.emu.calls if m == "sendMessage")
    await h.deliver()
    calls = sum(1 for m, _ in h.emu.calls if m == "sendMessage") - calls_before
    assert calls == 1  # one 403, the rest are not even tried
    assert {r.status for r in await rows(h)} == {OutboxStatus.UNREACHABLE}
    async with h.app.sessions() as s:
        chat = await s.get(Chat, user.id)
    assert chat is not None and chat.unreachable_at is not None
    assert "blocked" in (chat.unreachable_reason or "")


async def test_an_edit_of_unchanged_text_counts_as_done(h: Harness) -> None:
    user = h.emu.add_user("Ed", language_code="en")
    await h.send(user, "/lang")
    menu = h.emu.last(user.id)
    await queue(h, Notice(key="ed:1", chat_id=user.id, text_key="lang-choose",
                          method="edit_message_text", target_message_id=menu.message_id))
    await h.deliver()
    assert (await rows(h))[0].status == OutboxStatus.SENT


async def test_a_notice_deferred_on_purpose_holds_nothing_back(h: Harness) -> None:
    user = h.emu.add_user("Later", language_code="en")
    await h.send(user, "/start")
    await queue(
        h,
        Notice(key="d:tomorrow", chat_id=user.id, text_key="slow-down",
               not_before=h.clock.now() + timedelta(days=1)),
        Notice(key="d:now", chat_id=user.id, text_key="stale-button"),
    )
    before = len(h.emu.sent(user.id))
    await h.deliver()
    assert [m.text for m in h.emu.sent(user.id)[before:]] == [
        "This button has expired. Please start again.",
    ]
    h.clock.advance(days=1)
    await h.deliver()
    assert h.emu.last(user.id).text.startswith("You are going a little fast")
