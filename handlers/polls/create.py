"""/poll: the organizer's dialogue, in private chat, ending in a preview of a draft."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.compound_pick import CompoundPick, pick_compound
from handlers.keyboards import choices
from handlers.polls import views
from handlers.polls.callbacks import PollForm, PollManageCb, PollNewCb
from handlers.polls.create_steps import (
    ASK,
    CHOICE_STEPS,
    TEXT_STEPS,
    building_keyboard,
    chats_keyboard,
    groups_of,
    next_step,
)
from models.polls import Audience, PollKind, VoteUnit
from models.registry import Compound
from services.clock import Clock
from services.policy import Action, Actor, can
from services.polls import cards, lifecycle, parse
from services.registry import buildings

KINDS = ("quick", "council", "resident", "assembly")


async def start(message: Message, state: FSMContext, session: AsyncSession, i18n: I18nContext,
                actor: Actor) -> None:
    await state.clear()
    compound = await pick_compound(message, i18n, session, actor, Action.POLL_CREATE, "poll")
    if compound is not None:
        await _ask_kind(message, state, session, i18n, actor, compound)


async def compound_picked(query: CallbackQuery, callback_data: CompoundPick, state: FSMContext,
                          session: AsyncSession, i18n: I18nContext, actor: Actor) -> None:
    compound = await session.get(Compound, callback_data.compound_id)
    if compound is None or not await can(session, actor, Action.POLL_CREATE, compound.id):
        await query.answer(i18n.get("not-allowed"), show_alert=True)
        return
    await query.answer()
    assert isinstance(query.message, Message)
    await _ask_kind(query.message, state, session, i18n, actor, compound)


async def _ask_kind(message: Message, state: FSMContext, session: AsyncSession,
                    i18n: I18nContext, actor: Actor, compound: Compound) -> None:
    kinds = [k for k in KINDS if k != "assembly"
             or await can(session, actor, Action.POLL_ASSEMBLY, compound.id)]
    await state.set_state(PollForm.active)
    await state.set_data({"compound_id": compound.id, "person_id": actor.person.id,
                          "step": "kind"})
    await message.answer(i18n.get("poll-ask-kind", compound=compound.name), reply_markup=choices(
        [(i18n.get(f"poll-kind-{k}"), PollNewCb(step="kind", val=k)) for k in kinds]))


async def advance(message: Message, state: FSMContext, session: AsyncSession,
                  i18n: I18nContext, clock: Clock, **changes: Any) -> None:
    data = await state.update_data(**changes)
    step = next_step(data)
    data = await state.update_data(step=step)
    if step == "preview":
        await _preview(message, state, session, i18n, clock, data)
    elif step == "chats" and not await groups_of(session, data["compound_id"]) \
            and data["kind"] != "council":
        await state.clear()
        await message.answer(i18n.get("poll-no-groups"))
    else:
        await ASK[step](message, i18n, session, clock, data)


async def typed(message: Message, state: FSMContext, session: AsyncSession, i18n: I18nContext,
                clock: Clock) -> None:
    data = await state.get_data()
    step = data.get("step", "")
    if step not in TEXT_STEPS:
        await message.answer(i18n.get("poll-use-buttons"))
        return
    try:
        changes = await _parse(step, message.text or "", data, session, clock)
    except parse.ParseError as error:
        await message.answer(i18n.get(f"poll-bad-{error.reason}"))
        return
    await advance(message, state, session, i18n, clock, **changes)


async def _parse(step: str, text: str, data: dict[str, Any], session: AsyncSession,
                 clock: Clock) -> dict[str, Any]:
    if step == "question":
        return {"question": parse.text_field(text, parse.QUESTION_LIMIT)}
    if step == "description":
        return {"description": parse.text_field(text, parse.DESCRIPTION_LIMIT)}
    if step == "fee":
        fee = parse.fee(text)
        return {"fee_old": str(fee.old), "fee_new": str(fee.new)}
    if step == "options":
        return {"options": parse.options(text)}
    tz = await cards.timezone_of(session, data["compound_id"])
    return {"closes_at": parse.deadline(text, clock.now(), tz).isoformat()}


async def pressed(query: CallbackQuery, callback_data: PollNewCb, state: FSMContext,
                  session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    data = await state.get_data()
    step, val = callback_data.step, callback_data.val
    if await state.get_state() != PollForm.active.state or data.get("step") != step:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    assert isinstance(query.message, Message)
    changes = await _button_changes(query, state, step, val, data, session, i18n, actor)
    if changes is None:
        return
    await query.answer()
    await advance(query.message, state, session, i18n, clock, **changes)


async def _button_changes(query: CallbackQuery, state: FSMContext, step: str, val: str,
                          data: dict[str, Any], session: AsyncSession, i18n: I18nContext,
                          actor: Actor) -> dict[str, Any] | None:
    """What a press sets, or None when the press only toggled something (or was refused)."""
    if step == "kind":
        allowed = val in KINDS and (val != "assembly" or await can(
            session, actor, Action.POLL_ASSEMBLY, data["compound_id"]))
        return await _refuse(query, i18n) if not allowed else {"kind": val}
    if step in ("description", "fee") and val == "skip":
        return {}
    if step in CHOICE_STEPS:
        if val not in CHOICE_STEPS[step]:
            return await _refuse(query, i18n)
        return _choice(step, val, data)
    if step == "maxk":
        k = int(val) if val.isdigit() else 0
        if not 1 <= k <= len(data.get("options", [])):
            return await _refuse(query, i18n)
        return {"max_choices": k}
    if step in ("buildings", "chats"):
        return await _toggle(query, state, step, val, data, session, i18n)
    if step == "audchat":
        groups = dict(await groups_of(session, data["compound_id"]))
        if not val.lstrip("-").isdigit() or int(val) not in groups:
            return await _refuse(query, i18n)
        return {"audience_chat_id": int(val), "chats": [int(val)]}
    return await _refuse(query, i18n)


async def _refuse(query: CallbackQuery, i18n: I18nContext) -> None:
    await query.answer(i18n.get("stale-button"), show_alert=True)
    return None


def _choice(step: str, val: str, data: dict[str, Any]) -> dict[str, Any]:
    if step == "multi":
        return {"max_choices": len(data["options"]) if val == "many" else 1}
    if step == "secret":
        return {"secret": val == "secret"}
    if step == "change":
        return {"allow_change": val == "yes"}
    if step == "live":
        return {"live": val == "live"}
    if step == "audience":
        return {"audience": val}
    if step == "unit":
        return {"vote_unit": val}
    return {"matter": val}


async def _toggle(query: CallbackQuery, state: FSMContext, step: str, val: str,
                  data: dict[str, Any], session: AsyncSession,
                  i18n: I18nContext) -> dict[str, Any] | None:
    """Buildings and groups are picked by toggling; "done" moves on."""
    selected: list[int] = list(data.get(step, []))
    if val == "done":
        if not selected and not (step == "chats" and data["kind"] == "council"):
            await query.answer(i18n.get(f"poll-pick-{step}"), show_alert=True)
            return None
        return {}
    cid = data["compound_id"]
    valid = ({c for c, _ in await groups_of(session, cid)} if step == "chats"
             else {b.id for b in await buildings(session, cid)})
    if not val.lstrip("-").isdigit() or int(val) not in valid:
        return await _refuse(query, i18n)
    item = int(val)
    selected = [x for x in selected if x != item] if item in selected else [*selected, item]
    await state.update_data({step: selected})
    keyboard = (await chats_keyboard(i18n, session, cid, selected) if step == "chats"
                else await building_keyboard(i18n, session, cid, selected))
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=keyboard)
    return None


def draft_from(data: dict[str, Any]) -> lifecycle.Draft:
    fee_old, fee_new = data.get("fee_old"), data.get("fee_new")
    kind = PollKind(data["kind"])
    audience = {"quick": Audience.GROUP, "council": Audience.COUNCIL,
                "assembly": Audience.OWNERS}.get(kind, Audience(data.get("audience", "compound")))
    return lifecycle.Draft(
        compound_id=data["compound_id"], kind=kind, question=data["question"],
        closes_at=datetime.fromisoformat(data["closes_at"]), options=data.get("options", []),
        description=data.get("description"),
        fee_old=Decimal(fee_old) if fee_old else None,
        fee_new=Decimal(fee_new) if fee_new else None,
        audience=audience, audience_chat_id=data.get("audience_chat_id"),
        audience_buildings=data.get("buildings", []),
        vote_unit=VoteUnit(data.get("vote_unit", "person")),
        max_choices=int(data.get("max_choices", 1)), secret=bool(data.get("secret", False)),
        live_results=bool(data.get("live", True)),
        allow_change=bool(data.get("allow_change", True)),
        matter=data.get("matter"), chats=data.get("chats", []),
    )


async def _preview(message: Message, state: FSMContext, session: AsyncSession,
                   i18n: I18nContext, clock: Clock, data: dict[str, Any]) -> None:
    bot: Bot | None = message.bot
    me = await bot.me() if bot else None
    person_id = data["person_id"]
    poll = await lifecycle.create_draft(session, clock, draft_from(data), person_id,
                                        me.username if me else None)
    await state.clear()
    key, args, _ = await cards.card_content(session, poll)
    summary = i18n.get(
        "poll-preview", groups=len(data.get("chats", [])),
        results=i18n.get("poll-live-live" if poll.live_results else "poll-live-after"),
        change=i18n.get("poll-change-yes" if poll.allow_change else "poll-change-no"),
    )
    await message.answer(views.text(i18n, key, args) + "\n\n" + summary, reply_markup=choices([
        (i18n.get("poll-btn-publish"), PollManageCb(action="publish", poll=poll.id)),
        (i18n.get("poll-btn-discard"), PollManageCb(action="discard", poll=poll.id)),
    ]))


async def cancel_dialogue(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await message.answer(i18n.get("poll-create-cancelled"))


def build_router() -> Router:
    router = Router(name="polls.create")
    router.message.register(start, Command("poll"), F.chat.type == "private")
    router.callback_query.register(compound_picked, CompoundPick.filter(F.action == "poll"))
    router.message.register(cancel_dialogue, Command("cancel"), PollForm.active)
    router.message.register(typed, PollForm.active, F.chat.type == "private", F.text)
    router.callback_query.register(pressed, PollNewCb.filter())
    return router
