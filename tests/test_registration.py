"""Registration rules without Telegram: links, room lookup, claims, reviews, first decision wins."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.keyboards import paginated
from models.outbox import Outbox
from models.registry import LinkStatus, Relation, Residency
from models.roles import AuditEntry, Role
from services import registration as reg
from services import registration_places as places
from services.clock import FrozenClock
from services.place_names import place
from services.policy import Actor
from tests import factories as f


async def _outbox(session: AsyncSession) -> dict[str, Outbox]:
    rows = (await session.execute(select(Outbox).order_by(Outbox.id))).scalars()
    return {r.idem_key: r for r in rows}


class World:
    """A compound with two admins, an owners'-committee member, a steward and residents."""

    def __init__(self, session: AsyncSession, clock: FrozenClock) -> None:
        self.session, self.clock = session, clock

    async def build(self) -> World:
        s, c = self.session, self.clock
        self.reg = await f.compound(s, c, "Sunny Garden", buildings=2, entrances=2,
                                    rooms=["101", "102", "1203"])
        self.other = await f.compound(s, c, "Other Court")
        cid = self.reg.compound.id
        self.admin1 = await f.person(s, c, 501, "Admin One")
        self.admin2 = await f.person(s, c, 502, "Admin Two")
        self.committee = await f.person(s, c, 503, "Committee")
        self.steward = await f.person(s, c, 504, "Steward")
        self.alice = await f.person(s, c, 601, "Alice", locale="en")
        self.bob = await f.person(s, c, 602, "Bob", locale="zh-Hant")
        self.carol = await f.person(s, c, 603, "Carol")
        await f.grant(s, c, cid, self.admin1.id, Role.ADMIN)
        await f.grant(s, c, cid, self.admin2.id, Role.ADMIN)
        await f.grant(s, c, cid, self.committee.id, Role.OWNERS_COMMITTEE)
        await f.grant(s, c, cid, self.steward.id, Role.STEWARD)
        self.flat = await f.household(s, self.reg.entrance("1", "1"), "1203")
        await s.commit()
        return self


@pytest.fixture
async def w(session: AsyncSession, clock: FrozenClock) -> World:
    return await World(session, clock).build()


# ---- links and rooms -----------------------------------------------------------------------
def test_payload_round_trip_and_telegram_alphabet() -> None:
    payload = places.make_payload(9_223_372_036_854_775_807, 9_223_372_036_854_775_807)
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", payload)
    assert places.parse_payload(places.make_payload(12, None)) == places.LinkTarget(12, None)
    assert places.parse_payload("reg_12_34") == places.LinkTarget(12, 34)
    for bad in ("", None, "reg_12", "reg_x_1", "reg_1_2_3", "reg_-1_2", "xreg_1_2",
                "reg_" + "1" * 20 + "_0"):
        assert places.parse_payload(bad) is None, bad


async def test_links_to_missing_compounds_or_foreign_buildings_are_refused(w: World) -> None:
    s = w.session
    gone = await places.resolve_link(s, places.LinkTarget(99_999, None))
    assert gone == (None, None, places.LinkProblem.COMPOUND_GONE)
    foreign = w.other.buildings[0].id
    _, building, problem = await places.resolve_link(
        s, places.LinkTarget(w.reg.compound.id, foreign))
    assert (building, problem) == (None, places.LinkProblem.BUILDING_GONE)
    _, building, problem = await places.resolve_link(
        s, places.LinkTarget(w.reg.compound.id, w.reg.building("2").id))
    assert building is not None and building.name == "2" and problem is None


async def test_typed_rooms_are_found_forgivingly(w: World) -> None:
    entrance = w.reg.entrance("1", "1").id
    for typed in ("1203", " 1203 ", "1203室", "Room 1203", "#1203", "１２０３"):
        found = await places.find_room(w.session, entrance, typed)
        assert found is not None and found.id == w.flat.id, typed
    assert await places.find_room(w.session, entrance, "9999") is None
    assert await places.find_room(w.session, entrance, "室") is None


