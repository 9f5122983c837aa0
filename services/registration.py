"""Resident registration: claims on a household and their review.

A home has one owner (its buyer, for an assembly's headcount); a further owner claim on it
is filed as a co-owner claim. Owner, co-owner and tenant claims are reviewed by the people
allowed RESIDENCY_DECIDE in the compound; a family claim by the household's verified owner
when there is one. Reviewers get a card with Approve/Reject through the outbox; the first
decision wins and the other cards are edited to say who decided.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from models.outbox import Outbox
from models.person import Person
from models.registry import ChatBinding, Household, LinkStatus, Relation, Residency
from models.roles import RoleGrant
from services import audit, register_check
from services.clock import Clock
from services.outbox import Button, Notice, enqueue, fragment
from services.policy import POLICY, Action, Actor, can
from services.registration_places import Place, place_of, places
from services.upsert import insert_for

CLAIMABLE = (Relation.OWNER, Relation.TENANT, Relation.FAMILY)
ACTIVE = (LinkStatus.PENDING.value, LinkStatus.VERIFIED.value)
# Callback prefix of the review buttons; the handler's CallbackData uses the same one.
DECISION_PREFIX = "rsd"


class ClaimError(enum.StrEnum):
    BAD_RELATION = "bad_relation"
    ROOM_GONE = "room_gone"
    WRONG_COMPOUND = "wrong_compound"
    ALREADY_PENDING = "already_pending"
    ALREADY_VERIFIED = "already_verified"
    OWNER_TAKEN = "owner_taken"


class DecideError(enum.StrEnum):
    GONE = "gone"
    NOT_ALLOWED = "not_allowed"
    OWN_CLAIM = "own_claim"
    ALREADY = "already"


@dataclass(frozen=True)
class ClaimResult:
    residency: Residency | None = None
    error: ClaimError | None = None
    reviewers: int = 0
    by_owner: bool = False
    # An owner claim on a home that already has an owner (pending or verified) is filed as
    # a co-owner claim, reviewed the same way; the claimant is told so.
    as_co_owner: bool = False


@dataclass(frozen=True)
class Decision:
    residency: Residency | None = None
    error: DecideError | None = None
    decider_name: str | None = None
    # The closed card (key and arguments) to show the person who pressed the button.
    card_key: str = "reg-card-closed"
    card_args: dict[str, Any] | None = None


def card_key(residency_id: int, person_id: int) -> str:
    return f"residency:{residency_id}:card:{person_id}"


# ---- claims --------------------------------------------------------------------------------
async def active_link(session: AsyncSession, person_id: int, household_id: int) -> Residency | None:
    return (await session.execute(
        select(Residency).where(Residency.person_id == person_id,
                                Residency.household_id == household_id,
                                Residency.status.in_(ACTIVE))
    )).scalars().first()


async def active_owner(session: AsyncSession, household_id: int) -> Residency | None:
    return (await session.execute(
        select(Residency).where(Residency.household_id == household_id,
                                Residency.relation == Relation.OWNER.value,
                                Residency.status.in_(ACTIVE))
    )).scalars().first()


async def _refusal(
    session: AsyncSession, person_id: int, household_id: int, relation: str
) -> ClaimError | None:
    mine = await active_link(session, person_id, household_id)
    if mine is not None:
        return (ClaimError.ALREADY_VERIFIED if mine.status == LinkStatus.VERIFIED
                else ClaimError.ALREADY_PENDING)
    return None


async def _insert(
    session: AsyncSession, clock: Clock, person_id: int, household_id: int, relation: str
) -> int | None:
    """Insert unless a partial unique index says no (a race the checks could not see)."""
    insert = insert_for(session)
    stmt = insert(Residency).values(
        person_id=person_id, household_id=household_id, relation=relation,
        status=LinkStatus.PENDING.value, created_at=clock.now(),
    ).on_conflict_do_nothing()
    return (await session.execute(stmt.returning(Residency.id))).scalar_one_or_none()


async def claim(
    session: AsyncSession, clock: Clock, person: Person, compound_id: int, household_id: int,
    relation: str,
) -> ClaimResult:
    """Ask to be linked to a household; commits. Refusals change nothing."""
    if relation not in CLAIMABLE:
        return ClaimResult(error=ClaimError.BAD_RELATION)
    household = await session.get(Household, household_id)
    if household is None:
        return ClaimResult(error=ClaimError.ROOM_GONE)
    if household.compound_id != compound_id:
        return ClaimResult(error=ClaimError.WRONG_COMPOUND)
    if refusal := await _refusal(session, person.id, household.id, relation):
        return ClaimResult(error=refusal)
    if relation == Relation.OWNER and await active_owner(session, household.id) is not None:
        relation = Relation.CO_OWNER.value
    try:
        new_id = await _insert(session, clock, person.id, household.id, relation)
        if new_id is None and relation == Relation.OWNER:
            # Another owner claim won the race for the one owner (a partial unique index).
            relation = Relation.CO_OWNER.value
            new_id = await _insert(session, clock, person.id, household.id, relation)
    except IntegrityError:  # the household vanished between the check and the insert
        await session.rollback()
        return ClaimResult(error=ClaimError.ROOM_GONE)
    if new_id is None:
        refusal = await _refusal(session, person.id, household.id, relation)
        return ClaimResult(error=refusal or ClaimError.ALREADY_PENDING)
    residency = await session.get(Residency, new_id)
    assert residency is not None
    reviewers, by_owner = await reviewers_for(session, residency, household)
    args = await _card_args(session, residency, person)
    for reviewer in reviewers:
        await enqueue(session, clock, _card(residency, reviewer, args))
    audit.record(session, clock, "residency.claim", actor_id=person.id,
                 compound_id=household.compound_id, subject_id=person.id,
                 residency_id=residency.id, household_id=household.id, relation=relation)
    await session.commit()
    return ClaimResult(residency=residency, reviewers=len(reviewers), by_owner=by_owner,
                       as_co_owner=relation == Relation.CO_OWNER)


async def deciders_of(session: AsyncSession, compound_id: int) -> list[Person]:
    """Everyone holding a role that POLICY allows to decide residency claims here."""
    roles = [r.value for r in POLICY[Action.RESIDENCY_DECIDE]]
    rows = await session.execute(
        select(Person).join(RoleGrant, RoleGrant.person_id == Person.id)
        .where(RoleGrant.compound_id == compound_id, RoleGrant.revoked_at.is_(None),
               RoleGrant.role.in_(roles), Person.tg_id.is_not(None))
        .distinct().order_by(Person.id)
    )
    return list(rows.scalars())


async def verified_owner(session: AsyncSession, household_id: int) -> Person | None:
    return (await session.execute(
        select(Person).join(Residency, Residency.person_id == Person.id)
        .where(Residency.household_id == household_id,
               Residency.relation == Relation.OWNER.value,
               Residency.status == LinkStatus.VERIFIED.value)
    )).scalars().first()


async def reviewers_for(
    session: AsyncSession, residency: Residency, household: Household
) -> tuple[list[Person], bool]:
    """Who reviews this claim, and whether that is the household's own owner."""
    if residency.relation == Relation.FAMILY:
        owner = await verified_owner(session, household.id)
        if owner is not None and owner.tg_id is not None:
            return [owner], True
    deciders = await deciders_of(session, household.compound_id)
    return [p for p in deciders if p.id != residency.person_id], False


