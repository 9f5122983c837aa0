"""Buttons on roster notices. The data matches handlers.rosters.callbacks (ShiftCb, SwapCb)."""

from __future__ import annotations

from services.outbox import Button

SHIFT_CB = "sh"
SWAP_CB = "sw"


def take(shift_id: int) -> Button:
    return Button("ro-btn-take", (SHIFT_CB, "grab", shift_id))


def reminder_rows(shift_id: int) -> list[list[Button]]:
    return [
        [Button("ro-btn-omw", (SHIFT_CB, "omw", shift_id)),
         Button("ro-btn-cant", (SHIFT_CB, "cant", shift_id))],
        [Button("ro-btn-checkin", (SHIFT_CB, "in", shift_id))],
    ]


def take_over(swap_id: int) -> Button:
    return Button("ro-btn-takeover", (SWAP_CB, "take", swap_id))
