"""Services of compounds, roles and teams, without Telegram."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.chat import Chat
from models.outbox import Outbox
from models.person import Person
from models.registry import Building, ChatBinding, Compound
from models.roles import AuditEntry, Role, RoleGrant, Team, TeamMember
from services import people, roles, teams
from services import setup as setup_service
from services.clock import FrozenClock
from services.setup import Purpose, SetupError


async def person(session: AsyncSession, clock: FrozenClock, tg_id: int, name: str,
                 username: str | None = None, locale: str = "zh-Hans") -> Person:
    now = clock.now()
    row = Person(tg_id=tg_id, first_name=name, username=username, locale=locale,
                 created_at=now, seen_at=now)
    session.add(row)
    await session.flush()
    return row


async def world(session: AsyncSession, clock: FrozenClock) -> tuple[Person, Person, Compound]:
    admin = await person(session, clock, 11, "Ada", "ada_admin", "en")
    other = await person(session, clock, 22, "Rui", "Rui_W", "zh-Hant")
    compound = await setup_service.create_compound(session, clock, admin, "Garden", "UTC")
    for name in ("1号楼", "2", "10"):
        session.add(Building(compound_id=compound.id, name=name, sort_key=name))
    await session.commit()
    return admin, other, compound


@pytest.mark.parametrize("typed, role", [
    ("admin", Role.ADMIN), ("管理员", Role.ADMIN), ("管理員", Role.ADMIN),
    ("Steward", Role.STEWARD), ("红管家", Role.STEWARD), ("紅管家", Role.STEWARD),
    ("building-leader", Role.BUILDING_LEADER), ("楼栋长", Role.BUILDING_LEADER),
    ("樓棟長", Role.BUILDING_LEADER), ("网格员", Role.GRID_WORKER), ("聯戶長", Role.LIAISON_HEAD),
    ("业委会", Role.OWNERS_COMMITTEE), ("黨支部", Role.PARTY_BRANCH), ("merchant", Role.MERCHANT),
])
def test_role_names_in_every_language(typed: str, role: Role) -> None:
    assert roles.parse_role(typed) is role


def test_every_role_has_an_alias_and_unknown_words_are_none() -> None:
    assert set(roles.ROLE_ALIASES.values()) == set(Role)
    assert roles.parse_role("boss") is None
    assert roles.parse_role("") is None


async def test_a_new_compound_has_teams_an_admin_and_the_creators_language(
    session: AsyncSession, clock: FrozenClock
) -> None:
    admin, _, compound = await world(session, clock)
    assert compound.locale == "en"
    assert [t.code for t in await teams.teams_of(session, compound.id)] == list(teams.DEFAULT_TEAMS)
    assert await roles.all_roles(session, admin.id) == {Role.ADMIN}
    with pytest.raises(SetupError, match="exists"):
        await setup_service.create_compound(session, clock, admin, " garden ", "UTC")
    with pytest.raises(SetupError, match="bad_name"):
        await setup_service.create_compound(session, clock, admin, "   ", "UTC")


async def test_people_and_buildings_are_found_as_typed(
    session: AsyncSession, clock: FrozenClock
) -> None:
    _, rui, compound = await world(session, clock)
    assert await roles.find_person(session, "@rui_w") is rui
    assert await roles.find_person(session, "22") is rui
    assert await roles.find_person(session, "rui_w") is None  # a bare word is not a username
    assert await roles.find_person(session, "@nobody") is None
    for typed, name in (("1", "1号楼"), ("1号楼", "1号楼"), ("2棟", "2"), ("10#", "10")):
        found = await roles.find_building(session, compound.id, typed)
        assert found is not None and found.name == name, typed
    assert await roles.find_building(session, compound.id, "3") is None
    for typed in ("维修", "維修隊", "维修队", "Repairs team", "repairs", "REPAIR"):
        team = await teams.find(session, compound.id, typed)
        assert team is not None and team.code == "repairs", typed
    assert await teams.find(session, compound.id, "队") is None


async def test_grant_and_revoke_are_audited_and_told_once(
    session: AsyncSession, clock: FrozenClock
) -> None:
    admin, rui, compound = await world(session, clock)
    repairs = await teams.find(session, compound.id, "维修")
    assert repairs is not None and repairs.code == "repairs"
    assert await roles.grant(session, clock, admin, compound, rui, Role.STEWARD,
                             team=repairs) is roles.Outcome.DONE
    assert await roles.grant(session, clock, admin, compound, rui,
                             Role.STEWARD) is roles.Outcome.ALREADY
    cleaning = await teams.find(session, compound.id, "cleaning")
    assert cleaning is not None
    assert await roles.grant(session, clock, admin, compound, rui, Role.STEWARD,
                             team=cleaning) is roles.Outcome.DONE  # joins a second team
    assert [t.code for t in await teams.teams_of_person(session, compound.id, rui.id)] == [
        "repairs", "cleaning"]
    assert await roles.revoke(session, clock, admin, compound, rui, Role.STEWARD,
                              team=repairs) is roles.Outcome.DONE
    assert await roles.revoke(session, clock, admin, compound, rui,
                              Role.STEWARD) is roles.Outcome.DONE
    assert (await session.execute(select(TeamMember))).first() is None
    assert await roles.revoke(session, clock, admin, compound, rui,
                              Role.STEWARD) is roles.Outcome.NOT_GRANTED
    actions = (await session.execute(select(AuditEntry.action).where(
        AuditEntry.subject_id == rui.id).order_by(AuditEntry.id))).scalars().all()
    assert actions == ["role.grant", "team.join", "team.leave", "role.revoke"]
    notices = (await session.execute(select(Outbox.text_key, Outbox.chat_id)
                                     .order_by(Outbox.id))).all()
    assert notices == [("role-granted-notice", 22), ("role-team-joined-notice", 22),
                       ("role-team-left-notice", 22), ("role-revoked-notice", 22)]


async def test_the_last_admin_stays(session: AsyncSession, clock: FrozenClock) -> None:
    admin, rui, compound = await world(session, clock)
    assert await roles.revoke(session, clock, admin, compound, admin,
                              Role.ADMIN) is roles.Outcome.LAST_ADMIN
    await roles.grant(session, clock, admin, compound, rui, Role.ADMIN)
    assert await roles.revoke(session, clock, rui, compound, admin,
                              Role.ADMIN) is roles.Outcome.DONE
    assert await roles.all_roles(session, admin.id) == set()


async def test_party_membership_and_the_badge(session: AsyncSession, clock: FrozenClock) -> None:
    admin, rui, compound = await world(session, clock)
    assert await roles.set_badge(session, rui, True) is roles.Outcome.NOT_GRANTED
    assert await roles.set_party_member(session, clock, admin, compound, rui,
                                        True) is roles.Outcome.DONE
    assert await roles.set_party_member(session, clock, admin, compound, rui,
                                        True) is roles.Outcome.ALREADY
    assert await roles.set_badge(session, rui, True) is roles.Outcome.DONE
    assert await roles.set_badge(session, rui, True) is roles.Outcome.ALREADY
    await roles.set_party_member(session, clock, admin, compound, rui, False)
    assert (rui.party_member, rui.show_badge) == (False, False)


async def test_team_changes(session: AsyncSession, clock: FrozenClock) -> None:
    admin, _, compound = await world(session, clock)
    add = teams.add
    assert await add(session, clock, admin.id, compound.id, "Parking", "Car park") is \
        teams.TeamChange.DONE
    assert await add(session, clock, admin.id, compound.id, "parking", "x") is \
        teams.TeamChange.EXISTS
    assert await add(session, clock, admin.id, compound.id, "停车", "x") is \
        teams.TeamChange.BAD_CODE
    assert await add(session, clock, admin.id, compound.id, "lift", "x" * 65) is \
        teams.TeamChange.BAD_NAME
    team = await teams.find(session, compound.id, "car park")
    assert team is not None and team.code == "parking"
    assert await teams.rename(session, clock, admin.id, team, "Parking") is teams.TeamChange.DONE
    assert await teams.toggle_round_robin(session, clock, admin.id, team) is True
    assert await teams.toggle_round_robin(session, clock, admin.id, team) is False
    assert (await session.get(Team, team.id)).name == "Parking"  # type: ignore[union-attr]


async def test_binding_checks_its_target_and_unbinding_forgets_it(
    session: AsyncSession, clock: FrozenClock
) -> None:
    admin, _, compound = await world(session, clock)
    elsewhere = await setup_service.create_compound(session, clock, admin, "Elsewhere", "UTC")
    foreign = Building(compound_id=elsewhere.id, name="9", sort_key="9")
    session.add(foreign)
    await people.note_chat(session, clock, -5, "supergroup", "G")
    with pytest.raises(SetupError):
        await setup_service.bind_chat(session, clock, admin, -5, compound.id, Purpose.BUILDING,
                                      foreign.id)
    assert await session.get(ChatBinding, -5) is None
    team = await teams.find(session, compound.id, "safety")
    assert team is not None
    bound = await setup_service.bind_chat(session, clock, admin, -5, compound.id, Purpose.TEAM,
                                          team.id)
    assert (bound.purpose, bound.team_id) == ("team", team.id)
    assert (await session.get(Chat, -5)).locale == "en"  # type: ignore[union-attr]
    await setup_service.unbind_chat(session, clock, -5, admin.id)
    assert await session.get(ChatBinding, -5) is None
    assert (await session.get(Chat, -5)).unreachable_at is not None  # type: ignore[union-attr]
    grants = (await session.execute(select(RoleGrant))).scalars().all()
    assert {g.role for g in grants} == {"admin"}
