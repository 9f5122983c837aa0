"""Text helpers: UTF-16 lengths, automatic entities and the HTML parse mode."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from .params import bad_request

_AUTO_ENTITIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("url", re.compile(r"https?://\S+")),
    ("bot_command", re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?!\w)")),
    ("hashtag", re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z0-9_]{4,32}(?!\w)")),
)

_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def auto_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram detects by itself: commands, hashtags, mentions and URLs."""
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in _AUTO_ENTITIES:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e, _ in spans):
                continue
            spans.append((start, end, kind))
    spans.sort()
    return [
        {"type": kind, "offset": utf16_len(text[:s]), "length": utf16_len(text[s:e])}
        for s, e, kind in spans
    ]


class _HtmlToEntities(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.stack: list[tuple[str, dict[str, Any], int, int]] = []
        self.entities: list[tuple[int, int, dict[str, Any]]] = []
        self.seq = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        entity = self._entity_for(tag, attributes)
        self.seq += 1
        self.stack.append((tag, entity, self.length, self.seq))

    def _entity_for(self, tag: str, attrs: dict[str, str]) -> dict[str, Any]:
        if tag not in _HTML_TAGS or (tag == "span" and attrs.get("class") != "tg-spoiler"):
            raise ValueError(f'Unsupported start tag "{tag}"')
        entity: dict[str, Any] = {"type": _HTML_TAGS[tag]}
        if tag == "a":
            entity["url"] = attrs.get("href", "")
        elif tag == "blockquote" and "expandable" in attrs:
            entity["type"] = "expandable_blockquote"
        elif tag == "tg-emoji":
            entity["custom_emoji_id"] = attrs.get("emoji-id", "")
        elif tag == "code" and self.stack and self.stack[-1][0] == "pre":
            language = attrs.get("class", "").removeprefix("language-")
            if language:
                self.stack[-1][1]["language"] = language
                entity["type"] = ""
        return entity

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            expected = f"</{self.stack[-1][0]}>" if self.stack else "nothing"
            raise ValueError(f'Unmatched end tag, expected "{expected}", found "</{tag}>"')
        _, entity, start, seq = self.stack.pop()
        if entity["type"] and self.length > start:
            entity.update(offset=start, length=self.length - start)
            self.entities.append((start, seq, entity))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        self.length += utf16_len(data)


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Strip Telegram HTML markup, returning the plain text and its entities."""
    parser = _HtmlToEntities()
    try:
        parser.feed(text)
        parser.close()
        if parser.stack:
            raise ValueError(
                f'Can\'t find end tag corresponding to start tag "{parser.stack[-1][0]}"'
            )
    except ValueError as exc:
        raise bad_request(f"can't parse entities: {exc}") from None
    parser.entities.sort(key=lambda item: (item[0], item[1]))
    return "".join(parser.parts), [entity for _, _, entity in parser.entities]


def format_text(
    text: str, parse_mode: str | None, entities: list[dict[str, Any]] | None
) -> tuple[str, list[dict[str, Any]]]:
    """Apply a parse mode the way Telegram does; explicit entities win over parse_mode."""
    if entities:
        return text, entities
    if parse_mode and parse_mode.lower() == "html":
        return parse_html(text)
    return text, []
