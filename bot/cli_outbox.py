"""`python -m bot outbox [list | retry] [--since WHEN]`: notices given up on, and requeueing."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime, timedelta

from bot.cli import command
from bot.config import ConfigError, load_settings

_AGO = re.compile(r"^(\d{1,5})\s*([mhd])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def parse_since(text: str | None, now: datetime) -> datetime | None:
    """"2026-12-07", "2026-12-07T08:00", "90m", "6h", "3d" -> an aware UTC time."""
    if not text:
        return None
    ago = _AGO.match(text.strip().lower())
    if ago:
        return now - timedelta(**{_UNITS[ago.group(2)]: int(ago.group(1))})
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError("--since", f"not a date, time or duration like 6h: {text!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def outbox_arguments(sp: argparse.ArgumentParser) -> None:
    sp.description = ("List notices given up on (dead: out of attempts or refused; "
                      "unreachable: blocked, never started, chat gone) with their reasons, "
                      "or requeue the dead ones. Each dead notice is requeued once.")
    sp.add_argument("action", nargs="?", choices=("list", "retry"), default="list")
    sp.add_argument("--since", help="only notices created since: a date, a time, or 90m/6h/3d")


@command("outbox", "list notices given up on; `outbox retry` requeues the dead ones")
async def _outbox(args: argparse.Namespace) -> int:
    from bot import db
    from services import outbox_dead
    from services.clock import SystemClock

    settings = load_settings(need_token=False)
    clock = SystemClock()
    since = parse_since(args.since, clock.now())
    engine = db.create_engine(settings.database_url)
    try:
        await db.ping(engine)
        async with db.session_factory(engine)() as session:
            if args.action == "retry":
                done, again = await outbox_dead.requeue(session, clock, since)
                print(f"requeued {done} dead notice(s)"
                      + (f"; {again} died again after an earlier retry and were left: "
                         "see `python -m bot outbox`" if again else ""))
                return 0
            rows = await outbox_dead.given_up(session, since)
    finally:
        await engine.dispose()
    for r in rows:
        again = f" requeued {r.requeued_at:%Y-%m-%d %H:%M}" if r.requeued_at else ""
        print(f"{r.id}\t{r.status}\t{r.created_at:%Y-%m-%d %H:%M}\tchat {r.chat_id}\t"
              f"{r.text_key}\t{r.attempts} attempt(s){again}\t{r.reason[:200]}")
    print(f"{len(rows)} notice(s) given up on" + (f" since {since:%Y-%m-%d %H:%M}" if since
                                                   else ""))
    return 0
