"""Sign up / Cancel / Check in on a card (group or private), the private view of an
activity, and an organizer's answer for someone with many no-shows."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities.callbacks import ActCb, ApproveCb, AttCb, BrowseCb
from handlers.activities.common import alert, refuse, say, show
from models.activities import Activity, ActivityStatus, SignupStatus
from models.person import Person
from services.activities import attendance, cards, signups
from services.activities.access import may_manage
from services.activities.errors import ActivityError
from services.clock import Clock
from services.policy import Actor

JOINED = {
    signups.Outcome.CONFIRMED: "act-joined",
    signups.Outcome.WAITLISTED: "act-waitlisted",
    signups.Outcome.PENDING: "act-pending",
    signups.Outcome.ALREADY_CONFIRMED: "act-already-joined",
    signups.Outcome.ALREADY_WAITLISTED: "act-already-waitlisted",
    signups.Outcome.ALREADY_PENDING: "act-pending",
}


def _button(label: str, data: ActCb | AttCb | BrowseCb) -> list[InlineKeyboardButton]:
    return [InlineKeyboardButton(text=label, callback_data=data.pack())]


async def _my_line(session: AsyncSession, i18n: I18nContext, activity: Activity,
                   person: Person) -> tuple[str, str | None]:
    signup = await signups.signup_of(session, activity.id, person.id)
    status = signup.status if signup else None
    if signup is not None and status == SignupStatus.WAITLISTED:
        return i18n.get("act-you-waitlisted", position=await signups.position(session, signup)), \
            status
    if signup is not None and status == SignupStatus.CONFIRMED and signup.attended:
        return i18n.get("act-you-checked-in"), "attended"
    if status in (SignupStatus.CONFIRMED, SignupStatus.PENDING, SignupStatus.DECLINED):
        return i18n.get(f"act-you-{status}"), status
    return "", None


async def view(session: AsyncSession, i18n: I18nContext, clock: Clock, activity: Activity,
               actor: Actor) -> tuple[str, InlineKeyboardMarkup]:
    """The activity as one person sees it in private, with what they can do now."""
    text = say(i18n, "act-card", **await cards.card_args(session, activity))
    line, status = await _my_line(session, i18n, activity, actor.person)
    rows: list[list[InlineKeyboardButton]] = []
    if activity.status == ActivityStatus.OPEN:
        if status in (None, SignupStatus.DECLINED):
            rows.append(_button(i18n.get("act-btn-join"), ActCb(op="join", id=activity.id)))
        elif status != "attended":
            rows.append(_button(i18n.get("act-btn-leave"), ActCb(op="leave", id=activity.id)))
        window = activity.starts_at - attendance.CHECKIN_OPENS <= clock.now() \
            <= activity.starts_at + attendance.CHECKIN_CLOSES
        if status == SignupStatus.CONFIRMED and window:
            rows.append(_button(i18n.get("act-btn-checkin"), ActCb(op="in", id=activity.id)))
        if await may_manage(session, actor, activity):
            rows.append(_button(i18n.get("act-btn-attendance"), AttCb(op="card", id=activity.id)))
            rows.append(_button(i18n.get("act-btn-call-off"), AttCb(op="off", id=activity.id)))
    rows.append(_button(i18n.get("act-btn-back"), BrowseCb(op="up", id=activity.compound_id)))
    return (f"{text}\n\n{line}" if line else text), InlineKeyboardMarkup(inline_keyboard=rows)


def _in_group(query: CallbackQuery) -> bool:
    return query.message is not None and query.message.chat.type != "private"


async def _redraw(query: CallbackQuery, session: AsyncSession, i18n: I18nContext, clock: Clock,
                  actor: Actor, activity_id: int) -> None:
    activity = await session.get(Activity, activity_id, populate_existing=True)
    if activity is not None and not _in_group(query):
        await show(query, *await view(session, i18n, clock, activity, actor))


async def join(query: CallbackQuery, callback_data: ActCb, session: AsyncSession,
               i18n: I18nContext, clock: Clock, person: Person, actor: Actor) -> None:
    group = _in_group(query)
    try:
        result = await signups.sign_up(session, clock, callback_data.id, person,
                                       notify_privately=group)
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    text = i18n.get(JOINED[result.outcome], title=result.activity.title,
                    position=result.position)
    if group:
        text += "\n" + i18n.get("act-see-private")
    await alert(query, text)
    await _redraw(query, session, i18n, clock, actor, callback_data.id)


async def leave(query: CallbackQuery, callback_data: ActCb, session: AsyncSession,
                i18n: I18nContext, clock: Clock, person: Person, actor: Actor) -> None:
    try:
        result = await signups.cancel(session, clock, callback_data.id, person)
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    await alert(query, i18n.get("act-left", title=result.activity.title))
    await _redraw(query, session, i18n, clock, actor, callback_data.id)


async def check_in(query: CallbackQuery, callback_data: ActCb, session: AsyncSession,
                   i18n: I18nContext, clock: Clock, person: Person, actor: Actor) -> None:
    try:
        activity, fresh = await attendance.check_in(session, clock, callback_data.id, person)
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    key = "act-checked-in" if fresh else "act-already-checked-in"
    await alert(query, i18n.get(key, title=activity.title))
    message = query.message
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    if len([b for row in message.reply_markup.inline_keyboard for b in row]) == 1:
        await message.edit_reply_markup(reply_markup=None)  # the reminder's lone button
    else:
        await _redraw(query, session, i18n, clock, actor, callback_data.id)


async def open_view(query: CallbackQuery, callback_data: ActCb, session: AsyncSession,
                    i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    activity = await session.get(Activity, callback_data.id)
    if activity is None:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    await query.answer()
    await show(query, *await view(session, i18n, clock, activity, actor))


async def decide(query: CallbackQuery, callback_data: ApproveCb, session: AsyncSession,
                 i18n: I18nContext, clock: Clock, actor: Actor) -> None:
    try:
        result = await signups.decide(session, clock, callback_data.id, actor,
                                      approve=callback_data.op == "ok")
    except ActivityError as error:
        await refuse(query, i18n, error)
        return
    await query.answer()
    await show(query, i18n.get(f"act-decided-{result.outcome}", title=result.activity.title))


def build_router() -> Router:
    router = Router(name="activities.signup")
    router.callback_query.register(join, ActCb.filter(F.op == "join"))
    router.callback_query.register(leave, ActCb.filter(F.op == "leave"))
    router.callback_query.register(check_in, ActCb.filter(F.op == "in"))
    router.callback_query.register(open_view, ActCb.filter(F.op == "view"))
    router.callback_query.register(decide, ApproveCb.filter())
    return router
