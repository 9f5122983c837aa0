"""Adding a points rule from the /pointrules buttons: a name (its code is made from it),
then how it counts and how many points, pressed or typed."""

from __future__ import annotations

import re
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities import pointrules
from handlers.activities.callbacks import RuleForm, RuleWizCb
from handlers.activities.common import refusal
from handlers.keyboards import choices
from models.points import RuleBasis
from models.registry import Compound
from services.activities import earning
from services.activities.errors import ActivityError
from services.clock import Clock
from services.policy import Action, Actor, can

POINT_CHOICES = (1, 2, 3, 5, 10)


async def _begin(query: CallbackQuery, state: FSMContext, session: AsyncSession,
                 i18n: I18nContext, actor: Actor, compound_id: str) -> None:
    if not compound_id.isdigit() or not await can(session, actor, Action.POINTS_RULES,
                                                  int(compound_id)):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    await state.set_state(RuleForm.typing)
    await state.set_data({"rule_c": int(compound_id), "rule_step": "name"})
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("pt-rw-ask-name"))


def _code_for(name: str) -> str:
    """The name's words joined by "-": "党员护学岗" stays as it is, "Crossing guard" is
    "crossing-guard". A shorter code is for the one-line /pointrules set."""
    return "-".join(re.findall(r"[^\W_]+", name.lower()))[:earning.CODE_MAX].strip("-")


async def typed(message: Message, state: FSMContext, session: AsyncSession, i18n: I18nContext,
                clock: Clock, actor: Actor) -> None:
    data = await state.get_data()
    text = (message.text or "").strip()
    if data.get("rule_step") == "name":
        name = " ".join(text.split())
        code = _code_for(name)
        if not earning.code_ok(code):
            await message.answer(i18n.get("act-err-rule-code"))
            return
        if not 0 < len(name) <= earning.NAME_MAX:
            await message.answer(i18n.get("act-err-rule-name"))
            return
        await state.update_data(rule_code=code, rule_name=name, rule_step="basis")
        await message.answer(i18n.get("pt-rw-ask-basis", name=name), reply_markup=choices(
            [(i18n.get(f"pt-basis-{b.value}"), RuleWizCb(step="basis", v=b.value))
             for b in RuleBasis]))
    elif data.get("rule_step") == "points":
        points = pointrules.number(text)
        if points is None:
            await message.answer(i18n.get("act-err-rule-points"))
            return
        await _save(message, state, session, i18n, clock, actor, data, points)
    else:
        await message.answer(i18n.get("act-use-buttons"))


async def pressed(query: CallbackQuery, callback_data: RuleWizCb, state: FSMContext,
                  session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    if callback_data.step == "start":
        await _begin(query, state, session, i18n, actor, callback_data.v)
        return
    data = await state.get_data()
    message = query.message
    if data.get("rule_step") != callback_data.step or not isinstance(message, Message):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    if callback_data.step == "basis" and callback_data.v in set(RuleBasis):
        await state.update_data(rule_basis=callback_data.v, rule_step="points")
        await message.answer(i18n.get(f"pt-rw-ask-points-{callback_data.v}"),
                             reply_markup=choices([(str(n), RuleWizCb(step="points", v=str(n)))
                                                   for n in POINT_CHOICES], columns=5))
    elif callback_data.step == "points" and callback_data.v.isdigit():
        await _save(message, state, session, i18n, clock, actor, data, int(callback_data.v))


async def _save(message: Message, state: FSMContext, session: AsyncSession, i18n: I18nContext,
                clock: Clock, actor: Actor, data: dict[str, Any], points: int) -> None:
    compound = await session.get(Compound, data["rule_c"])
    if compound is None or not await can(session, actor, Action.POINTS_RULES, compound.id):
        await state.clear()
        await message.answer(i18n.get("not-allowed"))
        return
    try:
        await earning.set_rule(session, clock, compound.id, actor.person.id,
                               code=data["rule_code"], basis=data["rule_basis"], points=points,
                               name=data["rule_name"])
    except ActivityError as error:
        await message.answer(refusal(i18n, error))  # points out of range: type them again
        return
    await state.clear()
    await message.answer(await pointrules.overview(session, i18n, compound),
                         reply_markup=await pointrules.buttons(session, i18n, compound))


async def abandon(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await message.answer(i18n.get("pt-rw-dropped"))


def register(router: Router) -> None:
    private = F.chat.type == "private"
    router.message.register(abandon, Command("cancel"), StateFilter(RuleForm.typing))
    router.message.register(typed, StateFilter(RuleForm.typing), private, F.text,
                            ~F.text.startswith("/"))
    router.callback_query.register(pressed, RuleWizCb.filter())
