"""First conversation: /start, /lang (/help lives in handlers.help)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandStart
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.commands import set_person_commands
from handlers.keyboards import choices
from models.person import Person
from services import people
from services.locale import LOCALES


class LangCb(CallbackData, prefix="lang"):
    locale: str


async def start(message: Message, i18n: I18nContext, person: Person) -> None:
    await message.answer(
        i18n.get("start-greeting", name=person.first_name) + "\n\n" + i18n.get("start-abilities")
    )


async def lang(message: Message, i18n: I18nContext) -> None:
    await message.answer(
        i18n.get("lang-choose"),
        reply_markup=choices(
            [(i18n.get(f"lang-name-{loc}"), LangCb(locale=loc)) for loc in LOCALES], columns=3
        ),
    )


async def lang_chosen(
    query: CallbackQuery,
    callback_data: LangCb,
    i18n: I18nContext,
    person: Person,
    session: AsyncSession,
    bot: Bot,
) -> None:
    chosen = await people.choose_locale(session, person, callback_data.locale)
    if chosen is None:
        await query.answer(i18n.get("lang-unknown"), show_alert=True)
        return
    i18n.locale = chosen
    text = i18n.get("lang-set", language=i18n.get(f"lang-name-{chosen}"))
    await query.answer()
    if query.message is not None:
        try:
            await bot.edit_message_text(
                text=text, chat_id=query.message.chat.id, message_id=query.message.message_id
            )
        except TelegramBadRequest as exc:
            if "not modified" not in exc.message:  # a double tap finds it already said
                raise
    if person.tg_id is not None:
        await set_person_commands(bot, i18n.core, person.tg_id, chosen)


def build_router() -> Router:
    router = Router(name="common")
    router.message.register(start, CommandStart(), F.chat.type == "private")
    router.message.register(lang, Command("lang"))
    router.callback_query.register(lang_chosen, LangCb.filter())
    return router
