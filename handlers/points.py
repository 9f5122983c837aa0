"""/points: my balance, recent history, this month's earnings, and the monthly leaderboard."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities.callbacks import PointsCb
from handlers.activities.common import choose_compound, my_compound, say, show
from handlers.compound_pick import CompoundPick
from handlers.keyboards import choices
from models.registry import Compound
from services import rewards
from services.activities import cards, earning, statement
from services.activities.timeparse import date_fragment
from services.clock import Clock
from services.policy import Actor

PICK = "pt_show"


_TRAILING_DAY = re.compile(r"\s+\d{4}-\d{2}-\d{2}$")


def _memo(memo: str) -> str:
    """Older roster postings carry their day in the memo; the line shows it already."""
    return _TRAILING_DAY.sub("", memo)


def _signed(amount: int) -> str:
    return f"+{amount}" if amount > 0 else f"−{-amount}"


async def overview(session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor,
                   compound: Compound) -> tuple[str, InlineKeyboardMarkup]:
    person_id = actor.person.id
    seen = await statement.overview(session, clock.now(), compound, person_id)
    tz = await cards.zone(session, compound.id)
    history = [say(i18n, "pt-history-line", date=date_fragment(e.at, tz), amount=_signed(e.amount),
                   what=say(i18n, f"pt-kind-{e.kind}", memo=_memo(e.memo)))
               for e in seen.history]
    vouchers = [v for v, _ in await rewards.open_vouchers(session, person_id)
                if v.compound_id == compound.id]
    text = i18n.get("pt-overview", compound=compound.name, balance=seen.balance,
                    month=seen.month,
                    history="\n".join(history) or i18n.get("pt-history-empty"))
    if vouchers:
        text += "\n\n" + i18n.get("pt-open-vouchers", count=len(vouchers))
    buttons = []
    if (await earning.settings_for(session, compound.id)).leaderboard:
        buttons.append((i18n.get("pt-btn-top"), PointsCb(op="top", id=compound.id)))
    return text, choices(buttons)


async def leaderboard(session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor,
                      compound: Compound) -> tuple[str, InlineKeyboardMarkup]:
    leaders = await statement.leaderboard(session, clock.now(), compound)
    hidden = await statement.is_hidden(session, actor.person.id)
    lines = [i18n.get("pt-top-line", rank=r.rank, name=r.name, points=r.points) for r in leaders]
    me = next((r for r in leaders if r.person_id == actor.person.id), None)
    if hidden:
        mine = i18n.get("pt-top-you-hidden")
    elif me is not None:
        mine = i18n.get("pt-top-you", rank=me.rank)
    else:
        mine = i18n.get("pt-top-you-absent")
    text = i18n.get("pt-top", compound=compound.name,
                    lines="\n".join(lines) or i18n.get("pt-top-empty"), mine=mine)
    toggle = ("pt-btn-show", "show") if hidden else ("pt-btn-hide", "hide")
    return text, choices([(i18n.get(toggle[0]), PointsCb(op=toggle[1], id=compound.id)),
                          (i18n.get("pt-btn-back"), PointsCb(op="me", id=compound.id))])


async def points(message: Message, session: AsyncSession, i18n: I18nContext, clock: Clock,
                 actor: Actor) -> None:
    compounds = await statement.compounds_for_points(session, actor.person.id)
    compound = await choose_compound(message, i18n, compounds, PICK, "pt-no-compound")
    if compound is not None:
        text, markup = await overview(session, i18n, clock, actor, compound)
        await message.answer(text, reply_markup=markup)


async def picked(query: CallbackQuery, callback_data: CompoundPick, session: AsyncSession,
                 i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    compound = await my_compound(session, actor.person.id, callback_data.compound_id)
    if compound is None:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await show(query, *await overview(session, i18n, clock, actor, compound))


async def pressed(query: CallbackQuery, callback_data: PointsCb, session: AsyncSession,
                  i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    compound = await my_compound(session, actor.person.id, callback_data.id)
    if compound is None or callback_data.op not in ("top", "hide", "show", "me"):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    if callback_data.op in ("hide", "show"):
        await statement.set_hidden(session, actor.person.id, callback_data.op == "hide")
        await query.answer(i18n.get(f"pt-{callback_data.op}-done"))
    else:
        await query.answer()
    if callback_data.op == "me":
        await show(query, *await overview(session, i18n, clock, actor, compound))
    elif not (await earning.settings_for(session, compound.id)).leaderboard:
        await show(query, i18n.get("pt-top-off"))
    else:
        await show(query, *await leaderboard(session, i18n, clock, actor, compound))


async def in_group(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("pt-private-only"))


def build_router() -> Router:
    router = Router(name="points")
    private = F.chat.type == "private"
    router.message.register(points, Command("points"), private)
    router.message.register(in_group, Command("points", "rewards", "redeem"), ~private)
    router.callback_query.register(picked, CompoundPick.filter(F.action == PICK))
    router.callback_query.register(pressed, PointsCb.filter())
    return router
