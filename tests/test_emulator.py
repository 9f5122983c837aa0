"""Tests of the Bot API emulator, driven through a real aiogram Bot over HTTP."""

from __future__ import annotations

import asyncio
import io
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    Message,
)
from aiohttp import web

from tests.emulator import DEFAULT_TOKEN, BotApiEmulator

pytestmark = pytest.mark.asyncio

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (64).to_bytes(4, "big") * 2 + b"rest"


def make_bot(emu: BotApiEmulator, token: str = DEFAULT_TOKEN) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url))
    return Bot(token, session=session)


def keyboard(*labels: str, data: str | None = None) -> InlineKeyboardMarkup:
    buttons = [InlineKeyboardButton(text=t, callback_data=data or f"cb:{t}") for t in labels]
    return InlineKeyboardMarkup(inline_keyboard=[buttons])


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emulator:
        yield emulator
    assert not emulator.errors, emulator.errors


@pytest_asyncio.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    client = make_bot(emu)
    yield client
    await client.session.close()


async def test_get_me(emu: BotApiEmulator, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (123456, "red_steward_bot", True)
    assert emu.calls[-1] == ("getMe", {})
    assert emu.stats["calls"]["getMe"] == 1 and emu.stats["status"][200] == 1


async def test_send_text_and_read_back(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", username="alice", started=True)
    msg = await bot.send_message(alice.id, "你好", reply_markup=keyboard("Yes", "No"))
    assert msg.chat.id == alice.private_chat_id and msg.from_user and msg.from_user.is_bot
    assert msg.reply_markup is not None
    sent = emu.last(alice)
    assert (sent.message_id, sent.text, sent.chat_id) == (msg.message_id, "你好", alice.id)
    assert emu.buttons(sent) == ["Yes", "No"]
    assert emu.calls[-1][1]["chat_id"] == alice.id
    reply = await bot.send_message(alice.id, "again", reply_to_message_id=msg.message_id)
    assert reply.reply_to_message and reply.reply_to_message.message_id == msg.message_id
    assert emu.last(alice).reply_to_message_id == msg.message_id


async def test_html_parse_mode_produces_entities(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    msg = await bot.send_message(alice.id, "<b>粗体</b> &amp; <i>x</i>", parse_mode="HTML")
    assert msg.text == "粗体 & x"
    assert [(e.type, e.offset, e.length) for e in msg.entities or []] == [
        ("bold", 0, 2),
        ("italic", 5, 1),
    ]
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(alice.id, "<b>open", parse_mode="HTML")


async def test_text_limits(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    await bot.send_message(alice.id, "x" * 4096)
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(alice.id, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(alice.id, "  ")
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        await bot.send_photo(alice.id, BufferedInputFile(PNG, "a.png"), caption="c" * 1025)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(999, "nobody")
    assert len(emu.sent(alice)) == 1


async def test_callback_data_limit(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    await bot.send_message(alice.id, "ok", reply_markup=keyboard("a", data="d" * 64))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(alice.id, "bad", reply_markup=keyboard("a", data="é" * 33))


async def test_send_photo_multipart_stores_bytes(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    photo = BufferedInputFile(PNG, filename="plan.png")
    msg = await bot.send_photo(alice.id, photo, caption="<b>图</b>", parse_mode="HTML")
    assert msg.photo and msg.photo[-1].width == 64 and msg.caption == "图"
    sent = emu.last(alice)
    assert sent.photo == PNG and sent.text == "图" and sent.method == "sendPhoto"
    again = await bot.send_photo(alice.id, msg.photo[-1].file_id)
    assert emu.sent(alice)[-1].photo == PNG and again.photo
    doc = await bot.send_document(alice.id, BufferedInputFile(b"a,b\n", filename="t.csv"))
    assert doc.document and doc.document.file_name == "t.csv"
    assert emu.last(alice).document == ("t.csv", b"a,b\n")


async def test_media_group_copy_forward_delete_pin(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    group = emu.add_group("Compound", admins=[alice], bot_status="administrator")
    media = [InputMediaPhoto(media=BufferedInputFile(PNG, f"{i}.png")) for i in range(2)]
    album = await bot.send_media_group(group.id, media)
    assert len({m.media_group_id for m in album}) == 1 and len(emu.sent(group)) == 2
    user_mid = emu.send(alice, "hello", chat=group)
    copied = await bot.copy_message(alice.id, group.id, user_mid)
    assert emu.message(alice, copied.message_id)["text"] == "hello"  # type: ignore[index]
    forwarded = await bot.forward_message(alice.id, group.id, user_mid)
    assert forwarded.forward_origin is not None
    assert await bot.pin_chat_message(group.id, album[0].message_id)
    assert emu.sent(group)[0].pinned
    assert await bot.delete_message(group.id, user_mid)
    assert await bot.delete_message(group.id, album[1].message_id)
    assert emu.sent(group)[1].deleted
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(group.id, user_mid)


async def test_edits(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    msg = await bot.send_message(alice.id, "v1", reply_markup=keyboard("A"))
    await bot.edit_message_text("v2", chat_id=alice.id, message_id=msg.message_id)
    sent = emu.last(alice)
    assert (sent.text, sent.edits, emu.buttons(sent)) == ("v2", ["v2"], [])
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("v2", chat_id=alice.id, message_id=msg.message_id)
    await bot.edit_message_reply_markup(
        chat_id=alice.id, message_id=msg.message_id, reply_markup=keyboard("B")
    )
    assert emu.buttons(emu.last(alice)) == ["B"] and sent.edits == ["v2"]
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=alice.id, message_id=9999)


async def test_get_updates_offset_and_long_poll(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    emu.send(alice, "/start@red_steward_bot hi #公告")
    emu.send(alice, "second")
    updates = await bot.get_updates()
    assert [u.message.text for u in updates if u.message] == [
        "/start@red_steward_bot hi #公告",
        "second",
    ]
    entities = updates[0].message.entities or []  # type: ignore[union-attr]
    assert [(e.type, e.offset, e.length) for e in entities] == [
        ("bot_command", 0, 22),
        ("hashtag", 26, 3),
    ]
    await emu.wait_consumed()
    offset = updates[-1].update_id + 1
    assert await bot.get_updates(offset=offset) == []

    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(offset=offset, timeout=10))
    await emu.wait_for(lambda: emu.stats["calls"]["getUpdates"] == 3)
    emu.send(alice, "wake up")
    result = await asyncio.wait_for(poll, 5)
    assert [u.message.text for u in result if u.message] == ["wake up"]
    assert time.monotonic() - started < 3


async def test_polling_dispatcher_end_to_end(emu: BotApiEmulator, bot: Bot) -> None:
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer("欢迎", reply_markup=keyboard("Go"))

    @dp.callback_query(F.data == "cb:Go")
    async def go(query: CallbackQuery) -> None:
        await query.answer("going", show_alert=True)

    alice = emu.add_user("Alice", started=True)
    task = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    try:
        emu.send(alice, "/start")
        (welcome,) = await emu.wait_sent(alice)
        assert welcome.text == "欢迎"
        query_id = emu.press(alice, welcome.message_id, "Go")
        await emu.wait_for(lambda: emu.callback_answer(query_id) is not None)
        assert emu.callback_answer(query_id) == {
            "text": "going",
            "show_alert": True,
            "url": None,
            "cache_time": 0,
        }
        await emu.wait_consumed()
    finally:
        await dp.stop_polling()
        await asyncio.wait_for(task, 5)


async def test_press_unknown_label_lists_available(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    msg = await bot.send_message(alice.id, "pick", reply_markup=keyboard("One", "Two"))
    with pytest.raises(AssertionError, match=r"'Three'.*\['One', 'Two'\]"):
        emu.press(alice, msg.message_id, "Three")
    query_id = emu.press_data(alice, None, msg.message_id, "forged")
    (update,) = await bot.get_updates()
    assert update.callback_query and update.callback_query.data == "forged"
    assert update.callback_query.id == query_id


async def test_injected_failures(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    emu.fail("sendMessage", 429, retry_after=1)
    with pytest.raises(TelegramRetryAfter) as info:
        await bot.send_message(alice.id, "x")
    assert info.value.retry_after == 1
    emu.fail("SENDMESSAGE", 500, times=2)
    for _ in range(2):
        with pytest.raises(TelegramServerError, match="Internal Server Error"):
            await bot.send_message(alice.id, "x")
    await bot.send_message(alice.id, "finally")
    assert emu.stats["too_many_requests"] == 1 and emu.stats["status"][500] == 2
    assert [m.text for m in emu.sent(alice)] == ["finally"]


async def test_fail_ratio_is_deterministic(emu: BotApiEmulator, bot: Bot) -> None:
    outcomes = []
    for _ in range(2):
        emu.fail_ratio("getMe", 0.5, seed=7)
        run = []
        for _ in range(10):
            try:
                await bot.get_me()
                run.append(True)
            except TelegramServerError:
                run.append(False)
        outcomes.append(run)
    assert outcomes[0] == outcomes[1] and 0 < sum(outcomes[0]) < 10


async def test_delay_causes_client_timeout(emu: BotApiEmulator, bot: Bot) -> None:
    emu.delay("getMe", 1.5)
    with pytest.raises(TelegramNetworkError, match="timeout"):
        await bot.get_me(request_timeout=1)


async def test_blocked_and_kicked(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    group = emu.add_group("Compound", admins=[alice])
    with pytest.raises(TelegramForbiddenError, match="not a member"):
        await bot.send_message(group.id, "x")
    emu.bot_added(group, by=alice)
    await bot.send_message(group.id, "joined")
    emu.block(alice)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(alice.id, "x")
    emu.bot_removed(group, by=alice)
    with pytest.raises(TelegramForbiddenError, match="bot was kicked"):
        await bot.send_message(group.id, "x")
    kinds = [u.event_type for u in await bot.get_updates()]
    assert kinds == ["my_chat_member", "message", "my_chat_member"]


async def test_wrong_token_is_unauthorized(emu: BotApiEmulator) -> None:
    intruder = make_bot(emu, "654321:WRONG-token")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await intruder.get_me()
    finally:
        await intruder.session.close()


async def test_raw_http_routing(emu: BotApiEmulator) -> None:
    alice = emu.add_user("Alice", started=True)
    base = f"{emu.base_url}/bot{DEFAULT_TOKEN}"
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}/nope") as resp:
            assert resp.status == 404
            assert (await resp.json())["description"] == "Not Found: method not found"
        body = {"chat_id": alice.id, "text": "json", "reply_markup": markup}
        async with http.post(f"{base}/SendMessage", json=body) as resp:
            assert resp.status == 200 and (await resp.json())["result"]["text"] == "json"
        async with http.get(f"{base}/sendMessage", params={"chat_id": alice.id, "text": "q"}):
            pass
        form = {"chat_id": str(alice.id), "text": "form", "reply_markup": json.dumps(markup)}
        async with http.post(f"{base}/sendMessage", data=form) as resp:
            assert resp.status == 200
    assert [m.text for m in emu.sent(alice)] == ["json", "q", "form"]
    assert emu.buttons(emu.last(alice)) == ["A"]


async def test_download_user_document(emu: BotApiEmulator, bot: Bot) -> None:
    alice = emu.add_user("Alice", started=True)
    content = b"%PDF-1.4 minutes of the meeting"
    emu.send(alice, document=("minutes.pdf", content, "application/pdf"), caption="纪要")
    (update,) = await bot.get_updates()
    document = update.message.document  # type: ignore[union-attr]
    assert document and document.mime_type == "application/pdf"
    file = await bot.get_file(document.file_id)
    assert file.file_path and file.file_size == len(content)
    buffer = io.BytesIO()
    await bot.download(file, destination=buffer)
    assert buffer.getvalue() == content


async def test_group_members_and_commands(emu: BotApiEmulator, bot: Bot) -> None:
    owner, admin, member = (emu.add_user(n) for n in ("Owner", "Admin", "Member"))
    group = emu.add_group("Compound", forum=True, admins=[admin], members=[member], owner=owner)
    emu.bot_added(group, by=owner, as_admin=True)
    assert (await bot.get_chat_member(group.id, member.id)).status == "member"
    admins = await bot.get_chat_administrators(group.id)
    assert [a.user.id for a in admins] == [owner.id, admin.id, emu.bot_user.id]
    chat = await bot.get_chat(group.id)
    assert chat.is_forum and chat.title == "Compound"
    commands = [BotCommand(command="start", description="开始")]
    scope = BotCommandScopeChat(chat_id=group.id)
    await bot.set_my_commands(commands, scope=scope, language_code="en")
    assert emu.commands("chat", "en", chat_id=group.id) == [
        {"command": "start", "description": "开始"}
    ]
    assert emu.commands() == []
    mid = emu.send(member, "topic msg", chat=group, thread_id=7)
    sent = await bot.send_message(group.id, "reply", reply_to_message_id=mid)
    assert sent.message_thread_id == 7 and emu.last(group).thread_id == 7


async def test_group_rate_limit(emu: BotApiEmulator, bot: Bot) -> None:
    now = [1000.0]
    emu.enforce_rate_limits(global_per_s=30, group_per_min=20, chat_per_s=1, clock=lambda: now[0])
    alice = emu.add_user("Alice", started=True)
    group = emu.add_group("Compound", bot_status="member")
    for i in range(20):
        now[0] += 0.1
        await bot.send_message(group.id, f"m{i}")
    with pytest.raises(TelegramRetryAfter) as info:
        await bot.send_message(group.id, "one too many")
    assert 55 <= info.value.retry_after <= 60
    await bot.send_message(alice.id, "private is separate")
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(alice.id, "but 1/s")
    now[0] += 61
    await bot.send_message(group.id, "window slid")
    assert emu.stats["too_many_requests"] == 2


async def test_webhook_delivery(emu: BotApiEmulator, bot: Bot) -> None:
    received: list[tuple[str | None, dict[str, Any]]] = []
    statuses = [500]

    async def hook(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response(status=statuses.pop() if statuses else 200)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
        alice = emu.add_user("Alice", started=True)
        emu.send(alice, "before hook")
        await bot.set_webhook(url, secret_token="s3cret", drop_pending_updates=True)
        with pytest.raises(TelegramConflictError):
            await bot.get_updates()
        emu.send(alice, "first")
        emu.send(alice, "second")
        await emu.wait_consumed()
        texts = [body["message"]["text"] for _, body in received]
        assert texts == ["first", "first", "second"]
        assert {secret for secret, _ in received} == {"s3cret"}
        assert (await bot.get_webhook_info()).url == url
        await bot.delete_webhook()
        assert await bot.get_updates() == []
    finally:
        await runner.cleanup()


async def test_webhook_reply_method_is_executed(emu: BotApiEmulator, bot: Bot) -> None:
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler

    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> Any:
        return message.answer(f"echo: {message.text}")

    app = web.Application()
    SimpleRequestHandler(dp, bot, handle_in_background=False).register(app, "/wh")
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        await bot.set_webhook(f"http://127.0.0.1:{runner.addresses[0][1]}/wh")
        alice = emu.add_user("Alice", started=True)
        emu.send(alice, "ping")
        (reply,) = await emu.wait_sent(alice)
        assert reply.text == "echo: ping"
    finally:
        await runner.cleanup()


async def test_private_messages_need_a_started_chat(emu: BotApiEmulator, bot: Bot) -> None:
    """Telegram refuses to open a private chat: the user must write to the bot first."""
    neighbour = emu.add_user("邻居")
    group = emu.add_group("3号楼", members=[neighbour])
    emu.bot_added(group, by=neighbour)
    emu.send(neighbour, "大家好", chat=group)
    with pytest.raises(TelegramForbiddenError) as refused:
        await bot.send_message(neighbour.id, "进度")
    assert refused.value.message == "Forbidden: bot can't initiate conversation with a user"
    assert not emu.can_message(neighbour) and emu.sent(neighbour) == []
    emu.send(neighbour, "/start")
    await bot.send_message(neighbour.id, "进度")
    emu.block(neighbour)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(neighbour.id, "x")
    emu.unblock(neighbour)
    await bot.send_message(neighbour.id, "又能收到了")
    assert [m.text for m in emu.sent(neighbour)] == ["进度", "又能收到了"]


async def test_member_updates_parse_with_every_required_field(
    emu: BotApiEmulator, bot: Bot
) -> None:
    admin = emu.add_user("Admin", started=True)
    group = emu.add_group("Forum", forum=True, admins=[admin])
    emu.bot_added(group, by=admin, as_admin=True)
    emu.bot_removed(group, by=admin)
    emu.block(admin, notify=True)
    updates = await bot.get_updates()
    statuses = [u.my_chat_member.new_chat_member.status for u in updates if u.my_chat_member]
    assert statuses == ["administrator", "kicked", "kicked"]
