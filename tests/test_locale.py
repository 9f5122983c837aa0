from __future__ import annotations

import pytest

from services.locale import locale_for, normalize


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh-hans", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh-sg", "zh-Hans"), ("zh", "zh-Hans"),
        ("zh_CN", "zh-Hans"),
        ("zh-hant", "zh-Hant"), ("zh-TW", "zh-Hant"), ("zh-hk", "zh-Hant"), ("zh-mo", "zh-Hant"),
        ("zh-Hant-TW", "zh-Hant"),
        ("en", "en"), ("en-US", "en"), ("en-gb", "en"),
        ("ru", "DEFAULT"), ("", "DEFAULT"), (None, "DEFAULT"), ("eng", "DEFAULT"),
    ],
)
def test_language_code_mapping(code: str | None, expected: str) -> None:
    assert locale_for(code, "DEFAULT") == expected


def test_normalize() -> None:
    assert normalize("ZH-hant") == "zh-Hant"
    assert normalize("fr") is None
