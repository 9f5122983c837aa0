"""Words organizers type after a command, in English, 简体 and 繁體.

A command's table lists, per meaning, the words of each language; help texts and refusals
(Fluent keys) show a language's first words, and tests hold them to the table. Typed
words are matched after NFKC (full-width letters and digits become plain ones) and
case-folding, so "ＳＥＴ", "Set" and "set" are the same word.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

LANGUAGES = ("en", "zh-Hans", "zh-Hant")


def normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


@dataclass(frozen=True)
class Word:
    """One meaning (`key`) and the words that say it in each language."""

    key: str
    en: tuple[str, ...]
    hans: tuple[str, ...]
    hant: tuple[str, ...]

    def words(self, locale: str) -> tuple[str, ...]:
        return {"zh-Hans": self.hans, "zh-Hant": self.hant}.get(locale, self.en)


class Words:
    """A command's word table: typed word → meaning."""

    def __init__(self, *words: Word) -> None:
        self._words = words
        self._meaning: dict[str, str] = {}
        for word in words:
            for typed in (word.key, *word.en, *word.hans, *word.hant):
                seen = self._meaning.setdefault(normal(typed), word.key)
                # One typed word with two meanings would make a command do the wrong thing.
                if seen != word.key:
                    raise ValueError(f"{typed!r} means both {seen!r} and {word.key!r}")

    def find(self, typed: str) -> str | None:
        """The meaning of a typed word, or None when it is not in the table."""
        return self._meaning.get(normal(typed))

    def shown(self, locale: str) -> tuple[str, ...]:
        """Each meaning's first word in a language: what that language's help lists."""
        return tuple(w.words(locale)[0] for w in self._words)
