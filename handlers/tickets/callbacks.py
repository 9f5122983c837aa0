"""Typed callback data of the ticket buttons; prefixes start with "t" and carry ids only.

Services build the same data as tuples (services.outbox.Button), e.g. ("tk", "take", 12)
is TkCard(action="take", id=12).pack().
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class TkCard(CallbackData, prefix="tk"):
    """A card button (take, res, esc, dup, wait, rej, hand) or +1 under a group report."""

    action: str
    id: int


class TkHand(CallbackData, prefix="th"):
    """Hand a ticket to a person (to=0: back to the team's queue)."""

    id: int
    to: int


class TkIntake(CallbackData, prefix="ti"):
    """The /report wizard and the duplicate hint: cat, area, home, anon, send, cancel, plus, new."""

    action: str
    value: str = ""


class TkQuestion(CallbackData, prefix="tq"):
    """"Is it fixed?" (fix, nofix) and the stars after it."""

    action: str
    id: int
    round: int
    stars: int = 0


class TkAgree(CallbackData, prefix="ta"):
    action: str  # yes | no
    id: int  # the agreement


class TkPick(CallbackData, prefix="tp"):
    """A compound chosen for /report, /stats, /digest or /tkconfig."""

    action: str
    compound: int


class TkDigest(CallbackData, prefix="td"):
    action: str  # pub | no
    compound: int


class TkNote(CallbackData, prefix="tn"):
    """The resolution note after 已处理: n=1..3 a canned note, 0 none."""

    id: int
    round: int
    n: int
