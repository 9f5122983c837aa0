"""Periodic sweeps over the app's own tables; APScheduler only says when to look."""

from scheduler.runner import Sweep, SweepRegistry, TickScheduler

__all__ = ["Sweep", "SweepRegistry", "TickScheduler"]
