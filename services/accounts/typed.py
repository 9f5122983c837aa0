"""What finance types in the recording dialogue besides amounts: dates and short texts."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from services.accounts.errors import AccountsError
from services.accounts.ledger import MAX_TEXT

FULL_DATE_INPUT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
SHORT_DATE_INPUT = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
TODAY_ALIASES = ("today", "今天", "今日")


def day(text: str, today: date) -> date:
    """"2026-03-01", "2026/3/1", "2026年3月1日", "3月1日", "3-1" (this year), "今天".
    A day after today is refused: money is recorded once it moved."""
    s = unicodedata.normalize("NFKC", text).strip().lower()
    if s in TODAY_ALIASES:
        return today
    full, short = FULL_DATE_INPUT.fullmatch(s), SHORT_DATE_INPUT.fullmatch(s)
    try:
        if full:
            found = date(int(full[1]), int(full[2]), int(full[3]))
        elif short:
            found = date(today.year, int(short[1]), int(short[2]))
        else:
            raise AccountsError("acct-bad-date")
    except ValueError as exc:
        raise AccountsError("acct-bad-date") from exc
    if found > today:
        raise AccountsError("acct-bad-date-future")
    return found


def field(text: str, name: str) -> str:
    """A counterparty, purpose or reason: trimmed, not empty, within its column."""
    value = " ".join(text.split())
    if not value:
        raise AccountsError("acct-err-empty")
    if len(value) > MAX_TEXT[name]:
        raise AccountsError("acct-err-too-long", limit=MAX_TEXT[name])
    return value
