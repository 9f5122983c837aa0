"""The organizer's attendance card (tap a name to mark who came), closing the activity with
points, and calling it off."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, InlineKeyboardMarkup
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities.callbacks import ActCb, AttCb
from handlers.activities.common import refuse, show
from handlers.keyboards import choices, paginated
from models.activities import Activity, ActivityStatus
from services.activities import attendance, setup
from services.activities.access import may_manage
from services.activities.errors import ActivityError
from services.clock import Clock
from services.policy import Actor

PAGE = 8


async def _manageable(query: CallbackQuery, session: AsyncSession, i18n: I18nContext,
                      actor: Actor, activity_id: int) -> Activity | None:
    activity = await session.get(Activity, activity_id, populate_existing=True)
    if activity is None or activity.status != ActivityStatus.OPEN:
        await query.answer(i18n.get("act-err-finished"), show_alert=True)
        return None
    if not await may_manage(session, actor, activity):
        await query.answer(i18n.get("act-err-not-organizer"), show_alert=True)
        return None
    return activity


async def card(session: AsyncSession, i18n: I18nContext, activity: Activity,
               page: int) -> tuple[str, InlineKeyboardMarkup]:
    seats = await attendance.roster(session, activity.id)
    came = sum(1 for s, _ in seats if s.attended)
    items = [(i18n.get("act-att-came" if s.attended else "act-att-not", name=p.display_name),
              AttCb(op="t", id=activity.id, arg=s.id)) for s, p in seats]
    footer = [(i18n.get("act-btn-finish"), AttCb(op="fin", id=activity.id)),
              (i18n.get("act-btn-back"), ActCb(op="view", id=activity.id))]
    text = i18n.get("act-att-title", title=activity.title, came=came, total=len(seats))
    markup = paginated(items, page, lambda n: AttCb(op="card", id=activity.id, arg=n),
                       page_size=PAGE, columns=1, footer=footer)
    return text, markup


async def open_card(query: CallbackQuery, callback_data: AttCb, session: AsyncSession,
                    i18n: I18nContext, actor: Actor) -> None:
    activity = await _manageable(query, session, i18n, actor, callback_data.id)
    if activity is not None:
        await query.answer()
        await show(query, *await card(session, i18n, activity, callback_data.arg))


async def toggle(query: CallbackQuery, callback_data: AttCb, session: AsyncSession,
                 i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    try:
        await attendance.toggle(session, clock, callback_data.id, callback_data.arg, actor)
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    activity = await session.get(Activity, callback_data.id, populate_existing=True)
    assert activity is not None
    seats = [s.id for s, _ in await attendance.roster(session, activity.id)]
    page = seats.index(callback_data.arg) // PAGE if callback_data.arg in seats else 0
    await query.answer()
    await show(query, *await card(session, i18n, activity, page))


async def ask_finish(query: CallbackQuery, callback_data: AttCb, session: AsyncSession,
                     i18n: I18nContext, actor: Actor) -> None:
    activity = await _manageable(query, session, i18n, actor, callback_data.id)
    if activity is None:
        return
    seats = await attendance.roster(session, activity.id)
    came = sum(1 for s, _ in seats if s.attended)
    await query.answer()
    await show(query, i18n.get("act-finish-confirm", title=activity.title, came=came,
                               missed=len(seats) - came, points=activity.points),
               choices([(i18n.get("act-btn-finish-yes"), AttCb(op="finy", id=activity.id)),
                        (i18n.get("act-btn-back"), AttCb(op="card", id=activity.id))]))


async def finish(query: CallbackQuery, callback_data: AttCb, session: AsyncSession,
                 i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    try:
        summary = await attendance.finalize(session, clock, callback_data.id, actor)
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    await query.answer()
    await show(query, i18n.get("act-finished", title=summary.activity.title,
                               came=summary.attended, missed=summary.no_shows,
                               points=summary.points))


async def ask_call_off(query: CallbackQuery, callback_data: AttCb, session: AsyncSession,
                       i18n: I18nContext, actor: Actor) -> None:
    activity = await _manageable(query, session, i18n, actor, callback_data.id)
    if activity is None:
        return
    await query.answer()
    await show(query, i18n.get("act-call-off-confirm", title=activity.title),
               choices([(i18n.get("act-btn-call-off-yes"), AttCb(op="offy", id=activity.id)),
                        (i18n.get("act-btn-back"), ActCb(op="view", id=activity.id))]))


async def call_off(query: CallbackQuery, callback_data: AttCb, session: AsyncSession,
                   i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    try:
        activity = await setup.call_off(session, clock, callback_data.id, actor)
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    await query.answer()
    await show(query, i18n.get("act-called-off", title=activity.title))


def build_router() -> Router:
    router = Router(name="activities.attendance")
    cb = router.callback_query
    cb.register(open_card, AttCb.filter(F.op == "card"))
    cb.register(toggle, AttCb.filter(F.op == "t"))
    cb.register(ask_finish, AttCb.filter(F.op == "fin"))
    cb.register(finish, AttCb.filter(F.op == "finy"))
    cb.register(ask_call_off, AttCb.filter(F.op == "off"))
    cb.register(call_off, AttCb.filter(F.op == "offy"))
    return router
