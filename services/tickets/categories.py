"""Ticket categories: what people type for them, where they go, how fast they must be handled."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Category(enum.StrEnum):
    REPAIR = "repair"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    WISH = "wish"
    DISPUTE = "dispute"
    SAFETY = "safety"


C = Category

# Hashtags that open a ticket in a group, per language we speak; the first tag of a category
# in a language is the one shown to its readers. A compound may add its own
# (TicketCategoryConfig.tags).
LOCALE_TAGS: dict[str, dict[str, Category]] = {
    "zh-Hans": {"#报修": C.REPAIR, "#投诉": C.COMPLAINT, "#建议": C.SUGGESTION, "#心愿": C.WISH,
                "#纠纷": C.DISPUTE, "#安全": C.SAFETY, "#紧急": C.SAFETY},
    "zh-Hant": {"#報修": C.REPAIR, "#投訴": C.COMPLAINT, "#建議": C.SUGGESTION, "#心願": C.WISH,
                "#糾紛": C.DISPUTE, "#安全": C.SAFETY, "#緊急": C.SAFETY},
    "en": {"#repair": C.REPAIR, "#complaint": C.COMPLAINT, "#suggestion": C.SUGGESTION,
           "#wish": C.WISH, "#dispute": C.DISPUTE, "#safety": C.SAFETY, "#emergency": C.SAFETY},
}
HASHTAG_TAGS: dict[str, Category] = {
    tag: category for tags in LOCALE_TAGS.values() for tag, category in tags.items()
}


def primary_tag(category: Category, locale: str) -> str:
    """The hashtag a reader of this language is shown for a category."""
    tags = LOCALE_TAGS.get(locale, LOCALE_TAGS["zh-Hans"])
    return next(tag for tag, c in tags.items() if c == category)


# Words that make a repair or complaint a safety ticket at once: fire, gas, lift entrapment.
URGENT_WORDS_INPUT: tuple[str, ...] = (
    "着火", "起火", "火灾", "冒烟", "燃气", "煤气", "漏气", "困人", "被困", "关在电梯",
    "著火", "火災", "冒煙", "燃氣", "煤氣", "漏氣", "關在電梯",
    "fire", "smoke", "gas leak", "smell of gas", "trapped",
)

AREAS = ("home", "lift", "garage", "gate", "greenery", "other")

# (accept within, resolve within) in minutes.
DEFAULT_SLA: dict[Category, tuple[int, int]] = {
    C.REPAIR: (120, 48 * 60),
    C.SAFETY: (15, 4 * 60),
    C.COMPLAINT: (240, 72 * 60),
    C.DISPUTE: (24 * 60, 7 * 24 * 60),
    C.SUGGESTION: (72 * 60, 30 * 24 * 60),
    C.WISH: (72 * 60, 30 * 24 * 60),
}
URGENT = frozenset({C.SAFETY})
# Suggestion box, wish box and disputes belong to the party branch unless configured.
DESK = frozenset({C.SUGGESTION, C.WISH, C.DISPUTE})
# Team codes tried in order for the others; then the compound's first team.
TEAM_PREFERENCE: dict[Category, tuple[str, ...]] = {
    C.REPAIR: ("repairs",),
    C.SAFETY: ("safety", "repairs"),
    C.COMPLAINT: ("service", "repairs"),
}

TEXT_LIMIT = 20_000  # kept whole below this; a message can never be longer anyway
_TAG_TOKEN = re.compile(r"#\S{0,24}")


@dataclass(frozen=True)
class Parsed:
    """The start of a message: a known tag (category set) or an unknown one (tag set)."""

    category: Category | None
    tag: str
    body: str


def parse_hashtag(text: str, extra: dict[str, Category] | None = None) -> Parsed | None:
    """Read a leading hashtag. None when the text does not start with '#'.

    Chinese writers often glue the tag to the text ("#报修楼道灯坏了"), so known tags match
    as prefixes, longest first.
    """
    stripped = text.lstrip()
    if not stripped.startswith("#"):
        return None
    tags = {**HASHTAG_TAGS, **(extra or {})}
    lowered = stripped.lower()
    for tag in sorted(tags, key=len, reverse=True):
        if lowered.startswith(tag.lower()):
            rest = stripped[len(tag):]
            if tag.isascii() and rest[:1].isalnum():
                continue  # "#repairs" is not "#repair"
            return Parsed(tags[tag], tag, rest.strip())
    token = _TAG_TOKEN.match(stripped)
    return Parsed(None, token.group(0) if token else "#", stripped)


def looks_urgent(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in URGENT_WORDS_INPUT)


def effective_category(category: Category, text: str) -> Category:
    """Repairs and complaints about fire, gas or a trapped person are safety tickets."""
    if category in (C.REPAIR, C.COMPLAINT) and looks_urgent(text):
        return C.SAFETY
    return category
