"""Fluent translations: the core shared by handlers (via aiogram-i18n) and the outbox sender."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

import babel
from aiogram_i18n import I18nMiddleware
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.exceptions import FluentMessageError
from aiogram_i18n.managers import BaseManager
from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser
from fluent.syntax.ast import Junk

from bot.lean_locale import number_locale
from models.person import Person
from services.locale import FALLBACK, LOCALES, locale_for

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"


# Where an entry starts: an identifier (a term's with a leading "-") at the start of a
# line, followed by "=". Everything else at column 0 is a comment, a blank, or the
# continuation of a placeable, none of which can look like this.
_ENTRY = re.compile(r"^(-?)([a-zA-Z][a-zA-Z0-9_-]*)[ \t]*=", re.MULTILINE)
_PARSER = FluentParser(with_spans=False)


def split_entries(source: str) -> tuple[dict[str, str], dict[str, str]]:
    """The source text of each message and each term of one .ftl file, by id."""
    messages: dict[str, str] = {}
    terms: dict[str, str] = {}
    starts = list(_ENTRY.finditer(source))
    for match, following in zip(starts, [*starts[1:], None], strict=True):
        stop = following.start() if following else len(source)
        text = source[match.start():stop]
        cut = re.search(r"^#", text, re.MULTILINE)  # a comment closes the entry before it
        entries = terms if match.group(1) else messages
        entries.setdefault(match.group(2), text[: cut.start()] if cut else text)
    return messages, terms


class LazyEntries(dict[str, Any]):
    """A FluentBundle's id -> AST map that parses an entry from its source when first
    looked up: the parsed catalog of three locales stayed resident (about 3 MB) for as
    long as a bot ran, for texts most bots never send."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, key: str) -> Any:
        entry = _PARSER.parse_entry(self.sources[key])
        if isinstance(entry, Junk):
            raise ValueError(f"unparsable Fluent entry {key!r}: {entry.annotations}")
        self[key] = entry
        return entry

    def __contains__(self, key: object) -> bool:
        return key in self.sources


class LeanBundle(FluentBundle):
    """A bundle that formats numbers and picks plural variants with bot.lean_locale."""

    def _get_babel_locale(self) -> babel.Locale:
        return number_locale(self.locales[0])


class SharedFluentCore(FluentRuntimeCore):
    """Reads the catalog once per process: the files do not change while it runs, and
    several apps in one process (tests, bench, instances) need not pay for it again.

    Each entry is parsed and compiled when first used (see LazyEntries): reading every
    message of three locales up front cost 1.5 s of start-up and megabytes of memory.
    """

    _compiled: ClassVar[dict[Path, dict[str, FluentBundle]]] = {}

    def find_locales(self) -> dict[str, FluentBundle]:
        cached = self._compiled.get(self.path)
        if cached is None:
            cached = self._compiled[self.path] = self._read()
        return dict(cached)

    def _read(self) -> dict[str, FluentBundle]:
        bundles: dict[str, FluentBundle] = {}
        for locale, paths in self._find_locales(
            self.path, self._extract_locales(self.path), ".ftl"
        ).items():
            messages: dict[str, str] = {}
            terms: dict[str, str] = {}
            for path in paths:
                file_messages, file_terms = split_entries(path.read_text(encoding="utf8"))
                # FluentBundle.add_resource keeps the first definition of an id.
                messages = file_messages | messages
                terms = file_terms | terms
            bundle = bundles[locale] = LeanBundle(
                locales=[locale], use_isolating=self.use_isolating, functions=self.functions
            )
            # FluentBundle looks entries up in these two maps and nowhere else.
            bundle._messages = LazyEntries(messages)
            bundle._terms = LazyEntries(terms)
        return bundles


def make_core(default_locale: str) -> FluentRuntimeCore:
    return SharedFluentCore(
        path=LOCALES_DIR,
        default_locale=default_locale,
        locales_map=dict(FALLBACK),
        raise_key_error=True,
    )


# fluent.runtime refuses placeables over 2,500 characters (a guard against runaway
# expansion); residents' own texts can be longer and must arrive whole, so long values
# travel through Fluent as private-use markers and are put back afterwards.
_LONG = 2000
_UNKNOWN_VARIABLE = re.compile(r"Unknown external: (\w+)")


def render(core: FluentRuntimeCore, locale: str, key: str, args: dict[str, Any],
           *, lenient: bool = False) -> str:
    """Render a key whose arguments may themselves be fragments (see services.outbox).

    `lenient` is for notices written before an upgrade: a text that gained a variable
    since renders that variable empty instead of failing, so the notice still goes out.
    """
    resolved = {name: _resolve(core, locale, value, lenient) for name, value in args.items()}
    long_values: dict[str, str] = {}
    for name, value in resolved.items():
        if isinstance(value, str) and len(value) > _LONG:
            marker = f"\ue000{len(long_values)}\ue001"
            long_values[marker] = value
            resolved[name] = marker
    try:
        text = core.get(key, locale, **resolved)
    except FluentMessageError as exc:
        missing = set(_UNKNOWN_VARIABLE.findall(str(exc)))
        if not lenient or not missing:
            raise
        text = core.get(key, locale, **{name: "" for name in missing}, **resolved)
    for marker, value in long_values.items():
        text = text.replace(marker, value)
    return text


def render_piece(core: FluentRuntimeCore, locale: str, piece: dict[str, Any]) -> str:
    """One fragment (services.outbox.fragment) on its own, e.g. a place's name."""
    return render(core, locale, piece["key"], piece.get("args") or {})


def _resolve(core: FluentRuntimeCore, locale: str, value: Any, lenient: bool = False) -> Any:
    if isinstance(value, dict) and "key" in value:
        return render(core, locale, value["key"], value.get("args") or {}, lenient=lenient)
    if isinstance(value, dict) and "lines" in value:
        return "\n".join(str(_resolve(core, locale, v, lenient)) for v in value["lines"])
    if isinstance(value, bool):
        return str(value)
    if value is None:
        return ""
    return value


class PersonLocaleManager(BaseManager):
    """The person row is the source of truth; Telegram's language_code only seeds it."""

    async def get_locale(self, person: Person | None = None, **data: Any) -> str:
        if person is not None:
            return person.locale if person.locale in LOCALES else self._default()
        user = data.get("event_from_user")
        return locale_for(getattr(user, "language_code", None), self._default())

    async def set_locale(self, locale: str, **data: Any) -> None:
        # Stored by services.people.choose_locale inside the handler's unit of work.
        return None

    def _default(self) -> str:
        return self.default_locale or "zh-Hans"


def make_middleware(core: FluentRuntimeCore, default_locale: str) -> I18nMiddleware:
    return I18nMiddleware(
        core=core, manager=PersonLocaleManager(default_locale), default_locale=default_locale
    )
