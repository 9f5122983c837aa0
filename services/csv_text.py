"""Spreadsheet text as people in China actually save it: UTF-8 or GBK, commas or not.

Excel on a Chinese Windows saves "CSV" in GB18030 (GBK), WPS and newer Excel in UTF-8
with a BOM, and "Unicode text" in UTF-16 with tabs; all of them end up here.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence

DELIMITERS = (",", ";", "\t")


class NotText(ValueError):
    """The bytes are not a text file in any encoding we accept (a spreadsheet, an image)."""


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not) first; GB18030, a superset of GBK, when that fails."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotText("utf-16") from None
    if b"\x00" in data:
        raise NotText("binary")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
        raise NotText("control characters")
    raise NotText("undecodable")


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")
    return controls <= len(text) // 100


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first non-empty line most; a comma when none does."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def rows(text: str) -> Iterable[tuple[int, list[str]]]:
    """(line number of the row's first line, cells); quoted cells may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def clean(cell: str) -> str:
    """Full-width digits and letters to ASCII (１２３ → 123), spaces trimmed."""
    return unicodedata.normalize("NFKC", cell).strip()


def to_csv(table: Sequence[Sequence[str]]) -> bytes:
    """UTF-8 with a BOM, so that Excel in China opens it without garbling."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(table)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
