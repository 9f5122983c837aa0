"""Every feature's sweeps, registered in one place. The scheduler runs them each tick."""

from __future__ import annotations

from scheduler.runner import SweepRegistry


def register_all(registry: SweepRegistry) -> None:
    """Features add `registry.add("<name>", <async (session, now) -> int>)` here."""
    return None
