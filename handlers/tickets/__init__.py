"""Complaint and repair tickets: one parent router over small ones, tried in this order.

Prompts and the /report wizard come first (a steward's or reporter's next message belongs
to them); replies to our ticket messages before group intake; the rest are commands and
buttons with their own filters.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.types import Message

from handlers.tickets import (
    card,
    config,
    digest,
    feedback,
    follow,
    intake_group,
    intake_private,
    mediation,
    relay,
    views,
)
from models.person import Person


def from_a_person(message: Message, person: Person | None = None) -> bool:
    """A ticket is always somebody's: an anonymous group admin or a post on behalf of a
    channel is nobody we could follow up with, so such messages are not tickets' business."""
    return person is not None


def build_router() -> Router:
    router = Router(name="tickets")
    router.message.filter(from_a_person)
    router.include_routers(
        follow.build_router(),
        card.build_router(),
        intake_private.build_router(),
        relay.build_router(),
        intake_group.build_router(),
        feedback.build_router(),
        views.build_router(),
        mediation.build_router(),
        digest.build_router(),
        config.build_router(),
    )
    return router
