"""Which of our three locales a Telegram language_code means."""

from __future__ import annotations

LOCALES = ("zh-Hans", "zh-Hant", "en")
# Used when a key is missing from a locale at run time (tests make sure none is).
FALLBACK = {"zh-Hant": "zh-Hans", "zh-Hans": "en"}

_HANT = {"zh-hant", "zh-tw", "zh-hk", "zh-mo"}
_HANS = {"zh-hans", "zh-cn", "zh-sg", "zh"}


def locale_for(language_code: str | None, default: str) -> str:
    """Map Telegram's language_code; unlike a plain prefix match, keeps Hans and Hant apart."""
    if not language_code:
        return default
    code = language_code.strip().lower().replace("_", "-")
    if code in _HANT or code.startswith(("zh-hant-", "zh-tw-", "zh-hk-", "zh-mo-")):
        return "zh-Hant"
    if code in _HANS or code.startswith(("zh-hans-", "zh-cn-", "zh-sg-")):
        return "zh-Hans"
    if code == "en" or code.startswith("en-"):
        return "en"
    return default


def normalize(locale: str) -> str | None:
    """Accept a locale name in any case; None when it is not one of ours."""
    for known in LOCALES:
        if known.lower() == locale.strip().lower():
            return known
    return None
