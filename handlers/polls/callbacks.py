"""Typed callback data of the poll buttons: short prefixes, ids only (64-byte limit)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup


class PollVoteCb(CallbackData, prefix="pv"):
    poll: int
    opt: int


class PollBallotCb(CallbackData, prefix="pb"):
    """Open my private ballot (from an invitation or a reminder)."""

    poll: int


class PollNewCb(CallbackData, prefix="pn"):
    """A button of the creation dialogue: which step it answers, and the answer."""

    step: str
    val: str


class PollManageCb(CallbackData, prefix="pm"):
    action: str
    poll: int


class PollPaperCb(CallbackData, prefix="pp"):
    poll: int
    opt: int


class PollForm(StatesGroup):
    """Creating a poll; the FSM data's "step" says which question is open."""

    active = State()


class PollAsk(StatesGroup):
    extend = State()
    cancel = State()
    paper_household = State()
    paper_option = State()
    paper_note = State()
