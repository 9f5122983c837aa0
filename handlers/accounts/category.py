"""/category ACCOUNT NAME: the admin (or finance) adds a sub-category, e.g. 充电桩 under
public revenue; /category alone lists each account's categories. /ceiling: the admin's
limit above which an amount is taken for a typo."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.accounts.render import refusal, t
from handlers.aliases import Word, Words
from handlers.compound_pick import CompoundPick, pick_compound, picked
from models.accounts import AccountKind
from models.registry import Compound
from services import audit
from services.accounts import cards, funds, ledger, settings
from services.accounts.errors import AccountsError
from services.accounts.money import parse_fen, yuan
from services.accounts.settings import MAX_CEILING
from services.clock import Clock
from services.policy import Action, Actor, can

ACCOUNT_ALIASES = Words(
    Word("maintenance", en=("maintenance", "fund"),
         hans=("专项维修资金", "维修资金", "维修基金"),
         hant=("專項維修資金", "維修資金", "維修基金")),
    Word("small_repair", en=("small_repair", "small"), hans=("小额维修金", "小额"),
         hant=("小額維修金", "小額")),
    Word("public_revenue", en=("public_revenue", "revenue", "public"),
         hans=("公共收益", "收益"), hant=("公共收益",)),
    Word("property", en=("property", "service"), hans=("物业服务", "物业", "物业费"),
         hant=("物業服務", "物業", "物業費")),
)


async def category_command(message: Message, command: CommandObject, i18n: I18nContext,
                           session: AsyncSession, actor: Actor, clock: Clock,
                           state: FSMContext) -> None:
    await state.update_data(cat_args=(command.args or "").strip())
    compound = await pick_compound(message, i18n, session, actor, Action.ACCOUNTS_CATEGORY,
                                   "acctcat")
    if compound is not None:
        await _apply(message, i18n, session, actor, clock, state, compound)


async def compound_picked(query: CallbackQuery, callback_data: CompoundPick, i18n: I18nContext,
                          session: AsyncSession, actor: Actor, clock: Clock,
                          state: FSMContext) -> None:
    found = await picked(query, callback_data, i18n, session)
    if found is not None:
        await _apply(found[0], i18n, session, actor, clock, state, found[1])


async def _apply(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                 clock: Clock, state: FSMContext, compound: Compound) -> None:
    args = str((await state.get_data()).get("cat_args") or "")
    await state.update_data(cat_args=None)
    if not await can(session, actor, Action.ACCOUNTS_CATEGORY, compound.id):
        await message.answer(t(i18n, "not-allowed"))
        return
    word, _, name = args.partition(" ")
    kind = ACCOUNT_ALIASES.find(word) if word else None
    if kind is None or not name.strip():
        await message.answer(await _listing(i18n, session, compound))
        return
    try:
        stored = await funds.add_category(session, clock, compound.id, AccountKind(kind), name,
                                          actor.person.id)
    except AccountsError as error:
        await message.answer(refusal(i18n, error))
        return
    audit.record(session, clock, "acct.category", actor_id=actor.person.id,
                 compound_id=compound.id, account=kind, name=stored)
    await session.commit()
    await message.answer(t(i18n, "acct-category-added", name=stored,
                           kind=cards.kind_label(kind)))


async def _listing(i18n: I18nContext, session: AsyncSession, compound: Compound) -> str:
    lines = []
    for kind in AccountKind:
        names = [cards.category_label(n) for n in await funds.categories(session, compound.id,
                                                                          kind)]
        shown = " · ".join(n if isinstance(n, str) else t(i18n, n["key"]) for n in names)
        lines.append(t(i18n, "acct-category-line", kind=cards.kind_label(kind), names=shown))
    return t(i18n, "acct-categories", compound=compound.name, lines="\n".join(lines))


async def ceiling_command(message: Message, command: CommandObject, i18n: I18nContext,
                          session: AsyncSession, actor: Actor, clock: Clock,
                          state: FSMContext) -> None:
    """/ceiling AMOUNT: above it an amount is a typo, not a payment (the admin sets it)."""
    await state.update_data(ceil_args=(command.args or "").strip())
    compound = await pick_compound(message, i18n, session, actor, Action.ACCOUNTS_SETTINGS,
                                   "acctceil")
    if compound is not None:
        await _ceiling(message, i18n, session, actor, clock, state, compound)


async def ceiling_picked(query: CallbackQuery, callback_data: CompoundPick, i18n: I18nContext,
                         session: AsyncSession, actor: Actor, clock: Clock,
                         state: FSMContext) -> None:
    found = await picked(query, callback_data, i18n, session)
    if found is not None:
        await _ceiling(found[0], i18n, session, actor, clock, state, found[1])


async def _ceiling(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                   clock: Clock, state: FSMContext, compound: Compound) -> None:
    typed = str((await state.get_data()).get("ceil_args") or "")
    await state.update_data(ceil_args=None)
    if not await can(session, actor, Action.ACCOUNTS_SETTINGS, compound.id):
        await message.answer(t(i18n, "not-allowed"))
        return
    if not typed:
        await message.answer(t(i18n, "acct-ceiling-now", compound=compound.name,
                               ceiling=yuan(await ledger.ceiling(session, compound.id))))
        return
    try:
        before, after = await settings.set_ceiling(session, clock, actor, compound.id,
                                                   parse_fen(typed, ceiling=MAX_CEILING))
    except AccountsError as error:
        await message.answer(refusal(i18n, error))
        return
    await message.answer(t(i18n, "acct-ceiling-set", compound=compound.name,
                           before=yuan(before), ceiling=yuan(after)))


def build_router() -> Router:
    router = Router(name="accounts.category")
    router.message.register(category_command, Command("category"), F.chat.type == "private")
    router.callback_query.register(compound_picked, CompoundPick.filter(F.action == "acctcat"))
    router.message.register(ceiling_command, Command("ceiling"), F.chat.type == "private")
    router.callback_query.register(ceiling_picked, CompoundPick.filter(F.action == "acctceil"))
    return router
