"""/accounts (账目, 明白账, 帳目): a compound's public balances and latest public entries.

In a private chat anyone who lives in the compound or holds a role there reads them; the
finance role and the reviewers also see what waits for confirmation. In the compound's
group only the public figures are shown.
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.accounts.callbacks import EntryCb
from handlers.accounts.render import t
from handlers.aliases import normal
from handlers.compound_pick import CompoundPick
from handlers.keyboards import choices
from models.registry import ChatBinding, Compound
from services.accounts import cards, views
from services.accounts.money import yuan
from services.policy import Action, Actor, can, compounds_for

ACCOUNTS_ALIASES = frozenset(normal(w) for w in (
    "账目", "明白账", "帳目", "明白帳", "账本", "帳本", "accounts",
    "#账目", "#明白账", "#帳目", "#明白帳", "#accounts",
))
HASHTAGS = frozenset(w for w in ACCOUNTS_ALIASES if w.startswith("#"))


def _said(words: frozenset[str]) -> Any:
    return F.text.func(lambda text: normal(text) in words)


async def overview_text(i18n: I18nContext, session: AsyncSession, compound: Compound,
                        pending: list[views.Listed] | None = None) -> str:
    balances = await views.public_balances(session, compound.id)
    lines = [t(i18n, "acct-balance-line", kind=cards.kind_label(kind), balance=yuan(fen))
             for kind, fen in balances.items()]
    latest = await views.latest_public(session, compound.id)
    entries = [t(i18n, "acct-entry-line", **cards.line_args(x.entry, x.kind)) for x in latest]
    text = t(i18n, "acct-overview", compound=compound.name, balances="\n".join(lines),
             entries="\n".join(entries) or t(i18n, "acct-overview-none"))
    if pending:
        waiting = [t(i18n, "acct-entry-line", **cards.line_args(x.entry, x.kind))
                   for x in pending]
        text += "\n\n" + t(i18n, "acct-overview-pending", count=str(len(pending)),
                           entries="\n".join(waiting))
    return text


async def _show(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                compound: Compound) -> None:
    records = await can(session, actor, Action.ACCOUNTS_RECORD, compound.id)
    reviews = await can(session, actor, Action.ACCOUNTS_CONFIRM, compound.id)
    pending = await views.pending(session, compound.id) if records or reviews else []
    latest = await views.latest_public(session, compound.id)
    items: list[tuple[str, EntryCb]] = [
        (t(i18n, "acct-btn-pending", id=str(x.entry.id)), EntryCb(op="show", id=x.entry.id))
        for x in pending]
    items += [(t(i18n, "acct-btn-entry", id=str(x.entry.id)), EntryCb(op="show", id=x.entry.id))
              for x in latest]
    if records:
        items.append((t(i18n, "acct-btn-new"), EntryCb(op="new", id=compound.id)))
    markup: InlineKeyboardMarkup | None = choices(items, columns=4) if items else None
    await message.answer(await overview_text(i18n, session, compound, pending),
                         reply_markup=markup)


async def _readable(session: AsyncSession, actor: Actor) -> list[Compound]:
    if actor.superadmin:
        return await compounds_for(session, actor, Action.ACCOUNTS_RECORD)
    return await views.readable_compounds(session, actor.person.id)


async def accounts_private(message: Message, i18n: I18nContext, session: AsyncSession,
                           actor: Actor) -> None:
    compounds = await _readable(session, actor)
    if not compounds:
        await message.answer(t(i18n, "acct-no-compound"))
    elif len(compounds) == 1:
        await _show(message, i18n, session, actor, compounds[0])
    else:
        await message.answer(t(i18n, "compound-choose"), reply_markup=choices(
            [(c.name, CompoundPick(action="acct", compound_id=c.id)) for c in compounds]))


async def compound_picked(query: CallbackQuery, callback_data: CompoundPick,
                          i18n: I18nContext, session: AsyncSession, actor: Actor) -> None:
    allowed = {c.id: c for c in await _readable(session, actor)}
    compound = allowed.get(callback_data.compound_id)
    if compound is None or not isinstance(query.message, Message):
        await query.answer(t(i18n, "not-allowed"), show_alert=True)
        return
    await query.answer()
    await _show(query.message, i18n, session, actor, compound)


async def accounts_group(message: Message, i18n: I18nContext, session: AsyncSession,
                         binding: ChatBinding | None) -> None:
    """In a group: the public figures of the compound it belongs to, nothing pending."""
    compound = await session.get(Compound, binding.compound_id) if binding else None
    if compound is None:
        await message.answer(t(i18n, "acct-group-unbound"))
        return
    await message.answer(await overview_text(i18n, session, compound))


def build_router() -> Router:
    router = Router(name="accounts.browse")
    private = F.chat.type == "private"
    router.message.register(accounts_private, Command("accounts"), private)
    router.message.register(accounts_private, StateFilter(None), private, F.text,
                            _said(ACCOUNTS_ALIASES))
    router.message.register(accounts_group, Command("accounts"), ~private)
    router.message.register(accounts_group, ~private, F.text, _said(HASHTAGS))
    router.callback_query.register(compound_picked, CompoundPick.filter(F.action == "acct"))
    return router
