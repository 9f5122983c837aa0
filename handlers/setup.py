"""Setting a compound up: /newcompound, the bot joining and leaving groups, /setup, /team.

/setup asks, with buttons only its starter may press, which compound and what the group is
for. Every press checks again that the presser is a chat admin allowed to bind in that
compound, so a forged or stale button changes nothing.
"""

from __future__ import annotations

import contextlib

from aiogram import Bot, F, Router
from aiogram.enums import ChatMemberStatus
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import (
    JOIN_TRANSITION,
    LEAVE_TRANSITION,
    ChatMemberUpdatedFilter,
    Command,
    CommandObject,
    StateFilter,
)
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ChatMemberUpdated, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import render
from handlers.compound_pick import CompoundPick
from handlers.keyboards import clamp_page, paginated
from handlers.roles import Core, Ctx, command_handler, pick_handler, target_of, team_name, who
from handlers.tickets.guide import post_welcome
from models.person import Person
from models.registry import Compound
from services import registry, roles, teams
from services import setup as setup_service
from services.clock import Clock
from services.place_names import place
from services.policy import Action, Actor, can, compounds_for
from services.setup import Purpose, SetupError
from services.tickets import holes

PAGE_SIZE = 24
ADMIN_STATUSES = (ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR)
PURPOSES: dict[str, Purpose] = {
    "c": Purpose.COMPOUND, "b": Purpose.BUILDING, "t": Purpose.TEAM,
    "pb": Purpose.PARTY_BRANCH, "oc": Purpose.OWNERS_COMMITTEE, "co": Purpose.COMMUNITY_OFFICE,
}
PURPOSE_LABELS = {
    Purpose.COMPOUND: "setup-purpose-compound", Purpose.BUILDING: "setup-purpose-building",
    Purpose.TEAM: "setup-purpose-team", Purpose.PARTY_BRANCH: "setup-purpose-party",
    Purpose.OWNERS_COMMITTEE: "setup-purpose-committee",
    Purpose.COMMUNITY_OFFICE: "setup-purpose-office",
}
BOUND_TEXTS = {
    Purpose.COMPOUND: "setup-bound-compound", Purpose.BUILDING: "setup-bound-building",
    Purpose.TEAM: "setup-bound-team", Purpose.PARTY_BRANCH: "setup-bound-party",
    Purpose.OWNERS_COMMITTEE: "setup-bound-committee",
    Purpose.COMMUNITY_OFFICE: "setup-bound-office",
}
# Sub-commands of /team, as people type them.
TEAM_INPUT: dict[str, str] = {
    "add": "add", "new": "add", "新增": "add", "添加": "add", "新建": "add",
    "rename": "rename", "改名": "rename", "重命名": "rename",
    "rr": "rr", "roundrobin": "rr", "轮流": "rr", "輪流": "rr", "轮派": "rr", "輪派": "rr",
    "join": "join", "加入": "join", "加人": "join",
    "leave": "leave", "remove": "leave", "移出": "leave", "退出": "leave",
}


class NewCompound(StatesGroup):
    name = State()


class SetupCb(CallbackData, prefix="su"):
    u: int  # the Telegram id of whoever sent /setup: only they may press
    # step: l compounds page v, c compound chosen, p purpose (v: building or team),
    # g buildings/teams page v, x cancel
    s: str
    c: int = 0
    p: str = ""
    v: int = 0


# ---- /newcompound ---------------------------------------------------------------------------
async def new_compound(
    message: Message, command: CommandObject, i18n: I18nContext, session: AsyncSession,
    clock: Clock, actor: Actor | None, settings: Settings, state: FSMContext,
) -> None:
    if message.chat.type != "private":
        await message.answer(i18n.get("setup-newcompound-private"))
        return
    if actor is None or not await can(session, actor, Action.COMPOUND_CREATE, None):
        await message.answer(i18n.get("setup-newcompound-denied"))
        return
    if not (command.args or "").strip():
        await state.set_state(NewCompound.name)
        await message.answer(i18n.get("setup-newcompound-ask"))
        return
    await _create(message, i18n, session, clock, actor, settings, state, command.args or "")


async def compound_name(
    message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock,
    actor: Actor | None, settings: Settings, state: FSMContext,
) -> None:
    if actor is None or not await can(session, actor, Action.COMPOUND_CREATE, None):
        await state.clear()
        await message.answer(i18n.get("setup-newcompound-denied"))
        return
    await _create(message, i18n, session, clock, actor, settings, state, message.text or "")


