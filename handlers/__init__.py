"""One router per feature; get_routers() gives them in the order they must be tried."""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.types import CallbackQuery

from handlers import (
    accounts,
    activities,
    assessment,
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
    screen,
    setup,
    tickets,
)


def get_routers() -> list[Router]:
    """Fresh routers each call, so several apps can live in one process (tests, bench).

    Feature routers come before `common` so their deep links win over the plain /start;
    `fallback` is last: it answers what nobody else understood.
    """
    features = [setup, roles, household_import, registration, directory, privacy, help,
                rosters, polls, accounts, tickets, activities, points, rewards, assessment,
                screen]
    routers = [errors.build_router(), *(f.build_router() for f in features),
               common.build_router()]
    for router in routers:
        router.callback_query.filter(made_by_us)
    return [*routers, fallback.build_router()]


_NUMBER = re.compile(r"-?[0-9]+")
_INT64 = 2**63


def made_by_us(query: CallbackQuery) -> bool:
    """Our buttons carry database ids, which fit in 64 bits. Data with a longer number was
    forged; read as an id it would overflow the database driver, so only `fallback` sees
    it (and calls it a stale button)."""
    return not any(_NUMBER.fullmatch(part) and not -_INT64 <= int(part) < _INT64
                   for part in (query.data or "").split(":"))
