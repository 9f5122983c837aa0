"""Owners' assembly votes counted the way Civil Code Art. 278 counts them.

Pure and exact: areas are Decimals, shares are Fractions, nothing is ever a float.

- Participation: owners holding at least 2/3 of the total exclusive area AND at least 2/3
  of all owners by headcount must take part.
- Matters 6-8 (raising maintenance funds; rebuilding; changing the use of common parts or
  running business on them): at least 3/4 of the participating area AND at least 3/4 of
  the participating owners agree.
- Every other matter: more than 1/2 of the participating area AND more than 1/2 of the
  participating owners agree.

"以上" includes the bound; "过半数" is strictly more than half. Headcount follows the
Supreme People's Court's interpretation on building ownership (art. 9): one exclusive part
counts as one owner, but an owner of several parts counts once (their area is the sum),
and co-owners of a part cast one ballot. Owners linked through shared parts therefore form
one voting unit: a connected group of owners and households.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from models.polls import Matter

SPECIAL_MATTERS = frozenset({Matter.FUND_RAISE, Matter.REBUILD, Matter.COMMON_USE})
PARTICIPATION = Fraction(2, 3)
SPECIAL_SHARE = Fraction(3, 4)
MAJORITY = Fraction(1, 2)


@dataclass(frozen=True)
class Unit:
    """One owner for the headcount: their households (all of them) and who may vote."""

    households: frozenset[int]
    area: Decimal
    persons: frozenset[int]

    @property
    def key(self) -> str:
        return f"o:{min(self.households)}"


def owner_units(
    households: Mapping[int, Decimal], ownerships: Iterable[tuple[int, int]]
) -> list[Unit]:
    """Group households into voting units.

    `households` maps every household of the compound to its exclusive area (households
    nobody has registered for still count: one unit each). `ownerships` are verified
    (person, household) owner and co-owner links.
    """
    parent = {h: h for h in households}

    def find(h: int) -> int:
        while parent[h] != h:
            parent[h] = parent[parent[h]]
            h = parent[h]
        return h

    first_of: dict[int, int] = {}
    owners: dict[int, set[int]] = {}
    for person, household in ownerships:
        if household not in parent:
            continue
        owners.setdefault(household, set()).add(person)
        if person in first_of:
            a, b = find(first_of[person]), find(household)
            if a != b:
                parent[max(a, b)] = min(a, b)
        else:
            first_of[person] = household
    groups: dict[int, set[int]] = {}
    for h in households:
        groups.setdefault(find(h), set()).add(h)
    units = [
        Unit(
            households=frozenset(hs),
            area=sum((households[h] for h in hs), Decimal(0)),
            persons=frozenset(p for h in hs for p in owners.get(h, ())),
        )
        for hs in groups.values()
    ]
    return sorted(units, key=lambda u: min(u.households))


@dataclass(frozen=True)
class Side:
    """Exclusive area and headcount of a set of owners (everyone, participants, agreeing)."""

    area: Decimal
    heads: int


@dataclass(frozen=True)
class Check:
    part: Decimal | int
    whole: Decimal | int
    need: Fraction
    strict: bool  # "more than" (过半数) rather than "at least" (以上)
    ok: bool

    @property
    def share(self) -> Fraction:
        return share(self.part, self.whole)


@dataclass(frozen=True)
class Verdict:
    matter: Matter
    special: bool
    participation_area: Check
    participation_heads: Check
    agree_area: Check
    agree_heads: Check

    @property
    def quorum(self) -> bool:
        return self.participation_area.ok and self.participation_heads.ok

    @property
    def passed(self) -> bool:
        return self.quorum and self.agree_area.ok and self.agree_heads.ok


def joined(ownerships: Iterable[tuple[int, int]]) -> int:
    """How many households an owner of several joins to another's unit: the roll has that
    many heads fewer than households (the count `owner_units` arrives at)."""
    parent: dict[int, int] = {}

    def find(h: int) -> int:
        while parent.get(h, h) != h:
            parent[h] = parent.get(parent[h], parent[h])
            h = parent[h]
        return h

    first_of: dict[int, int] = {}
    merges = 0
    for person, household in ownerships:
        if person not in first_of:
            first_of[person] = household
            continue
        a, b = find(first_of[person]), find(household)
        if a != b:
            parent[max(a, b)] = min(a, b)
            merges += 1
    return merges


def share(part: Decimal | int, whole: Decimal | int) -> Fraction:
    return Fraction(0) if whole == 0 else Fraction(part) / Fraction(whole)


def check(part: Decimal | int, whole: Decimal | int, need: Fraction, strict: bool) -> Check:
    if whole <= 0:
        return Check(part, whole, need, strict, ok=False)
    value = share(part, whole)
    return Check(part, whole, need, strict, ok=value > need if strict else value >= need)


def tally(matter: Matter, electorate: Side, participating: Side, agree: Side) -> Verdict:
    if not (agree.heads <= participating.heads and agree.area <= participating.area):
        raise ValueError("more owners agree than took part")
    special = matter in SPECIAL_MATTERS
    need, strict = (SPECIAL_SHARE, False) if special else (MAJORITY, True)
    return Verdict(
        matter=matter,
        special=special,
        participation_area=check(participating.area, electorate.area, PARTICIPATION, False),
        participation_heads=check(participating.heads, electorate.heads, PARTICIPATION, False),
        agree_area=check(agree.area, participating.area, need, strict),
        agree_heads=check(agree.heads, participating.heads, need, strict),
    )
