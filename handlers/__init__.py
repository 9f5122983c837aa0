"""One router per feature; get_routers() gives them in the order they must be tried."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    activities,
    common,
    directory,
    errors,
    fallback,
    help,
    household_import,
    points,
    polls,
    privacy,
    registration,
    rewards,
    roles,
    rosters,
    setup,
    tickets,
)


def get_routers() -> list[Router]:
    """Fresh routers each call, so several apps can live in one process (tests, bench).

    Feature routers come before `common` so their deep links win over the plain /start;
    `fallback` is last: it answers what nobody else understood.
    """
    features = [setup, roles, household_import, registration, directory, privacy, help,
                rosters, polls, tickets, activities, points, rewards]
    return [
        errors.build_router(),
        *(f.build_router() for f in features),
        common.build_router(),
        fallback.build_router(),
    ]
