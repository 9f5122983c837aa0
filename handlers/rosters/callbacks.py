"""Callback data of roster buttons: short prefixes and ids only (64-byte limit)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from services.rosters.buttons import SHIFT_CB, SWAP_CB


class ShiftCb(CallbackData, prefix=SHIFT_CB):
    action: str  # take (from a board) | grab (from an alert) | omw | cant | in
    id: int


class SwapCb(CallbackData, prefix=SWAP_CB):
    action: str  # take
    id: int


class RosterCb(CallbackData, prefix="sr"):
    action: str  # board | join
    id: int


class NewRosterCb(CallbackData, prefix="sn"):
    choice: str  # weekdays | daily | create | cancel
