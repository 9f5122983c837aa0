"""Creating and calling off activities, where cards go, and the compound's earning rules."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import ActivityCard, Audience, Requirement
from models.outbox import Outbox
from models.points import RuleBasis
from models.registry import Compound
from models.roles import Role
from services.activities import earning, setup, signups
from services.activities.errors import ActivityError
from services.clock import FrozenClock
from services.policy import Actor
from tests.points import factories as f
from tests.points.checks import revive


def draft(home: Compound, clock: FrozenClock, **changes: object) -> setup.Draft:
    start = clock.now() + timedelta(days=1)
    values: dict[str, object] = {
        "compound_id": home.id, "title": "Tidy-up", "place": "Gate", "starts_at": start,
        "ends_at": start + timedelta(hours=2), "capacity": 5,
        "signup_deadline": start, "cancel_cutoff": start - timedelta(hours=2), "points": 2}
    values.update(changes)
    return setup.Draft(**values)  # type: ignore[arg-type]


async def test_cards_go_to_the_audiences_groups(session: AsyncSession, clock: FrozenClock) -> None:
    home = await f.compound(session, clock)
    boss = await f.person(session, clock, "Boss")
    await f.grant(session, clock, home, boss, Role.ORGANIZER)
    three, five = await f.building(session, home, "3"), await f.building(session, home, "5")
    crew = await f.team(session, clock, home, "leifeng")
    await f.bind_group(session, clock, home, -1, "compound")
    await f.bind_group(session, clock, home, -3, "building", building_id=three.id)
    await f.bind_group(session, clock, home, -5, "building", building_id=five.id)
    await f.bind_group(session, clock, home, -7, "team", team_id=crew.id)
    await f.bind_group(session, clock, home, -9, "party_branch")
    await session.commit()
    cases = [
        ({}, [-5, -3, -1]),
        ({"audience": Audience.BUILDINGS, "building_ids": (three.id,)}, [-3]),
        ({"audience": Audience.TEAM, "team_id": crew.id}, [-7]),
        ({"requirement": Requirement.PARTY_MEMBER}, [-9, -5, -3, -1]),
    ]
    for changes, chats in cases:
        activity, groups = await setup.create(session, clock, draft(home, clock, **changes),
                                              Actor(boss))
        rows = await session.execute(select(ActivityCard.chat_id)
                                     .where(ActivityCard.activity_id == activity.id))
        assert sorted(rows.scalars()) == sorted(chats) and groups == len(chats)
    cards = await session.execute(select(Outbox.text_key).where(Outbox.idem_key.like("act:%")))
    assert set(cards.scalars()) == {"act-card"}


async def test_only_organizers_create_and_drafts_are_checked(
    session: AsyncSession, clock: FrozenClock
) -> None:
    home = await f.compound(session, clock)
    other = await f.compound(session, clock, "Other")
    stranger_team = await f.team(session, clock, other, "x")
    boss = await f.person(session, clock, "Boss")
    nobody = await f.person(session, clock, "Nobody")
    await f.grant(session, clock, home, boss, Role.ORGANIZER)
    await session.commit()
    now = clock.now()
    bad = {
        "title": {"title": " "}, "start-past": {"starts_at": now - timedelta(hours=1)},
        "end-before-start": {"ends_at": now + timedelta(hours=1)},
        "too-long-event": {"ends_at": now + timedelta(days=3)}, "capacity": {"capacity": 0},
        "deadline-range": {"signup_deadline": now + timedelta(days=2)},
        "points": {"points": 201}, "audience": {"audience": Audience.TEAM,
                                                "team_id": stranger_team.id},
    }
    for code, changes in bad.items():
        with pytest.raises(ActivityError) as refused:
            await setup.create(session, clock, draft(home, clock, **changes), Actor(boss))
        assert refused.value.code == code
        await revive(session)
    with pytest.raises(ActivityError, match="not-allowed"):
        await setup.create(session, clock, draft(home, clock), Actor(nobody))


async def test_calling_off_tells_everyone_signed_up(
    session: AsyncSession, clock: FrozenClock
) -> None:
    home = await f.compound(session, clock)
    boss = await f.person(session, clock, "Boss")
    await f.grant(session, clock, home, boss, Role.ORGANIZER)
    ann = await f.person(session, clock, "Ann")
    await f.resident(session, clock, home, ann)
    await session.commit()
    activity, _ = await setup.create(session, clock, draft(home, clock), Actor(boss))
    await signups.sign_up(session, clock, activity.id, ann)
    with pytest.raises(ActivityError, match="not-organizer"):
        await setup.call_off(session, clock, activity.id, Actor(ann))
    await revive(session)
    await setup.call_off(session, clock, activity.id, Actor(boss))
    told = await session.execute(select(Outbox.chat_id, Outbox.text_key)
                                 .where(Outbox.text_key == "act-note-called-off"))
    assert told.all() == [(ann.tg_id, "act-note-called-off")]
    with pytest.raises(ActivityError, match="cancelled"):
        await signups.sign_up(session, clock, activity.id, ann)


async def test_rules_per_kind_per_hour_and_settings(
    session: AsyncSession, clock: FrozenClock
) -> None:
    home = await f.compound(session, clock)
    admin = await f.person(session, clock, "Admin")
    await session.commit()
    visit = await earning.set_rule(session, clock, home.id, admin.id, code="eldercare",
                                   basis="attend", points=2, name="Elderly care")
    sweep = await earning.set_rule(session, clock, home.id, admin.id, code="Cleanup",
                                   basis="hour", points=1, name="Cleaning")
    start = clock.now()
    assert earning.points_for(visit, start, start + timedelta(hours=3)) == 2
    assert earning.points_for(sweep, start, start + timedelta(hours=2, minutes=30)) == 3
    assert earning.points_for(sweep, start, start + timedelta(minutes=10)) == 1
    assert [r.code for r in await earning.rules(session, home.id, (RuleBasis.HOUR,))] == ["cleanup"]
    bad = [("Bad Code", "attend", 2, "x", "rule-code"), ("ok", "weekly", 2, "x", "rule-basis"),
           ("ok", "attend", 0, "x", "rule-points"), ("ok", "attend", 2, " ", "rule-name")]
    for code, basis, points, name, error in bad:
        with pytest.raises(ActivityError, match=error):
            await earning.set_rule(session, clock, home.id, admin.id, code=code, basis=basis,
                                   points=points, name=name)
    await earning.disable_rule(session, clock, home.id, admin.id, "eldercare")
    assert [r.code for r in await earning.rules(session, home.id)] == ["cleanup"]
    assert (await earning.settings_for(session, home.id)).noshow_limit == 3
    await earning.update_setting(session, clock, home.id, admin.id, "noshow_limit", 5)
    assert (await earning.settings_for(session, home.id)).noshow_limit == 5
    with pytest.raises(ActivityError, match="setting-range"):
        await earning.update_setting(session, clock, home.id, admin.id, "voucher_days", 0)
