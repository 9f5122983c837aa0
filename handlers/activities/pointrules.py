"""/pointrules: a compound's points rules and settings.

Organizers type the changes in English, 简体 or 繁體 (the words are in words.py), or press
the buttons under the overview for the common ones. A word that is not understood gets
the words that are, and changes nothing.
"""

from __future__ import annotations

import re

from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities.callbacks import RuleWizCb
from handlers.activities.common import refuse, show
from handlers.activities.words import (
    BASIS_ALIASES,
    POINT_UNITS_INPUT,
    POINTRULES_ALIASES,
    SWITCH_ALIASES,
)
from handlers.aliases import normal
from handlers.keyboards import choices
from models.registry import Compound
from services.activities import earning
from services.activities.errors import ActivityError
from services.clock import Clock
from services.policy import Action, Actor, can

NUMBER = re.compile(r"^([+-]?\d+)\s*(?:" + "|".join(POINT_UNITS_INPUT) + r")?$")
# Values offered as buttons; any other in range can be typed.
NOSHOW_CHOICES = (1, 2, 3, 5, 10)
DAYS_CHOICES = (7, 14, 30, 60, 90)
SETTING = {"noshow": "noshow_limit", "voucherdays": "voucher_days"}


class RulesCb(CallbackData, prefix="pr"):
    """stop | board | noshow | voucherdays | back, for compound `c`; `v` is a rule id
    (stop), 1/0 (board) or a number (noshow, voucherdays); 0 asks which."""

    op: str
    c: int
    v: int = 0


class Misread(Exception):
    """What the organizer typed does not say a change. `key` answers it; `words` names the
    key that lists, in the reader's language, the words that would have been understood."""

    def __init__(self, key: str, word: str = "", words: str = "") -> None:
        super().__init__(key)
        self.key, self.word, self.words = key, word, words

    def text(self, i18n: I18nContext) -> str:
        if not self.words:
            return i18n.get(self.key)
        return i18n.get(self.key, word=self.word, words=i18n.get(self.words))


def number(word: str) -> int | None:
    found = NUMBER.match(normal(word))
    return int(found.group(1)) if found else None


async def change(session: AsyncSession, clock: Clock, actor: Actor, compound: Compound,
                 words: list[str]) -> None:
    """Apply one typed change; Misread or ActivityError (nothing changed) when it is wrong."""
    verb, who = POINTRULES_ALIASES.find(words[0]), actor.person.id
    if verb is None:
        raise Misread("pt-rules-unknown", words[0], "pt-words-pointrules")
    if len(words) < (5 if verb == "set" else 2):
        raise Misread(f"pt-rules-usage-{verb}")
    if verb == "set":
        basis, points = BASIS_ALIASES.find(words[2]), number(words[3])
        if basis is None:
            raise Misread("pt-rules-bad-basis", words[2], "pt-words-basis")
        if points is None:
            raise ActivityError("rule-points")
        await earning.set_rule(session, clock, compound.id, who, code=words[1], basis=basis,
                               points=points, name=" ".join(words[4:]))
    elif verb == "off":
        await earning.disable_rule(session, clock, compound.id, who, words[1])
    elif verb in SETTING:
        value = number(words[1])
        if value is None:
            raise Misread(f"pt-rules-usage-{verb}")
        await earning.update_setting(session, clock, compound.id, who, SETTING[verb], value)
    else:
        switch = SWITCH_ALIASES.find(words[1])
        if switch is None:
            raise Misread("pt-rules-bad-switch", words[1], "pt-words-switch")
        await earning.update_setting(session, clock, compound.id, who, "leaderboard",
                                     switch == "on")


async def overview(session: AsyncSession, i18n: I18nContext, compound: Compound) -> str:
    found = await earning.rules(session, compound.id)
    settings = await earning.settings_for(session, compound.id)
    lines = [i18n.get("pt-rule-line", code=r.code, name=r.name, points=r.points,
                      basis=i18n.get(f"pt-basis-{r.basis}")) for r in found]
    return i18n.get(
        "pt-rules", compound=compound.name, rules="\n".join(lines) or i18n.get("pt-rules-none"),
        noshow=settings.noshow_limit, days=settings.voucher_days,
        board=i18n.get("pt-on" if settings.leaderboard else "pt-off"))


