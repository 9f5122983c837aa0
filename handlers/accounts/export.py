"""/accountscsv [gbk]: the compound's whole journal as a CSV file (admin, owners' committee)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.compound_pick import CompoundPick, pick_compound, picked
from handlers.tickets.render import t
from models.registry import Compound
from services.accounts.export import journal_csv
from services.clock import Clock
from services.policy import Action, Actor, can

GBK_INPUT = frozenset({"gbk", "gb2312", "excel2003", "旧版"})


async def export_command(message: Message, command: CommandObject, i18n: I18nContext,
                         session: AsyncSession, actor: Actor) -> None:
    gbk = (command.args or "").strip().lower() in GBK_INPUT
    compound = await pick_compound(message, i18n, session, actor, Action.ACCOUNTS_EXPORT,
                                   "acctcsvg" if gbk else "acctcsv")
    if compound is not None:
        await _send(message, i18n, session, actor, compound, gbk)


async def export_picked(query: CallbackQuery, callback_data: CompoundPick, i18n: I18nContext,
                        session: AsyncSession, actor: Actor, clock: Clock) -> None:
    found = await picked(query, callback_data, i18n, session)
    if found is not None:
        await _send(found[0], i18n, session, actor, found[1], callback_data.action == "acctcsvg")


async def _send(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                compound: Compound, gbk: bool) -> None:
    if not await can(session, actor, Action.ACCOUNTS_EXPORT, compound.id):
        await message.answer(t(i18n, "not-allowed"))
        return
    data = await journal_csv(session, compound.id, "gbk" if gbk else "utf-8-sig")
    await message.answer_document(
        BufferedInputFile(data, f"accounts-{compound.id}{'-gbk' if gbk else ''}.csv"),
        caption=t(i18n, "acct-csv-caption", compound=compound.name,
                  encoding="GBK" if gbk else "UTF-8"))


def build_router() -> Router:
    router = Router(name="accounts.export")
    router.message.register(export_command, Command("accountscsv"), F.chat.type == "private")
    router.callback_query.register(export_picked,
                                   CompoundPick.filter(F.action.in_({"acctcsv", "acctcsvg"})))
    return router
