"""/grant, /revoke, /roles, /partymember and /badge.

In a bound group the compound is the group's and the person is the one whose message is
replied to; in private the person is named by @username or Telegram id and the compound is
picked (the typed arguments wait in the FSM data while the person chooses).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.rendering import split_text
from handlers.compound_pick import CompoundPick, pick_compound
from models.person import Person
from models.registry import Building, ChatBinding, Compound
from models.roles import Role, Team
from services import people, roles, teams
from services.clock import Clock
from services.policy import Action, Actor, can

# Words for "on" and "off" after /badge and /partymember.
SWITCH_INPUT: dict[str, bool] = {
    "on": True, "yes": True, "show": True, "开": True, "開": True, "是": True, "亮": True,
    "off": False, "no": False, "hide": False, "关": False, "關": False, "否": False,
    "不亮": False,
}


@dataclass(frozen=True)
class Ctx:
    session: AsyncSession
    clock: Clock
    actor: Actor
    i18n: I18nContext
    settings: Settings


Core = Callable[[Message, Ctx, Compound, str], Awaitable[None]]


# ---- shared by the commands of this module and /team ---------------------------------------
def team_name(i18n: I18nContext, team: Team) -> str:
    if team.name:
        return team.name
    return i18n.get(f"team-name-{team.code}") if team.code in teams.DEFAULT_TEAMS else team.code


def who(i18n: I18nContext, person: Person) -> str:
    name = person.display_name + (f" @{person.username}" if person.username else "")
    return name + (i18n.get("role-badge-mark") if person.party_member and person.show_badge else "")


async def with_compound(
    message: Message, ctx: Ctx, binding: ChatBinding | None, state: FSMContext,
    action: Action, pick: str, args: str, core: Core,
) -> None:
    """Run `core` in the group's compound, or in the one picked in private."""
    if message.chat.type != "private":
        if binding is None:
            await message.answer(ctx.i18n.get("role-group-unbound"))
            return
        if not await can(ctx.session, ctx.actor, action, binding.compound_id):
            await message.answer(ctx.i18n.get("role-denied"))
            return
        compound = await ctx.session.get(Compound, binding.compound_id)
        if compound is not None:
            await core(message, ctx, compound, args)
        return
    await state.update_data({f"pending_{pick}": args})
    compound = await pick_compound(message, ctx.i18n, ctx.session, ctx.actor, action, pick)
    if compound is not None:
        await state.update_data({f"pending_{pick}": None})
        await core(message, ctx, compound, args)


async def target_of(message: Message, ctx: Ctx, tokens: list[str]) -> Person | str | None:
    """The person meant: the replied-to author, else an @username or numeric id among
    `tokens` (taken out of them). None when nobody was named, "unknown" when not found."""
    reply = message.reply_to_message
    if reply is not None and reply.forum_topic_created is None and reply.from_user \
            and not reply.from_user.is_bot:
        u = reply.from_user
        return await roles.person_for(ctx.session, ctx.clock, people.TelegramUser(
            id=u.id, first_name=u.first_name, last_name=u.last_name, username=u.username,
            language_code=u.language_code), ctx.settings.default_locale)
    # An @username may stand anywhere; a numeric id right after the role (before a building).
    index = next((i for i, t in enumerate(tokens) if t.startswith("@")), None)
    if index is None and tokens and tokens[0].isdigit():
        index = 0
    if index is None:
        return None
    return await roles.find_person(ctx.session, tokens.pop(index)) or "unknown"


async def _person_or_say(message: Message, ctx: Ctx, tokens: list[str], usage: str
                         ) -> Person | None:
    target = await target_of(message, ctx, tokens)
    if isinstance(target, Person):
        return target
    await message.answer(ctx.i18n.get("role-unknown-person" if target else usage))
    return None


# ---- /grant and /revoke ---------------------------------------------------------------------
async def _scope(message: Message, ctx: Ctx, compound: Compound, role: Role, rest: str
                 ) -> tuple[bool, Building | Team | None]:
    """(ok, building or team or None) for the words after the person."""
    if not rest:
        return True, None
    if role is Role.STEWARD:
        team = await teams.find(ctx.session, compound.id, rest)
        if team is None:
            known = ", ".join(team_name(ctx.i18n, t) for t in
                              await teams.teams_of(ctx.session, compound.id))
            await message.answer(ctx.i18n.get("role-unknown-team", team=rest, teams=known))
        return team is not None, team
    if role in roles.BUILDING_SCOPED:
        building = await roles.find_building(ctx.session, compound.id, rest)
        if building is None:
            await message.answer(ctx.i18n.get("role-unknown-building", building=rest))
        return building is not None, building
    await message.answer(ctx.i18n.get("role-no-scope", role=ctx.i18n.get(f"role-name-{role}")))
    return False, None


