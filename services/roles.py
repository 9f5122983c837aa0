"""Granting and revoking roles in a compound, and marking party members.

Every change is audited and the person concerned is told through the outbox, in the same
unit of work as the change.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import Building, Compound
from models.roles import Role, RoleGrant, Team
from services import audit, people, teams
from services.clock import Clock
from services.outbox import Notice, enqueue, fragment
from services.place_names import place

BUILDING_SCOPED = frozenset({Role.BUILDING_LEADER, Role.LIAISON_HEAD, Role.GRID_WORKER})

# What people type for a role: code names, English, 简体 and 繁體.
ROLE_ALIASES: dict[str, Role] = {
    "admin": Role.ADMIN, "administrator": Role.ADMIN, "管理员": Role.ADMIN,
    "管理員": Role.ADMIN,
    "steward": Role.STEWARD, "红管家": Role.STEWARD, "紅管家": Role.STEWARD,
    "管家": Role.STEWARD,
    "organizer": Role.ORGANIZER, "organiser": Role.ORGANIZER, "组织者": Role.ORGANIZER,
    "組織者": Role.ORGANIZER, "活动组织者": Role.ORGANIZER, "活動組織者": Role.ORGANIZER,
    "party_branch": Role.PARTY_BRANCH, "党支部": Role.PARTY_BRANCH,
    "黨支部": Role.PARTY_BRANCH,
    "community_officer": Role.COMMUNITY_OFFICER, "officer": Role.COMMUNITY_OFFICER,
    "社区干部": Role.COMMUNITY_OFFICER, "社區幹部": Role.COMMUNITY_OFFICER,
    "社区工作者": Role.COMMUNITY_OFFICER, "社區工作者": Role.COMMUNITY_OFFICER,
    "owners_committee": Role.OWNERS_COMMITTEE, "committee": Role.OWNERS_COMMITTEE,
    "业委会": Role.OWNERS_COMMITTEE, "業委會": Role.OWNERS_COMMITTEE,
    "业委会成员": Role.OWNERS_COMMITTEE, "業委會成員": Role.OWNERS_COMMITTEE,
    "grid_worker": Role.GRID_WORKER, "网格员": Role.GRID_WORKER, "網格員": Role.GRID_WORKER,
    "liaison_head": Role.LIAISON_HEAD, "联户长": Role.LIAISON_HEAD,
    "聯戶長": Role.LIAISON_HEAD,
    "building_leader": Role.BUILDING_LEADER, "楼栋长": Role.BUILDING_LEADER,
    "樓棟長": Role.BUILDING_LEADER, "楼长": Role.BUILDING_LEADER, "樓長": Role.BUILDING_LEADER,
    "mediator": Role.MEDIATOR, "调解员": Role.MEDIATOR, "調解員": Role.MEDIATOR,
    "merchant": Role.MERCHANT, "商户": Role.MERCHANT, "商戶": Role.MERCHANT,
    "商家": Role.MERCHANT,
    "finance": Role.FINANCE, "treasurer": Role.FINANCE, "财务": Role.FINANCE,
    "財務": Role.FINANCE, "物业财务": Role.FINANCE, "物業財務": Role.FINANCE,
}
# Building names are typed with or without the usual suffix: "3", "3号楼", "3棟".
BUILDING_SUFFIX_INPUT = ("号楼", "號樓", "栋", "棟", "幢", "座", "楼", "樓", "#")
_USERNAME = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{3,31})$")


class Outcome(enum.StrEnum):
    DONE = "done"
    ALREADY = "already"
    NOT_GRANTED = "not_granted"
    LAST_ADMIN = "last_admin"


@dataclass(frozen=True)
class Holder:
    grant: RoleGrant
    person: Person
    building: Building | None
    teams: list[Team]


def parse_role(text: str) -> Role | None:
    word = text.strip().lower().replace("-", "_")
    if word in ROLE_ALIASES:
        return ROLE_ALIASES[word]
    try:
        return Role(word)
    except ValueError:
        return None


def role_fragment(role: Role, building: Building | None = None,
                  team: Team | None = None) -> dict[str, object]:
    """The role as the recipient will read it, with its building or team if any."""
    name = fragment(f"role-name-{role.value}")
    if building is not None:
        return fragment("role-with-scope", role=name, scope=place(building=building.name))
    if team is not None:
        return fragment("role-with-scope", role=name, scope=team_label(team))
    return name


def team_label(team: Team) -> str | dict[str, object]:
    if team.name:
        return team.name
    if team.code in teams.DEFAULT_TEAMS:
        return fragment(f"team-name-{team.code}")
    return team.code


async def find_person(session: AsyncSession, ref: str) -> Person | None:
    """A person by numeric Telegram id or by @username (as last seen by the bot)."""
    ref = ref.strip()
    if ref.isdigit():
        return await people.by_tg_id(session, int(ref))
    match = _USERNAME.match(ref)
    if match is None or not ref.startswith("@"):
        return None
    rows = await session.execute(
        select(Person).where(func.lower(Person.username) == match.group(1).lower())
        .order_by(Person.seen_at.desc())
    )
    return rows.scalars().first()


async def person_for(
    session: AsyncSession, clock: Clock, user: people.TelegramUser, default_locale: str
) -> Person:
    """The person behind a replied-to message; never re-derives a known person's locale."""
    known = await people.by_tg_id(session, user.id)
    return known or await people.meet(session, clock, user, default_locale)


