"""Private-chat commands that act on "my compound": pick it, or ask when there are several.

A feature calls `pick_compound()`; with exactly one compound it gets it back at once, with
several it gets None and the person sees buttons. The button press arrives as
`CompoundPick(action=..., compound_id=...)`, which the feature's router handles by
filtering on its own action name.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from models.registry import Compound
from services.policy import Action, Actor, compounds_for


class CompoundPick(CallbackData, prefix="cp"):
    action: str
    compound_id: int


async def pick_compound(
    message: Message,
    i18n: I18nContext,
    session: AsyncSession,
    actor: Actor,
    action: Action,
    callback_action: str,
) -> Compound | None:
    compounds = await compounds_for(session, actor, action)
    if len(compounds) == 1:
        return compounds[0]
    if not compounds:
        await message.answer(i18n.get("compound-none-for-action"))
        return None
    await message.answer(
        i18n.get("compound-choose"),
        reply_markup=choices(
            [(c.name, CompoundPick(action=callback_action, compound_id=c.id)) for c in compounds]
        ),
    )
    return None


async def picked(
    query: CallbackQuery, callback_data: CompoundPick, i18n: I18nContext, session: AsyncSession
) -> tuple[Message, Compound] | None:
    """The compound a press chose and the message to answer under; None (and the stale-button
    alert) when either is gone. Whether the person may act on it is the caller's check."""
    compound = await session.get(Compound, callback_data.compound_id)
    if compound is None or not isinstance(query.message, Message):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return None
    await query.answer()
    return query.message, compound