async def _create(
    message: Message, i18n: I18nContext, session: AsyncSession, clock: Clock, actor: Actor,
    settings: Settings, state: FSMContext, name: str,
) -> None:
    try:
        compound = await setup_service.create_compound(
            session, clock, actor.person, name, settings.timezone
        )
    except SetupError as exc:
        key = "setup-compound-exists" if exc.reason == "exists" else "setup-compound-bad-name"
        await message.answer(i18n.get(key, name=" ".join(name.split())[:64]))
        return
    await state.clear()
    await message.answer(i18n.get("setup-compound-created", name=compound.name))


# ---- the bot joins, leaves, the group migrates ---------------------------------------------
async def bot_added(
    event: ChatMemberUpdated, bot: Bot, i18n: I18nContext, session: AsyncSession,
    actor: Actor | None,
) -> None:
    """Told in the adder's language: they are the one reading it right now. A stranger's
    group (no role anywhere, not a bound chat) gets one line and the bot leaves it."""
    if not await setup_service.may_invite(
            session, actor.person.id if actor else None, event.chat.id,
            bool(actor and actor.superadmin)):
        with contextlib.suppress(TelegramForbiddenError, TelegramBadRequest):
            await bot.send_message(event.chat.id, i18n.get("setup-stranger-leaving"))
        with contextlib.suppress(TelegramForbiddenError, TelegramBadRequest):
            await bot.leave_chat(event.chat.id)
        return
    text = i18n.get("setup-added")
    if event.new_chat_member.status != ChatMemberStatus.ADMINISTRATOR:
        text += "\n\n" + i18n.get("setup-make-admin")
    with contextlib.suppress(TelegramForbiddenError):
        await bot.send_message(event.chat.id, text)


async def bot_removed(
    event: ChatMemberUpdated, session: AsyncSession, clock: Clock, person: Person | None
) -> None:
    await setup_service.unbind_chat(session, clock, event.chat.id, person.id if person else None)


async def migrated(message: Message, session: AsyncSession, clock: Clock) -> None:
    if message.migrate_to_chat_id is not None:
        await setup_service.migrate_chat(
            session, clock, message.chat.id, message.migrate_to_chat_id, message.chat.title
        )


# ---- /setup ---------------------------------------------------------------------------------
async def _bindable(
    bot: Bot, session: AsyncSession, actor: Actor | None, chat_id: int, compound_id: int | None
) -> list[Compound]:
    """Compounds this person may bind this chat to: needs chat admin and Action.CHAT_BIND."""
    if actor is None or actor.person.tg_id is None:
        return []
    member = await bot.get_chat_member(chat_id, actor.person.tg_id)
    if member.status not in ADMIN_STATUSES:
        return []
    found = await compounds_for(session, actor, Action.CHAT_BIND)
    return [c for c in found if compound_id is None or c.id == compound_id]


def _purpose_menu(
    i18n: I18nContext, u: int, compound: Compound
) -> tuple[str, InlineKeyboardMarkup]:
    items = [(i18n.get(PURPOSE_LABELS[p]), SetupCb(u=u, s="p", c=compound.id, p=code))
             for code, p in PURPOSES.items()]
    footer = [(i18n.get("setup-cancel"), SetupCb(u=u, s="x"))]
    markup = paginated(items, 0, lambda n: SetupCb(u=u, s="c", c=compound.id), columns=2,
                       footer=footer)
    return i18n.get("setup-choose-purpose", compound=compound.name), markup


async def setup_cmd(
    message: Message, i18n: I18nContext, session: AsyncSession, actor: Actor | None, bot: Bot
) -> None:
    if message.chat.type == "private":
        await message.answer(i18n.get("setup-group-only"))
        return
    compounds = await _bindable(bot, session, actor, message.chat.id, None)
    if not compounds or actor is None or actor.person.tg_id is None:
        await message.answer(i18n.get("setup-refused"))
        return
    u = actor.person.tg_id
    if len(compounds) == 1:
        text, markup = _purpose_menu(i18n, u, compounds[0])
    else:
        text, markup = _compound_menu(i18n, u, compounds, 0)
    await message.answer(text, reply_markup=markup)


def _compound_menu(
    i18n: I18nContext, u: int, compounds: list[Compound], page: int
) -> tuple[str, InlineKeyboardMarkup]:
    """A superadmin sees every compound, so the list is paged too."""
    items = [(c.name, SetupCb(u=u, s="c", c=c.id)) for c in compounds]
    markup = paginated(items, page, lambda n: SetupCb(u=u, s="l", v=n), page_size=PAGE_SIZE,
                       columns=2, footer=[(i18n.get("setup-cancel"), SetupCb(u=u, s="x"))])
    return i18n.get("setup-choose-compound"), markup


