"""Duty rosters: /roster, /myshifts, /swap and their buttons."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command

from handlers.rosters import board, calendar_cmd, command, followup, mine, wizard
from handlers.rosters.callbacks import RosterCb, ShiftCb, SwapCb


def build_router() -> Router:
    router = Router(name="rosters")
    router.include_router(wizard.build_router())
    router.include_router(calendar_cmd.build_router())
    router.include_router(followup.build_router())
    private = F.chat.type == "private"
    router.message.register(command.roster_command, Command("roster"))
    router.message.register(mine.my_shifts, Command("myshifts"), private)
    router.message.register(mine.swap_command, Command("swap"), private)
    router.callback_query.register(board.board_pressed, RosterCb.filter(F.action == "board"))
    router.callback_query.register(board.join, RosterCb.filter(F.action == "join"))
    router.callback_query.register(board.take,
                                   ShiftCb.filter(F.action.in_({"take", "grab"})))
    router.callback_query.register(mine.shift_action,
                                   ShiftCb.filter(F.action.in_({"omw", "cant", "in"})))
    router.callback_query.register(mine.take_over, SwapCb.filter(F.action == "take"))
    return router
