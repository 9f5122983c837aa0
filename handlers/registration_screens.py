"""The registration pickers: states, buttons and the screen for each step.

The FSM holds where the person is (compound, building, entrance, room); every button only
names a child of that, and is checked against it, so a forged or stale button changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import render, render_piece
from handlers.keyboards import choices, paginated
from models.registry import Building, Compound, Entrance, Household
from services import registration, registry
from services import registration_places as places
from services.place_names import place

PAGE_SIZE = 24
COLUMNS = 4


class RegFlow(StatesGroup):
    building = State()
    entrance = State()
    room = State()
    relation = State()
    confirm = State()


class RegCompound(CallbackData, prefix="rgc"):
    id: int


class RegBuilding(CallbackData, prefix="rgb"):
    id: int


class RegEntrance(CallbackData, prefix="rge"):
    id: int


class RegRoom(CallbackData, prefix="rgr"):
    id: int


class RegPage(CallbackData, prefix="rgp"):
    step: str  # b(uilding) | e(ntrance) | r(oom)
    page: int


class RegRelation(CallbackData, prefix="rgl"):
    relation: str


class RegConfirm(CallbackData, prefix="rgk"):
    ok: bool


@dataclass
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None


@dataclass
class Where:
    """What the FSM says the person has picked so far, re-read and re-checked from the DB."""

    compound: Compound
    building: Building | None = None
    entrance: Entrance | None = None
    household: Household | None = None


@dataclass
class Flow:
    session: AsyncSession
    state: FSMContext
    i18n: I18nContext

    def nav(self, items: list[tuple[str, CallbackData]], page: int, step: str,
            footer: list[tuple[str, CallbackData]] | None = None) -> InlineKeyboardMarkup:
        return paginated(
            items, page, lambda p: RegPage(step=step, page=p), page_size=PAGE_SIZE,
            columns=COLUMNS, prev_label=self.i18n.get("reg-page-prev"),
            next_label=self.i18n.get("reg-page-next"), footer=footer or (),
        )


# ---- screens -------------------------------------------------------------------------------
async def buildings_screen(flow: Flow, where: Where, page: int = 0) -> Screen:
    buildings = await registry.buildings(flow.session, where.compound.id)
    if len(buildings) == 1:
        return await building_chosen(flow, Where(where.compound, buildings[0]))
    if not buildings:
        await flow.state.clear()
        return Screen(flow.i18n.get("reg-no-register", compound=where.compound.name))
    await flow.state.set_state(RegFlow.building)
    await flow.state.update_data(b=None, e=None, h=None)
    items = [(b.name, RegBuilding(id=b.id)) for b in buildings]
    return Screen(flow.i18n.get("reg-pick-building", compound=where.compound.name),
                  flow.nav(items, page, "b"))


async def building_chosen(flow: Flow, where: Where, page: int = 0) -> Screen:
    assert where.building is not None
    entrances = await places.entrances_of(flow.session, where.building.id)
    if len(entrances) == 1:
        return await rooms_screen(flow, Where(where.compound, where.building, entrances[0]))
    if not entrances:
        await flow.state.clear()
        return Screen(flow.i18n.get("reg-no-register", compound=where.compound.name))
    await flow.state.set_state(RegFlow.entrance)
    await flow.state.update_data(b=where.building.id, e=None, h=None)
    items = [(e.name, RegEntrance(id=e.id)) for e in entrances]
    text = render(flow.i18n.core, flow.i18n.locale, "reg-pick-entrance", {"place": place(
        compound=where.compound.name, building=where.building.name)})
    return Screen(text, flow.nav(items, page, "e"))


async def rooms_screen(flow: Flow, where: Where, page: int = 0) -> Screen:
    assert where.building is not None and where.entrance is not None
    rooms = await places.rooms_of(flow.session, where.entrance.id)
    if not rooms:
        await flow.state.clear()
        return Screen(flow.i18n.get("reg-no-register", compound=where.compound.name))
    await flow.state.set_state(RegFlow.room)
    await flow.state.update_data(b=where.building.id, e=where.entrance.id, h=None)
    items = [(label, RegRoom(id=hid)) for hid, label in rooms]
    text = render(flow.i18n.core, flow.i18n.locale, "reg-pick-room", {"place": place(
        compound=where.compound.name, building=where.building.name,
        entrance=where.entrance.name)})
    return Screen(text, flow.nav(items, page, "r"))


def place_text(flow: Flow, where: Where) -> str:
    assert where.building and where.entrance and where.household
    named = place(compound=where.compound.name, building=where.building.name,
                  entrance=where.entrance.name, room=where.household.room)
    return render_piece(flow.i18n.core, flow.i18n.locale, named)


async def relation_screen(flow: Flow, where: Where) -> Screen:
    assert where.household is not None
    await flow.state.set_state(RegFlow.relation)
    await flow.state.update_data(h=where.household.id)
    items = [(flow.i18n.get(f"reg-relation-pick-{r.value}"), RegRelation(relation=r.value))
             for r in registration.CLAIMABLE]
    return Screen(flow.i18n.get("reg-pick-relation", place=place_text(flow, where)),
                  choices(items))


async def confirm_screen(flow: Flow, where: Where, relation: str) -> Screen:
    await flow.state.set_state(RegFlow.confirm)
    await flow.state.update_data(rel=relation)
    text = flow.i18n.get("reg-confirm", place=place_text(flow, where),
                         relation=flow.i18n.get(f"reg-relation-{relation}"))
    buttons = [(flow.i18n.get("reg-confirm-yes"), RegConfirm(ok=True)),
               (flow.i18n.get("reg-confirm-no"), RegConfirm(ok=False))]
    return Screen(text, choices(buttons, columns=2))


# ---- where the person is -------------------------------------------------------------------
async def load_where(flow: Flow) -> Where | str:
    """The picks so far, or the Fluent key explaining why the flow cannot go on."""
    data: dict[str, Any] = await flow.state.get_data()
    if not data.get("c"):
        return "reg-expired"
    compound = await flow.session.get(Compound, data["c"])
    if compound is None:
        await flow.state.clear()
        return "reg-link-compound-gone"
    where = Where(compound)
    if data.get("b"):
        where.building = await places.building_in(flow.session, compound.id, data["b"])
    if where.building and data.get("e"):
        where.entrance = await places.entrance_in(flow.session, where.building.id, data["e"])
    if where.entrance and data.get("h"):
        where.household = await places.household_in(flow.session, where.entrance.id, data["h"])
    return where


async def show(message: Message, screen: Screen, *, edit: bool) -> None:
    if not edit:
        await message.answer(screen.text, reply_markup=screen.markup)
        return
    try:
        await message.edit_text(screen.text, reply_markup=screen.markup)
    except TelegramBadRequest as exc:
        if "not modified" not in exc.message:  # the same page again is fine
            raise


async def begin(
    message: Message, flow: Flow, compound: Compound, building: Building | None, *, edit: bool
) -> None:
    await flow.state.clear()
    await flow.state.update_data(c=compound.id)
    where = Where(compound, building)
    screen = await (building_chosen(flow, where) if building else buildings_screen(flow, where))
    await show(message, screen, edit=edit)
