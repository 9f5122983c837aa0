"""`python -m bot [run [--webhook] | migrate | check | set-webhook]`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from bot.config import ConfigError, Settings, load_settings, mask_secret, mask_url

Command = Callable[[argparse.Namespace], Coroutine[Any, Any, int]]
COMMANDS: dict[str, tuple[str, Command]] = {}


def command(name: str, help_: str) -> Callable[[Command], Command]:
    def register(func: Command) -> Command:
        COMMANDS[name] = (help_, func)
        return func

    return register


@command("run", "start the bot (polling; --webhook for webhook mode)")
async def _run(args: argparse.Namespace) -> int:
    from bot.app import build_app
    from bot.logs import setup_logging

    settings = load_settings()
    setup_logging(settings.log_level, settings.log_json)
    app = build_app(settings)
    try:
        if args.webhook:
            await app.run_webhook()
        else:
            await app.run_polling()
    finally:
        await app.close()
    return 0


@command("migrate", "apply database migrations and exit")
async def _migrate(args: argparse.Namespace) -> int:
    from bot import db

    settings = load_settings(need_token=False)
    engine = db.create_engine(settings.database_url)
    try:
        await db.ping(engine)
        await db.migrate(engine)
    finally:
        await engine.dispose()
    print(f"database at head: {mask_url(settings.database_url)}")
    return 0


@command("check", "validate the configuration and the database, print what would be used")
async def _check(args: argparse.Namespace) -> int:
    from bot import db

    settings = load_settings()
    engine = db.create_engine(settings.database_url)
    try:
        await db.ping(engine)
    finally:
        await engine.dispose()
    for line in describe(settings):
        print(line)
    print("ok")
    return 0


@command("set-webhook", "register WEBHOOK_URL with Telegram (once per deployment)")
async def _set_webhook(args: argparse.Namespace) -> int:
    from aiogram import Bot
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer

    settings = load_settings()
    if not settings.webhook_url:
        raise ConfigError("WEBHOOK_URL", "required to set a webhook")
    if not settings.webhook_secret:
        raise ConfigError("WEBHOOK_SECRET", "required to set a webhook")
    api = TelegramAPIServer.from_base(settings.bot_api_base) if settings.bot_api_base else None
    bot = Bot(settings.bot_token, session=AiohttpSession(api=api) if api else AiohttpSession())
    try:
        # Pending updates are kept: they are what residents sent while we were switching.
        await bot.set_webhook(
            url=settings.webhook_url.rstrip("/") + settings.webhook_path,
            secret_token=settings.webhook_secret,
            drop_pending_updates=False,
        )
    finally:
        await bot.session.close()
    print(f"webhook set: {settings.webhook_url.rstrip('/')}{settings.webhook_path}")
    return 0


def describe(settings: Settings) -> list[str]:
    return [
        f"BOT_TOKEN        {mask_secret(settings.bot_token)}",
        f"DATABASE_URL     {mask_url(settings.database_url)}",
        f"REDIS_URL        {mask_url(settings.redis_url) if settings.redis_url else '(memory)'}",
        f"BOT_API_BASE     {settings.bot_api_base or '(api.telegram.org)'}",
        f"TIMEZONE         {settings.timezone}",
        f"DEFAULT_LOCALE   {settings.default_locale}",
        f"SUPERADMIN_IDS   {', '.join(map(str, settings.superadmin_ids)) or '(none)'}",
        f"WEBHOOK_URL      {settings.webhook_url or '(polling)'}",
        f"WEBHOOK_SECRET   {mask_secret(settings.webhook_secret)}",
        f"WEB              {settings.web_host}:{settings.web_port}"
        f"{'' if settings.web_enabled or settings.webhook_url else ' (off in polling mode)'}",
    ]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="Red Steward (红管家)")
    sub = p.add_subparsers(dest="command")
    for name, (help_, _) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_)
        if name == "run":
            sp.add_argument("--webhook", action="store_true", help="serve a webhook instead")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    name = args.command or "run"
    if name == "run" and not hasattr(args, "webhook"):
        args.webhook = False
    _, func = COMMANDS[name]
    try:
        return asyncio.run(func(args))
    except ConfigError as exc:
        print(f"red-steward: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
