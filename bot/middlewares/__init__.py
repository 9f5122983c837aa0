"""Outer middlewares, in the order they wrap an update."""

from bot.middlewares.db import DbSessionMiddleware
from bot.middlewares.gate import ChatterGate
from bot.middlewares.observe import ObserveMiddleware, TrackingDispatcher, UpdateTracker
from bot.middlewares.person import PersonMiddleware
from bot.middlewares.throttle import ThrottleMiddleware

__all__ = [
    "ChatterGate",
    "DbSessionMiddleware",
    "ObserveMiddleware",
    "PersonMiddleware",
    "ThrottleMiddleware",
    "TrackingDispatcher",
    "UpdateTracker",
]
