"""Who to call in a compound or building: teams on duty, leaders, badges, public numbers.

Everything here is what a building may see: a person's phone appears only when its owner
published it, and no room or household is ever part of a directory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.directory import Relay
from models.person import Person
from models.registry import Building, Compound, Household, LinkStatus, Residency
from models.roles import DirectoryEntry, Role, RoleGrant, Team, TeamMember
from services import audit, outbox, registry
from services.clock import Clock

# The roles a resident looks for first, in the order a directory lists them.
LEADER_ROLES = (Role.BUILDING_LEADER, Role.LIAISON_HEAD, Role.GRID_WORKER)
# Who holds a ticket above the property team (the escalation ladder's levels 2 and 3):
# residents are told "the party branch holds it", so they must find it here.
LADDER_ROLES = (Role.PARTY_BRANCH, Role.COMMUNITY_OFFICER)
SECTION_LIMIT = 25  # people per section, so a directory stays within one message or two
LABEL_MAX, NOTE_MAX = 64, 256
_PHONE_CHARS = re.compile(r"^\+?[\d\s\-().]+$")


def normalize_phone(text: str, min_digits: int = 5, max_digits: int = 15) -> str | None:
    """Digits with an optional leading "+", or None when it does not look like a number."""
    text = text.strip()
    if not _PHONE_CHARS.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if not min_digits <= len(digits) <= max_digits:
        return None
    return ("+" if text.startswith("+") else "") + digits


@dataclass(frozen=True)
class Contact:
    person_id: int
    name: str
    label: str  # a role or a team code
    phone: str | None = None  # only a published one
    building: str | None = None


@dataclass(frozen=True)
class TeamContacts:
    code: str
    name: str | None
    members: list[Contact]


@dataclass
class Directory:
    compound: Compound
    building: Building | None
    teams: list[TeamContacts] = field(default_factory=list)
    leaders: list[Contact] = field(default_factory=list)
    party: list[Contact] = field(default_factory=list)
    ladder: list[Contact] = field(default_factory=list)
    entries: list[DirectoryEntry] = field(default_factory=list)
    more_party: int = 0

    def people(self) -> list[Contact]:
        """Each listed person once, in the order they appear."""
        seen: dict[int, Contact] = {}
        for c in [*(m for t in self.teams for m in t.members), *self.leaders, *self.ladder,
                  *self.party]:
            seen.setdefault(c.person_id, c)
        return list(seen.values())


def _public_phone(person: Person) -> str | None:
    return person.phone if person.phone_public and person.phone else None


async def directory(
    session: AsyncSession, compound_id: int, building_id: int | None
) -> Directory | None:
    compound = await session.get(Compound, compound_id)
    building = await session.get(Building, building_id) if building_id else None
    if compound is None or (building_id and (building is None
                                             or building.compound_id != compound_id)):
        return None
    found = Directory(compound=compound, building=building)
    found.teams = await _teams(session, compound_id)
    found.leaders = await _leaders(session, compound_id, building_id)
    found.ladder = await _ladder(session, compound_id)
    found.party, found.more_party = await _party(session, compound_id, building_id)
    found.entries = await _entries(session, compound_id, building_id)
    return found


async def _teams(session: AsyncSession, compound_id: int) -> list[TeamContacts]:
    rows = await session.execute(
        select(Team, Person)
        .join(TeamMember, TeamMember.team_id == Team.id)
        .join(Person, Person.id == TeamMember.person_id)
        .where(Team.compound_id == compound_id, TeamMember.on_duty.is_(True),
               Person.tg_id.is_not(None))
        .order_by(Team.code, Person.id)
    )
    teams: dict[int, TeamContacts] = {}
    for team, person in rows:
        entry = teams.setdefault(team.id, TeamContacts(team.code, team.name, []))
        if len(entry.members) < SECTION_LIMIT:
            entry.members.append(
                Contact(person.id, person.display_name, team.code, _public_phone(person))
            )
    return list(teams.values())


async def _leaders(
    session: AsyncSession, compound_id: int, building_id: int | None
) -> list[Contact]:
    stmt = (
        select(RoleGrant.role, Person, Building.name)
        .join(Person, Person.id == RoleGrant.person_id)
        .outerjoin(Building, Building.id == RoleGrant.building_id)
        .where(RoleGrant.compound_id == compound_id, RoleGrant.revoked_at.is_(None),
               RoleGrant.role.in_([r.value for r in LEADER_ROLES]), Person.tg_id.is_not(None))
    )
    if building_id is not None:
        stmt = stmt.where(
            (RoleGrant.building_id == building_id) | RoleGrant.building_id.is_(None)
        )
    rows = list(await session.execute(stmt))
    order = {r.value: i for i, r in enumerate(LEADER_ROLES)}
    found = sorted(rows, key=lambda r: (order[r[0]], registry.natural_key(r[2] or ""), r[1].id))
    # Within a building the building is implied; a compound-wide list names it.
    return [
        Contact(p.id, p.display_name, role, _public_phone(p),
                None if building_id is not None else bname)
        for role, p, bname in found[: SECTION_LIMIT * len(LEADER_ROLES)]
    ]


async def _ladder(session: AsyncSession, compound_id: int) -> list[Contact]:
    """The party branch and the community office: compound-wide, listed in every building."""
    rows = await session.execute(
        select(RoleGrant.role, Person)
        .join(Person, Person.id == RoleGrant.person_id)
        .where(RoleGrant.compound_id == compound_id, RoleGrant.revoked_at.is_(None),
               RoleGrant.role.in_([r.value for r in LADDER_ROLES]), Person.tg_id.is_not(None))
    )
    order = {r.value: i for i, r in enumerate(LADDER_ROLES)}
    found = sorted(rows, key=lambda r: (order[r[0]], r[1].id))
    return [Contact(p.id, p.display_name, role, _public_phone(p))
            for role, p in found[: SECTION_LIMIT]]


def has_branch(d: Directory) -> bool:
    return any(c.label == Role.PARTY_BRANCH.value for c in d.ladder)


async def _party(
    session: AsyncSession, compound_id: int, building_id: int | None
) -> tuple[list[Contact], int]:
    """Party members living here who chose to show their badge (亮身份)."""
    stmt = (
        select(Person)
        .join(Residency, Residency.person_id == Person.id)
        .join(Household, Household.id == Residency.household_id)
        .where(Household.compound_id == compound_id, Residency.status == LinkStatus.VERIFIED,
               Person.party_member.is_(True), Person.show_badge.is_(True),
               Person.tg_id.is_not(None))
        .distinct()
        .order_by(Person.id)
    )
    if building_id is not None:
        stmt = stmt.where(Household.building_id == building_id)
    people = list((await session.execute(stmt)).scalars())
    shown = [Contact(p.id, p.display_name, "party", _public_phone(p))
             for p in people[:SECTION_LIMIT]]
    return shown, max(0, len(people) - SECTION_LIMIT)


async def _entries(
    session: AsyncSession, compound_id: int, building_id: int | None
) -> list[DirectoryEntry]:
    stmt = select(DirectoryEntry).where(DirectoryEntry.compound_id == compound_id)
    if building_id is not None:
        stmt = stmt.where((DirectoryEntry.building_id == building_id)
                          | DirectoryEntry.building_id.is_(None))
    stmt = stmt.order_by(DirectoryEntry.building_id.is_not(None), DirectoryEntry.id)
    return list((await session.execute(stmt)).scalars())


async def my_buildings(session: AsyncSession, person_id: int) -> list[tuple[Compound, Building]]:
    """Buildings where the person lives or asked to, each once."""
    pairs: dict[int, tuple[Compound, Building]] = {}
    statuses = (LinkStatus.VERIFIED, LinkStatus.PENDING)
    for _residency, household in await registry.households_of(session, person_id, statuses):
        if household.building_id not in pairs:
            compound = await session.get(Compound, household.compound_id)
            building = await session.get(Building, household.building_id)
            if compound is not None and building is not None:
                pairs[household.building_id] = (compound, building)
    return sorted(pairs.values(), key=lambda cb: (cb[0].id, cb[1].sort_key))


async def lives_in(session: AsyncSession, person_id: int, building_id: int) -> bool:
    return any(b.id == building_id for _c, b in await my_buildings(session, person_id))


# ---- entries admins maintain ---------------------------------------------------------------
@dataclass(frozen=True)
class EntryDraft:
    label: str
    phone: str
    note: str | None


def parse_entry(args: str | None) -> EntryDraft | None:
    """`<label> <phone> [note]`; None when a part is missing, too long or not a number."""
    parts = (args or "").split(maxsplit=2)
    if len(parts) < 2:
        return None
    phone = normalize_phone(parts[1], min_digits=3, max_digits=20)
    note = parts[2].strip() if len(parts) == 3 else None
    if phone is None or len(parts[0]) > LABEL_MAX or (note and len(note) > NOTE_MAX):
        return None
    return EntryDraft(parts[0], phone, note or None)


async def add_entry(
    session: AsyncSession, clock: Clock, actor: Person, compound_id: int,
    building_id: int | None, draft: EntryDraft,
) -> DirectoryEntry:
    entry = DirectoryEntry(compound_id=compound_id, building_id=building_id,
                           label=draft.label, phone=draft.phone, note=draft.note)
    session.add(entry)
    await session.flush()
    audit.record(session, clock, "directory.add", actor_id=actor.id, compound_id=compound_id,
                 entry_id=entry.id, building_id=building_id)
    await session.commit()
    return entry


async def delete_entry(
    session: AsyncSession, clock: Clock, actor: Person, entry: DirectoryEntry
) -> None:
    audit.record(session, clock, "directory.delete", actor_id=actor.id,
                 compound_id=entry.compound_id, entry_id=entry.id, label=entry.label)
    await session.delete(entry)
    await session.commit()


async def entries_of(session: AsyncSession, compound_ids: list[int]) -> list[DirectoryEntry]:
    rows = await session.execute(
        select(DirectoryEntry).where(DirectoryEntry.compound_id.in_(compound_ids))
        .order_by(DirectoryEntry.compound_id, DirectoryEntry.id)
    )
    return list(rows.scalars())


# ---- messages relayed through the bot ------------------------------------------------------
RELAY_TEXT_MAX = 3000  # leaves room for the greeting around it within Telegram's 4096
RELAY_REPLY_PREFIX = "rl"  # the handler's CallbackData prefix for the "Reply" button


class RelayRefused(Exception):
    """reason: self | gone | empty | too_long"""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def relay(
    session: AsyncSession, clock: Clock, sender: Person, recipient_id: int, text: str
) -> Relay:
    """Queue `text` for the recipient's private chat with a button to answer. Commits."""
    text = text.strip()
    if not text:
        raise RelayRefused("empty")
    if len(text) > RELAY_TEXT_MAX:
        raise RelayRefused("too_long")
    if recipient_id == sender.id:
        raise RelayRefused("self")
    recipient = await session.get(Person, recipient_id)
    if recipient is None or recipient.tg_id is None:
        raise RelayRefused("gone")
    row = Relay(sender_id=sender.id, recipient_id=recipient.id, created_at=clock.now())
    session.add(row)
    await session.flush()
    await outbox.enqueue(session, clock, outbox.Notice(
        key=f"relay:{row.id}", chat_id=recipient.tg_id, text_key="dir-relay-incoming",
        args={"name": sender.first_name, "text": text},
        buttons=[[outbox.Button("dir-relay-reply-button", (RELAY_REPLY_PREFIX, row.id))]],
    ))
    await session.commit()
    return row


async def reply_target(session: AsyncSession, relay_id: int, presser_id: int) -> int | None:
    """Whom the presser may answer: the sender of a message the presser received."""
    row = await session.get(Relay, relay_id)
    if row is None or row.recipient_id != presser_id:
        return None
    return row.sender_id
