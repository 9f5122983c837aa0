"""One way to name a place, in every language: a number gets its word, a name stands."""

from __future__ import annotations

import asyncio

import pytest

from bot.i18n import make_core, render_piece
from services.place_names import place


@pytest.fixture(scope="module")
def core():  # type: ignore[no-untyped-def]
    c = make_core("zh-Hans")
    asyncio.run(c.startup())
    return c


@pytest.mark.parametrize(("locale", "expected"), [
    ("zh-Hans", "幸福里 3号楼 2单元 301室"),
    ("zh-Hant", "幸福里 3號樓 2單元 301室"),
    ("en", "幸福里, Block 3, Entrance 2, Room 301"),
])
def test_a_home_in_each_language(core, locale: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    home = place(compound="幸福里", building="3", entrance="2", room="301")
    assert render_piece(core, locale, home) == expected


def test_names_are_not_doubled_and_parts_may_be_missing(core) -> None:  # type: ignore[no-untyped-def]
    assert render_piece(core, "zh-Hans", place(building="3号楼", room="1203")) == "3号楼 1203室"
    assert render_piece(core, "zh-Hans", place(building="A座", entrance="东")) == "A座 东"
    assert render_piece(core, "zh-Hans", place(building="B2")) == "B2号楼"
    assert render_piece(core, "en", place(compound="Sunny Garden", building="3-1")) \
        == "Sunny Garden, Block 3-1"
    assert render_piece(core, "zh-Hans", place(building="  ")) == "—"
