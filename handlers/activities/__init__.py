"""Volunteer activities: /activity (create), /activities (browse), sign-up on cards,
attendance, and the admin commands for points and rewards."""

from __future__ import annotations

from aiogram import Router

from handlers.activities import admin, attendance, browse, create, signup


def build_router() -> Router:
    router = Router(name="activities")
    router.include_routers(
        signup.build_router(), attendance.build_router(), browse.build_router(),
        admin.build_router(), create.build_router(),
    )
    return router
