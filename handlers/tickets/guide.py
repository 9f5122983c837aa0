"""The "how to report" text: /help, the welcome pinned in a residents' group, a bare /report."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import render
from models.chat import Chat
from models.registry import Compound
from services.tickets import guide


async def guide_text(
    session: AsyncSession, core: FluentRuntimeCore, locale: str, compound_ids: Iterable[int],
    head: str = "tk-guide-title",
) -> str:
    """A heading, then one line per category: its hashtag (and the compound's own tags for
    it) with an example message a neighbour could send as it is."""
    lines = [render(core, locale, head, {})]
    for line in await guide.hashtags(session, compound_ids, locale):
        also = render(core, locale, "tk-guide-also", {"tags": " ".join(line.also)}) \
            if line.also else ""
        lines.append(render(core, locale, "tk-guide-line", {
            "tag": line.tag, "also": also,
            "example": render(core, locale, f"tk-guide-example-{line.category.value}", {}),
        }))
    lines.append(render(core, locale, "tk-guide-private", {}))
    return "\n".join(lines)


async def post_welcome(
    bot: Bot, session: AsyncSession, core: FluentRuntimeCore, chat_id: int, compound: Compound,
    pin: bool,
) -> None:
    """Right after /setup binds a residents' group: how to report, pinned on top, in the
    group's language (the admin who bound it may read another)."""
    chat = await session.get(Chat, chat_id)
    locale = (chat.locale if chat else None) or compound.locale
    text = await guide_text(session, core, locale, [compound.id], head="tk-welcome-title")
    posted = await bot.send_message(chat_id, text)
    if pin:  # without admin rights the welcome simply stays unpinned
        with contextlib.suppress(TelegramBadRequest, TelegramForbiddenError):
            await bot.pin_chat_message(chat_id, posted.message_id, disable_notification=True)
