"""/fundapproval POLL AMOUNT: the committee records what a passed fund-use poll approved."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.accounts.render import refusal, t
from services.accounts import approvals
from services.accounts.errors import AccountsError
from services.accounts.money import parse_fen, yuan
from services.clock import Clock
from services.policy import Actor


async def fund_approval(message: Message, command: CommandObject, i18n: I18nContext,
                        session: AsyncSession, actor: Actor, clock: Clock) -> None:
    number, _, amount = (command.args or "").strip().lstrip("#").partition(" ")
    if not number.isdigit() or len(number) > 18 or not amount.strip():
        await message.answer(t(i18n, "acct-appr-usage"))
        return
    try:
        fen = parse_fen(amount)
        row = await approvals.from_poll(session, clock, actor, int(number), fen)
    except AccountsError as error:
        await message.answer(refusal(i18n, error))
        return
    await message.answer(t(i18n, "acct-appr-done", id=str(row.id), poll=number,
                           amount=yuan(row.amount)))


def build_router() -> Router:
    router = Router(name="accounts.approve")
    router.message.register(fund_approval, Command("fundapproval"), F.chat.type == "private")
    return router
