"""Two people, two roles: finance records, a second person confirms, then it is public.

Each function here is one unit of work: the entry (or review), its audit row and the
notices it causes (review cards, the public post, the recorder's notice) are committed
together; a refusal rolls everything back and says why (AccountsError).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import Decision, Entry, FundApproval
from models.outbox import Outbox
from models.person import Person
from models.polls import Poll, PollPost
from models.registry import Compound
from models.roles import Role
from services import audit
from services.accounts import cards, ledger, views
from services.accounts.errors import AccountsError
from services.accounts.money import yuan
from services.clock import Clock
from services.outbox import Button, Notice, enqueue, fragment, sent_message_id
from services.policy import Action, Actor, can
from services.tickets.holes import role_holders

# Who confirms: the owners' committee and the community office, in their bound chats or,
# without one, each holder of the role in private.
REVIEWERS = (("owners_committee", Role.OWNERS_COMMITTEE),
             ("community_office", Role.COMMUNITY_OFFICER))
REVIEW_PREFIX = "acr"  # handlers.accounts.callbacks.ReviewCb
ENTRY_PREFIX = "acx"  # handlers.accounts.callbacks.EntryCb


@dataclass(frozen=True)
class Recorded:
    entry: Entry
    reviewers: int  # how many chats the review card went to (0: nobody can confirm yet)
    again: bool = False  # the same press or command a second time: nothing new happened


async def _require(session: AsyncSession, actor: Actor | None, action: Action,
                   compound_id: int, refusal: str) -> None:
    if not await can(session, actor, action, compound_id):
        raise AccountsError(refusal)


async def reviewer_chats(session: AsyncSession, compound_id: int) -> list[int]:
    chats: list[int] = []
    for purpose, role in REVIEWERS:
        found = await views.bound_chats(session, compound_id, purpose)
        for chat in found or await role_holders(session, compound_id, role):
            if chat not in chats:
                chats.append(chat)
    return chats


async def _approval(session: AsyncSession, entry: Entry) -> FundApproval | None:
    return await session.get(FundApproval, entry.approval_id) if entry.approval_id else None


async def _send_for_review(session: AsyncSession, clock: Clock, compound: Compound,
                           entry: Entry, recorder: Person) -> int:
    kind = await views.kind_of(session, entry)
    body = cards.card(entry, kind, await _approval(session, entry))
    buttons = [[Button("acct-btn-confirm", (REVIEW_PREFIX, "ok", entry.id)),
                Button("acct-btn-reject", (REVIEW_PREFIX, "no", entry.id))]]
    if entry.attachments:
        buttons.append([Button("acct-btn-files", (REVIEW_PREFIX, "files", entry.id))])
    # The recorder is never asked to confirm their own entry.
    chats = [c for c in await reviewer_chats(session, compound.id) if c != recorder.tg_id]
    for chat in chats:
        await enqueue(session, clock, Notice(
            key=f"acct:review:{entry.id}:{chat}", chat_id=chat, text_key="acct-review-card",
            args={"compound": compound.name, "card": body, "recorder": cards.name_of(recorder)},
            buttons=buttons, ref=f"acct:{entry.id}",
        ))
    return len(chats)


async def record(session: AsyncSession, clock: Clock, actor: Actor, compound: Compound,
                 draft: ledger.Draft, key: str) -> Recorded:
    """Finance records a pending entry; the reviewers get a card to confirm or reject."""
    await _require(session, actor, Action.ACCOUNTS_RECORD, compound.id, "acct-err-not-finance")
    existing = await ledger.by_key(session, key)
    if existing is not None:
        return Recorded(existing, 0, again=True)
    try:
        entry = await ledger.record(session, clock, compound_id=compound.id, draft=draft,
                                    recorded_by=actor.person.id, key=key)
    except AccountsError:
        await session.rollback()
        raise
    audit.record(session, clock, "acct.record", actor_id=actor.person.id,
                 compound_id=compound.id, entry_id=entry.id, account=draft.kind.value,
                 direction=draft.direction.value, amount=entry.amount,
                 approval_id=entry.approval_id)
    reached = await _send_for_review(session, clock, compound, entry, actor.person)
    await session.commit()
    return Recorded(entry, reached)


async def reverse(session: AsyncSession, clock: Clock, actor: Actor, entry_id: int,
                  reason: str) -> Recorded:
    """Finance corrects a public entry by a reversing one, which is reviewed like any other."""
    original = await session.get(Entry, entry_id)
    if original is None:
        raise AccountsError("acct-err-gone")
    await _require(session, actor, Action.ACCOUNTS_RECORD, original.compound_id,
                   "acct-err-not-finance")
    done = await ledger.reversal_of(session, entry_id)
    if done is not None and await ledger.review_of(session, done.id) is None:
        return Recorded(done, 0, again=True)
    try:
        back = await ledger.reverse(session, clock, entry_id, reason=reason,
                                    recorded_by=actor.person.id)
    except AccountsError:
        await session.rollback()
        raise
    compound = await session.get(Compound, original.compound_id)
    assert compound is not None
    audit.record(session, clock, "acct.reverse", actor_id=actor.person.id,
                 compound_id=compound.id, entry_id=back.id, reverses=entry_id,
                 amount=back.amount, reason=back.reason)
    reached = await _send_for_review(session, clock, compound, back, actor.person)
    await session.commit()
    return Recorded(back, reached)


async def decide(session: AsyncSession, clock: Clock, actor: Actor | None, entry_id: int,
                 decision: Decision, answered_in: int | None = None,
                 bot_username: str | None = None) -> Entry:
    """The second person confirms (public from now on) or rejects (the balance moves back).
    Anyone else's press, the recorder's included, changes nothing and is told why.
    `answered_in`: the chat whose card the presser's own answer already updates."""
    entry = await session.get(Entry, entry_id)
    if entry is None:
        raise AccountsError("acct-err-gone")
    if actor is not None and entry.recorded_by == actor.person.id:
        raise AccountsError("acct-err-own-entry")
    await _require(session, actor, Action.ACCOUNTS_CONFIRM, entry.compound_id,
                   "acct-err-not-reviewer")
    assert actor is not None
    before = await ledger.review_of(session, entry_id)
    try:
        await ledger.review(session, clock, entry_id, reviewer_id=actor.person.id,
                            decision=decision)
    except AccountsError:
        await session.rollback()
        raise
    if before is not None:
        return entry  # the same press again
    audit.record(session, clock, f"acct.{decision.value}", actor_id=actor.person.id,
                 compound_id=entry.compound_id, subject_id=entry.recorded_by,
                 entry_id=entry.id, amount=entry.amount)
    await _tell_recorder(session, clock, entry, actor.person, decision)
    await _close_cards(session, clock, entry, actor.person, decision, answered_in)
    if decision == Decision.CONFIRMED:
        await _publish(session, clock, entry, actor.person, bot_username)
    await session.commit()
    return entry


