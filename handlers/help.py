"""/help: the commands this person can use in this chat, derived from bot.commands.COMMANDS.

A command bound to an action shows when the person is allowed it in the relevant compound:
a bound group's own compound, otherwise any compound of theirs. Group-admin commands also
need the person to be an admin of this chat.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.enums import ChatMemberStatus
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.commands import COMMANDS, CommandSpec
from bot.rendering import split_text
from handlers.tickets.guide import guide_text
from models.registry import ChatBinding
from models.roles import Role
from services import registry, roles
from services.policy import Actor, allowed, roles_of

CHAT_ADMINS = (ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR)
RESIDENT_PURPOSES = ("compound", "building")


async def visible_commands(
    session: AsyncSession, actor: Actor | None, private: bool, binding: ChatBinding | None,
) -> list[CommandSpec]:
    """Commands for this chat type the person may use, before the chat-admin check."""
    here = [c for c in COMMANDS if (c.private if private else c.group)]
    superadmin = actor is not None and actor.superadmin
    held: set[Role] = set()
    if actor is not None and not superadmin:
        if binding is not None and not private:
            held = await roles_of(session, actor.person.id, binding.compound_id)
        else:
            held = await roles.all_roles(session, actor.person.id)
    return [c for c in here if c.action is None or allowed(held, c.action, superadmin)]


async def _chat_admin(bot: Bot, chat_id: int, actor: Actor | None) -> bool:
    if actor is None or actor.person.tg_id is None:
        return False
    member = await bot.get_chat_member(chat_id, actor.person.tg_id)
    return member.status in CHAT_ADMINS


async def _report_compounds(
    session: AsyncSession, actor: Actor | None, private: bool, binding: ChatBinding | None,
) -> list[int] | None:
    """Where the reader may report with a hashtag: privately, their compounds' groups; in a
    group, only a residents' group (staff chats take no reports). None: say nothing."""
    if private:
        mine = await registry.compounds_of(session, actor.person.id) if actor else []
        return [c.id for c in mine]
    if binding is not None and binding.purpose in RESIDENT_PURPOSES:
        return [binding.compound_id]
    return None


async def help_(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor | None,
    binding: ChatBinding | None, bot: Bot,
) -> None:
    private = message.chat.type == "private"
    specs = await visible_commands(session, actor, private, binding)
    if not private and any(c.group_admin and c.action for c in specs) \
            and not await _chat_admin(bot, message.chat.id, actor):
        specs = [c for c in specs if not (c.group_admin and c.action)]
    lines = [i18n.get("help-private-title" if private else "help-group-title")]
    lines += [i18n.get("help-line", command=c.command, description=i18n.get(c.key))
              for c in specs]
    compounds = await _report_compounds(session, actor, private, binding)
    if compounds is not None:
        lines += ["", await guide_text(session, i18n.core, i18n.locale, compounds), ""]
    lines.append(i18n.get("help-private-footer" if private else "help-group-footer"))
    for part in split_text("\n".join(lines)):
        await message.answer(part)


def build_router() -> Router:
    router = Router(name="help")
    router.message.register(help_, Command("help"))
    return router
