"""/activity: an organizer's dialogue in private chat, ending in a preview and Publish."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities import browse
from handlers.activities.callbacks import ActivityForm, WizCb
from handlers.activities.common import alert, choose_compound, refusal, say
from handlers.activities.create_steps import (
    TEXT_STEPS,
    button_word,
    default_cutoff,
    draft,
    example_day,
    keyboard,
    next_step,
    parse,
    when,
)
from handlers.activities.words import ACTIVITY_ALIASES
from handlers.compound_pick import CompoundPick
from models.activities import Audience, Requirement
from models.points import RuleBasis
from models.registry import Compound
from services.activities import cards, earning, setup
from services.activities.errors import ActivityError
from services.activities.timeparse import moment_fragment, span_fragment
from services.clock import Clock
from services.policy import Action, Actor, can, compounds_for

PICK = "act_new"


async def start(message: Message, command: CommandObject, state: FSMContext,
                session: AsyncSession, i18n: I18nContext, actor: Actor, clock: Clock) -> None:
    """/activity or /activity 新建: the dialogue; /activity 列表: the list; else the words."""
    words = (command.args or "").split()
    meaning = ACTIVITY_ALIASES.find(words[0]) if words else "new"
    if meaning is None:
        await message.answer(i18n.get("act-unknown-word", word=words[0],
                                      words=i18n.get("act-words-activity")))
        return
    if meaning == "list":
        await browse.listing(message, session, i18n, clock, actor)
        return
    await state.clear()
    compounds = await compounds_for(session, actor, Action.ACTIVITY_CREATE)
    compound = await choose_compound(message, i18n, compounds, PICK, "act-none-compound")
    if compound is not None:
        await _begin(message, state, session, i18n, clock, compound)


async def picked(query: CallbackQuery, callback_data: CompoundPick, state: FSMContext,
                 session: AsyncSession, i18n: I18nContext, actor: Actor, clock: Clock) -> None:
    compound = await session.get(Compound, callback_data.compound_id)
    if compound is None or not await can(session, actor, Action.ACTIVITY_CREATE, compound.id):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await _begin(query.message, state, session, i18n, clock, compound)


async def _begin(message: Message, state: FSMContext, session: AsyncSession, i18n: I18nContext,
                 clock: Clock, compound: Compound) -> None:
    kinds = await earning.rules(session, compound.id, (RuleBasis.ATTEND, RuleBasis.HOUR))
    await state.set_state(ActivityForm.active)
    await state.set_data({"compound_id": compound.id, "has_rules": bool(kinds)})
    await message.answer(i18n.get("act-new-intro", compound=compound.name))
    await _ask(message, state, session, i18n, clock)


async def _ask(message: Message, state: FSMContext, session: AsyncSession, i18n: I18nContext,
               clock: Clock, **changes: Any) -> None:
    data = await state.update_data(**changes)
    step = next_step(data)
    data = await state.update_data(step=step)
    tz = await cards.zone(session, data["compound_id"])
    if step == "preview":
        text = await _preview(session, i18n, data)
    else:
        args: dict[str, Any] = {}
        if step == "deadline":
            args["default"] = moment_fragment(when(data, "start"), tz)
        if step == "cutoff":
            args["default"] = moment_fragment(default_cutoff(when(data, "start"), clock.now()), tz)
        if step == "start":
            args |= example_day(step, data, tz, clock.now())
        text = say(i18n, f"act-ask-{step}", **args)
    await message.answer(text, reply_markup=await keyboard(step, i18n, session, data))


async def _preview(session: AsyncSession, i18n: I18nContext, data: dict[str, Any]) -> str:
    tz = await cards.zone(session, data["compound_id"])
    d = draft(data)
    parts = [
        say(i18n, "act-card-title", title=d.title),
        say(i18n, "act-card-when", when=span_fragment(d.starts_at, d.ends_at, tz)),
        say(i18n, "act-card-place", place=d.place),
        say(i18n, "act-preview-capacity", capacity=d.capacity),
        say(i18n, "act-card-points", points=d.points),
        say(i18n, "act-card-deadline", deadline=moment_fragment(d.signup_deadline, tz)),
        say(i18n, "act-preview-cutoff", cutoff=moment_fragment(d.cancel_cutoff, tz)),
        i18n.get(f"act-preview-aud-{d.audience}"),
        i18n.get(f"act-req-{'party' if d.requirement == 'party_member' else 'none'}"),
    ]
    if d.description:
        parts.append(d.description)
    return i18n.get("act-preview", body="\n".join(parts))


async def typed(message: Message, state: FSMContext, session: AsyncSession, i18n: I18nContext,
                clock: Clock) -> None:
    data = await state.get_data()
    step = data.get("step", "")
    if step == "kind":  # a rule's code typed instead of pressed
        found = await earning.rule(session, data["compound_id"], (message.text or "").strip())
        if found is not None and found.active and found.basis != RuleBasis.MONTH:
            await _ask(message, state, session, i18n, clock,
                       **await _choice(step, str(found.id), data, session, clock))
            return
    if step not in TEXT_STEPS:
        await message.answer(i18n.get("act-use-buttons"))
        return
    if button_word(step, message.text or "", data):
        await _ask(message, state, session, i18n, clock,
                   **await _choice(step, "-", data, session, clock))
        return
    tz = await cards.zone(session, data["compound_id"])
    try:
        value = parse(step, message.text or "", data, tz, clock.now())
    except ActivityError as error:
        await message.answer(refusal(i18n, error))
        return
    await _ask(message, state, session, i18n, clock, **{step: value})


async def pressed(query: CallbackQuery, callback_data: WizCb, state: FSMContext,
                  session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    data = await state.get_data()
    step, val = callback_data.step, callback_data.val
    message = query.message
    if data.get("step") != step or not isinstance(message, Message):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    if step == "buildings" and val != "done":
        if not val.isdigit():
            await query.answer(i18n.get("stale-button"), show_alert=True)
            return
        picked = set(data.get("picked", []))
        picked ^= {int(val)}
        data = await state.update_data(picked=sorted(picked))
        await query.answer()
        await message.edit_reply_markup(reply_markup=await keyboard(step, i18n, session, data))
        return
    if step == "preview":
        await _finish(query, message, state, session, i18n, clock, actor, val == "go")
        return
    try:
        changes = await _choice(step, val, data, session, clock)
    except ActivityError as error:
        await alert(query, refusal(i18n, error))
        return
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    await _ask(message, state, session, i18n, clock, **changes)


async def _choice(step: str, val: str, data: dict[str, Any], session: AsyncSession,
                  clock: Clock) -> dict[str, Any]:
    if step == "description":
        return {"description": ""}
    if step == "deadline":
        return {"deadline": data["start"]}
    if step == "cutoff":
        return {"cutoff": default_cutoff(when(data, "start"), clock.now()).isoformat()}
    if step == "kind":
        found = await earning.rule_by_id(session, data["compound_id"], int(val)) \
            if val.isdigit() else None
        if found is None or not found.active:
            return {"kind": None, "rule_points": None}
        points = earning.points_for(found, when(data, "start"), when(data, "end"))
        return {"kind": found.code, "rule_points": min(points, setup.POINTS_MAX)}
    if step == "points":
        return {"points": data.get("rule_points") or 0}
    if step == "buildings":
        if not data.get("picked"):
            raise ActivityError("form-buildings")
        return {"buildings": data["picked"]}
    allowed = {"team": None, "audience": set(Audience), "requirement": set(Requirement)}
    if step not in allowed or (step == "team" and not val.isdigit()) \
            or (step != "team" and val not in (allowed[step] or ())):
        raise ActivityError("audience")
    return {step: int(val) if step == "team" else val}


async def _finish(query: CallbackQuery, message: Message, state: FSMContext,
                  session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor,
                  publish: bool) -> None:
    data = await state.get_data()
    await state.clear()
    await message.edit_reply_markup(reply_markup=None)
    if not publish:
        await query.answer()
        await message.answer(i18n.get("act-discarded"))
        return
    try:
        activity, groups = await setup.create(session, clock, draft(data), actor)
    except ActivityError as error:
        await query.answer()
        await message.answer(refusal(i18n, error) + "\n" + i18n.get("act-start-again"))
        return
    await query.answer()
    await message.answer(i18n.get("act-published", title=activity.title, groups=groups))


async def abandon(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await message.answer(i18n.get("act-discarded"))


def build_router() -> Router:
    router = Router(name="activities.create")
    private = F.chat.type == "private"
    router.message.register(start, Command("activity"), private)
    router.message.register(abandon, Command("cancel"), StateFilter(ActivityForm.active))
    router.message.register(typed, StateFilter(ActivityForm.active), private, F.text,
                            ~F.text.startswith("/"))
    router.callback_query.register(picked, CompoundPick.filter(F.action == PICK))
    router.callback_query.register(pressed, WizCb.filter())
    return router
