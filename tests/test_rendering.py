from __future__ import annotations

from bot.rendering import split_text, truncate


def test_short_text_is_one_part() -> None:
    assert split_text("你好") == ["你好"]


def test_long_text_splits_on_line_boundaries_and_keeps_everything() -> None:
    lines = [f"第{i}行 " + "字" * 50 for i in range(300)]
    text = "\n".join(lines)
    parts = split_text(text)
    assert len(parts) > 1
    assert all(len(p) <= 4096 for p in parts)
    # every line arrives whole, in order
    assert "\n".join(parts).split("\n") == lines


def test_a_single_huge_line_is_cut_hard_without_loss() -> None:
    text = "修" * 10_000
    parts = split_text(text)
    assert [len(p) for p in parts] == [4096, 4096, 1808]
    assert "".join(parts) == text


def test_truncate_marks_the_cut() -> None:
    assert truncate("a" * 10, 5) == "aaaa…"
    assert truncate("abc", 5) == "abc"
