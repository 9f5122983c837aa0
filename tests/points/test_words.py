"""The word tables of /pointrules, /award and /activity against what the locales show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handlers.activities.words import (
    ACTIVITY_ALIASES,
    AWARD_SIGN_ALIASES,
    BASIS_ALIASES,
    POINTRULES_ALIASES,
    SWITCH_ALIASES,
)
from handlers.aliases import Word, Words
from services.locale import LOCALES

ROOT = Path(__file__).resolve().parents[2]
LISTED = {"pt-words-pointrules": POINTRULES_ALIASES, "pt-words-basis": BASIS_ALIASES,
          "pt-words-switch": SWITCH_ALIASES, "act-words-activity": ACTIVITY_ALIASES,
          "pt-words-award": AWARD_SIGN_ALIASES}


def message(locale: str, key: str) -> str:
    for path in (ROOT / "locales" / locale).glob("*.ftl"):
        found = re.search(rf"^{key} = (.*)$", path.read_text(encoding="utf-8"), re.M)
        if found:
            return found.group(1)
    raise AssertionError(f"{locale} lacks {key}")


@pytest.mark.parametrize("locale", LOCALES)
def test_listed_words_are_the_tables_first_words(locale: str) -> None:
    for key, table in LISTED.items():
        assert tuple(message(locale, key).split(" / ")) == table.shown(locale), key


def test_typed_words_are_matched_loosely_but_never_twice() -> None:
    assert POINTRULES_ALIASES.find("ＳＥＴ") == "set"
    assert POINTRULES_ALIASES.find("設置") == POINTRULES_ALIASES.find("设置") == "set"
    assert BASIS_ALIASES.find("每小時") == "hour" and BASIS_ALIASES.find("weekly") is None
    with pytest.raises(ValueError, match="means both"):
        Words(Word("a", en=("x",), hans=("关",), hant=()),
              Word("b", en=("y",), hans=("关",), hant=()))
