"""The end of a report, shared by the private wizard and group intake: the duplicate hint,
the confirmation, and opening the ticket."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices
from handlers.tickets.callbacks import TkIntake
from handlers.tickets.render import error_text, short, t
from models.person import Person
from models.tickets import Ticket
from services.clock import Clock
from services.place_names import place
from services.tickets import context as tc
from services.tickets import intake
from services.tickets.categories import Category
from services.tickets.errors import TicketError
from services.tickets.places import home

PHOTOS_DOWNLOADED = 3


async def offer_or_confirm(
    message: Message | Any, i18n: I18nContext, session: AsyncSession, clock: Clock,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    twin = await intake.similar(session, clock, data["compound"], Category(data["category"]),
                                data.get("building"), data["text"])
    if twin is None:
        await confirm_screen(message, i18n, session, state)
        return
    if message is not None:
        await message.answer(**dup_offer(i18n, twin))


def dup_offer(i18n: I18nContext, twin: Ticket) -> dict[str, Any]:
    """"Is it the same as #N?", with +1 and "new problem"; a private twin shows no text."""
    key, args = intake.hint(twin)
    return {"text": t(i18n, key, **args), "reply_markup": choices([
        (t(i18n, "tk-btn-plus-one", number=twin.number),
         TkIntake(action="plus", value=str(twin.id))),
        (t(i18n, "tk-btn-new-problem"), TkIntake(action="new")),
    ])}


async def confirm_screen(
    message: Message | Any, i18n: I18nContext, session: AsyncSession, state: FSMContext
) -> None:
    data = await state.get_data()
    where: Any = t(i18n, f"tk-area-{data.get('area') or 'other'}")
    if data.get("place"):
        where = data["place"]
    elif data.get("latitude") is not None:
        where = t(i18n, "tk-where-pin")
    if data.get("household") and data.get("reporter"):
        found = await home(session, int(data["reporter"]), int(data["household"]))
        if found is not None:
            where = t(i18n, "tk-where-home-btn", home=place(
                building=found.building, entrance=found.entrance, room=found.room))
    if message is None:
        return
    reporter = await session.get(Person, int(data["reporter"])) if data.get("reporter") else None
    ask = reporter is not None and reporter.contact_staff is None
    text = t(i18n, "tk-confirm", category=t(i18n, f"tk-cat-{data['category']}"), where=where,
             text=tc.clip(data["text"], 300), photos=len(data.get("photos") or []))
    if ask:
        text += "\n\n" + t(i18n, "tk-ask-contact")
    await message.answer(text, reply_markup=confirm_buttons(i18n, ask=ask))


def confirm_buttons(i18n: I18nContext, *, ask: bool) -> Any:
    """Send / send anonymously / cancel; before them, until answered once, whether
    stewards may call or message the reporter (asked here because this is when it matters)."""
    items: list[tuple[str, Any]] = []
    if ask:
        items += [(t(i18n, "tk-btn-contact-yes"), TkIntake(action="contact", value="1")),
                  (t(i18n, "tk-btn-contact-no"), TkIntake(action="contact", value="0"))]
    items += [(t(i18n, "tk-btn-send"), TkIntake(action="send", value="0")),
              (t(i18n, "tk-btn-send-anon"), TkIntake(action="send", value="1")),
              (t(i18n, "tk-btn-cancel"), TkIntake(action="cancel"))]
    return choices(items)


async def download(bot: Bot, photos: list[list[str]]) -> list[bytes]:
    """The first few photos, for the staff card (the sender posts bytes, not file ids)."""
    out = []
    for file_id, _ in photos[:PHOTOS_DOWNLOADED]:
        buffer = await bot.download(file_id)
        if buffer is not None:
            out.append(buffer.read())
    return out


def draft_from(data: dict[str, Any], person: Person, anonymous: bool) -> intake.Draft:
    return intake.Draft(
        compound_id=int(data["compound"]), category=Category(data["category"]),
        text=data.get("text") or "", reporter_id=person.id,
        building_id=data.get("building"), household_id=data.get("household"),
        area=data.get("area") or "other", anonymous=anonymous, place=data.get("place"),
        latitude=data.get("latitude"), longitude=data.get("longitude"),
        photos=[(p[0], p[1]) for p in data.get("photos") or []],
    )


async def submit(
    query: CallbackQuery, i18n: I18nContext, state: FSMContext, session: AsyncSession,
    person: Person, clock: Clock, bot: Bot, *, anonymous: bool,
) -> None:
    data = await state.get_data()
    if not data.get("compound") or not data.get("category"):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    draft = draft_from(data, person, anonymous)
    ctx = await intake.create(session, clock, draft, await download(bot, data.get("photos") or []))
    await state.clear()
    await query.answer()
    if query.message is not None:
        await query.message.answer(created_text(i18n, ctx))


def created_text(i18n: I18nContext, ctx: tc.TicketContext) -> str:
    due = ctx.ticket.accept_due_at
    text = t(i18n, "tk-created", **tc.summary(ctx), due=tc.local_time(due, ctx.tz),
             anonymous=t(i18n, "tk-created-anon") if ctx.ticket.anonymous else "")
    return text + desk_hint(i18n, ctx)


def desk_hint(i18n: I18nContext, ctx: tc.TicketContext) -> str:
    """A ticket the party branch's desk holds from the start says where to find the branch."""
    if ctx.ticket.team_id is not None or ctx.ticket.level != 2:
        return ""
    return "\n" + t(i18n, "tk-contacts-hint", level=tc.level_label(2)).strip()


async def plus_one(
    query: CallbackQuery, callback_data: TkIntake, i18n: I18nContext, state: FSMContext,
    session: AsyncSession, person: Person, clock: Clock,
) -> None:
    """Join the existing ticket instead of opening a new one."""
    if not callback_data.value.isdigit():
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    try:
        ctx = await intake.plus_one(session, clock, int(callback_data.value), person.id)
    except TicketError as error:
        await query.answer(short(error_text(i18n, error)), show_alert=True)
        return
    await state.clear()
    await query.answer()
    if query.message is not None:
        await query.message.answer(t(i18n, "tk-plus-done", **tc.summary(ctx),
                                     name=person.first_name))
