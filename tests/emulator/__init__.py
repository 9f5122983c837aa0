"""In-process Telegram Bot API emulator for end-to-end tests.

Typical use::

    async with BotApiEmulator() as emu:
        api = TelegramAPIServer.from_base(emu.base_url)
        bot = Bot(emu.token, session=AiohttpSession(api=api))
        alice = emu.add_user("Alice")
        emu.send(alice, "/start")
        (reply,) = await emu.wait_sent(alice)
        emu.press(alice, reply.message_id, "OK")
"""

from .driver import DEFAULT_TOKEN, BotApiEmulator
from .limits import RateLimiter
from .params import ApiError, Params, Upload
from .state import Chat, SentMessage, StoredFile, User, WebhookConfig

__all__ = [
    "DEFAULT_TOKEN",
    "ApiError",
    "BotApiEmulator",
    "Chat",
    "Params",
    "RateLimiter",
    "SentMessage",
    "StoredFile",
    "Upload",
    "User",
    "WebhookConfig",
]