async def test_rooms_are_listed_in_natural_order(session: AsyncSession, clock: FrozenClock) -> None:
    reg_ = await f.compound(session, clock, rooms=["1001", "201", "101", "1101", "301"])
    rooms = await places.rooms_of(session, reg_.entrance("1", "1").id)
    assert [label for _, label in rooms] == ["101", "201", "301", "1001", "1101"]


def test_paginated_keyboard_keeps_pages_small() -> None:
    items = [(str(i), f"x:{i}") for i in range(60)]
    first = paginated(items, 0, lambda p: f"p:{p}", page_size=24, columns=4).inline_keyboard
    assert [len(r) for r in first] == [4] * 6 + [2]
    assert [(b.text, b.callback_data) for b in first[-1]] == [("1/3", "p:0"), ("▶", "p:1")]
    last = paginated(items, 99, lambda p: f"p:{p}", page_size=24, columns=4).inline_keyboard
    assert [b.text for b in last[-1]] == ["◀", "3/3"]
    assert sum(len(r) for r in last[:-1]) == 12
    single = paginated(items[:5], 0, lambda p: f"p:{p}", footer=[("ok", "k")]).inline_keyboard
    assert [[b.text for b in r] for r in single] == [["0", "1", "2", "3"], ["4"], ["ok"]]


# ---- claims --------------------------------------------------------------------------------
async def test_owner_claim_is_pending_and_cards_go_to_the_deciders(w: World) -> None:
    result = await reg.claim(w.session, w.clock, w.alice, w.reg.compound.id, w.flat.id, "owner")
    assert result.error is None and result.reviewers == 3 and not result.by_owner
    r = result.residency
    assert r is not None and (r.status, r.relation) == ("pending", "owner")
    out = await _outbox(w.session)
    cards = {k: v for k, v in out.items() if ":card:" in k}
    assert set(cards) == {reg.card_key(r.id, p.id) for p in (w.admin1, w.admin2, w.committee)}
    card = cards[reg.card_key(r.id, w.admin1.id)]
    assert card.chat_id == w.admin1.tg_id and card.text_key == "reg-card"
    assert card.args["who"] == "Alice"
    assert card.args["place"] == place(compound="Sunny Garden", building="1", entrance="1",
                                       room="1203")
    assert [b["cb"] for b in card.markup["rows"][0]] == [f"rsd:{r.id}:1", f"rsd:{r.id}:0"]
    audit = (await w.session.execute(select(AuditEntry))).scalars().all()
    assert [(a.action, a.actor_id) for a in audit] == [("residency.claim", w.alice.id)]


async def test_bad_claims_are_refused_and_change_nothing(w: World) -> None:
    s, cid = w.session, w.reg.compound.id
    assert (await reg.claim(s, w.clock, w.alice, cid, w.flat.id, "owner")).error is None
    cases = [
        (w.alice, cid, w.flat.id, "owner", reg.ClaimError.ALREADY_PENDING),
        (w.alice, cid, w.flat.id, "family", reg.ClaimError.ALREADY_PENDING),
        (w.bob, w.other.compound.id, w.flat.id, "tenant", reg.ClaimError.WRONG_COMPOUND),
        (w.bob, cid, 987_654, "tenant", reg.ClaimError.ROOM_GONE),
        (w.bob, cid, w.flat.id, "co_owner", reg.ClaimError.BAD_RELATION),
        (w.bob, cid, w.flat.id, "landlord", reg.ClaimError.BAD_RELATION),
    ]
    before = len(await _outbox(s))
    for person, compound_id, household_id, relation, error in cases:
        result = await reg.claim(s, w.clock, person, compound_id, household_id, relation)
        assert result.error == error, (person.first_name, relation)
    assert len(await _outbox(s)) == before
    count = len((await s.execute(select(Residency))).scalars().all())
    assert count == 1