async def _role_and_rest(message: Message, ctx: Ctx, args: str, usage: str
                         ) -> tuple[Role, Person, str] | None:
    tokens = args.split()
    if not tokens:
        await message.answer(ctx.i18n.get(usage))
        return None
    role = roles.parse_role(tokens.pop(0))
    if role is None:
        names = ", ".join(ctx.i18n.get("role-choice", code=r.value,
                                       name=ctx.i18n.get(f"role-name-{r.value}")) for r in Role)
        await message.answer(ctx.i18n.get("role-unknown-role", roles=names))
        return None
    person = await _person_or_say(message, ctx, tokens, usage)
    return (role, person, " ".join(tokens)) if person is not None else None


async def _change(message: Message, ctx: Ctx, compound: Compound, args: str, revoke: bool
                  ) -> None:
    usage = "role-revoke-usage" if revoke else "role-grant-usage"
    parsed = await _role_and_rest(message, ctx, args, usage)
    if parsed is None:
        return
    role, person, rest = parsed
    if revoke and rest and role is not Role.STEWARD:
        rest = ""  # a building-scoped role is revoked whatever its building
    ok, scope = await _scope(message, ctx, compound, role, rest)
    if not ok:
        return
    team = scope if isinstance(scope, Team) else None
    building = scope if isinstance(scope, Building) else None
    actor = ctx.actor.person
    if revoke:
        outcome = await roles.revoke(ctx.session, ctx.clock, actor, compound, person, role, team)
    else:
        outcome = await roles.grant(ctx.session, ctx.clock, actor, compound, person, role,
                                    building, team)
    role_text = ctx.i18n.get(f"role-name-{role.value}")
    where = team_name(ctx.i18n, team) if team else building.name if building else None
    if where:
        role_text = ctx.i18n.get("role-with-scope", role=role_text, scope=where)
    key = {
        roles.Outcome.DONE: "role-revoked" if revoke else "role-granted",
        roles.Outcome.ALREADY: "role-already",
        roles.Outcome.NOT_GRANTED: "role-not-granted",
        roles.Outcome.LAST_ADMIN: "role-last-admin",
    }[outcome]
    await message.answer(ctx.i18n.get(key, name=person.display_name, role=role_text,
                                      compound=compound.name))


async def _grant_core(message: Message, ctx: Ctx, compound: Compound, args: str) -> None:
    await _change(message, ctx, compound, args, revoke=False)


async def _revoke_core(message: Message, ctx: Ctx, compound: Compound, args: str) -> None:
    await _change(message, ctx, compound, args, revoke=True)


# ---- /roles ---------------------------------------------------------------------------------
async def _list_core(message: Message, ctx: Ctx, compound: Compound, args: str) -> None:
    lines = [ctx.i18n.get("role-list-title", compound=compound.name)]
    for h in await roles.holders(ctx.session, compound.id):
        role_text = ctx.i18n.get(f"role-name-{h.grant.role}")
        scope = ", ".join(team_name(ctx.i18n, t) for t in h.teams) or (
            h.building.name if h.building else "")
        if scope:
            role_text = ctx.i18n.get("role-with-scope", role=role_text, scope=scope)
        lines.append(ctx.i18n.get("role-list-line", role=role_text, who=who(ctx.i18n, h.person)))
    if len(lines) == 1:
        lines.append(ctx.i18n.get("role-list-empty"))
    for part in split_text("\n".join(lines)):
        await message.answer(part)


# ---- /partymember and /badge -----------------------------------------------------------------
def _switch(tokens: list[str], default: bool | None) -> bool | None:
    """The on/off word among `tokens` (removed from them), else `default`."""
    for i, token in enumerate(tokens):
        if token.lower() in SWITCH_INPUT:
            return SWITCH_INPUT[tokens.pop(i).lower()]
    return default


