"""Civil Code Art. 278 tallies at their boundaries, with exact arithmetic."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.polls import Matter
from services.polls.tally278 import SPECIAL_MATTERS, Side, head_count, owner_units, tally

EVERYONE = Side(area=D("9000.00"), heads=90)  # 2/3 = 6000 m² and 60 owners


def verdict(matter: Matter, part: Side, agree: Side):  # type: ignore[no-untyped-def]
    return tally(matter, EVERYONE, part, agree)


def test_matters_six_to_eight_are_special_and_the_rest_simple_majority() -> None:
    order = list(Matter)
    assert [m for m in order if m in SPECIAL_MATTERS] == order[5:8]
    assert len(order) == 9


def test_participation_of_exactly_two_thirds_is_enough() -> None:
    v = verdict(Matter.OTHER, Side(D("6000.00"), 60), Side(D("3000.01"), 31))
    assert v.participation_area.ok and v.participation_heads.ok and v.quorum
    assert v.passed


@pytest.mark.parametrize("part", [Side(D("5999.99"), 60), Side(D("6000.00"), 59)])
def test_participation_just_under_two_thirds_by_area_or_by_heads_fails(part: Side) -> None:
    v = verdict(Matter.OTHER, part, part)  # even if everyone who took part agrees
    assert not v.quorum
    assert not v.passed


def test_exactly_three_quarters_passes_a_special_matter() -> None:
    v = verdict(Matter.FUND_RAISE, Side(D("8000.00"), 80), Side(D("6000.00"), 60))
    assert v.special and v.agree_area.ok and v.agree_heads.ok and v.passed


@pytest.mark.parametrize("agree", [Side(D("5999.99"), 60), Side(D("6000.00"), 59)])
def test_just_under_three_quarters_fails_a_special_matter(agree: Side) -> None:
    v = verdict(Matter.REBUILD, Side(D("8000.00"), 80), agree)
    assert v.quorum and not v.passed


@pytest.mark.parametrize("matter", [m for m in Matter if m not in SPECIAL_MATTERS])
def test_exactly_half_is_not_a_majority(matter: Matter) -> None:
    part = Side(D("8000.00"), 80)
    assert not verdict(matter, part, Side(D("4000.00"), 41)).passed  # area exactly half
    assert not verdict(matter, part, Side(D("4000.01"), 40)).passed  # heads exactly half
    assert verdict(matter, part, Side(D("4000.01"), 41)).passed


def test_three_quarters_is_not_enough_for_nothing_but_special_matters() -> None:
    part = Side(D("8000.00"), 80)
    agree = Side(D("4000.01"), 41)  # a bare majority
    assert verdict(Matter.MANAGER, part, agree).passed
    assert not verdict(Matter.COMMON_USE, part, agree).passed


def test_both_tallies_must_agree() -> None:
    part = Side(D("8000.00"), 80)
    big_flats = Side(D("7000.00"), 30)  # most area, few owners
    v = verdict(Matter.OTHER, part, big_flats)
    assert v.agree_area.ok and not v.agree_heads.ok and not v.passed


def test_areas_with_cents_are_compared_exactly() -> None:
    everyone = Side(D("100.00"), 3)
    assert tally(Matter.OTHER, everyone, Side(D("66.67"), 2), Side(D("66.67"), 2)).quorum
    assert not tally(Matter.OTHER, everyone, Side(D("66.66"), 2), Side(D("66.66"), 2)).quorum


def test_an_empty_roll_never_passes() -> None:
    v = tally(Matter.OTHER, Side(D(0), 0), Side(D(0), 0), Side(D(0), 0))
    assert not v.quorum and not v.passed


def test_more_agreeing_than_participating_is_an_error() -> None:
    with pytest.raises(ValueError):
        verdict(Matter.OTHER, Side(D("10"), 1), Side(D("20"), 1))


OWN, CO = "owner", "co_owner"


def test_one_owner_with_several_households_counts_once_with_the_summed_area() -> None:
    areas = {1: D("80.50"), 2: D("120.00"), 3: D("95.25")}
    units = owner_units(areas, [(100, 1, OWN), (100, 2, OWN), (200, 3, OWN)])
    assert len(units) == 2
    mine = next(u for u in units if 100 in u.persons)
    assert mine.households == frozenset({1, 2})
    assert mine.area == D("200.50")
    assert mine.key == "o:1"


def test_co_owners_of_one_household_are_one_owner() -> None:
    units = owner_units({1: D("90.00"), 2: D("60.00")}, [(100, 1, OWN), (101, 1, CO)])
    assert [(u.households, u.persons) for u in units] == [
        (frozenset({1}), frozenset({100, 101})), (frozenset({2}), frozenset()),
    ]


def test_different_buyers_are_never_merged_through_a_shared_household() -> None:
    # A owns 1 and 2; B co-owns 2 and owns 3: A's parts are one head, B's another.
    units = owner_units({1: D("50"), 2: D("60"), 3: D("70"), 4: D("80")},
                        [(1, 1, OWN), (1, 2, OWN), (2, 2, CO), (2, 3, OWN)])
    assert [(u.households, u.area) for u in units] == [
        (frozenset({1, 2}), D("110")), (frozenset({3}), D("70")), (frozenset({4}), D("80")),
    ]


def test_the_developers_parts_are_one_owner_together() -> None:
    units = owner_units({1: D("50"), 2: D("60"), 3: D("70")}, [(9, 3, OWN)],
                        developer={1, 2, 3})
    assert [(u.households, u.area, u.persons) for u in units] == [
        (frozenset({1, 2, 3}), D("180"), frozenset({9})),
    ]


def test_households_nobody_registered_for_still_count_one_each() -> None:
    units = owner_units({1: D("50"), 2: D("60")}, [])
    assert [u.area for u in units] == [D("50"), D("60")]
    assert sum(u.area for u in units) == D("110")


def test_links_to_unknown_households_are_ignored() -> None:
    assert len(owner_units({1: D("50")}, [(7, 99, OWN)])) == 1


cents = st.integers(min_value=0, max_value=10_000_00)


@given(total=st.integers(1, 10_000_00), part=cents, heads=st.integers(1, 500),
       pheads=st.integers(0, 500))
def test_participation_matches_integer_cross_multiplication(
    total: int, part: int, heads: int, pheads: int
) -> None:
    part, pheads = min(part, total), min(pheads, heads)
    everyone = Side(D(total) / 100, heads)
    v = tally(Matter.OTHER, everyone, Side(D(part) / 100, pheads), Side(D(0), 0))
    assert v.participation_area.ok == (3 * part >= 2 * total)
    assert v.participation_heads.ok == (3 * pheads >= 2 * heads)


@given(st.dictionaries(st.integers(1, 12), st.integers(1, 8), max_size=12),
       st.lists(st.tuples(st.integers(1, 8), st.integers(1, 12)), max_size=20),
       st.sets(st.integers(1, 12), max_size=4))
def test_the_roll_has_as_many_heads_as_owner_units(
    bought: dict[int, int], shared: list[tuple[int, int]], developer: set[int]
) -> None:
    """`head_count` (what the tally's electorate uses) agrees with the units `owner_units`
    groups. A household has at most one owner (the database's rule); co-owners are free."""
    homes = {h: D(50) for h in range(1, 13)}
    links = [(p, h, OWN) for h, p in bought.items()] + [(p, h, CO) for p, h in shared]
    ordinary = [(p, h) for h, p in bought.items() if h not in developer]
    assert head_count(12 - len(developer), len(developer), ordinary) == len(
        owner_units(homes, links, developer))
