"""Process wiring for Red Steward: config, CLI, app factory, middlewares, delivery, web."""

from bot import lazy_types

# First, before any module imports aiogram: see bot/lazy_types.py.
lazy_types.install()
lazy_types.hold_response_models()
