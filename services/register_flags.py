"""Yes/no cells of the household register, such as the developer's-part column.

Registers mark these with whatever the clerk typed: 是/否, √/×, "未售", "yes", 1/0. An
empty cell means "not known here" (the stored value stays); anything else is refused
rather than guessed, because a wrong mark changes an assembly's headcount.
"""

from __future__ import annotations

import unicodedata

YES_INPUT = frozenset({
    "是", "是的", "有", "√", "✓", "✔", "y", "yes", "true", "1",
    "开发商", "開發商", "建设单位", "建設單位", "未售", "未售出", "未交付", "未售/未交付",
    "developer", "unsold", "undelivered",
})
NO_INPUT = frozenset({
    "否", "不是", "无", "無", "×", "✗", "✘", "n", "no", "false", "0",
    "已售", "已售出", "已交付", "sold", "delivered",
})


def parse_flag(raw: str) -> tuple[bool | None, str | None]:
    """(True/False/None for empty, None) or (None, rejection code)."""
    text = unicodedata.normalize("NFKC", raw).strip().casefold().replace(" ", "")
    if not text:
        return None, None
    if text in YES_INPUT:
        return True, None
    if text in NO_INPUT:
        return False, None
    return None, "developer-invalid"