def _plain(name: str) -> str:
    name = name.strip().lower()
    for suffix in BUILDING_SUFFIX_INPUT:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)].strip()
    return name


async def find_building(session: AsyncSession, compound_id: int, text: str) -> Building | None:
    rows = await session.execute(select(Building).where(Building.compound_id == compound_id))
    candidates = list(rows.scalars())
    wanted = text.strip().lower()
    exact = [b for b in candidates if b.name.lower() == wanted]
    if exact:
        return exact[0]
    loose = [b for b in candidates if _plain(b.name) == _plain(wanted)]
    return loose[0] if len(loose) == 1 else None


async def active_grant(
    session: AsyncSession, compound_id: int, person_id: int, role: Role
) -> RoleGrant | None:
    rows = await session.execute(
        select(RoleGrant).where(
            RoleGrant.compound_id == compound_id, RoleGrant.person_id == person_id,
            RoleGrant.role == role.value, RoleGrant.revoked_at.is_(None),
        )
    )
    return rows.scalar_one_or_none()


async def all_roles(session: AsyncSession, person_id: int) -> set[Role]:
    """Every role a person holds in any compound."""
    rows = await session.execute(
        select(RoleGrant.role).where(
            RoleGrant.person_id == person_id, RoleGrant.revoked_at.is_(None)
        ).distinct()
    )
    return {Role(r) for (r,) in rows}


async def _tell(
    session: AsyncSession, clock: Clock, person: Person, key: str, text_key: str,
    **args: object,
) -> None:
    if person.tg_id is not None:
        await enqueue(session, clock, Notice(key=key, chat_id=person.tg_id, text_key=text_key,
                                             args=dict(args)))


async def _log(
    session: AsyncSession, clock: Clock, action: str, actor: Person, compound: Compound,
    person: Person, **detail: object,
) -> str:
    """Audit the change and return an idempotency key for the notice it causes."""
    entry = audit.record(session, clock, action, actor_id=actor.id, compound_id=compound.id,
                         subject_id=person.id, **detail)
    await session.flush()
    return f"audit:{entry.id}"


