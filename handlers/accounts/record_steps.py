"""The questions of the recording dialogue, in order, and the buttons each one shows.

account → direction → amount → category → counterparty → purpose → (the approval, for
spending from a protected fund) → receipts → date → preview. The FSM data keeps each
answer under its step's name; the first step without an answer is the open question.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from aiogram.types import InlineKeyboardMarkup
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.accounts.callbacks import WizCb
from handlers.accounts.render import t
from handlers.keyboards import choices
from models.accounts import PROTECTED, AccountKind, Direction
from services.accounts import cards, funds, ledger
from services.accounts.money import yuan
from services.outbox import fragment, lines

STEPS = ("kind", "dir", "amount", "category", "party", "purpose", "basis", "files", "date")
TYPED = frozenset({"amount", "party", "purpose", "date", "newcat"})


def needs_basis(data: dict[str, Any]) -> bool:
    return AccountKind(data["kind"]) in PROTECTED and data.get("dir") == Direction.OUT.value


def next_step(data: dict[str, Any]) -> str:
    for step in STEPS:
        if step == "basis" and not needs_basis(data):
            continue
        if step not in data:
            return step
    return "confirm"


def _cancel(i18n: I18nContext) -> tuple[str, WizCb]:
    return t(i18n, "acct-btn-cancel"), WizCb(step="x", val="cancel")


def _markup(i18n: I18nContext, items: list[tuple[str, WizCb]],
            columns: int = 2) -> InlineKeyboardMarkup:
    return choices([*items, _cancel(i18n)], columns=columns)


async def ask(i18n: I18nContext, session: AsyncSession, step: str,
              data: dict[str, Any]) -> tuple[str, InlineKeyboardMarkup]:
    """The question of a step and its buttons."""
    if step == "kind":
        return t(i18n, "acct-ask-kind", compound=data["compound_name"]), _markup(i18n, [
            (t(i18n, f"acct-kind-{k.value}"), WizCb(step="kind", val=k.value))
            for k in AccountKind])
    if step == "dir":
        return t(i18n, "acct-ask-dir"), _markup(i18n, [
            (t(i18n, f"acct-dir-{d.value}"), WizCb(step="dir", val=d.value)) for d in Direction])
    if step == "category":
        names = await funds.categories(session, data["compound_id"], AccountKind(data["kind"]))
        items = [(_category(i18n, name), WizCb(step="category", val=str(i)))
                 for i, name in enumerate(names)]
        items.append((t(i18n, "acct-btn-newcat"), WizCb(step="category", val="new")))
        return t(i18n, "acct-ask-category"), _markup(i18n, items, columns=3)
    if step == "party":
        return t(i18n, "acct-ask-party"), _markup(i18n, [
            (t(i18n, "acct-btn-skip"), WizCb(step="party", val="skip"))])
    if step == "basis":
        return await _ask_basis(i18n, session, data)
    if step == "files":
        return t(i18n, "acct-ask-files"), _markup(i18n, [
            (t(i18n, "acct-btn-done"), WizCb(step="files", val="done"))])
    if step == "date":
        return t(i18n, "acct-ask-date"), _markup(i18n, [
            (t(i18n, "acct-btn-today"), WizCb(step="date", val="today"))])
    if step == "confirm":
        return t(i18n, "acct-preview", card=_preview_card(data)), choices([
            (t(i18n, "acct-btn-submit"), WizCb(step="confirm", val="ok")), _cancel(i18n)],
            columns=2)
    return t(i18n, f"acct-ask-{step}"), _markup(i18n, [])


def _category(i18n: I18nContext, name: str) -> str:
    label = cards.category_label(name)
    return label if isinstance(label, str) else t(i18n, label["key"])


async def _ask_basis(i18n: I18nContext, session: AsyncSession,
                     data: dict[str, Any]) -> tuple[str, InlineKeyboardMarkup]:
    approvals = await funds.usable_approvals(session, data["compound_id"],
                                             AccountKind(data["kind"]))
    items = [(t(i18n, "acct-btn-basis", id=str(a.id), left=yuan(a.amount - a.spent)),
              WizCb(step="basis", val=str(a.id))) for a in approvals[:10]]
    listing = "\n".join(t(i18n, "acct-basis-line", id=str(a.id), reason=cards.clip(a.reason, 80),
                          amount=yuan(a.amount), left=yuan(a.amount - a.spent))
                        for a in approvals[:10])
    return t(i18n, "acct-ask-basis", approvals=listing or t(i18n, "acct-basis-none")), \
        _markup(i18n, items, columns=1)


def draft_of(data: dict[str, Any]) -> ledger.Draft:
    return ledger.Draft(
        kind=AccountKind(data["kind"]), direction=Direction(data["dir"]),
        amount=int(data["amount"]), category=data["category"], purpose=data["purpose"],
        occurred_on=date.fromisoformat(data["date"]), counterparty=data.get("party", ""),
        attachments=tuple(data.get("files", [])),
        approval_id=int(data["basis"]) if data.get("basis") else None,
    )


def _preview_card(data: dict[str, Any]) -> dict[str, Any]:
    """The card the reviewers will read, before anything is stored (no number yet)."""
    draft = draft_of(data)
    args: dict[str, Any] = {
        "kind": cards.kind_label(draft.kind), "dir": fragment(f"acct-dir-{draft.direction}"),
        "amount": yuan(draft.amount), "category": cards.category_label(draft.category),
        "party": cards.clip(draft.counterparty) if draft.counterparty
        else fragment("acct-none"),
        "purpose": cards.clip(draft.purpose), "date": draft.occurred_on.isoformat(),
        "files": str(len(draft.attachments)), "id": "—",
    }
    parts: list[Any] = [fragment("acct-card", **args)]
    if draft.approval_id is not None:
        parts.append(fragment("acct-card-basis-short", id=str(draft.approval_id)))
    return lines(*parts)