async def _card_args(session: AsyncSession, residency: Residency, claimant: Person) -> dict:
    place = await place_of(session, residency.household_id)
    household = await session.get(Household, residency.household_id)
    assert place is not None and household is not None
    who = claimant.display_name + (f" @{claimant.username}" if claimant.username else "")
    return {"who": who, "relation": fragment(f"reg-relation-{residency.relation}"),
            "place": place.piece(),
            **register_check.card_args(household, claimant, residency.relation)}


def _card(residency: Residency, reviewer: Person, args: dict[str, Any]) -> Notice:
    assert reviewer.tg_id is not None
    return Notice(
        key=card_key(residency.id, reviewer.id), chat_id=reviewer.tg_id, text_key="reg-card",
        args=args,
        buttons=[[Button("reg-card-approve", (DECISION_PREFIX, residency.id, 1)),
                  Button("reg-card-reject", (DECISION_PREFIX, residency.id, 0))]],
    )


# ---- decisions -----------------------------------------------------------------------------
async def may_decide(
    session: AsyncSession, actor: Actor, residency: Residency, household: Household
) -> bool:
    if residency.relation == Relation.FAMILY:
        owner = await verified_owner(session, household.id)
        if owner is not None and owner.id == actor.person.id:
            return True
    return await can(session, actor, Action.RESIDENCY_DECIDE, household.compound_id)


def _closed_args(args: dict[str, Any], status: str, by: str) -> dict[str, Any]:
    return {"card": fragment("reg-card", **args), "outcome": fragment(f"reg-status-{status}"),
            "by": by}


