"""Callback data of the activities, points and rewards feature (short prefixes, ids only)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup


class ActCb(CallbackData, prefix="aa"):
    """join | leave | in (check in) | view: on an activity card."""

    op: str
    id: int


class ApproveCb(CallbackData, prefix="ap"):
    """ok | no: an organizer's answer to someone with many no-shows."""

    op: str
    id: int


class AttCb(CallbackData, prefix="at"):
    """card | t (toggle a sign-up) | fin | finy | off | offy, on an activity."""

    op: str
    id: int
    arg: int = 0


class BrowseCb(CallbackData, prefix="al"):
    """up (open activities) | org (mine as organizer), per compound and page."""

    op: str
    id: int
    page: int = 0


class WizCb(CallbackData, prefix="aw"):
    """A button in the /activity dialogue: which step it answers, and its value."""

    step: str
    val: str = ""


class RewardCb(CallbackData, prefix="rw"):
    """see | buy | mine | qr | ok (confirm a voucher) | list."""

    op: str
    id: int = 0


class PointsCb(CallbackData, prefix="rp"):
    """top (leaderboard) | hide | show, for a compound."""

    op: str
    id: int


class RuleWizCb(CallbackData, prefix="prw"):
    """Adding a points rule: start (v: compound id) | basis (v: attend|hour|month) |
    points (v: a number)."""

    step: str
    v: str


class ActivityForm(StatesGroup):
    active = State()


class RuleForm(StatesGroup):
    typing = State()
