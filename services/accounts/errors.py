"""Refusals of the open accounts, each a Fluent key with its arguments."""

from __future__ import annotations


class AccountsError(Exception):
    """Something refused with a reason the person reads; nothing was written."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args