async def decide(
    session: AsyncSession, clock: Clock, actor: Actor, residency_id: int, approve: bool
) -> Decision:
    """Approve or reject a pending claim; the first decision wins. Commits."""
    residency = await session.get(Residency, residency_id)
    if residency is None:
        return Decision(error=DecideError.GONE)
    household = await session.get(Household, residency.household_id)
    if household is None:
        return Decision(error=DecideError.GONE)
    if residency.status != LinkStatus.PENDING:
        return await _already(session, residency)
    if not await may_decide(session, actor, residency, household):
        return Decision(residency=residency, error=DecideError.NOT_ALLOWED)
    if residency.person_id == actor.person.id and not actor.superadmin:
        return Decision(residency=residency, error=DecideError.OWN_CLAIM)
    status = LinkStatus.VERIFIED.value if approve else LinkStatus.REJECTED.value
    won = await session.execute(
        update(Residency)
        .where(Residency.id == residency.id, Residency.status == LinkStatus.PENDING.value)
        .values(status=status, decided_at=clock.now(), decided_by=actor.person.id)
        .execution_options(synchronize_session=False)
    )
    if won.rowcount == 0:  # someone else decided a moment ago; nothing was written
        await session.refresh(residency)
        return await _already(session, residency)
    await session.refresh(residency)
    claimant = await session.get(Person, residency.person_id)
    assert claimant is not None
    args = await _card_args(session, residency, claimant)
    by = actor.person.display_name
    audit.record(session, clock, f"residency.{'approve' if approve else 'reject'}",
                 actor_id=actor.person.id, compound_id=household.compound_id,
                 subject_id=claimant.id, residency_id=residency.id, household_id=household.id,
                 relation=residency.relation)
    await _tell_claimant(session, clock, residency, claimant, args)
    await _close_other_cards(session, clock, residency, actor.person.id,
                             _closed_args(args, status, by))
    await session.commit()
    return Decision(residency=residency, decider_name=by,
                    card_args=_closed_args(args, status, by))


async def _already(session: AsyncSession, residency: Residency) -> Decision:
    decider = None
    if residency.decided_by is not None:
        decider = await session.get(Person, residency.decided_by)
    by = decider.display_name if decider else "—"
    claimant = await session.get(Person, residency.person_id)
    assert claimant is not None
    args = await _card_args(session, residency, claimant)
    return Decision(residency=residency, error=DecideError.ALREADY, decider_name=by,
                    card_args=_closed_args(args, residency.status, by))


async def _tell_claimant(
    session: AsyncSession, clock: Clock, residency: Residency, claimant: Person,
    args: dict[str, Any],
) -> None:
    if claimant.tg_id is None:
        return
    # No locale given: the sender renders it in the claimant's own language.
    await enqueue(session, clock, Notice(
        key=f"residency:{residency.id}:outcome", chat_id=claimant.tg_id,
        text_key=f"reg-outcome-{residency.status}",
        args={"place": args["place"], "relation": args["relation"]},
    ))


async def _close_other_cards(
    session: AsyncSession, clock: Clock, residency: Residency, decider_id: int,
    closed: dict[str, Any],
) -> None:
    """Edit every delivered card but the decider's own (the handler edits that one)."""
    prefix = f"residency:{residency.id}:card:"
    rows = await session.execute(
        select(Outbox.idem_key, Outbox.chat_id, Outbox.sent_message_id)
        .where(Outbox.idem_key.like(prefix + "%"))
    )
    for key, chat_id, message_id in rows:
        owner_id = key.removeprefix(prefix)
        if not owner_id.isdigit() or int(owner_id) == decider_id or message_id is None:
            continue  # an undelivered card answers "already decided" when pressed
        await enqueue(session, clock, Notice(
            key=f"{key}:closed", chat_id=chat_id, text_key="reg-card-closed", args=closed,
            method="edit_message_text", target_message_id=message_id,
        ))


# ---- reading -------------------------------------------------------------------------------
async def my_homes(
    session: AsyncSession, person_id: int
) -> list[tuple[Residency, Place]]:
    rows = await session.execute(
        select(Residency).where(Residency.person_id == person_id, Residency.status.in_(ACTIVE))
        .order_by(Residency.created_at, Residency.id)
    )
    links = list(rows.scalars())
    where = await places(session, [r.household_id for r in links])
    return [(r, where[r.household_id]) for r in links if r.household_id in where]


async def remember_register_message(
    session: AsyncSession, binding: ChatBinding, message_id: int
) -> int | None:
    """Store the group's new register message; returns the one it replaces. Commits."""
    old = binding.register_message_id
    binding.register_message_id = message_id
    await session.commit()
    return old if old != message_id else None