async def grant(
    session: AsyncSession, clock: Clock, actor: Person, compound: Compound, person: Person,
    role: Role, building: Building | None = None, team: Team | None = None,
) -> Outcome:
    existing = await active_grant(session, compound.id, person.id, role)
    if existing is not None:
        if team is None or await teams.is_member(session, team.id, person.id):
            return Outcome.ALREADY
        teams.join(session, clock, team, person.id)
        key = await _log(session, clock, "team.join", actor, compound, person, code=team.code)
        await _tell(session, clock, person, key, "role-team-joined-notice",
                    team=team_label(team), compound=compound.name)
        await session.commit()
        return Outcome.DONE
    session.add(RoleGrant(
        compound_id=compound.id, person_id=person.id, role=role.value,
        building_id=building.id if building else None, granted_by=actor.id,
        granted_at=clock.now(),
    ))
    if team is not None:
        teams.join(session, clock, team, person.id)
    key = await _log(session, clock, "role.grant", actor, compound, person, role=role.value,
                     building_id=building.id if building else None,
                     team=team.code if team else None)
    await _tell(session, clock, person, key, "role-granted-notice",
                role=role_fragment(role, building, team), compound=compound.name)
    await session.commit()
    return Outcome.DONE


async def _admins(session: AsyncSession, compound_id: int) -> int:
    rows = await session.execute(
        select(func.count()).select_from(RoleGrant).where(
            RoleGrant.compound_id == compound_id, RoleGrant.role == Role.ADMIN.value,
            RoleGrant.revoked_at.is_(None),
        )
    )
    return int(rows.scalar_one())


async def revoke(
    session: AsyncSession, clock: Clock, actor: Person, compound: Compound, person: Person,
    role: Role, team: Team | None = None,
) -> Outcome:
    existing = await active_grant(session, compound.id, person.id, role)
    if existing is None:
        return Outcome.NOT_GRANTED
    if team is not None:
        if not await teams.leave(session, team, person.id):
            return Outcome.NOT_GRANTED
        key = await _log(session, clock, "team.leave", actor, compound, person, code=team.code)
        await _tell(session, clock, person, key, "role-team-left-notice",
                    team=team_label(team), compound=compound.name)
        await session.commit()
        return Outcome.DONE
    if role is Role.ADMIN and await _admins(session, compound.id) <= 1:
        return Outcome.LAST_ADMIN
    existing.revoked_at, existing.revoked_by = clock.now(), actor.id
    if role is Role.STEWARD:
        await teams.leave_all(session, compound.id, person.id)
    key = await _log(session, clock, "role.revoke", actor, compound, person, role=role.value)
    await _tell(session, clock, person, key, "role-revoked-notice",
                role=role_fragment(role), compound=compound.name)
    await session.commit()
    return Outcome.DONE


async def set_party_member(
    session: AsyncSession, clock: Clock, actor: Person, compound: Compound, person: Person,
    on: bool,
) -> Outcome:
    if person.party_member == on:
        return Outcome.ALREADY
    person.party_member = on
    if not on:
        person.show_badge = False
    key = await _log(session, clock, "party.mark", actor, compound, person, on=on)
    await _tell(session, clock, person, key,
                "role-party-marked-notice" if on else "role-party-unmarked-notice",
                compound=compound.name)
    await session.commit()
    return Outcome.DONE


async def set_badge(session: AsyncSession, person: Person, on: bool) -> Outcome:
    """亮身份 is the member's own choice, so it needs no permission and no notice."""
    if not person.party_member:
        return Outcome.NOT_GRANTED
    if person.show_badge == on:
        return Outcome.ALREADY
    person.show_badge = on
    await session.commit()
    return Outcome.DONE


async def holders(session: AsyncSession, compound_id: int) -> list[Holder]:
    rows = await session.execute(
        select(RoleGrant, Person, Building)
        .join(Person, Person.id == RoleGrant.person_id)
        .outerjoin(Building, Building.id == RoleGrant.building_id)
        .where(RoleGrant.compound_id == compound_id, RoleGrant.revoked_at.is_(None))
        .order_by(RoleGrant.granted_at, RoleGrant.id)
    )
    order = {r.value: i for i, r in enumerate(Role)}
    found = sorted(rows.all(), key=lambda t: order.get(t[0].role, len(order)))
    out = []
    for g, p, b in found:
        joined = await teams.teams_of_person(session, compound_id, p.id) \
            if g.role == Role.STEWARD.value else []
        out.append(Holder(g, p, b, joined))
    return out
