"""Refusals the ticket services raise; handlers show them in the person's language."""

from __future__ import annotations

from typing import Any


class TicketError(Exception):
    """A rule said no. `key` is a Fluent key; `args` its arguments (fragments allowed)."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args
