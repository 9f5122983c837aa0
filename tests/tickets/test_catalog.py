"""Keys the ticket code builds at run time exist in every locale; hashtags parse right."""

from __future__ import annotations

import pytest

from services.locale import LOCALES
from services.tickets.categories import AREAS, Category, effective_category, parse_hashtag
from services.tickets.intake import similarity
from services.tickets.lifecycle import Event, Status
from tests.test_i18n_catalog import catalog

EVENT_KINDS = {e.value for e in Event} | {
    "create", "reply", "canned", "message", "note", "plus_one", "absorb", "warn", "overdue",
    "party", "agree", "agree_no"}
DYNAMIC = (
    [f"tk-cat-{c.value}" for c in Category]
    + [f"tk-area-{a}" for a in AREAS]
    + [f"tk-status-{s.value}" for s in Status]
    + [f"tk-ev-{k}" for k in EVENT_KINDS]
    + [f"tk-level-{n}" for n in (1, 2, 3)]
    + [f"tk-reason-{r}" for r in ("accept-late", "resolve-late", "manual", "not-fixed",
                                  "accept-soon", "resolve-soon")]
    + [f"tk-prompt-{p}" for p in ("wait", "rej", "dup")]
    + [f"tk-done-{p}" for p in ("wait", "rej", "dup", "hand")]
    + [f"tk-vote-{v}" for v in ("waiting", "mediated", "declined")]
)


@pytest.mark.parametrize("locale", LOCALES)
def test_dynamic_keys_exist(locale: str) -> None:
    keys = catalog(locale)
    missing = [k for k in DYNAMIC if k not in keys]
    assert not missing, f"{locale} lacks {missing}"


@pytest.mark.parametrize(("text", "category", "body"), [
    ("#报修 楼道灯坏了", Category.REPAIR, "楼道灯坏了"),
    ("#报修楼道灯坏了", Category.REPAIR, "楼道灯坏了"),
    ("#投訴 夜裡太吵", Category.COMPLAINT, "夜裡太吵"),
    ("#Repair the lift", Category.REPAIR, "the lift"),
    ("#心願 想要一個讀書角", Category.WISH, "想要一個讀書角"),
    ("  #dispute noisy dog", Category.DISPUTE, "noisy dog"),
])
def test_known_hashtags(text: str, category: Category, body: str) -> None:
    parsed = parse_hashtag(text)
    assert parsed is not None and (parsed.category, parsed.body) == (category, body)


def test_unknown_and_absent_hashtags() -> None:
    assert parse_hashtag("no tag here") is None
    unknown = parse_hashtag("#repairs are needed")
    assert unknown is not None and unknown.category is None and unknown.tag == "#repairs"
    custom = parse_hashtag("#物业 门禁坏了", {"#物业": Category.COMPLAINT})
    assert custom is not None and custom.category is Category.COMPLAINT


def test_fire_gas_and_entrapment_are_safety() -> None:
    assert effective_category(Category.REPAIR, "电梯困人了") is Category.SAFETY
    assert effective_category(Category.COMPLAINT, "I smell gas, maybe a gas leak") \
        is Category.SAFETY
    assert effective_category(Category.SUGGESTION, "fire drill please") is Category.SUGGESTION


def test_similarity_reads_chinese_and_english() -> None:
    assert similarity("3号楼楼道的灯不亮了", "楼道的灯不亮了，晚上看不见") > 0.3
    assert similarity("the lift is broken", "lift broken again") > 0.3
    assert similarity("楼道灯坏了", "垃圾没人收") < 0.1
