"""The emergency / small-repair procedure (小额维修金): two sides approve, with reasons.

The council side (owners' committee or party branch) proposes an amount from a protected
fund and why; the community office approves it with a button. Only then is there an
approval that spending can cite, carrying both people (a CHECK holds them different) and
the proposal it answers (a unique index: approved once, however often it is pressed).
A refusal is final for that proposal. Every step is audited and told through the outbox.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import PROTECTED, AccountKind, FundApproval
from models.person import Person
from models.registry import Compound
from models.roles import AuditEntry, Role
from services import audit
from services.accounts import cards, ledger, views
from services.accounts.errors import AccountsError
from services.accounts.money import yuan
from services.clock import Clock
from services.outbox import Button, Notice, enqueue, fragment
from services.policy import Action, Actor, can
from services.tickets.holes import role_holders

PROPOSE, REFUSE = "acct.emergency.propose", "acct.emergency.refuse"
PREFIX = "acp"  # handlers.accounts.callbacks.EmergencyCb


async def _office_chats(session: AsyncSession, compound_id: int) -> list[int]:
    return (await views.bound_chats(session, compound_id, "community_office")
            or await role_holders(session, compound_id, Role.COMMUNITY_OFFICER))


async def propose(session: AsyncSession, clock: Clock, actor: Actor, compound: Compound,
                  kind: AccountKind, amount: int, reason: str) -> int:
    """The council side asks the community office; returns the proposal's number."""
    if not await can(session, actor, Action.ACCOUNTS_EMERGENCY_PROPOSE, compound.id):
        raise AccountsError("acct-err-not-proposer")
    if kind not in PROTECTED:
        raise AccountsError("acct-err-basis-mismatch")
    limit = await ledger.ceiling(session, compound.id)
    if amount > limit:
        raise AccountsError("acct-money-ceiling", ceiling=yuan(limit))
    row = audit.record(session, clock, PROPOSE, actor_id=actor.person.id,
                       compound_id=compound.id, kind=kind.value, amount=amount, reason=reason)
    await session.flush()
    for chat in await _office_chats(session, compound.id):
        if chat == actor.person.tg_id:
            continue
        await enqueue(session, clock, Notice(
            key=f"acct:emergency:{row.id}:{chat}", chat_id=chat, text_key="acct-em-card",
            args={"compound": compound.name, "id": str(row.id), "kind": cards.kind_label(kind),
                  "amount": yuan(amount), "reason": reason,
                  "proposer": cards.name_of(actor.person)},
            buttons=[[Button("acct-btn-approve", (PREFIX, "ok", row.id)),
                      Button("acct-btn-refuse", (PREFIX, "no", row.id))]],
        ))
    await session.commit()
    return row.id


async def _refused(session: AsyncSession, proposal: AuditEntry) -> bool:
    rows = await session.execute(select(AuditEntry.detail).where(
        AuditEntry.compound_id == proposal.compound_id, AuditEntry.action == REFUSE))
    return any(detail.get("proposal") == proposal.id for (detail,) in rows.all())


async def decide(session: AsyncSession, clock: Clock, actor: Actor | None, proposal_id: int,
                 approve: bool) -> FundApproval | None:
    """The community office approves (an approval exists from now on) or refuses."""
    proposal = await session.get(AuditEntry, proposal_id)
    if proposal is None or proposal.action != PROPOSE or proposal.compound_id is None:
        raise AccountsError("acct-em-gone")
    if actor is not None and actor.person.id == proposal.actor_id:
        raise AccountsError("acct-err-own-proposal")
    if not await can(session, actor, Action.ACCOUNTS_EMERGENCY_APPROVE, proposal.compound_id):
        raise AccountsError("acct-err-not-office")
    assert actor is not None
    done = (await session.execute(select(FundApproval).where(
        FundApproval.proposal_id == proposal_id))).scalar_one_or_none()
    if done is not None or await _refused(session, proposal):
        raise AccountsError("acct-em-decided")
    detail = proposal.detail
    row: FundApproval | None = None
    if approve:
        row = FundApproval(
            compound_id=proposal.compound_id, account_kind=detail["kind"], basis="emergency",
            amount=int(detail["amount"]), spent=0, reason=str(detail["reason"]),
            council_by=proposal.actor_id, community_by=actor.person.id,
            proposal_id=proposal_id, created_by=actor.person.id, created_at=clock.now())
        session.add(row)
        try:
            await session.flush()
        except IntegrityError as exc:  # another officer's press won the race
            await session.rollback()
            raise AccountsError("acct-em-decided") from exc
    audit.record(session, clock, "acct.emergency.approve" if approve else REFUSE,
                 actor_id=actor.person.id, compound_id=proposal.compound_id,
                 subject_id=proposal.actor_id, proposal=proposal_id,
                 approval_id=row.id if row else None)
    await _tell_proposer(session, clock, proposal, actor.person, row)
    await session.commit()
    return row


async def _tell_proposer(session: AsyncSession, clock: Clock, proposal: AuditEntry,
                         officer: Person, row: FundApproval | None) -> None:
    proposer = await session.get(Person, proposal.actor_id) if proposal.actor_id else None
    if proposer is None or proposer.tg_id is None:
        return
    outcome = (fragment("acct-em-approved", approval=str(row.id)) if row is not None
               else fragment("acct-em-refused"))
    await enqueue(session, clock, Notice(
        key=f"acct:emergency:decided:{proposal.id}", chat_id=proposer.tg_id,
        text_key="acct-em-decided-notice",
        args={"id": str(proposal.id), "outcome": outcome, "officer": cards.name_of(officer)},
    ))
