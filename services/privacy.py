"""A person's control over their own data: the profile's phone, and being forgotten.

Forgetting keeps the rows others rely on (a ticket's text, a cast vote, an audit line)
but removes what says who the person was. Each feature that stores something personal
registers a forget hook here, at import time, and the hooks run in one transaction:

    from services.privacy import register_forget_hook

    async def _forget_tickets(session, clock, person) -> int:
        ...  # scrub what this feature holds about `person`; return how many rows changed
    register_forget_hook("tickets", _forget_tickets)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.chat import Chat
from models.outbox import Outbox
from models.person import Person
from models.registry import LinkStatus, Residency
from models.roles import RoleGrant, TeamMember
from services import audit
from services.clock import Clock
from services.directory import normalize_phone

ForgetHook = Callable[[AsyncSession, Clock, Person], Awaitable[int]]
FORGOTTEN_NAME = "—"  # what others see where the name used to be

_HOOKS: dict[str, ForgetHook] = {}


def register_forget_hook(name: str, hook: ForgetHook) -> None:
    """Run `hook` whenever a person is forgotten; registering a name twice replaces it."""
    _HOOKS[name] = hook


def forget_hooks() -> list[str]:
    return list(_HOOKS)


async def forget(session: AsyncSession, clock: Clock, person: Person) -> dict[str, int]:
    """Remove the person's personal data; returns what each hook changed. Commits.

    The audit line records counts only. The next message from the same Telegram account
    meets a new person, because the link (tg_id) is cut here.
    """
    if person.forgotten_at is not None:
        return {}
    # Hooks see the person as they were (tg_id included), then the person is scrubbed.
    counts = {name: await hook(session, clock, person) for name, hook in _HOOKS.items()}
    person.first_name = FORGOTTEN_NAME
    person.last_name = None
    person.username = None
    person.language_code = None
    person.tg_id = None
    person.phone = None
    person.phone_public = False
    person.contact_staff = None
    person.party_member = False
    person.show_badge = False
    person.forgotten_at = clock.now()
    audit.record(session, clock, "person.forget", actor_id=person.id, subject_id=person.id,
                 **counts)
    await session.commit()
    return counts


async def _end_residencies(session: AsyncSession, clock: Clock, person: Person) -> int:
    result = await session.execute(
        update(Residency)
        .where(Residency.person_id == person.id,
               Residency.status.in_((LinkStatus.PENDING, LinkStatus.VERIFIED)))
        .values(status=LinkStatus.ENDED, decided_at=clock.now())
    )
    return int(result.rowcount or 0)


async def _revoke_roles(session: AsyncSession, clock: Clock, person: Person) -> int:
    result = await session.execute(
        update(RoleGrant)
        .where(RoleGrant.person_id == person.id, RoleGrant.revoked_at.is_(None))
        .values(revoked_at=clock.now(), revoked_by=person.id)
    )
    return int(result.rowcount or 0)


async def _leave_teams(session: AsyncSession, clock: Clock, person: Person) -> int:
    result = await session.execute(delete(TeamMember).where(TeamMember.person_id == person.id))
    return int(result.rowcount or 0)


async def _drop_private_chat(session: AsyncSession, clock: Clock, person: Person) -> int:
    """The private chat's notices were meant for this person; its name is theirs too.

    The chat row itself stays (other rows may point at it), nameless.
    """
    if person.tg_id is None:
        return 0
    result = await session.execute(delete(Outbox).where(Outbox.chat_id == person.tg_id))
    await session.execute(
        update(Chat).where(Chat.id == person.tg_id, Chat.type == "private")
        .values(title=None, locale=None)
    )
    return int(result.rowcount or 0)


register_forget_hook("residencies", _end_residencies)
register_forget_hook("roles", _revoke_roles)
register_forget_hook("teams", _leave_teams)
register_forget_hook("private_chat", _drop_private_chat)


# ---- the profile ---------------------------------------------------------------------------
async def set_phone(session: AsyncSession, person: Person, text: str) -> str | None:
    """Store a phone typed or shared by its owner; None (nothing changed) when invalid.

    A new number starts private: publishing is a separate, explicit choice.
    """
    phone = normalize_phone(text)
    if phone is None:
        return None
    if phone != person.phone:
        person.phone = phone
        person.phone_public = False
    await session.commit()
    return phone


async def publish_phone(session: AsyncSession, person: Person, public: bool) -> bool:
    """Show or hide the phone in the directory; False when there is no phone to show."""
    if public and not person.phone:
        return False
    person.phone_public = public
    await session.commit()
    return True


async def allow_contact(session: AsyncSession, person: Person, allowed: bool) -> None:
    """The person's answer to "may stewards contact you about your reports?", kept."""
    person.contact_staff = allowed
    await session.commit()


async def clear_phone(session: AsyncSession, person: Person) -> None:
    person.phone = None
    person.phone_public = False
    await session.commit()

