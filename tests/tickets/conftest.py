"""Ticket tests start many apps; they share one translation core, loaded once (it is
read-only once loaded), so each app starts in a fraction of the time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiogram_i18n.cores import FluentRuntimeCore

from bot import app as app_module
from bot.i18n import make_core


class _SharedCore(FluentRuntimeCore):
    async def startup(self) -> None:
        if not self.locales:
            self.locales.update(self.find_locales())

    async def shutdown(self) -> None:
        return None  # other apps of this test session keep using it


_CORES: dict[str, FluentRuntimeCore] = {}


def _shared(default_locale: str) -> FluentRuntimeCore:
    core = _CORES.get(default_locale)
    if core is None:
        core = make_core(default_locale)
        core.__class__ = _SharedCore
        core.locales.update(core.find_locales())
        _CORES[default_locale] = core
    return core


@pytest.fixture(autouse=True)
def shared_core(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(app_module, "make_core", _shared)
    yield