async def test_the_database_refuses_a_second_owner_the_checks_missed(w: World) -> None:
    await f.residency(w.session, w.clock, w.alice.id, w.flat.id, "owner", LinkStatus.PENDING)
    assert await reg._insert(w.session, w.clock, w.bob.id, w.flat.id, "owner") is None
    assert await reg._insert(w.session, w.clock, w.alice.id, w.flat.id, "tenant") is None
    assert await reg._insert(w.session, w.clock, w.bob.id, w.flat.id, "tenant") is not None


async def test_a_second_owner_claim_is_filed_as_co_owner_and_reviewed_by_the_deciders(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, cid = w.session, w.reg.compound.id
    await f.residency(s, w.clock, w.alice.id, w.flat.id, "owner")
    await s.commit()
    result = await reg.claim(s, w.clock, w.bob, cid, w.flat.id, "owner")
    assert result.as_co_owner and not result.by_owner and result.reviewers == 3
    assert result.residency is not None and result.residency.relation == "co_owner"
    card = (await _outbox(s))[reg.card_key(result.residency.id, w.admin1.id)]
    assert card.args["relation"] == {"key": "reg-relation-co_owner", "args": {}}
    # The check missed the owner (a claim arriving at the same moment): the database's one
    # owner per home turns the claim into a co-owner's all the same.

    async def nobody(session: AsyncSession, household_id: int) -> None:
        return None

    monkeypatch.setattr(reg, "active_owner", nobody)
    late = await reg.claim(s, w.clock, w.carol, cid, w.flat.id, "owner")
    assert late.as_co_owner and late.residency is not None
    relations = (await s.execute(select(Residency.person_id, Residency.relation)
                                 .order_by(Residency.id))).all()
    assert [tuple(r) for r in relations] == [(w.alice.id, "owner"), (w.bob.id, "co_owner"),
                                             (w.carol.id, "co_owner")]


async def test_family_claim_goes_to_the_verified_owner(w: World) -> None:
    s, cid = w.session, w.reg.compound.id
    await f.residency(s, w.clock, w.alice.id, w.flat.id, "owner")
    await s.commit()
    result = await reg.claim(s, w.clock, w.bob, cid, w.flat.id, "family")
    assert result.by_owner and result.reviewers == 1
    r = result.residency
    assert r is not None
    cards = [k for k in await _outbox(s) if ":card:" in k]
    assert cards == [reg.card_key(r.id, w.alice.id)]
    decision = await reg.decide(s, w.clock, Actor(w.alice), r.id, True)
    assert decision.error is None and decision.residency.status == "verified"
    # Without a verified owner the compound's deciders review family claims.
    other_flat = await f.household(s, w.reg.entrance("2", "2"), "101")
    result = await reg.claim(s, w.clock, w.carol, cid, other_flat.id, "family")
    assert not result.by_owner and result.reviewers == 3


# ---- decisions -----------------------------------------------------------------------------
async def _deliver_cards(session: AsyncSession) -> None:
    """Pretend the sender delivered every card: give each a message id."""
    for i, row in enumerate((await _outbox(session)).values(), start=100):
        if ":card:" in row.idem_key:
            await session.execute(update(Outbox).where(Outbox.id == row.id)
                                  .values(status="sent", sent_message_id=i))
    await session.commit()


async def test_first_decision_wins_and_the_other_cards_are_closed(w: World) -> None:
    s = w.session
    r = (await reg.claim(s, w.clock, w.alice, w.reg.compound.id, w.flat.id, "owner")).residency
    assert r is not None
    await _deliver_cards(s)
    won = await reg.decide(s, w.clock, Actor(w.admin1), r.id, True)
    assert won.error is None and won.decider_name == "Admin One"
    assert won.card_args and won.card_args["by"] == "Admin One"
    late = await reg.decide(s, w.clock, Actor(w.admin2), r.id, False)
    assert late.error == reg.DecideError.ALREADY and late.decider_name == "Admin One"
    row = await s.get(Residency, r.id)
    assert row is not None
    await s.refresh(row)
    assert (row.status, row.decided_by) == ("verified", w.admin1.id)
    out = await _outbox(s)
    closed = {k: v for k, v in out.items() if k.endswith(":closed")}
    assert set(closed) == {reg.card_key(r.id, w.admin2.id) + ":closed",
                           reg.card_key(r.id, w.committee.id) + ":closed"}
    edit = closed[reg.card_key(r.id, w.admin2.id) + ":closed"]
    assert edit.method == "edit_message_text" and edit.chat_id == w.admin2.tg_id
    assert edit.target_message_id == out[reg.card_key(r.id, w.admin2.id)].sent_message_id
    outcome = out[f"residency:{r.id}:outcome"]
    assert (outcome.chat_id, outcome.text_key, outcome.locale) == (601, "reg-outcome-verified",
                                                                   None)
    actions = (await s.execute(select(AuditEntry.action).order_by(AuditEntry.id))).scalars()
    assert list(actions) == ["residency.claim", "residency.approve"]


async def test_only_deciders_may_decide_and_never_their_own_claim(w: World) -> None:
    s, cid = w.session, w.reg.compound.id
    r = (await reg.claim(s, w.clock, w.alice, cid, w.flat.id, "owner")).residency
    assert r is not None
    for who in (w.steward, w.bob):
        assert (await reg.decide(s, w.clock, Actor(who), r.id, True)).error == \
            reg.DecideError.NOT_ALLOWED
    mine = (await reg.claim(s, w.clock, w.admin1, cid, w.flat.id, "tenant")).residency
    assert mine is not None
    assert (await reg.decide(s, w.clock, Actor(w.admin1), mine.id, True)).error == \
        reg.DecideError.OWN_CLAIM
    assert (await reg.decide(s, w.clock, Actor(w.admin1), 424_242, True)).error == \
        reg.DecideError.GONE
    assert (await reg.decide(s, w.clock, Actor(w.steward, superadmin=True), r.id, False)
            ).error is None
    statuses = (await s.execute(select(Residency.status).order_by(Residency.id))).scalars()
    assert list(statuses) == ["rejected", "pending"]


async def test_after_a_rejection_the_household_can_be_claimed_again(w: World) -> None:
    s, cid = w.session, w.reg.compound.id
    r = (await reg.claim(s, w.clock, w.alice, cid, w.flat.id, "owner")).residency
    assert r is not None
    assert (await reg.decide(s, w.clock, Actor(w.committee), r.id, False)).error is None
    out = await _outbox(s)
    assert out[f"residency:{r.id}:outcome"].text_key == "reg-outcome-rejected"
    again = await reg.claim(s, w.clock, w.bob, cid, w.flat.id, "owner")
    assert again.error is None
    homes = await reg.my_homes(s, w.bob.id)
    assert [(h.relation, h.status, p.room) for h, p in homes] == [("owner", "pending", "1203")]
    assert await reg.my_homes(s, w.alice.id) == []


async def test_claims_of_one_person_on_several_homes_are_listed(w: World) -> None:
    s, cid = w.session, w.reg.compound.id
    second = await f.household(s, w.reg.entrance("2", "1"), "101")
    await reg.claim(s, w.clock, w.carol, cid, w.flat.id, Relation.TENANT)
    r = (await reg.claim(s, w.clock, w.carol, cid, second.id, Relation.OWNER)).residency
    assert r is not None
    await reg.decide(s, w.clock, Actor(w.admin2), r.id, True)
    homes = await reg.my_homes(s, w.carol.id)
    assert [(p.building, p.room, h.relation, h.status) for h, p in homes] == [
        ("1", "1203", "tenant", "pending"), ("2", "101", "owner", "verified")]


async def test_the_register_message_is_remembered(w: World) -> None:
    binding = await f.bind_group(w.session, w.clock, -100123, w.reg.compound.id)
    assert await reg.remember_register_message(w.session, binding, 10) is None
    assert await reg.remember_register_message(w.session, binding, 11) == 10
    assert binding.register_message_id == 11
