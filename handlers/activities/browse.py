"""/activities: what is coming up in my compound, and the activities I run."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities.callbacks import ActCb, BrowseCb
from handlers.activities.common import choose_compound, say, show
from handlers.compound_pick import CompoundPick
from handlers.keyboards import paginated
from models.activities import Activity, ActivityStatus
from models.registry import Compound
from services import registry
from services.activities import cards
from services.activities.timeparse import date_fragment
from services.clock import Clock
from services.policy import Action, Actor, can

PICK = "act_list"
PAGE = 8


async def _listed(session: AsyncSession, compound_id: int, clock: Clock, actor: Actor,
                  organized: bool) -> list[Activity]:
    stmt = select(Activity).where(Activity.compound_id == compound_id,
                                  Activity.status == ActivityStatus.OPEN.value)
    if organized:
        if not await can(session, actor, Action.ACTIVITY_MANAGE, compound_id):
            stmt = stmt.where(Activity.organizer_id == actor.person.id)
    else:
        stmt = stmt.where(Activity.starts_at > clock.now())
    return list((await session.execute(stmt.order_by(Activity.starts_at, Activity.id))).scalars())


async def _organizes(session: AsyncSession, compound_id: int, actor: Actor) -> bool:
    if await can(session, actor, Action.ACTIVITY_CREATE, compound_id):
        return True
    mine = await session.execute(select(Activity.id).where(
        Activity.compound_id == compound_id, Activity.status == ActivityStatus.OPEN.value,
        Activity.organizer_id == actor.person.id).limit(1))
    return mine.first() is not None


async def screen(session: AsyncSession, i18n: I18nContext, clock: Clock, actor: Actor,
                 compound: Compound, op: str, page: int) -> tuple[str, InlineKeyboardMarkup]:
    found = await _listed(session, compound.id, clock, actor, op == "org")
    tz = await cards.zone(session, compound.id)
    items = [(say(i18n, "act-list-item", date=date_fragment(a.starts_at, tz), title=a.title,
                  left=a.capacity - a.taken), ActCb(op="view", id=a.id)) for a in found]
    footer = []
    if op == "up" and await _organizes(session, compound.id, actor):
        footer.append((i18n.get("act-btn-organized"), BrowseCb(op="org", id=compound.id)))
    if op == "org":
        footer.append((i18n.get("act-btn-back"), BrowseCb(op="up", id=compound.id)))
    key = {"up": "act-list", "org": "act-list-organized"}[op]
    text = i18n.get(key if found else f"{key}-empty", compound=compound.name)
    markup = paginated(items, page, lambda n: BrowseCb(op=op, id=compound.id, page=n),
                       page_size=PAGE, columns=1, footer=footer)
    return text, markup


async def listing(message: Message, session: AsyncSession, i18n: I18nContext, clock: Clock,
                  actor: Actor) -> None:
    compounds = await registry.compounds_of(session, actor.person.id)
    compound = await choose_compound(message, i18n, compounds, PICK, "act-no-compound")
    if compound is not None:
        text, markup = await screen(session, i18n, clock, actor, compound, "up", 0)
        await message.answer(text, reply_markup=markup)


async def _mine(session: AsyncSession, actor: Actor, compound_id: int) -> Compound | None:
    found = await registry.compounds_of(session, actor.person.id)
    return next((c for c in found if c.id == compound_id), None) or (
        await session.get(Compound, compound_id) if actor.superadmin else None)


async def picked(query: CallbackQuery, callback_data: CompoundPick, session: AsyncSession,
                 i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    compound = await _mine(session, actor, callback_data.compound_id)
    if compound is None:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await show(query, *await screen(session, i18n, clock, actor, compound, "up", 0))


async def paged(query: CallbackQuery, callback_data: BrowseCb, session: AsyncSession,
                i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    compound = await _mine(session, actor, callback_data.id)
    if compound is None or callback_data.op not in ("up", "org"):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await show(query, *await screen(session, i18n, clock, actor, compound, callback_data.op,
                                    callback_data.page))


async def in_group(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("act-private-only"))


def build_router() -> Router:
    router = Router(name="activities.browse")
    private = F.chat.type == "private"
    router.message.register(listing, Command("activities"), private)
    router.message.register(in_group, Command("activities", "activity"), ~private)
    router.callback_query.register(picked, CompoundPick.filter(F.action == PICK))
    router.callback_query.register(paged, BrowseCb.filter())
    return router
