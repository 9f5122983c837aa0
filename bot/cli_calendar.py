"""`python -m bot calendar-load FILE [--dry-run]`: load a year's official holiday arrangement.

The same text the chat command takes (`2027-01-01,holiday`, `2027-02-07 班`,
`2027-02-11..2027-02-17 休`), from a file (UTF-8 or GBK). The answer is printed in
DEFAULT_LOCALE; holders of cancelled shifts and the organizers are told through the outbox,
which the running bot delivers.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from bot.cli import command, with_file

if TYPE_CHECKING:
    from aiogram_i18n.cores import FluentRuntimeCore
    from sqlalchemy.ext.asyncio import AsyncSession

    from services.clock import Clock

HELP = """Load the official holiday arrangement of a year (days off and make-up working days)
from a text or CSV file, one date or range per line with holiday/workday (休/班), and
reschedule the future shifts of every roster that follows holidays. Exit codes: 0 loaded
(or checked with --dry-run); 1 the file was refused (nothing changed); 2 configuration
error or unreadable file."""


def calendar_arguments(sp: argparse.ArgumentParser) -> None:
    sp.description = HELP
    sp.add_argument("file", help="the text or CSV file")
    sp.add_argument("--dry-run", action="store_true", help="check and report, write nothing")


@command("calendar-load", "load a year's official holiday arrangement (休/班) from a file")
async def _calendar_load(args: argparse.Namespace) -> int:
    from services.clock import SystemClock

    return await with_file(args.file, lambda session, core, locale, data: load_file(
        session, SystemClock(), core, locale, data, dry_run=args.dry_run))


async def load_file(session: AsyncSession, clock: Clock, core: FluentRuntimeCore, locale: str,
                    data: bytes, *, dry_run: bool = False) -> int:
    """What the command does once the file is read: check, load, print. Returns the exit code."""
    from bot.i18n import render
    from services.csv_text import NotText, decode
    from services.outbox import fragment
    from services.rosters import official_load, official_report, official_text

    def say(piece: dict[str, Any]) -> None:
        print(render(core, locale, piece["key"], piece["args"]))

    try:
        parsed = official_text.parse(decode(data))
    except NotText:
        say(fragment("cal-err-not-text"))
        return 1
    except official_text.ArrangementError as error:
        say(official_report.refused(error))
        return 1
    if dry_run:
        say(fragment("cal-checked", years=official_load.years_text(sorted(parsed.years)),
                     holidays=sum(parsed.days.values()),
                     workdays=sum(not h for h in parsed.days.values())))
        return 0
    say(official_report.loaded(await official_load.load(session, clock, parsed, None, "cli")))
    return 0