async def _close_cards(session: AsyncSession, clock: Clock, entry: Entry, reviewer: Person,
                       decision: Decision, answered_in: int | None) -> None:
    """The other reviewers' cards lose their buttons and say who decided: edited where they
    landed, or rewritten before they go out."""
    state = fragment("acct-review-done", decision=fragment(f"acct-decision-{decision.value}"),
                     reviewer=cards.name_of(reviewer))
    rows = await session.execute(select(Outbox.idem_key, Outbox.chat_id, Outbox.args).where(
        Outbox.idem_key.like(f"acct:review:{entry.id}:%")))
    for key, chat, args in rows.all():
        if chat == answered_in:
            continue
        closed = {**(args or {}), "state": state}
        landed = await sent_message_id(session, key)
        if landed is None:
            await enqueue(session, clock, Notice(key=key, chat_id=chat,
                                                 text_key="acct-review-closed", args=closed),
                          replace_pending=True)
            continue
        await enqueue(session, clock, Notice(
            key=f"acct:review-closed:{entry.id}:{chat}", chat_id=chat,
            text_key="acct-review-closed", args=closed, method="edit_message_text",
            target_message_id=landed))


async def _tell_recorder(session: AsyncSession, clock: Clock, entry: Entry, reviewer: Person,
                         decision: Decision) -> None:
    recorder = await session.get(Person, entry.recorded_by)
    if recorder is None or recorder.tg_id is None:
        return
    buttons = None
    if decision == Decision.CONFIRMED and entry.reverses_id is None:
        buttons = [[Button("acct-btn-reverse", (ENTRY_PREFIX, "rev", entry.id),
                           args={"id": str(entry.id)})]]
    await enqueue(session, clock, Notice(
        key=f"acct:decided:{entry.id}", chat_id=recorder.tg_id, text_key="acct-notice-decided",
        args={"id": str(entry.id), "decision": fragment(f"acct-decision-{decision.value}"),
              "reviewer": cards.name_of(reviewer)},
        buttons=buttons,
    ))


async def _publish(session: AsyncSession, clock: Clock, entry: Entry, reviewer: Person,
                   bot_username: str | None) -> None:
    compound = await session.get(Compound, entry.compound_id)
    assert compound is not None
    kind = await views.kind_of(session, entry)
    balance = await views.public_balance(session, entry.account_id)
    # Receipts stay out of the group; the button opens them in a private chat.
    buttons = ([[Button("acct-btn-details", url=cards.deep_link(bot_username, entry.id))]]
               if bot_username else None)
    for chat in await views.public_chats(session, compound.id):
        await enqueue(session, clock, Notice(
            key=f"acct:public:{entry.id}:{chat}", chat_id=chat, text_key="acct-public",
            args={"compound": compound.name,
                  "card": cards.card(entry, kind, await _approval(session, entry)),
                  "reviewer": cards.name_of(reviewer), "kind": cards.kind_label(kind),
                  "balance": yuan(balance)},
            buttons=buttons, ref=f"acct:{entry.id}",
        ))
    await _under_the_vote(session, clock, entry)


async def _under_the_vote(session: AsyncSession, clock: Clock, entry: Entry) -> None:
    """Spending that cites an owners' vote is told under that vote's result, where it was
    announced: whoever reads the decision sees what was spent on it."""
    approval = await _approval(session, entry)
    if approval is None or approval.poll_id is None:
        return
    poll = await session.get(Poll, approval.poll_id)
    if poll is None:
        return
    posts = (await session.scalars(select(PollPost).where(PollPost.poll_id == poll.id))).all()
    for post in posts:
        await enqueue(session, clock, Notice(
            key=f"acct:vote:{entry.id}:{post.chat_id}", chat_id=post.chat_id,
            text_key="acct-vote-spent", thread_id=post.thread_id,
            reply_to_key=f"poll:{poll.id}:result:{post.chat_id}",
            args={"id": str(entry.id), "amount": yuan(entry.amount),
                  "purpose": cards.clip(entry.purpose, 80), "approval": str(approval.id),
                  "approved": yuan(approval.amount)},
            ref=f"acct:{entry.id}"))
