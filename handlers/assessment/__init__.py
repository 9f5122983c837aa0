"""/indicators [period], /monthly [month] and /feerate rate [period]: a compound's figures."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.assessment.monthly import monthly_report
from handlers.assessment.score import scheme_command, score_command
from handlers.keyboards import choices
from handlers.tickets.render import answer_long, t
from models.registry import Compound
from services.assessment import display, figures, indicators, periods
from services.clock import Clock
from services.policy import Action, Actor, compounds_for


class AsPick(CallbackData, prefix="as"):
    """A compound chosen for /indicators (value empty) or /feerate (value the rate)."""

    action: str
    compound: int
    period: str
    value: str = ""


_ACTIONS = {"ind": Action.ASSESSMENT_VIEW, "fee": Action.ASSESSMENT_ENTER,
            "month": Action.ASSESSMENT_VIEW}


async def indicators_command(message: Message, command: CommandObject, i18n: I18nContext,
                             session: AsyncSession, actor: Actor, clock: Clock) -> None:
    await _start(message, i18n, session, actor, clock, "ind", command.args or "", "")


async def monthly_command(message: Message, command: CommandObject, i18n: I18nContext,
                          session: AsyncSession, actor: Actor, clock: Clock) -> None:
    await _start(message, i18n, session, actor, clock, "month", command.args or "", "")


async def feerate_command(message: Message, command: CommandObject, i18n: I18nContext,
                          session: AsyncSession, actor: Actor, clock: Clock) -> None:
    rate, _, rest = (command.args or "").strip().partition(" ")
    value = figures.parse_rate(rate) if rate else None
    if value is None:
        await message.answer(t(i18n, "as-fee-usage"))
        return
    await _start(message, i18n, session, actor, clock, "fee", rest, str(value))


async def _start(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
                 clock: Clock, action: str, period_text: str, value: str) -> None:
    compounds = await compounds_for(session, actor, _ACTIONS[action])
    if not compounds:
        await message.answer(t(i18n, f"as-{action}-denied"))
        return
    period = periods.parse(period_text, clock.now(), ZoneInfo(compounds[0].timezone))
    if period is None:
        await message.answer(t(i18n, "as-period-bad"))
        return
    if len(compounds) > 1:
        await message.answer(t(i18n, "as-which-compound"), reply_markup=choices(
            [(c.name, AsPick(action=action, compound=c.id, period=period_text.strip()[:12],
                             value=value)) for c in compounds]))
        return
    await _run(message, i18n, session, actor, clock, compounds[0], period_text, value, action)


async def picked(query: CallbackQuery, callback_data: AsPick, i18n: I18nContext,
                 session: AsyncSession, actor: Actor, clock: Clock) -> None:
    action = callback_data.action if callback_data.action in _ACTIONS else None
    allowed = {c.id: c for c in await compounds_for(session, actor, _ACTIONS[action])} \
        if action else {}
    compound = allowed.get(callback_data.compound)
    if compound is None or not isinstance(query.message, Message) or (
            action == "fee" and figures.parse_rate(callback_data.value) is None):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    await query.answer()
    await _run(query.message, i18n, session, actor, clock, compound, callback_data.period,
               callback_data.value, action)


async def _run(message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor,
               clock: Clock, compound: Compound, period_text: str, value: str,
               action: Any) -> None:
    # The period is read in the chosen compound's own time zone.
    period = periods.parse(period_text, clock.now(), ZoneInfo(compound.timezone))
    if period is None:
        await message.answer(t(i18n, "as-period-bad"))
        return
    if action == "fee":
        rate = figures.parse_rate(value)
        assert rate is not None  # checked by both callers
        before = await figures.set_fee_rate(session, clock, compound.id, period, rate,
                                            actor.person.id)
        await session.commit()
        await message.answer(t(i18n, "as-fee-set", compound=compound.name, value=str(rate),
                               period=display.period_label(period.code),
                               before=display.NONE if before is None else str(before)))
        return
    if action == "month":
        await monthly_report(message, i18n, session, clock, compound, period)
        return
    ind = await indicators.compute(session, compound.id, period)
    await answer_long(message, t(i18n, "as-indicators",
                                 **display.indicator_args(compound.name, ind)))


def build_router() -> Router:
    router = Router(name="assessment")
    private = F.chat.type == "private"
    router.message.register(indicators_command, Command("indicators"), private)
    router.message.register(feerate_command, Command("feerate"), private)
    router.message.register(score_command, Command("score"), private)
    router.message.register(monthly_command, Command("monthly"), private)
    router.message.register(scheme_command, Command("scheme"), private)
    router.callback_query.register(picked, AsPick.filter())
    return router
