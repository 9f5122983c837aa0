"""An entry as people read it: the arguments of its card, in whatever language renders it.

Services build these (Fluent fragments, never finished text) for the outbox; handlers
render the same arguments for immediate answers, so a card reads alike everywhere.
"""

from __future__ import annotations

from typing import Any

from models.accounts import AccountKind, Entry, FundApproval
from models.person import Person
from services.accounts import funds
from services.accounts.money import yuan
from services.outbox import fragment, lines

CLIP = 200  # a card stays short: purpose and counterparty are cut, the entry keeps them
DEEP_LINK_PREFIX = "acct_"
PAYLOAD = r"^acct_\d{1,18}$"


def deep_link(bot_username: str, entry_id: int) -> str:
    """Opens the entry, with its receipts, in a private chat with the bot."""
    return f"https://t.me/{bot_username}?start={DEEP_LINK_PREFIX}{entry_id}"


def clip(text: str, limit: int = CLIP) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind_label(kind: str | AccountKind) -> dict[str, Any]:
    return fragment(f"acct-kind-{AccountKind(kind).value}")


def category_label(category: str) -> str | dict[str, Any]:
    return fragment(f"acct-cat-{category}") if funds.is_built_in(category) else category


def name_of(person: Person | None) -> str:
    if person is None:
        return "?"
    full = " ".join(p for p in (person.first_name, person.last_name) if p)
    return full or (f"@{person.username}" if person.username else "?")


def entry_args(entry: Entry, kind: str) -> dict[str, Any]:
    """The body of an entry's card: `acct-card`'s arguments."""
    return {
        "id": str(entry.id), "kind": kind_label(kind),
        "dir": fragment(f"acct-dir-{entry.direction}"), "amount": yuan(entry.amount),
        "category": category_label(entry.category),
        "party": clip(entry.counterparty) if entry.counterparty else fragment("acct-none"),
        "purpose": clip(entry.purpose), "date": entry.occurred_on.isoformat(),
        "files": str(len(entry.attachments or [])),
    }


def card(entry: Entry, kind: str, approval: FundApproval | None = None) -> dict[str, Any]:
    """The card's lines: the body, then what it corrects and what allows it, if anything."""
    parts: list[Any] = [fragment("acct-card", **entry_args(entry, kind))]
    if entry.reverses_id is not None:
        parts.append(fragment("acct-card-reversal", original=str(entry.reverses_id),
                              reason=clip(entry.reason or "")))
    if approval is not None:
        parts.append(fragment("acct-card-basis", id=str(approval.id),
                              reason=clip(approval.reason, 80)))
    return lines(*parts)


def line_args(entry: Entry, kind: str) -> dict[str, Any]:
    """One line of a listing: `acct-entry-line`'s arguments."""
    sign = "+" if entry.direction == "in" else "−"
    return {"id": str(entry.id), "date": entry.occurred_on.isoformat(),
            "kind": kind_label(kind), "amount": sign + yuan(entry.amount),
            "category": category_label(entry.category), "purpose": clip(entry.purpose, 60)}
