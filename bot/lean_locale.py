"""Number formatting and plural rules for our three locales without Babel's data files.

fluent.runtime asks Babel for a locale to format numbers and choose plural variants, and
Babel unpickles the whole CLDR record of a language for it: 4.5 MB for English alone, held
for as long as the bot runs, of which Fluent reads a number pattern, a dozen symbols and a
plural rule. Chinese and English write numbers alike ("#,##0.###" with "," and "."), so
these few values are written here; tests/test_lean_locale.py checks them against Babel's
own data, so they cannot drift from CLDR unnoticed.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, localedata
from babel.numbers import parse_pattern
from babel.plural import PluralRule

LATIN_SYMBOLS = {
    "decimal": ".", "group": ",", "list": ";", "percentSign": "%", "plusSign": "+",
    "minusSign": "-", "approximatelySign": "~", "exponential": "E",
    "superscriptingExponent": "×", "perMille": "‰", "infinity": "∞", "nan": "NaN",
    "timeSeparator": ":",
}
PLURAL_RULES: dict[str, dict[str, str]] = {
    "en": {"one": "i = 1 and v = 0"},
    "zh": {},  # Chinese has one category: "other"
}


@cache
def number_locale(language: str) -> Locale:
    """A Babel locale that carries only what Fluent reads: decimal and percent patterns,
    Latin-digit symbols and the language's plural rule."""
    base = language.split("-")[0].split("_")[0]
    locale = Locale(base)
    data = {
        "decimal_formats": {None: parse_pattern("#,##0.###")},
        "percent_formats": {None: parse_pattern("#,##0%")},
        "number_symbols": {"latn": LATIN_SYMBOLS},
        "default_numbering_system": "latn",
        "plural_form": PluralRule(PLURAL_RULES.get(base, {})),
    }
    # Babel fills this slot from its data file on first use; filled here, it never reads it.
    locale._Locale__data = localedata.LocaleDataDict(data)  # type: ignore[attr-defined]
    return locale
