"""Callback data and dialogue states of the open accounts (short prefixes, ids only)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup

from services.accounts.emergency import PREFIX as EMERGENCY_PREFIX
from services.accounts.flow import ENTRY_PREFIX, REVIEW_PREFIX


class ReviewCb(CallbackData, prefix=REVIEW_PREFIX):
    """ok (confirm) | no (reject) | files (show the receipts), on an entry's review card."""

    op: str
    id: int


class EntryCb(CallbackData, prefix=ENTRY_PREFIX):
    """show (an entry) | rev (reverse it) | new (record one; id: the compound)."""

    op: str
    id: int


class EmergencyCb(CallbackData, prefix=EMERGENCY_PREFIX):
    """ok (approve) | no (refuse), on an emergency proposal's card to the community office."""

    op: str
    id: int


class WizCb(CallbackData, prefix="acw"):
    """A button of the recording dialogue: the step it answers, and its value."""

    step: str
    val: str = ""


class AcctForm(StatesGroup):
    recording = State()  # the FSM data's "at" says which question is open
    reversing = State()  # waiting for the reason of a reversal