async def _party_core(message: Message, ctx: Ctx, compound: Compound, args: str) -> None:
    tokens = args.split()
    on = _switch(tokens, True)
    person = await _person_or_say(message, ctx, tokens, "role-party-usage")
    if person is None or on is None:
        return
    outcome = await roles.set_party_member(ctx.session, ctx.clock, ctx.actor.person, compound,
                                           person, on)
    if outcome is roles.Outcome.ALREADY:
        key = "role-party-already" if on else "role-party-already-not"
    else:
        key = "role-party-marked" if on else "role-party-unmarked"
    await message.answer(ctx.i18n.get(key, name=person.display_name))


async def badge(message: Message, command: CommandObject, i18n: I18nContext,
                session: AsyncSession, person: Person | None) -> None:
    tokens = (command.args or "").split()
    on = _switch(tokens, None)
    if message.chat.type != "private" or person is None:
        await message.answer(i18n.get("role-badge-private"))
        return
    if on is None or tokens:
        status = "role-badge-status-on" if person.show_badge else "role-badge-status-off"
        usage = "role-badge-usage" if person.party_member else "role-badge-not-member"
        await message.answer(i18n.get(status) + "\n" + i18n.get(usage))
        return
    outcome = await roles.set_badge(session, person, on)
    key = {
        roles.Outcome.NOT_GRANTED: "role-badge-not-member",
        roles.Outcome.ALREADY: "role-badge-already-on" if on else "role-badge-already-off",
        roles.Outcome.DONE: "role-badge-on" if on else "role-badge-off",
    }[outcome]
    await message.answer(i18n.get(key))


# ---- wiring ---------------------------------------------------------------------------------
# The compound picker's action name for each command (CompoundPick is shared by features).
PICKS: dict[str, tuple[str, Action, Core]] = {
    "grant": ("role_grant", Action.ROLE_GRANT, _grant_core),
    "revoke": ("role_revoke", Action.ROLE_GRANT, _revoke_core),
    "roles": ("role_list", Action.ROLE_LIST, _list_core),
    "partymember": ("role_party", Action.PARTY_MARK, _party_core),
}


def command_handler(pick: str, action: Action, core: Core) -> Callable[..., Awaitable[None]]:
    async def handle(
        message: Message, command: CommandObject, session: AsyncSession, clock: Clock,
        actor: Actor | None, i18n: I18nContext, settings: Settings,
        binding: ChatBinding | None, state: FSMContext,
    ) -> None:
        if actor is None:  # an anonymous admin: we cannot tell who is asking
            await message.answer(i18n.get("role-denied"))
            return
        ctx = Ctx(session, clock, actor, i18n, settings)
        await with_compound(message, ctx, binding, state, action, pick, command.args or "", core)

    handle.__name__ = f"{pick}_command"
    return handle


def pick_handler(picks: dict[str, tuple[str, Action, Core]]) -> Callable[..., Awaitable[None]]:
    async def picked(
        query: CallbackQuery, callback_data: CompoundPick, session: AsyncSession, clock: Clock,
        actor: Actor, i18n: I18nContext, settings: Settings, state: FSMContext,
    ) -> None:
        """A compound was chosen for a command typed in private: run it with its saved words."""
        action, core = next((a, c) for p, a, c in picks.values() if p == callback_data.action)
        compound = await session.get(Compound, callback_data.compound_id)
        if compound is None or not await can(session, actor, action, compound.id):
            await query.answer(i18n.get("role-denied"), show_alert=True)
            return
        key = f"pending_{callback_data.action}"
        args = (await state.get_data()).get(key)
        if args is None or not isinstance(query.message, Message):
            await query.answer(i18n.get("stale-button"), show_alert=True)
            return
        await state.update_data({key: None})
        await query.answer()
        await core(query.message, Ctx(session, clock, actor, i18n, settings), compound, args)

    return picked


def build_router() -> Router:
    router = Router(name="roles")
    for name, (pick, action, core) in PICKS.items():
        router.message.register(command_handler(pick, action, core), Command(name))
    router.message.register(badge, Command("badge"))
    picks = CompoundPick.filter(F.action.in_({pick for pick, _, _ in PICKS.values()}))
    router.callback_query.register(pick_handler(PICKS), picks)
    return router
