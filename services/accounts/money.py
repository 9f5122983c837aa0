"""Amounts as people type them ("1,280.50", "1280.5元", "¥1280", "1280.50 元") → integer fen.

Parsing is exact (Decimal, never float). What is refused and why is a Fluent key, so the
person reads the reason in their language and nothing is recorded.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from services.accounts.errors import AccountsError

FEN_PER_YUAN = 100
DEFAULT_CEILING = 10_000_000 * FEN_PER_YUAN  # ten million yuan: more is a typo

PREFIX_ALIASES = ("¥", "rmb", "cny")
UNIT_ALIASES = ("元", "块", "塊", "yuan", "rmb", "cny")
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


class MoneyError(AccountsError, ValueError):
    """An amount that cannot be recorded, and why."""


def _strip_units(text: str) -> str:
    # NFKC turns full-width digits, "，" and "￥" into their ASCII/Latin forms.
    s = unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "")
    for prefix in PREFIX_ALIASES:
        if s.startswith(prefix):
            s = s[len(prefix):]
    for suffix in UNIT_ALIASES:
        if s.endswith(suffix):
            s = s[: -len(suffix)]
    return s


def parse_fen(text: str, ceiling: int = DEFAULT_CEILING) -> int:
    """The amount in fen, or MoneyError with the reason (malformed, negative, > 2 decimals,
    zero, above the ceiling)."""
    s = _strip_units(text or "")
    if s.startswith(("-", "−")):
        raise MoneyError("acct-money-negative")
    if not (_PLAIN.fullmatch(s) or _GROUPED.fullmatch(s)):
        raise MoneyError("acct-money-malformed", text=(text or "")[:40])
    try:
        value = Decimal(s.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the patterns admit only digits
        raise MoneyError("acct-money-malformed", text=text[:40]) from exc
    if len(s.partition(".")[2]) > 2:  # "12.345" is a typo, even "12.340": ask again
        raise MoneyError("acct-money-decimals")
    fen = int(value * FEN_PER_YUAN)
    if fen == 0:
        raise MoneyError("acct-money-zero")
    if fen > ceiling:
        raise MoneyError("acct-money-ceiling", ceiling=yuan(ceiling))
    return fen


def yuan(fen: int) -> str:
    """1234567 → "12,345.67" (a minus sign for negative sums)."""
    sign = "−" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{whole:,}.{cents:02d}"


def signed(fen: int) -> str:
    return ("+" if fen > 0 else "") + yuan(fen)
