"""Reports in a compound's or building's group: a leading hashtag (text or photo caption),
/report <text>, or /ticket as a reply to someone's message. Answers stay in the thread and
carry only number, category and team."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram.types import User as TgUser
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import choices_then_link
from handlers.tickets.callbacks import TkCard, TkIntake
from handlers.tickets.guide import guide_text
from handlers.tickets.render import error_text, short, t
from handlers.tickets.submit import desk_hint, download, dup_offer, plus_one
from models.person import Person
from models.registry import ChatBinding
from services import people
from services.clock import Clock
from services.policy import Action, Actor, can
from services.tickets import config as tconfig
from services.tickets import context as tc
from services.tickets import intake, places, reach
from services.tickets.categories import Category, Parsed, parse_hashtag
from services.tickets.errors import TicketError

RESIDENT_GROUPS = ("compound", "building")


class GroupDraft(StatesGroup):
    offer = State()


async def intake_filter(
    message: Message, session: AsyncSession, binding: ChatBinding | None
) -> dict[str, Any] | bool:
    """Matches a message that starts with a hashtag (known, or unknown in a bound group)."""
    text = message.text or message.caption
    if not text or not text.lstrip().startswith("#"):
        return False  # what is not a hashtag never costs a query
    extra = await tconfig.extra_tags(session, binding.compound_id) if binding else {}
    parsed = parse_hashtag(text, extra)
    if parsed is None:
        return False
    if binding is None:
        return {"parsed": parsed} if parsed.category else False
    if binding.purpose not in RESIDENT_GROUPS:
        return False
    return {"parsed": parsed}


def thread_of(message: Message) -> int | None:
    return message.message_thread_id if message.is_topic_message else None


async def _draft(
    session: AsyncSession, binding: ChatBinding, person: Person, category: Category, text: str,
    origin: Message,
) -> intake.Draft:
    homes = await places.homes(session, person.id, binding.compound_id, binding.building_id)
    photo = origin.photo[-1] if origin.photo else None
    return intake.Draft(
        compound_id=binding.compound_id, category=category, text=text, reporter_id=person.id,
        building_id=binding.building_id or (homes[0].building_id if len(homes) == 1 else None),
        household_id=homes[0].household_id if len(homes) == 1 else None,
        origin_chat_id=origin.chat.id, origin_message_id=origin.message_id,
        origin_thread_id=thread_of(origin),
        photos=[(photo.file_id, photo.file_unique_id)] if photo else [],
    )


async def _party(
    session: AsyncSession, clock: Clock, message: Message, person: Person, locale: str
) -> int | None:
    """A dispute posted as a reply names the other side: the author of that message."""
    other = message.reply_to_message.from_user if message.reply_to_message else None
    if other is None or other.is_bot:
        return None
    found = await meet(session, clock, other, locale)
    return found.id if found.id != person.id else None


async def meet(session: AsyncSession, clock: Clock, user: TgUser, default_locale: str) -> Person:
    """Someone we may not have met yet (the author of a message replied to)."""
    return await people.meet(session, clock, people.TelegramUser(
        id=user.id, first_name=user.first_name, last_name=user.last_name,
        username=user.username, language_code=user.language_code,
    ), default_locale)


async def _created_markup(i18n: I18nContext, bot: Bot, ticket_id: int) -> Any:
    """+1 for neighbours; the deep link lets the reporter hear back privately (Telegram
    refuses private messages to whoever has not started the bot)."""
    me = await bot.me()
    return choices_then_link([(t(i18n, "tk-btn-me-too"), TkCard(action="plus", id=ticket_id))],
                             t(i18n, "tk-btn-follow"), reach.deep_link(me.username or "",
                                                                       ticket_id))


async def _open(
    message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock, bot: Bot,
    draft: intake.Draft,
) -> None:
    try:
        ctx = await intake.create(session, clock, draft, await download(
            bot, [list(p) for p in draft.photos]))
    except TicketError as error:
        await message.reply(error_text(i18n, error))
        return
    await message.reply(t(i18n, "tk-group-created", **tc.summary(ctx)) + desk_hint(i18n, ctx),
                        reply_markup=await _created_markup(i18n, bot, ctx.ticket.id))


async def hashtag(
    message: Message, parsed: Parsed, binding: ChatBinding | None, i18n: I18nContext,
    session: AsyncSession, person: Person, clock: Clock, bot: Bot, state: FSMContext,
) -> None:
    if binding is None:
        await message.reply(t(i18n, "tk-group-unbound"))
        return
    if parsed.category is None:
        await message.reply(t(i18n, "tk-err-unknown-tag", tag=parsed.tag))
        return
    await _intake(message, parsed.category, parsed.body, binding, i18n, session, person, clock,
                  bot, state)


async def _intake(
    message: Message, category: Category, body: str, binding: ChatBinding, i18n: I18nContext,
    session: AsyncSession, person: Person, clock: Clock, bot: Bot, state: FSMContext,
) -> None:
    if not body.strip():
        await message.reply(t(i18n, "tk-err-empty-group"))
        return
    draft = await _draft(session, binding, person, category, body, message)
    if category == Category.DISPUTE:
        draft.party_id = await _party(session, clock, message, person, i18n.core.default_locale
                                      or "zh-Hans")
    twin = await intake.similar(session, clock, draft.compound_id, category, draft.building_id,
                                body)
    if twin is None:
        await _open(message, i18n, session, clock, bot, draft)
        return
    await state.set_state(GroupDraft.offer)
    await state.update_data(draft={**draft.__dict__, "category": category.value,
                                   "photos": [list(p) for p in draft.photos]})
    await message.reply(**dup_offer(i18n, twin))


async def _residents_group(
    message: Message, i18n: I18nContext, binding: ChatBinding | None
) -> bool:
    """Reports are taken in residents' groups; say why not anywhere else."""
    if binding is None:
        await message.reply(t(i18n, "tk-group-unbound"))
        return False
    if binding.purpose not in RESIDENT_GROUPS:
        await message.reply(t(i18n, "tk-group-not-residents"))
        return False
    return True


