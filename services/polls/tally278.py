"""Owners' assembly votes counted the way Civil Code Art. 278 counts them.

Pure and exact: areas are Decimals, shares are Fractions, nothing is ever a float.

- Participation: owners holding at least 2/3 of the total exclusive area AND at least 2/3
  of all owners by headcount must take part.
- Matters 6-8 (raising maintenance funds; rebuilding; changing the use of common parts or
  running business on them): at least 3/4 of the participating area AND at least 3/4 of
  the participating owners agree.
- Every other matter: more than 1/2 of the participating area AND more than 1/2 of the
  participating owners agree.

"以上" includes the bound; "过半数" is strictly more than half. Area and headcount follow the
Supreme People's Court's interpretation on building ownership (art. 8, 9): area is each
part's exclusive area in the register; one exclusive part counts as one owner, except that
the parts of one buyer count as one owner together (their area is the sum), and so do all
of the developer's unsold or undelivered parts. A part's buyer is its one verified owner
(`owner`; every further owner of it is a `co_owner`, enforced by the database), so parts
group by buyer and never through a chain: a co-owner of one part who is the buyer of
another does not join the two buyers. Co-owners share their part's one ballot.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from models.polls import Matter
from models.registry import Relation

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
    households: Mapping[int, Decimal], ownerships: Iterable[tuple[int, int, str]],
    developer: Collection[int] = (),
) -> list[Unit]:
    """Group households into voting units (one head each).

    `households` maps every household of the compound to its exclusive area (households
    nobody has registered for still count: one unit each). `ownerships` are verified
    (person, household, relation) owner and co-owner links; `developer` the households the
    register marks as the developer's unsold or undelivered parts.
    """
    buyer: dict[int, int] = {}
    owners: dict[int, set[int]] = {}
    for person, household, relation in ownerships:
        if household not in households:
            continue
        owners.setdefault(household, set()).add(person)
        if relation == Relation.OWNER:
            buyer.setdefault(household, person)
    groups: dict[tuple[str, int], set[int]] = {}
    for h in households:
        groups.setdefault(_group(h, buyer, developer), set()).add(h)
    units = [
        Unit(
            households=frozenset(hs),
            area=sum((households[h] for h in hs), Decimal(0)),
            persons=frozenset(p for h in hs for p in owners.get(h, ())),
        )
        for hs in groups.values()
    ]
    return sorted(units, key=lambda u: min(u.households))


def _group(household: int, buyer: Mapping[int, int], developer: Collection[int]
           ) -> tuple[str, int]:
    if household in developer:
        return ("developer", 0)
    if household in buyer:
        return ("buyer", buyer[household])
    return ("part", household)


def head_count(homes: int, developer_homes: int, bought: Iterable[tuple[int, int]]) -> int:
    """The roll's heads without building the units: `homes` ordinary parts, `developer_homes`
    developer parts, `bought` the (buyer, household) links of ordinary parts."""
    links = set(bought)
    buyers = {p for p, _ in links}
    parts_with_buyer = {h for _, h in links}
    return homes - len(parts_with_buyer) + len(buyers) + (1 if developer_homes else 0)


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
