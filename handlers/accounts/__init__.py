"""Open accounts (明白账): /accounts for everyone, recording for the finance role, confirming
for the owners' committee and the community office, reversals."""

from __future__ import annotations

from aiogram import Router

from handlers.accounts import approve, browse, category, export, record, review


def build_router() -> Router:
    router = Router(name="accounts")
    router.include_routers(record.build_router(), review.build_router(), browse.build_router(),
                          approve.build_router(), category.build_router(),
                          export.build_router())
    return router
