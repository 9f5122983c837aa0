"""The reporter's side of closing the loop: Fixed / Not fixed, then 1–5 stars.

The question message is edited in place, so a reply to it (a comment) still finds the ticket.
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from handlers.tickets.callbacks import TkQuestion
from handlers.tickets.render import error_text, short, t
from models.person import Person
from services.clock import Clock
from services.tickets import feedback
from services.tickets.errors import TicketError


def _stars(ticket_id: int, round_: int) -> list[tuple[str, TkQuestion]]:
    return [("★" * n, TkQuestion(action="star", id=ticket_id, round=round_, stars=n))
            for n in range(1, 6)]


async def _edit(message: Message, text: str, **kwargs: Any) -> None:
    try:
        await message.edit_text(text, **kwargs)
    except TelegramBadRequest as exc:
        if "not modified" not in exc.message:  # a second press finds it already said
            raise


async def answer(
    query: CallbackQuery, callback_data: TkQuestion, i18n: I18nContext, session: AsyncSession,
    person: Person, clock: Clock,
) -> None:
    fixed = callback_data.action == "fix"
    try:
        ctx = await feedback.answer(session, clock, person, callback_data.id,
                                    callback_data.round, fixed)
    except TicketError as error:
        await query.answer(short(error_text(i18n, error)), show_alert=True)
        return
    await query.answer()
    key = "tk-thanks-fixed" if fixed else "tk-thanks-notfixed"
    if isinstance(query.message, Message):
        await _edit(
            query.message,
            t(i18n, key, number=ctx.ticket.number) + "\n\n" + t(i18n, "tk-ask-stars"),
            reply_markup=choices(_stars(callback_data.id, callback_data.round), columns=5),
        )


async def stars(
    query: CallbackQuery, callback_data: TkQuestion, i18n: I18nContext, session: AsyncSession,
    person: Person, clock: Clock,
) -> None:
    try:
        ctx = await feedback.rate(session, clock, person, callback_data.id, callback_data.round,
                                  callback_data.stars)
    except TicketError as error:
        await query.answer(short(error_text(i18n, error)), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await _edit(query.message, t(i18n, "tk-thanks-stars", number=ctx.ticket.number,
                                     stars=callback_data.stars))


def build_router() -> Router:
    router = Router(name="tickets.feedback")
    router.callback_query.register(answer, TkQuestion.filter(F.action.in_({"fix", "nofix"})))
    router.callback_query.register(stars, TkQuestion.filter(F.action == "star"))
    return router
