"""Registering one's home in private: deep link or /register → building → entrance → room →
relation → confirm. The screens are in registration_screens; the group post, the review
cards and /myhome in registration_review.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import registration_review
from handlers.keyboards import choices
from handlers.registration_screens import (
    Flow,
    RegBuilding,
    RegCompound,
    RegConfirm,
    RegEntrance,
    RegFlow,
    RegPage,
    RegRelation,
    RegRoom,
    Screen,
    Where,
    begin,
    building_chosen,
    buildings_screen,
    confirm_screen,
    load_where,
    place_text,
    relation_screen,
    rooms_screen,
    show,
)
from models.person import Person
from services import registration, registry
from services import registration_places as places
from services.clock import Clock

# Typed room labels are short; longer texts belong to whatever else the person is doing.
ROOM_TYPED_MAX = 32


# ---- entry points --------------------------------------------------------------------------
async def start_link(
    message: Message, command: CommandObject, session: AsyncSession, state: FSMContext,
    i18n: I18nContext,
) -> None:
    target = places.parse_payload(command.args)
    assert target is not None  # the filter only lets matching payloads through
    compound, building, problem = await places.resolve_link(session, target)
    if problem is not None or compound is None:
        key = ("reg-link-compound-gone" if problem == places.LinkProblem.COMPOUND_GONE
               else "reg-link-building-gone")
        await message.answer(i18n.get(key))
        return
    await message.answer(i18n.get("reg-welcome", compound=compound.name))
    await begin(message, Flow(session, state, i18n), compound, building, edit=False)


async def register_command(
    message: Message, session: AsyncSession, person: Person, i18n: I18nContext
) -> None:
    compounds = await registry.compounds_of(session, person.id)
    if not compounds:
        await message.answer(i18n.get("reg-register-how"))
        return
    items = [(c.name, RegCompound(id=c.id)) for c in compounds]
    await message.answer(i18n.get("reg-register-choose"), reply_markup=choices(items))


async def compound_chosen(
    query: CallbackQuery, callback_data: RegCompound, session: AsyncSession, person: Person,
    state: FSMContext, i18n: I18nContext,
) -> None:
    mine = {c.id: c for c in await registry.compounds_of(session, person.id)}
    compound = mine.get(callback_data.id)
    if compound is None or not isinstance(query.message, Message):
        await query.answer(i18n.get("reg-choice-invalid"), show_alert=True)
        return
    await query.answer()
    await begin(query.message, Flow(session, state, i18n), compound, None, edit=True)


# ---- picking -------------------------------------------------------------------------------
async def _picked(
    query: CallbackQuery, session: AsyncSession, state: FSMContext, i18n: I18nContext
) -> tuple[Flow, Where, Message] | None:
    """The flow behind a pressed button, or None after telling the person why not."""
    flow = Flow(session, state, i18n)
    where = await load_where(flow)
    if isinstance(where, str) or not isinstance(query.message, Message):
        await query.answer(i18n.get(where if isinstance(where, str) else "reg-expired"),
                           show_alert=True)
        return None
    return flow, where, query.message


async def _refuse(query: CallbackQuery, i18n: I18nContext) -> None:
    await query.answer(i18n.get("reg-choice-invalid"), show_alert=True)


async def on_building(
    query: CallbackQuery, callback_data: RegBuilding, session: AsyncSession, state: FSMContext,
    i18n: I18nContext,
) -> None:
    if (picked := await _picked(query, session, state, i18n)) is None:
        return
    flow, where, message = picked
    where.building = await places.building_in(session, where.compound.id, callback_data.id)
    if where.building is None:
        return await _refuse(query, i18n)
    await query.answer()
    await show(message, await building_chosen(flow, where), edit=True)


async def on_entrance(
    query: CallbackQuery, callback_data: RegEntrance, session: AsyncSession, state: FSMContext,
    i18n: I18nContext,
) -> None:
    if (picked := await _picked(query, session, state, i18n)) is None:
        return
    flow, where, message = picked
    if where.building is not None:
        where.entrance = await places.entrance_in(session, where.building.id, callback_data.id)
    if where.entrance is None:
        return await _refuse(query, i18n)
    await query.answer()
    await show(message, await rooms_screen(flow, where), edit=True)


async def on_room(
    query: CallbackQuery, callback_data: RegRoom, session: AsyncSession, state: FSMContext,
    i18n: I18nContext,
) -> None:
    if (picked := await _picked(query, session, state, i18n)) is None:
        return
    flow, where, message = picked
    if where.entrance is not None:
        where.household = await places.household_in(session, where.entrance.id, callback_data.id)
    if where.household is None:
        return await _refuse(query, i18n)
    await query.answer()
    await show(message, await relation_screen(flow, where), edit=True)


async def on_page(
    query: CallbackQuery, callback_data: RegPage, session: AsyncSession, state: FSMContext,
    i18n: I18nContext,
) -> None:
    if (picked := await _picked(query, session, state, i18n)) is None:
        return
    flow, where, message = picked
    page = callback_data.page
    if callback_data.step == "b":
        screen = await buildings_screen(flow, where, page)
    elif callback_data.step == "e" and where.building is not None:
        screen = await building_chosen(flow, where, page)
    elif callback_data.step == "r" and where.entrance is not None:
        screen = await rooms_screen(flow, where, page)
    else:
        return await _refuse(query, i18n)
    await query.answer()
    await show(message, screen, edit=True)


async def typed_room(
    message: Message, session: AsyncSession, state: FSMContext, i18n: I18nContext
) -> None:
    flow = Flow(session, state, i18n)
    where = await load_where(flow)
    if isinstance(where, str) or where.entrance is None:
        await message.answer(i18n.get(where if isinstance(where, str) else "reg-expired"))
        return
    where.household = await places.find_room(session, where.entrance.id, message.text or "")
    if where.household is None:
        await message.answer(i18n.get("reg-room-unknown", room=(message.text or "").strip(),
                                      entrance=where.entrance.name))
        return
    await show(message, await relation_screen(flow, where), edit=False)


async def on_relation(
    query: CallbackQuery, callback_data: RegRelation, session: AsyncSession, state: FSMContext,
    i18n: I18nContext,
) -> None:
    if (picked := await _picked(query, session, state, i18n)) is None:
        return
    flow, where, message = picked
    if where.household is None or callback_data.relation not in registration.CLAIMABLE:
        return await _refuse(query, i18n)
    await query.answer()
    await show(message, await confirm_screen(flow, where, callback_data.relation), edit=True)


CLAIM_ANSWERS = {
    registration.ClaimError.BAD_RELATION: "reg-choice-invalid",
    registration.ClaimError.ROOM_GONE: "reg-room-gone",
    registration.ClaimError.WRONG_COMPOUND: "reg-choice-invalid",
    registration.ClaimError.ALREADY_PENDING: "reg-claim-already-pending",
    registration.ClaimError.ALREADY_VERIFIED: "reg-claim-already-verified",
    registration.ClaimError.OWNER_TAKEN: "reg-claim-owner-taken",
}


async def on_confirm(
    query: CallbackQuery, callback_data: RegConfirm, session: AsyncSession, state: FSMContext,
    i18n: I18nContext, person: Person, clock: Clock,
) -> None:
    if (picked := await _picked(query, session, state, i18n)) is None:
        return
    flow, where, message = picked
    relation = (await state.get_data()).get("rel")
    if not callback_data.ok:
        await state.clear()
        await query.answer()
        return await show(message, Screen(i18n.get("reg-cancelled")), edit=True)
    if where.household is None or relation is None:
        return await _refuse(query, i18n)
    place = place_text(flow, where)  # before the claim: a failed one rolls the session back
    result = await registration.claim(session, clock, person, where.compound.id,
                                      where.household.id, relation)
    await query.answer()
    if result.error is not None:
        key = CLAIM_ANSWERS[result.error]
    else:
        key = ("reg-claim-sent-co-owner" if result.as_co_owner
               else "reg-claim-sent-owner" if result.by_owner else "reg-claim-sent")
    text = i18n.get(key, place=place)
    await state.clear()
    await show(message, Screen(text), edit=True)


def build_router() -> Router:
    router = Router(name="registration")
    private = F.chat.type == "private"
    deep_link = CommandStart(deep_link=True, magic=F.args.regexp(places.PAYLOAD))
    router.message.register(start_link, deep_link, private)
    router.message.register(register_command, Command("register"), private)
    router.message.register(
        typed_room, StateFilter(RegFlow.room), private, F.text, ~F.text.startswith("/"),
        F.text.len() <= ROOM_TYPED_MAX,
    )
    router.callback_query.register(compound_chosen, RegCompound.filter())
    router.callback_query.register(on_building, RegBuilding.filter())
    router.callback_query.register(on_entrance, RegEntrance.filter())
    router.callback_query.register(on_room, RegRoom.filter())
    router.callback_query.register(on_page, RegPage.filter())
    router.callback_query.register(on_relation, RegRelation.filter())
    router.callback_query.register(on_confirm, RegConfirm.filter())
    router.include_router(registration_review.build_router())
    return router
