"""The number data written in bot/lean_locale.py is CLDR's, as Babel has it."""

from __future__ import annotations

from decimal import Decimal

import babel
from fluent.runtime.types import FluentDecimal, FluentFloat, FluentInt
from hypothesis import given
from hypothesis import strategies as st

from bot.lean_locale import number_locale

OPTIONS = st.sampled_from([{}, {"useGrouping": False}, {"minimumFractionDigits": 2},
                           {"maximumFractionDigits": 0}, {"style": "percent"}])
NUMBERS = st.one_of(
    st.integers(-10**12, 10**12).map(FluentInt),
    st.floats(-1e9, 1e9, allow_nan=False).map(FluentFloat),
    st.decimals(-10**9, 10**9, places=2, allow_nan=False, allow_infinity=False)
    .map(FluentDecimal),
)
LANGUAGES = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "en": "en"}


@given(NUMBERS, OPTIONS)
def test_numbers_are_written_as_babel_writes_them(number: object, options: dict) -> None:
    value = type(number)(number, **options)  # type: ignore[call-arg]
    for ours, theirs in LANGUAGES.items():
        assert value.format(number_locale(ours)) == value.format(babel.Locale.parse(theirs))


@given(st.one_of(st.integers(0, 10**6), st.decimals(0, 1000, places=2, allow_nan=False)))
def test_plural_categories_are_cldrs(n: int | Decimal) -> None:
    for ours, theirs in LANGUAGES.items():
        assert number_locale(ours).plural_form(n) == babel.Locale.parse(theirs).plural_form(n)
