"""Decisions that allow spending from the maintenance fund, as the committee records them.

An owners' assembly poll that passed under Art. 278 on the use of the maintenance fund
becomes an approval of the amount the committee states (once per poll: the database holds
`poll_id` unique). Spending that cites it is then counted against that amount.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import AccountKind, FundApproval
from models.polls import Poll, PollKind, PollStatus
from models.registry import Compound
from services import audit
from services.accounts import ledger, views
from services.accounts.cards import clip
from services.accounts.errors import AccountsError
from services.accounts.money import yuan
from services.clock import Clock
from services.outbox import Notice, enqueue
from services.policy import Action, Actor, can

FUND_MATTER = "fund_use"


def passed_on_fund_use(poll: Poll) -> bool:
    verdict = (poll.result or {}).get("assembly") or {}
    return (poll.kind == PollKind.ASSEMBLY.value and poll.matter == FUND_MATTER
            and poll.status == PollStatus.CLOSED.value and bool(verdict.get("passed")))


async def from_poll(session: AsyncSession, clock: Clock, actor: Actor, poll_id: int,
                    amount: int) -> FundApproval:
    """Record the amount a passed fund-use poll approved; refused with the reason otherwise."""
    poll = await session.get(Poll, poll_id)
    if poll is None:
        raise AccountsError("acct-appr-no-poll", id=str(poll_id))
    if not await can(session, actor, Action.ACCOUNTS_APPROVE, poll.compound_id):
        raise AccountsError("acct-err-not-approver")
    if not passed_on_fund_use(poll):
        raise AccountsError("acct-appr-not-passed", id=str(poll_id))
    used = (await session.execute(select(FundApproval.id).where(
        FundApproval.poll_id == poll_id))).scalar_one_or_none()
    if used is not None:
        raise AccountsError("acct-appr-poll-used", id=str(poll_id), approval=str(used))
    limit = await ledger.ceiling(session, poll.compound_id)
    if amount > limit:
        raise AccountsError("acct-money-ceiling", ceiling=yuan(limit))
    row = FundApproval(
        compound_id=poll.compound_id, account_kind=AccountKind.MAINTENANCE.value, basis="poll",
        poll_id=poll.id, amount=amount, spent=0, reason=clip(poll.question, 300),
        created_by=actor.person.id, created_at=clock.now(),
    )
    session.add(row)
    await session.flush()
    audit.record(session, clock, "acct.approval", actor_id=actor.person.id,
                 compound_id=poll.compound_id, approval_id=row.id, basis="poll",
                 poll_id=poll.id, amount=amount)
    compound = await session.get(Compound, poll.compound_id)
    for chat in await views.public_chats(session, poll.compound_id):
        await enqueue(session, clock, Notice(
            key=f"acct:approval:{row.id}:{chat}", chat_id=chat, text_key="acct-appr-public",
            args={"compound": compound.name if compound else "", "id": str(row.id),
                  "poll": str(poll.id), "question": clip(poll.question, 120),
                  "amount": yuan(amount)},
        ))
    await session.commit()
    return row
