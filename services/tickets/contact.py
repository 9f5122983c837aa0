"""How a steward reaches a reporter: a phone to tap and the @username, on staff cards only,
and only for a reporter who said yes (never for an anonymous report)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.registry import LinkStatus, Relation, Residency
from services.tickets import context as tc


async def reach_line(session: AsyncSession, ctx: tc.TicketContext) -> str | None:
    """"138 0013 8000 · @mei", or None when the card must not say how to reach them.

    The phone is the one the person gave (/profile), else the register's phone of the home
    they verifiably own: the register's number belongs to the owner, not to a tenant."""
    person, t = ctx.reporter, ctx.ticket
    if t.anonymous or not person.contact_staff or person.forgotten_at is not None:
        return None
    phone = person.phone
    if phone is None and ctx.household is not None and ctx.household.phone:
        owner = (await session.execute(select(Residency.id).where(
            Residency.person_id == person.id, Residency.household_id == ctx.household.id,
            Residency.status == LinkStatus.VERIFIED.value,
            Residency.relation.in_((Relation.OWNER.value, Relation.CO_OWNER.value)),
        ).limit(1))).first()
        phone = ctx.household.phone if owner is not None else None
    parts = [p for p in (phone, f"@{person.username}" if person.username else None) if p]
    return " · ".join(parts) or None
