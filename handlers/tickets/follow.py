"""The deep link under a group report (?start=tk_<id>): its reporter follows it privately."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.types import Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.tickets.render import error_text
from models.person import Person
from services.clock import Clock
from services.tickets import reach
from services.tickets.errors import TicketError


async def follow_link(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    person: Person, clock: Clock,
) -> None:
    ticket_id = reach.parse_payload(command.args)
    assert ticket_id is not None  # the filter lets only matching payloads through
    try:
        await reach.follow(session, clock, person, ticket_id)
    except TicketError as error:
        await message.answer(error_text(i18n, error))


def build_router() -> Router:
    router = Router(name="tickets.follow")
    router.message.register(
        follow_link, CommandStart(deep_link=True, magic=F.args.regexp(reach.PAYLOAD)),
        F.chat.type == "private",
    )
    return router