async def _edit(bot: Bot, message: Message, text: str,
                markup: InlineKeyboardMarkup | None = None) -> None:
    try:
        await bot.edit_message_text(text=text, chat_id=message.chat.id,
                                    message_id=message.message_id, reply_markup=markup)
    except TelegramBadRequest as exc:  # pressing the page indicator redraws the same page
        if "not modified" not in exc.message:
            raise


async def _picker(
    i18n: I18nContext, session: AsyncSession, cb: SetupCb, compound: Compound, purpose: Purpose,
) -> tuple[str, InlineKeyboardMarkup] | None:
    """The building (paged) or team list for a building's or a team's group."""
    if purpose is Purpose.BUILDING:
        rows = [(b.id, b.name) for b in await registry.buildings(session, compound.id)]
    else:
        rows = [(t.id, team_name(i18n, t)) for t in await teams.teams_of(session, compound.id)]
    if not rows:
        return None
    code = "b" if purpose is Purpose.BUILDING else "t"
    items = [(name, SetupCb(u=cb.u, s="p", c=compound.id, p=code, v=i)) for i, name in rows]
    page, pages = clamp_page(len(items), cb.v if cb.s == "g" else 0, PAGE_SIZE)
    footer = [(i18n.get("setup-back"), SetupCb(u=cb.u, s="c", c=compound.id)),
              (i18n.get("setup-cancel"), SetupCb(u=cb.u, s="x"))]
    markup = paginated(items, page, lambda n: SetupCb(u=cb.u, s="g", c=compound.id, p=code, v=n),
                       page_size=PAGE_SIZE, columns=4 if code == "b" else 2, footer=footer)
    key = "setup-choose-building" if code == "b" else "setup-choose-team"
    return i18n.get(key, compound=compound.name, page=page + 1, pages=pages), markup


async def setup_press(
    query: CallbackQuery, callback_data: SetupCb, i18n: I18nContext, session: AsyncSession,
    clock: Clock, actor: Actor | None, bot: Bot,
) -> None:
    cb, message = callback_data, query.message
    if query.from_user.id != cb.u:
        await query.answer(i18n.get("setup-not-yours"), show_alert=True)
        return
    if not isinstance(message, Message):
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    if cb.s == "x":
        await query.answer()
        await _edit(bot, message, i18n.get("setup-cancelled"))
        return
    compounds = await _bindable(bot, session, actor, message.chat.id,
                                None if cb.s == "l" else cb.c)
    if cb.s == "l" and compounds:
        await query.answer()
        await _edit(bot, message, *_compound_menu(i18n, cb.u, compounds, cb.v))
        return
    purpose = PURPOSES.get(cb.p) if cb.s in ("p", "g") else None
    if not compounds or actor is None or (cb.s in ("p", "g") and purpose is None):
        await query.answer(i18n.get("setup-refused"), show_alert=True)
        return
    compound = compounds[0]
    if cb.s == "c":
        await query.answer()
        await _edit(bot, message, *_purpose_menu(i18n, cb.u, compound))
        return
    if purpose is None:  # a step no button of ours carries: forged
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    if purpose in (Purpose.BUILDING, Purpose.TEAM) and (cb.s == "g" or not cb.v):
        picker = await _picker(i18n, session, cb, compound, purpose)
        empty = "setup-no-buildings" if purpose is Purpose.BUILDING else "setup-no-teams"
        await query.answer(None if picker else i18n.get(empty), show_alert=picker is None)
        if picker:
            await _edit(bot, message, *picker)
        return
    await _bind(query, message, i18n, session, clock, actor, bot, compound, purpose, cb.v)


async def _bind(
    query: CallbackQuery, message: Message, i18n: I18nContext, session: AsyncSession,
    clock: Clock, actor: Actor, bot: Bot, compound: Compound, purpose: Purpose, target: int,
) -> None:
    try:
        binding = await setup_service.bind_chat(
            session, clock, actor.person, message.chat.id, compound.id, purpose, target or None
        )
    except SetupError:
        await query.answer(i18n.get("stale-button"), show_alert=True)
        return
    _, building, team = await setup_service.describe(session, binding)
    text = render(i18n.core, i18n.locale, BOUND_TEXTS[purpose], {
        "compound": compound.name,
        "building": place(building=building.name) if building else "",
        "team": team_name(i18n, team) if team else ""})
    # Whatever the ladder still lacks is told to the admins privately, with the fix.
    if await holes.warn(session, clock, compound):
        await session.commit()
    me = await bot.get_chat_member(message.chat.id, bot.id)
    admin = me.status == ChatMemberStatus.ADMINISTRATOR
    if not admin:
        text += "\n\n" + i18n.get("setup-make-admin")
    await query.answer()
    await _edit(bot, message, text)
    if purpose in (Purpose.COMPOUND, Purpose.BUILDING):
        await post_welcome(bot, session, i18n.core, message.chat.id, compound, pin=admin)