async def buttons(session: AsyncSession, i18n: I18nContext,
                  compound: Compound) -> InlineKeyboardMarkup:
    settings = await earning.settings_for(session, compound.id)
    c = compound.id
    items: list[tuple[str, CallbackData]] = [
        (i18n.get("pt-rules-btn-add"), RuleWizCb(step="start", v=str(c)))]
    if await earning.rules(session, compound.id):
        items.append((i18n.get("pt-rules-btn-stop"), RulesCb(op="stop", c=c)))
    items += [
        (i18n.get("pt-rules-btn-board-off" if settings.leaderboard else "pt-rules-btn-board-on"),
         RulesCb(op="board", c=c, v=0 if settings.leaderboard else 1)),
        (i18n.get("pt-rules-btn-noshow"), RulesCb(op="noshow", c=c)),
        (i18n.get("pt-rules-btn-days"), RulesCb(op="voucherdays", c=c)),
    ]
    return choices(items, columns=2)


async def rules(message: Message, session: AsyncSession, i18n: I18nContext, clock: Clock,
                actor: Actor, compound: Compound, args: str, _state: FSMContext) -> None:
    words = args.split()
    if words:
        try:
            await change(session, clock, actor, compound, words)
        except Misread as misread:
            await message.answer(misread.text(i18n))
            return
        except ActivityError as error:
            await refuse(message, i18n, error)
            return
        await message.answer(await overview(session, i18n, compound))
        return
    await message.answer(await overview(session, i18n, compound) + "\n\n"
                         + i18n.get("pt-rules-usage"),
                         reply_markup=await buttons(session, i18n, compound))


async def pressed(query: CallbackQuery, callback_data: RulesCb, session: AsyncSession,
                  i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    compound = await session.get(Compound, callback_data.c)
    if compound is None or not await can(session, actor, Action.POINTS_RULES, compound.id):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    op, value = callback_data.op, callback_data.v
    try:
        screen = await _press(session, i18n, clock, actor, compound, op, value)
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    await query.answer()
    if screen is None:
        await show(query, await overview(session, i18n, compound) + "\n\n"
                   + i18n.get("pt-rules-usage"), await buttons(session, i18n, compound))
    else:
        await show(query, *screen)


async def _press(session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor,
                 compound: Compound, op: str, value: int
                 ) -> tuple[str, InlineKeyboardMarkup] | None:
    """The screen a press leads to; None: back to the overview (after any change)."""
    c, who = compound.id, actor.person.id
    back = (i18n.get("pt-btn-back"), RulesCb(op="back", c=c))
    if op == "stop" and value == 0:
        found = await earning.rules(session, c)
        return i18n.get("pt-rules-pick-stop"), choices(
            [*((i18n.get("pt-rules-stop-item", name=r.name, code=r.code),
                RulesCb(op="stop", c=c, v=r.id)) for r in found), back])
    if op == "stop":
        found = await earning.rule_by_id(session, c, value)
        if found is not None and found.active:  # else stopped meanwhile: the overview says so
            await earning.disable_rule(session, clock, c, who, found.code)
    elif op == "board":
        await earning.update_setting(session, clock, c, who, "leaderboard", value == 1)
    elif op in SETTING and value == 0:
        offered = NOSHOW_CHOICES if op == "noshow" else DAYS_CHOICES
        rows = choices([(str(n), RulesCb(op=op, c=c, v=n)) for n in offered], columns=5)
        return i18n.get(f"pt-rules-pick-{op}"), InlineKeyboardMarkup(
            inline_keyboard=[*rows.inline_keyboard, *choices([back]).inline_keyboard])
    elif op in SETTING:
        await earning.update_setting(session, clock, c, who, SETTING[op], value)
    return None
