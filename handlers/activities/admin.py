"""Admin commands in private chat: /award, /pointrules, /addreward, /merchants, /ledger.

A command typed by someone who administers several compounds asks which one first and
keeps the typed words until the answer comes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities import award, pointrules, rule_wizard
from handlers.activities.common import choose_compound, find_person, refuse
from handlers.compound_pick import CompoundPick
from models.person import Person
from models.points import Account, AccountKind, Merchant
from models.registry import Compound
from services import ledger, rewards
from services.activities.errors import ActivityError
from services.clock import Clock
from services.policy import Action, Actor, can, compounds_for

Core = Callable[[Message, AsyncSession, I18nContext, Clock, Actor, Compound, str, FSMContext],
                Awaitable[None]]


# ---- rewards and merchants --------------------------------------------------------------
async def add_reward(message: Message, session: AsyncSession, i18n: I18nContext, clock: Clock,
                     actor: Actor, compound: Compound, args: str, _state: FSMContext) -> None:
    words = args.split()
    try:
        if len(words) == 2 and words[0].lower() == "off" and words[1].isdigit():
            gone = await rewards.withdraw(session, clock, int(words[1]), actor)
            await message.answer(i18n.get("rw-withdrawn", title=gone.title))
            return
        cost, stock = int(words[0]), None if words[1] == "-" else int(words[1])
        shop = int(words[2][1:]) if words[2].startswith("#") else None
        title = " ".join(words[3:] if shop is not None else words[2:])
        added = await rewards.add_reward(session, clock, compound.id, actor, title=title,
                                         cost=cost, stock=stock, merchant_id=shop)
    except ActivityError as error:
        await refuse(message, i18n, error)
        return
    except (ValueError, IndexError):
        await message.answer(i18n.get("rw-add-usage"))
        return
    stock_text = i18n.get("rw-stock-any") if added.stock is None else \
        i18n.get("rw-stock", count=added.stock)
    await message.answer(i18n.get("rw-added", title=added.title, cost=added.cost,
                                  stock=stock_text))


async def merchants(message: Message, session: AsyncSession, i18n: I18nContext, clock: Clock,
                    actor: Actor, compound: Compound, args: str, _state: FSMContext) -> None:
    words = args.split()
    if words and words[0].lower() == "add" and len(words) > 1:
        contact = await find_person(session, words[-1]) if words[-1].startswith("@") else None
        if words[-1].startswith("@") and contact is None:
            await message.answer(i18n.get("act-err-unknown-person"))
            return
        name = " ".join(words[1:-1] if contact else words[1:])
        try:
            await rewards.add_merchant(session, clock, compound.id, actor, name, contact)
        except ActivityError as error:
            await refuse(message, i18n, error)
            return
    elif words:
        await message.answer(i18n.get("rw-merchants-usage"))
        return
    found = await rewards.merchants(session, compound.id)
    lines = [i18n.get("rw-merchant-line", id=m.id, name=m.name,
                      contact=(await _contact(session, m)) or "—") for m in found]
    await message.answer(i18n.get("rw-merchants", compound=compound.name,
                                  lines="\n".join(lines) or i18n.get("rw-merchants-none"))
                         + "\n\n" + i18n.get("rw-merchants-usage"))


async def _contact(session: AsyncSession, shop: Merchant) -> str:
    person = await session.get(Person, shop.person_id) if shop.person_id else None
    return person.display_name if person else ""


async def books(message: Message, session: AsyncSession, i18n: I18nContext, clock: Clock,
                actor: Actor, compound: Compound, args: str, _state: FSMContext) -> None:
    """明白账: where the compound's points are, and whether the books balance."""
    sums = await session.execute(
        select(Account.kind, func.coalesce(func.sum(Account.balance), 0))
        .where(Account.compound_id == compound.id).group_by(Account.kind))
    by_kind = {kind: int(total) for kind, total in sums}
    problems = await ledger.check_invariants(session, compound.id)
    await message.answer(i18n.get(
        "pt-ledger", compound=compound.name, issued=-by_kind.get(AccountKind.ISSUING, 0),
        wallets=by_kind.get(AccountKind.WALLET, 0), vouchers=by_kind.get(AccountKind.ESCROW, 0),
        merchants=by_kind.get(AccountKind.MERCHANT, 0),
        check=i18n.get("pt-ledger-ok") if not problems else
        i18n.get("pt-ledger-problems", count=len(problems))))


# ---- wiring -----------------------------------------------------------------------------
PICKS: dict[str, tuple[str, Action, Core]] = {
    "award": ("pt_award", Action.POINTS_AWARD, award.award),
    "pointrules": ("pt_rules", Action.POINTS_RULES, pointrules.rules),
    "ledger": ("pt_books", Action.POINTS_RULES, books),
    "addreward": ("rw_add", Action.REWARD_MANAGE, add_reward),
    "merchants": ("rw_shops", Action.REWARD_MANAGE, merchants),
}


def command_handler(name: str) -> Callable[..., Awaitable[None]]:
    pick, action, core = PICKS[name]

    async def handle(message: Message, command: CommandObject, session: AsyncSession,
                     i18n: I18nContext, clock: Clock, actor: Actor, state: FSMContext) -> None:
        compounds = await compounds_for(session, actor, action)
        if len(compounds) > 1:
            await state.update_data({f"pending_{pick}": command.args or ""})
        compound = await choose_compound(message, i18n, compounds, pick,
                                         "compound-none-for-action")
        if compound is not None:
            await core(message, session, i18n, clock, actor, compound, command.args or "", state)

    handle.__name__ = f"{name}_command"
    return handle


async def picked(query: CallbackQuery, callback_data: CompoundPick, session: AsyncSession,
                 i18n: I18nContext, clock: Clock, actor: Actor, state: FSMContext) -> None:
    _pick, action, core = next(p for p in PICKS.values() if p[0] == callback_data.action)
    compound = await session.get(Compound, callback_data.compound_id)
    args = (await state.get_data()).get(f"pending_{callback_data.action}")
    if compound is None or not await can(session, actor, action, compound.id):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    if args is None or not isinstance(query.message, Message):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await state.update_data({f"pending_{callback_data.action}": None})
    await query.answer()
    await core(query.message, session, i18n, clock, actor, compound, args, state)


def build_router() -> Router:
    router = Router(name="activities.admin")
    private = F.chat.type == "private"
    for name in PICKS:
        router.message.register(command_handler(name), Command(name), private)
    picks = [p[0] for p in PICKS.values()]
    router.callback_query.register(picked, CompoundPick.filter(F.action.in_(picks)))
    router.callback_query.register(award.again, award.AwardAgain.filter())
    router.callback_query.register(pointrules.pressed, pointrules.RulesCb.filter())
    rule_wizard.register(router)
    return router
