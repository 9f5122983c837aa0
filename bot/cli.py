"""`python -m bot [run [--webhook] | migrate | check | set-webhook | outbox ... |
calendar-load FILE]`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from bot.config import ConfigError, Settings, load_settings, mask_secret, mask_url

if TYPE_CHECKING:
    from aiogram_i18n.cores import FluentRuntimeCore
    from sqlalchemy.ext.asyncio import AsyncSession

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


IMPORT_HELP = """Check a household register CSV (UTF-8 or GBK; columns building, entrance,
room, area_m2, optional owner_name, phone; Chinese headers accepted) and import it into
the compound, updating households that already exist. The report is printed in
DEFAULT_LOCALE. Exit codes: 0 imported (or nothing to import); 1 some rows (or the whole
file) were rejected: then nothing is imported, unless --accept-partial imports the good
rows; 2 configuration error or unknown compound."""


def _import_arguments(sp: argparse.ArgumentParser) -> None:
    sp.description = IMPORT_HELP
    sp.add_argument("--compound", type=int, required=True, help="the compound's id")
    sp.add_argument("file", help="the CSV file")
    sp.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    sp.add_argument("--accept-partial", action="store_true",
                    help="import the good rows even when some are rejected (exit code stays 1)")


FileWork = Callable[[Any, Any, str, bytes], Awaitable[int]]


async def with_file(path: str, work: FileWork) -> int:
    """Read a file the command was given, then run `work(session, core, locale, data)` on
    the configured database with the translations loaded; the exit code is work's."""
    from pathlib import Path

    from bot import db
    from bot.i18n import make_core

    settings = load_settings(need_token=False)
    try:
        data = await asyncio.to_thread(Path(path).read_bytes)
    except OSError as exc:
        raise ConfigError("FILE", f"cannot read {path}: {exc.strerror}") from None
    core = make_core(settings.default_locale)
    await core.startup()
    engine = db.create_engine(settings.database_url)
    try:
        await db.ping(engine)
        async with db.session_factory(engine)() as session:
            return await work(session, core, settings.default_locale, data)
    finally:
        await engine.dispose()


@command("import-households", "check and import a household register CSV into a compound")
async def _import_households(args: argparse.Namespace) -> int:
    return await with_file(args.file, lambda session, core, locale, data: _import_into(
        session, core, locale, data, args))


async def _import_into(
    session: AsyncSession, core: FluentRuntimeCore, locale: str, data: bytes,
    args: argparse.Namespace,
) -> int:
    from bot.i18n import render
    from models.registry import Compound
    from services import household_import as register
    from services.clock import SystemClock
    from services.outbox import fragment

    def say(piece: dict[str, Any]) -> None:
        print(render(core, locale, piece["key"], piece["args"]))

    compound = await session.get(Compound, args.compound)
    if compound is None:
        raise ConfigError("--compound", f"no compound with id {args.compound}")
    try:
        parsed = register.parse(data)
    except register.ImportFileError as error:
        say(register.file_problem(error))
        return 1
    counts = await register.preview(session, compound.id, parsed.rows)
    for piece in register.report(parsed, counts, compound=compound.name):
        say(piece)
    code = 1 if parsed.rejections else 0
    if args.dry_run:
        say(fragment("import-cli-dry-run"))
    elif parsed.rejections and not args.accept_partial:
        say(fragment("import-cli-not-applied"))
    elif counts.changes:
        counts = await register.apply(session, SystemClock(), compound.id, parsed.rows,
                                      actor_id=None, rejected=parsed.rejected_lines, source="cli")
        say(fragment("import-applied", new=counts.new, updated=counts.updated,
                     unchanged=counts.unchanged))
    else:
        say(fragment("import-report-nothing"))
    return code


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
    _register_more()
    p = argparse.ArgumentParser(prog="python -m bot", description="Red Steward (红管家)")
    sub = p.add_subparsers(dest="command")
    for name, (help_, _) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_)
        if name == "run":
            sp.add_argument("--webhook", action="store_true", help="serve a webhook instead")
        elif name == "import-households":
            _import_arguments(sp)
        elif name == "outbox":
            from bot.cli_outbox import outbox_arguments

            outbox_arguments(sp)
        elif name == "calendar-load":
            from bot.cli_calendar import calendar_arguments

            calendar_arguments(sp)
    return p


def _register_more() -> None:
    # Commands kept in modules of their own register themselves when imported.
    import bot.cli_calendar
    import bot.cli_outbox  # noqa: F401


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
