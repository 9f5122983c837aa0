"""/roster: the board for everyone; subcommands for organizers; /roster new starts the dialog."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.filters import CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.rosters import board, calendar_cmd, manage, wizard
from models.person import Person
from models.registry import ChatBinding
from models.rosters import Roster
from services.clock import Clock
from services.policy import Action, Actor, compounds_for
from services.rosters import setup
from services.rosters.display import DEFAULT_TZ
from services.rosters.examples import example_dates

# What organizers type after /roster, in English, 简体 and 繁體.
SUB_ALIASES: dict[str, str] = {
    "new": "new", "create": "new", "新建": "new", "新建值班": "new", "新增": "new",
    "创建": "new", "建立": "new",
    "term": "term", "学期": "term", "學期": "term",
    "skip": "skip", "停": "skip", "停岗": "skip", "停崗": "skip", "停班": "skip",
    "放假": "skip",
    "unskip": "unskip", "恢复": "unskip", "恢復": "unskip", "复岗": "unskip", "復崗": "unskip",
    "复班": "unskip", "復班": "unskip",
    "leads": "leads", "reminders": "leads", "提醒": "leads", "提醒时间": "leads",
    "提醒時間": "leads",
    "times": "times", "时间": "times", "時間": "times", "时段": "times", "時段": "times",
    "size": "size", "人数": "size", "人數": "size",
    "days": "days", "规则": "days", "規則": "days", "日子": "days",
    "holidays": "holidays", "节假日": "holidays", "節假日": "holidays", "假日": "holidays",
    "points": "points", "积分": "points", "積分": "points",
    "grace": "grace", "宽限": "grace", "寬限": "grace", "宽限期": "grace", "寬限期": "grace",
    "here": "here", "本群": "here", "本群组": "here", "本群組": "here",
    "add": "add", "添加": "add", "加人": "add", "新增隊員": "add", "添加队员": "add",
    "members": "members", "成员": "members", "成員": "members", "队员": "members",
    "隊員": "members",
    "rotate": "rotate", "轮值": "rotate", "輪值": "rotate", "排班": "rotate",
    "show": "show", "info": "show", "详情": "show", "詳情": "show", "设置": "show",
    "設定": "show",
    "calendar": "calendar", "日历": "calendar", "日曆": "calendar", "放假安排": "calendar",
    "日历导入": "calendar-load", "日曆導入": "calendar-load",
    "导入日历": "calendar-load", "導入日曆": "calendar-load",
}


async def roster_command(message: Message, command: CommandObject, state: FSMContext,
                         session: AsyncSession, clock: Clock, i18n: I18nContext,
                         actor: Actor | None, person: Person | None,
                         binding: ChatBinding | None, bot: Bot) -> None:
    args = (command.args or "").strip()
    if actor is None or person is None:
        return
    if not args:
        await board.show_rosters(message, session, clock, i18n, person, binding)
        return
    # Any whitespace ends the subcommand: a pasted arrangement starts on the next line.
    first, rest = [*args.split(maxsplit=1), ""][:2]
    sub = SUB_ALIASES.get(first.lower())
    if sub in ("calendar", "calendar-load"):
        await calendar_cmd.run(message, state, session, clock, i18n, actor, bot,
                               rest if sub == "calendar" else f"load {rest}")
    elif sub == "new":
        await wizard.start(message, state, session, i18n, actor)
    elif sub is not None:
        await manage.run(sub, message, session, clock, i18n, actor, binding, rest)
    elif first.startswith("#") and first[1:].isdigit():
        roster = await session.get(Roster, int(first[1:]))
        if roster is None or not roster.active:
            await message.answer(i18n.get("ro-err-roster-gone"))
        else:
            await board.show_board(message, session, clock, i18n, roster, person)
    else:
        organizer = bool(await compounds_for(session, actor, Action.ROSTER_CREATE)) or bool(
            await setup.managed(session, actor))
        today = clock.now().astimezone(ZoneInfo(DEFAULT_TZ)).date()
        await message.answer(i18n.get("ro-usage-manage" if organizer else "ro-usage",
                                      **example_dates(today)))