# ---- /team ----------------------------------------------------------------------------------
async def _team_list(message: Message, ctx: Ctx, compound: Compound) -> None:
    lines = [ctx.i18n.get("team-list-title", compound=compound.name)]
    for view in await teams.with_members(ctx.session, compound.id):
        members = ", ".join(who(ctx.i18n, p) for p in view.members)
        lines.append(ctx.i18n.get(
            "team-list-line", name=team_name(ctx.i18n, view.team), code=view.team.code,
            rr=ctx.i18n.get("team-rr-mark") if view.team.round_robin else "",
            members=members or ctx.i18n.get("team-no-members"),
        ))
    lines.append(ctx.i18n.get("team-usage"))
    await message.answer("\n".join(lines)[:4096])


async def _team_core(message: Message, ctx: Ctx, compound: Compound, args: str) -> None:
    tokens = args.split()
    if not tokens:
        await _team_list(message, ctx, compound)
        return
    sub, rest = TEAM_INPUT.get(tokens[0].lower()), tokens[1:]
    if sub is None or not rest or (sub in ("add", "rename") and len(rest) < 2):
        await message.answer(ctx.i18n.get("team-usage"))
        return
    if sub == "add":
        outcome = await teams.add(ctx.session, ctx.clock, ctx.actor.person.id, compound.id,
                                  rest[0], " ".join(rest[1:]))
        await message.answer(ctx.i18n.get(f"team-add-{outcome.value.replace('_', '-')}",
                                          code=rest[0].lower()))
        return
    team = await teams.find(ctx.session, compound.id, rest[0])
    if team is None:
        known = ", ".join(team_name(ctx.i18n, t) for t in await teams.teams_of(ctx.session,
                                                                               compound.id))
        await message.answer(ctx.i18n.get("role-unknown-team", team=rest[0], teams=known))
        return
    await _team_change(message, ctx, compound, team, sub, rest[1:])


async def _team_change(
    message: Message, ctx: Ctx, compound: Compound, team: teams.Team, sub: str, rest: list[str]
) -> None:
    name = team_name(ctx.i18n, team)
    if sub == "rename":
        outcome = await teams.rename(ctx.session, ctx.clock, ctx.actor.person.id, team,
                                     " ".join(rest))
        key = "team-renamed" if outcome is teams.TeamChange.DONE else "team-add-bad-name"
        await message.answer(ctx.i18n.get(key, old=name, name=team_name(ctx.i18n, team),
                                          code=team.code))
        return
    if sub == "rr":
        on = await teams.toggle_round_robin(ctx.session, ctx.clock, ctx.actor.person.id, team)
        await message.answer(ctx.i18n.get("team-rr-on" if on else "team-rr-off", name=name))
        return
    person = await target_of(message, ctx, rest)
    if not isinstance(person, Person):
        await message.answer(ctx.i18n.get("role-unknown-person" if person else "team-usage"))
        return
    steward, actor = roles.Role.STEWARD, ctx.actor.person
    if sub == "join":
        outcome = await roles.grant(ctx.session, ctx.clock, actor, compound, person, steward,
                                    team=team)
        key = "team-member-added" if outcome is roles.Outcome.DONE else "team-member-already"
    else:
        outcome = await roles.revoke(ctx.session, ctx.clock, actor, compound, person, steward,
                                     team=team)
        key = "team-member-removed" if outcome is roles.Outcome.DONE else "team-member-not"
    await message.answer(ctx.i18n.get(key, name=person.display_name, team=name))


TEAM_PICKS: dict[str, tuple[str, Action, Core]] = {
    "team": ("team_manage", Action.TEAM_MANAGE, _team_core),
}


def build_router() -> Router:
    router = Router(name="setup")
    router.message.register(new_compound, Command("newcompound"))
    router.message.register(
        compound_name, StateFilter(NewCompound.name), F.chat.type == "private", F.text,
        ~F.text.startswith("/"),
    )
    groups = F.chat.type.in_({"group", "supergroup"})
    router.my_chat_member.register(bot_added, ChatMemberUpdatedFilter(JOIN_TRANSITION), groups)
    router.my_chat_member.register(bot_removed, ChatMemberUpdatedFilter(LEAVE_TRANSITION), groups)
    router.message.register(migrated, F.migrate_to_chat_id)
    router.message.register(setup_cmd, Command("setup"))
    router.callback_query.register(setup_press, SetupCb.filter())
    router.message.register(command_handler(*TEAM_PICKS["team"]), Command("team"))
    router.callback_query.register(
        pick_handler(TEAM_PICKS), CompoundPick.filter(F.action == TEAM_PICKS["team"][0])
    )
    return router
