"""Rows for the data-scale benchmark: compounds of 10,000 households, years of tickets.

Deterministic (one seed), generated in chunks so a million tickets never sit in memory at
once. Ids are laid out up front so rows can refer to each other without reading back:
resident person n lives in household n; staff follow the residents.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from services.tickets.categories import DEFAULT_SLA, Category

Row = dict[str, Any]
ROOMS_PER_ENTRANCE = 50
ENTRANCES = 4
PER_BUILDING = ROOMS_PER_ENTRANCE * ENTRANCES
TEAMS = ("repairs", "service", "safety", "cleaning")
STEWARDS_PER_TEAM = 5
OFFICIALS = ("admin", "party_branch", "community_officer", "owners_committee")
STAFF_PER_COMPOUND = len(TEAMS) * STEWARDS_PER_TEAM + len(OFFICIALS)
HISTORY_DAYS = 3 * 365
CATEGORIES = [(Category.REPAIR, 55), (Category.COMPLAINT, 20), (Category.SUGGESTION, 10),
              (Category.SAFETY, 5), (Category.WISH, 5), (Category.DISPUTE, 5)]
TEAM_OF = {Category.REPAIR: "repairs", Category.COMPLAINT: "service", Category.SAFETY: "safety"}
PROBLEMS = ("楼道灯不亮", "电梯异响", "水管漏水", "垃圾没清运", "地库积水", "门禁失灵",
            "楼上噪音", "绿化带杂草", "车位被占", "外墙渗水", "窗户关不上", "下水道堵塞")


@dataclass(frozen=True)
class Scale:
    compounds: int
    households_per_compound: int
    tickets: int
    seed: int = 20_240_601

    @property
    def households(self) -> int:
        return self.compounds * self.households_per_compound

    @property
    def buildings_per_compound(self) -> int:
        return -(-self.households_per_compound // PER_BUILDING)

    @property
    def tickets_per_compound(self) -> int:
        return self.tickets // self.compounds

    def staff_id(self, compound: int, slot: int) -> int:
        """Person id of a compound's steward (slot < 20) or official (20..23)."""
        return self.households + (compound - 1) * STAFF_PER_COMPOUND + slot + 1

    def team_id(self, compound: int, team: int) -> int:
        return (compound - 1) * len(TEAMS) + team + 1

    def household_id(self, compound: int, k: int) -> int:
        return (compound - 1) * self.households_per_compound + k + 1

    def name(self) -> str:
        return f"{self.households}h-{self.tickets}t"


def registry(scale: Scale, now: datetime) -> dict[str, list[Row]]:
    """Compounds, buildings, entrances, teams and staff: small, built at once."""
    out: dict[str, list[Row]] = {k: [] for k in (
        "compound", "building", "entrance", "team", "team_member", "role_grant", "person")}
    since = now - timedelta(days=HISTORY_DAYS + 30)
    for c in range(1, scale.compounds + 1):
        out["compound"].append({"id": c, "community_id": None, "name": f"幸福里{c}期",
                                "timezone": "Asia/Shanghai", "locale": "zh-Hans",
                                "created_by": None, "created_at": since})
        for b in range(scale.buildings_per_compound):
            bid = (c - 1) * scale.buildings_per_compound + b + 1
            out["building"].append({"id": bid, "compound_id": c, "name": str(b + 1),
                                    "sort_key": f"{b + 1:08d}"})
            out["entrance"] += [{"id": (bid - 1) * ENTRANCES + e + 1, "building_id": bid,
                                 "name": str(e + 1), "sort_key": f"{e + 1:08d}"}
                                for e in range(ENTRANCES)]
        for t, code in enumerate(TEAMS):
            out["team"].append({"id": scale.team_id(c, t), "compound_id": c, "code": code,
                                "name": None, "round_robin": False})
        _staff(scale, c, since, out)
    return out


