"""Polls and votes: creation (/poll), voting, management (/polls) and paper ballots."""

from __future__ import annotations

from aiogram import Router

from handlers.polls import create, manage, paper, vote


def build_router() -> Router:
    router = Router(name="polls")
    router.include_routers(
        vote.build_router(), create.build_router(), manage.build_router(), paper.build_router()
    )
    return router
