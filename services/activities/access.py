"""Who may run an activity: its organizer, or whoever may manage every activity there."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from models.activities import Activity
from services.policy import Action, Actor, can


async def may_manage(session: AsyncSession, actor: Actor, activity: Activity) -> bool:
    if actor.person.id == activity.organizer_id:
        return True
    return await can(session, actor, Action.ACTIVITY_MANAGE, activity.compound_id)