def _staff(scale: Scale, c: int, since: datetime, out: dict[str, list[Row]]) -> None:
    for slot in range(STAFF_PER_COMPOUND):
        pid = scale.staff_id(c, slot)
        out["person"].append(person_row(pid, f"Staff {c}-{slot}", since))
        if slot < len(TEAMS) * STEWARDS_PER_TEAM:
            role = "steward"
            out["team_member"].append({"team_id": scale.team_id(c, slot // STEWARDS_PER_TEAM),
                                       "person_id": pid, "on_duty": True, "joined_at": since})
        else:
            role = OFFICIALS[slot - len(TEAMS) * STEWARDS_PER_TEAM]
        out["role_grant"].append({
            "id": len(out["role_grant"]) + 1, "compound_id": c, "person_id": pid, "role": role,
            "building_id": None, "granted_by": None, "granted_at": since, "revoked_by": None,
            "revoked_at": None})


def tg_id(pid: int) -> int:
    """The Telegram id of generated person `pid` (far from the emulator's own ids)."""
    return 100_000_000 + pid


def person_row(pid: int, name: str, at: datetime) -> Row:
    return {"id": pid, "tg_id": tg_id(pid), "first_name": name, "last_name": None,
            "username": None, "language_code": "zh-hans", "locale": "zh-Hans",
            "locale_chosen": False, "created_at": at, "seen_at": at, "forgotten_at": None,
            "phone": None, "phone_public": False, "party_member": False, "show_badge": False}


def households(scale: Scale, now: datetime) -> Iterator[tuple[str, Row]]:
    """Every household with its owner (person id = household id) and the owner's link.

    One household in fifty is also co-owned by the neighbour's owner, so the owners' roll
    of an assembly vote has owners holding several homes (Civil Code Art. 278 units).
    """
    rng = random.Random(scale.seed)
    at = now - timedelta(days=HISTORY_DAYS)
    extra_link = scale.households
    for c in range(1, scale.compounds + 1):
        for k in range(scale.households_per_compound):
            hid = scale.household_id(c, k)
            bid = (c - 1) * scale.buildings_per_compound + k // PER_BUILDING + 1
            entrance = (bid - 1) * ENTRANCES + (k % PER_BUILDING) // ROOMS_PER_ENTRANCE + 1
            room = f"{(k % ROOMS_PER_ENTRANCE) // 2 + 1}{k % 2 + 1:02d}"
            yield "household", {
                "id": hid, "compound_id": c, "building_id": bid, "entrance_id": entrance,
                "room": room, "sort_key": f"{bid:08d}-{room:0>8}",
                "area_m2": Decimal(rng.randint(5000, 18000)) / 100, "owner_name": None,
                "phone": None, "updated_at": at}
            yield "person", person_row(hid, f"住户{hid}", at)
            yield "residency", residency_row(hid, hid, hid, "owner", at)
            if k % 50 == 7:
                extra_link += 1
                yield "residency", residency_row(extra_link, hid - 1, hid, "co_owner", at)


def residency_row(rid: int, person: int, household: int, relation: str, at: datetime) -> Row:
    return {"id": rid, "person_id": person, "household_id": household, "relation": relation,
            "status": "verified", "created_at": at, "decided_at": at, "decided_by": None}


def _status(rng: random.Random, age_days: float) -> str:
    """Young tickets are mostly open, old ones closed; a few old ones got stuck open."""
    if age_days < 1:
        pool = (("new", 40), ("accepted", 30), ("in_progress", 20), ("waiting", 10))
    elif age_days < 7:
        pool = (("new", 3), ("accepted", 5), ("in_progress", 10), ("waiting", 5),
                ("resolved", 20), ("closed", 55), ("reopened", 2))
    elif age_days < 30:
        pool = (("in_progress", 3), ("waiting", 2), ("resolved", 5), ("closed", 82),
                ("rejected", 4), ("duplicate", 4))
    elif rng.random() < 0.0005:
        return "in_progress"
    else:
        pool = (("closed", 92), ("rejected", 4), ("duplicate", 4))
    names, weights = zip(*pool, strict=True)
    return rng.choices(names, weights)[0]


def tickets(scale: Scale, now: datetime) -> Iterator[tuple[str, Row]]:
    """Tickets spread evenly over three years per compound, with followers and ratings."""
    rng = random.Random(scale.seed + 1)
    per = scale.tickets_per_compound
    step = timedelta(days=HISTORY_DAYS) / max(per, 1)
    start = now - timedelta(days=HISTORY_DAYS)
    names, weights = zip(*CATEGORIES, strict=True)
    tid = rating_id = 0
    for c in range(1, scale.compounds + 1):
        for number in range(1, per + 1):
            tid += 1
            created = start + step * (number - 1) + timedelta(seconds=rng.randint(0, 600))
            category: Category = rng.choices(names, weights)[0]
            row = _ticket(scale, rng, c, tid, number, category, created, now)
            yield "ticket", row
            yield "ticket_follower", {"ticket_id": tid, "person_id": row["reporter_id"],
                                      "kind": "reporter", "joined_at": created}
            if rng.random() < 0.03:
                other = scale.household_id(c, rng.randrange(scale.households_per_compound))
                if other != row["reporter_id"]:
                    yield "ticket_follower", {"ticket_id": tid, "person_id": other,
                                              "kind": "co_reporter", "joined_at": created}
            if row["outcome"] == "confirmed" and rng.random() < 0.4:
                rating_id += 1
                yield "ticket_rating", {
                    "id": rating_id, "ticket_id": tid, "person_id": row["reporter_id"],
                    "round": 1, "fixed": True, "stars": rng.choice((3, 4, 4, 5, 5, 5)),
                    "comment": None, "steward_id": row["assignee_id"],
                    "team_id": row["team_id"], "at": row["closed_at"]}


def _ticket(scale: Scale, rng: random.Random, c: int, tid: int, number: int,
            category: Category, created: datetime, now: datetime) -> Row:
    status = _status(rng, (now - created).total_seconds() / 86400)
    code = TEAM_OF.get(category)
    team = scale.team_id(c, TEAMS.index(code)) if code else None
    if status in ("new", "rejected", "duplicate"):
        assignee = None
    elif team is not None:
        assignee = scale.staff_id(c, (team - scale.team_id(c, 0)) * STEWARDS_PER_TEAM
                                  + rng.randrange(STEWARDS_PER_TEAM))
    else:
        assignee = scale.staff_id(c, len(TEAMS) * STEWARDS_PER_TEAM + 1)  # the party branch
    accept_min, resolve_min = DEFAULT_SLA[category]
    accepted = created + timedelta(minutes=rng.randint(5, 180)) if assignee else None
    resolved = (accepted + timedelta(hours=rng.randint(1, 72))
                if accepted and status in ("resolved", "closed") else None)
    closed = (resolved + timedelta(hours=rng.randint(1, 72))
              if resolved and status == "closed" else None)
    if status in ("rejected", "duplicate"):
        closed = created + timedelta(hours=rng.randint(1, 24))
    outcome = None
    if status == "closed":
        outcome = rng.choices(("confirmed", "unconfirmed", "mediated"), (80, 18, 2))[0]
    reporter = scale.household_id(c, rng.randrange(scale.households_per_compound))
    overdue_new = status == "new" and now - created > timedelta(days=1)
    accept_due = created + timedelta(minutes=accept_min)
    resolve_due = created + timedelta(minutes=resolve_min)
    return {
        "id": tid, "compound_id": c, "number": number, "category": category.value,
        "status": status, "team_id": team, "assignee_id": assignee, "auto_assigned": False,
        "level": 2 if team is None or overdue_new else 1, "urgent": category == Category.SAFETY,
        "reporter_id": reporter, "filed_by_id": None, "anonymous": rng.random() < 0.05,
        "building_id": (c - 1) * scale.buildings_per_compound
        + (reporter - scale.household_id(c, 0)) // PER_BUILDING + 1,
        "household_id": reporter, "area": "home" if category == Category.REPAIR else "other",
        "text": f"{rng.choice(PROBLEMS)}，麻烦尽快处理（{number}）",
        "origin_chat_id": None, "origin_message_id": None, "origin_thread_id": None,
        "duplicate_of_id": None, "resolution": None, "outcome": outcome,
        "resolve_round": 1 if resolved else 0, "created_at": created,
        "updated_at": max(t for t in (created, accepted, resolved, closed) if t),
        "accepted_at": accepted, "resolved_at": resolved, "closed_at": closed,
        "accept_due_at": accept_due, "resolve_due_at": resolve_due, "paused_at": None,
        "warn_at": None if closed else (accept_due if status == "new" else resolve_due)
        - timedelta(minutes=30),
        "warned_due_at": None, "digested_at": None,
    }