async def report_in_group(
    message: Message, command: CommandObject, binding: ChatBinding | None, i18n: I18nContext,
    session: AsyncSession, person: Person, clock: Clock, bot: Bot, state: FSMContext,
) -> None:
    if not await _residents_group(message, i18n, binding):
        return
    args = (command.args or "").strip()
    if not args:  # someone who does not know how yet: show every way, with examples
        await message.reply(await guide_text(session, i18n.core, i18n.locale,
                                             [binding.compound_id], head="tk-report-guide"))
        return
    parsed = parse_hashtag(args, await tconfig.extra_tags(session, binding.compound_id))
    if parsed is not None and parsed.category is None:
        await message.reply(t(i18n, "tk-err-unknown-tag", tag=parsed.tag))
        return
    category = parsed.category if parsed and parsed.category else Category.REPAIR
    body = parsed.body if parsed else args
    await _intake(message, category, body, binding, i18n, session, person, clock, bot, state)


async def new_from_draft(
    query: CallbackQuery, i18n: I18nContext, state: FSMContext, session: AsyncSession,
    clock: Clock, bot: Bot,
) -> None:
    data = (await state.get_data()).get("draft")
    await state.clear()
    if not data or not isinstance(query.message, Message):
        await query.answer(t(i18n, "stale-button"), show_alert=True)
        return
    data["category"] = Category(data["category"])
    data["photos"] = [tuple(p) for p in data.get("photos") or []]
    await query.answer()
    await _open(query.message, i18n, session, clock, bot, intake.Draft(**data))


async def not_your_draft(query: CallbackQuery, i18n: I18nContext) -> None:
    await query.answer(t(i18n, "tk-err-not-your-draft"), show_alert=True)


async def file_for(
    message: Message, command: CommandObject, binding: ChatBinding | None, i18n: I18nContext,
    session: AsyncSession, actor: Actor, clock: Clock, bot: Bot,
) -> None:
    """/ticket as a reply: a ticket for that message's author, who is told privately."""
    if not await _residents_group(message, i18n, binding):
        return
    assert binding is not None
    if not await can(session, actor, Action.TICKET_FILE_FOR, binding.compound_id):
        await message.reply(t(i18n, "tk-err-file-for-denied"))
        return
    original = message.reply_to_message
    author = original.from_user if original else None
    if original is None or author is None or author.is_bot:
        await message.reply(t(i18n, "tk-ticket-usage"))
        return
    text = original.text or original.caption or ""
    extra = await tconfig.extra_tags(session, binding.compound_id)
    chosen = parse_hashtag(command.args or "", extra)
    found = parse_hashtag(text, extra)
    category = (chosen and chosen.category) or (found and found.category) or Category.REPAIR
    body = found.body if found and found.category else text
    if not body.strip():
        await message.reply(t(i18n, "tk-err-empty-original"))
        return
    reporter = await meet(session, clock, author, i18n.core.default_locale or "zh-Hans")
    draft = await _draft(session, binding, reporter, category, body, original)
    draft.filed_by_id = actor.person.id
    await _open(message, i18n, session, clock, bot, draft)


async def plus_from_group(
    query: CallbackQuery, callback_data: TkCard, i18n: I18nContext, session: AsyncSession,
    person: Person, clock: Clock,
) -> None:
    try:
        ctx = await intake.plus_one(session, clock, callback_data.id, person.id)
    except TicketError as error:
        await query.answer(short(error_text(i18n, error)), show_alert=True)
        return
    await query.answer(short(t(i18n, "tk-plus-done-alert", number=ctx.ticket.number)),
                       show_alert=True)


def build_router() -> Router:
    router = Router(name="tickets.intake_group")
    group = F.chat.type.in_({"group", "supergroup"})
    router.message.register(report_in_group, Command("report"), group)
    router.message.register(file_for, Command("ticket"), group)
    router.message.register(hashtag, group, intake_filter)
    in_group = F.message.chat.type.in_({"group", "supergroup"})
    router.callback_query.register(plus_one, TkIntake.filter(F.action == "plus"),
                                   StateFilter(GroupDraft.offer), in_group)
    router.callback_query.register(new_from_draft, TkIntake.filter(F.action == "new"),
                                   StateFilter(GroupDraft.offer), in_group)
    router.callback_query.register(not_your_draft, TkIntake.filter(F.action.in_({"plus", "new"})),
                                   in_group)
    router.callback_query.register(plus_from_group, TkCard.filter(F.action == "plus"))
    return router
