"""/rewards: the catalogue, redeeming for a voucher with a QR code, my vouchers;
/redeem CODE (or the QR's deep link): a merchant or steward confirms a voucher once."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities.callbacks import RewardCb
from handlers.activities.common import choose_compound, my_compound, refuse, say, show
from handlers.compound_pick import CompoundPick
from handlers.keyboards import choices
from models.points import Merchant, Reward, Voucher
from models.registry import Compound
from services import ledger, rewards
from services.activities import cards, statement
from services.activities.errors import ActivityError
from services.activities.timeparse import date_fragment
from services.clock import Clock
from services.policy import Actor

PICK = "rw_list"


async def catalogue(session: AsyncSession, i18n: I18nContext, actor: Actor,
                    compound: Compound) -> tuple[str, InlineKeyboardMarkup]:
    items = await rewards.catalogue(session, compound.id)
    balance = await ledger.balance(session, compound.id, actor.person.id)
    buttons = [(i18n.get("rw-item", title=r.title, cost=r.cost), RewardCb(op="see", id=r.id))
               for r in items]
    buttons.append((i18n.get("rw-btn-mine"), RewardCb(op="mine", id=compound.id)))
    key = "rw-catalogue" if items else "rw-catalogue-empty"
    return i18n.get(key, compound=compound.name, balance=balance), choices(buttons)


async def detail(session: AsyncSession, i18n: I18nContext, actor: Actor,
                 reward: Reward) -> tuple[str, InlineKeyboardMarkup]:
    shop = await session.get(Merchant, reward.merchant_id) if reward.merchant_id else None
    balance = await ledger.balance(session, reward.compound_id, actor.person.id)
    stock = i18n.get("rw-stock-any") if reward.stock is None else \
        i18n.get("rw-stock", count=reward.stock)
    text = i18n.get("rw-detail", title=reward.title, cost=reward.cost, stock=stock,
                    where=shop.name if shop else i18n.get("rw-where-office"), balance=balance)
    buttons = []
    if reward.active and (reward.stock is None or reward.stock > 0):
        buttons.append((i18n.get("rw-btn-buy", cost=reward.cost),
                        RewardCb(op="buy", id=reward.id)))
    buttons.append((i18n.get("rw-btn-back"), RewardCb(op="list", id=reward.compound_id)))
    return text, choices(buttons)


async def _send_voucher(message: Message, session: AsyncSession, i18n: I18nContext, bot: Bot,
                        voucher: Voucher) -> None:
    reward = await session.get(Reward, voucher.reward_id)
    tz = await cards.zone(session, voucher.compound_id)
    me = await bot.me()
    link = rewards.deep_link(me.username or "", voucher.code)
    caption = say(i18n, "rw-voucher", title=reward.title if reward else "",
                  code=rewards.pretty_code(voucher.code), cost=voucher.cost,
                  expires=date_fragment(voucher.expires_at, tz))
    await message.answer_photo(BufferedInputFile(rewards.qr_png(link), "voucher.png"),
                               caption=caption)


async def open_catalogue(message: Message, session: AsyncSession, i18n: I18nContext,
                         actor: Actor) -> None:
    compounds = await statement.compounds_for_points(session, actor.person.id)
    compound = await choose_compound(message, i18n, compounds, PICK, "pt-no-compound")
    if compound is not None:
        text, markup = await catalogue(session, i18n, actor, compound)
        await message.answer(text, reply_markup=markup)


async def picked(query: CallbackQuery, callback_data: CompoundPick, session: AsyncSession,
                 i18n: I18nContext, actor: Actor) -> None:
    compound = await my_compound(session, actor.person.id, callback_data.compound_id)
    if compound is None:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await show(query, *await catalogue(session, i18n, actor, compound))


async def pressed(query: CallbackQuery, callback_data: RewardCb, session: AsyncSession,
                  i18n: I18nContext, clock: Clock, actor: Actor, bot: Bot) -> None:
    op, ident = callback_data.op, callback_data.id
    message = query.message
    if not isinstance(message, Message):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    if op == "list" and (compound := await my_compound(session, actor.person.id, ident)):
        await query.answer()
        await show(query, *await catalogue(session, i18n, actor, compound))
    elif op == "see" and (reward := await _visible(session, actor, ident)) is not None:
        await query.answer()
        await show(query, *await detail(session, i18n, actor, reward))
    elif op == "buy":
        await _buy(query, message, session, i18n, clock, actor, bot, ident)
    elif op == "mine":
        await _mine(query, session, i18n, actor)
    elif op == "qr":
        await _again(query, message, session, i18n, actor, bot, ident)
    elif op == "ok":
        await _confirm(query, session, i18n, clock, actor, ident)
    else:
        await query.answer(i18n.get("stale-button"), show_alert=True)


async def _visible(session: AsyncSession, actor: Actor, reward_id: int) -> Reward | None:
    reward = await session.get(Reward, reward_id)
    if reward is None or not await my_compound(session, actor.person.id, reward.compound_id):
        return None
    return reward


async def _buy(query: CallbackQuery, message: Message, session: AsyncSession, i18n: I18nContext,
               clock: Clock, actor: Actor, bot: Bot, reward_id: int) -> None:
    request = f"rw:{message.chat.id}:{message.message_id}"
    if await rewards.voucher_by_request(session, request) is not None:
        await query.answer(i18n.get("rw-already"), show_alert=True)
        return
    try:
        voucher = await rewards.redeem(session, clock, reward_id, actor.person, request)
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    await query.answer()
    balance = await ledger.balance(session, voucher.compound_id, actor.person.id)
    await show(query, i18n.get("rw-redeemed", balance=balance))
    await _send_voucher(message, session, i18n, bot, voucher)


async def _mine(query: CallbackQuery, session: AsyncSession, i18n: I18nContext,
                actor: Actor) -> None:
    found = await rewards.open_vouchers(session, actor.person.id)
    buttons = []
    for voucher, reward in found:
        tz = await cards.zone(session, voucher.compound_id)
        buttons.append((say(i18n, "rw-mine-item", title=reward.title,
                            expires=date_fragment(voucher.expires_at, tz)),
                        RewardCb(op="qr", id=voucher.id)))
    await query.answer()
    await show(query, i18n.get("rw-mine" if found else "rw-mine-empty"), choices(buttons))


async def _again(query: CallbackQuery, message: Message, session: AsyncSession,
                 i18n: I18nContext, actor: Actor, bot: Bot, voucher_id: int) -> None:
    voucher = await session.get(Voucher, voucher_id)
    if voucher is None or voucher.person_id != actor.person.id or voucher.status != "issued":
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await _send_voucher(message, session, i18n, bot, voucher)


# ---- at the counter ---------------------------------------------------------------------
async def _ask_confirm(message: Message, session: AsyncSession, i18n: I18nContext,
                       clock: Clock, actor: Actor, code: str) -> None:
    if not code.strip():
        await message.answer(i18n.get("rw-redeem-usage"))
        return
    try:
        found = await rewards.find(session, clock, code, actor)
    except ActivityError as error:
        await refuse(message, i18n, error)
        return
    tz = await cards.zone(session, found.voucher.compound_id)
    text = say(i18n, "rw-confirm-ask", title=found.reward.title, holder=found.holder.first_name,
               code=rewards.pretty_code(found.voucher.code), cost=found.voucher.cost,
               expires=date_fragment(found.voucher.expires_at, tz))
    await message.answer(text, reply_markup=choices(
        [(i18n.get("rw-btn-confirm"), RewardCb(op="ok", id=found.voucher.id))]))


async def redeem_command(message: Message, command: CommandObject, session: AsyncSession,
                         i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    await _ask_confirm(message, session, i18n, clock, actor, command.args or "")


async def redeem_link(message: Message, command: CommandObject, session: AsyncSession,
                      i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    await _ask_confirm(message, session, i18n, clock, actor, (command.args or "")[2:])


async def _confirm(query: CallbackQuery, session: AsyncSession, i18n: I18nContext, clock: Clock,
                   actor: Actor, voucher_id: int) -> None:
    voucher = await session.get(Voucher, voucher_id)
    if voucher is None:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    try:
        found = await rewards.confirm(session, clock, voucher.code, actor)
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    await query.answer()
    await show(query, i18n.get("rw-confirmed", title=found.reward.title,
                               holder=found.holder.first_name,
                               code=rewards.pretty_code(found.voucher.code)))


def build_router() -> Router:
    router = Router(name="rewards")
    private = F.chat.type == "private"
    router.message.register(redeem_link, CommandStart(deep_link=True,
                                                      magic=F.args.startswith("v_")), private)
    router.message.register(open_catalogue, Command("rewards"), private)
    router.message.register(redeem_command, Command("redeem"), private)
    router.callback_query.register(picked, CompoundPick.filter(F.action == PICK))
    router.callback_query.register(pressed, RewardCb.filter())
    return router
