"""The one permission policy: which roles may do what, per compound.

Handlers and services ask `can()` / `require()`; nothing else decides permissions.
Superadmins (SUPERADMIN_IDS) may do everything. Features add their actions to POLICY.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.registry import Compound
from models.roles import Role, RoleGrant

R = Role


class Action(enum.StrEnum):
    COMPOUND_CREATE = "compound.create"
    CHAT_BIND = "chat.bind"
    HOUSEHOLD_IMPORT = "household.import"
    RESIDENCY_DECIDE = "residency.decide"
    ROLE_GRANT = "role.grant"
    ROLE_LIST = "role.list"
    TEAM_MANAGE = "team.manage"
    DIRECTORY_EDIT = "directory.edit"
    QR_MAKE = "qr.make"
    REGISTER_POST = "register.post"
    ACTIVITY_CREATE = "activity.create"
    ACTIVITY_MANAGE = "activity.manage"
    POINTS_AWARD = "points.award"
    POINTS_RULES = "points.rules"
    REWARD_MANAGE = "reward.manage"
    VOUCHER_CONFIRM = "voucher.confirm"
    PARTY_MARK = "party.mark"
    POLL_CREATE = "poll.create"
    POLL_ASSEMBLY = "poll.assembly"
    POLL_MANAGE = "poll.manage"
    POLL_COUNCIL = "poll.council"
    TICKET_WORK = "ticket.work"
    TICKET_OVERSEE = "ticket.oversee"
    TICKET_LEVEL2 = "ticket.level2"
    TICKET_LEVEL3 = "ticket.level3"
    TICKET_MEDIATE = "ticket.mediate"
    TICKET_FILE_FOR = "ticket.file_for"
    TICKET_STATS = "ticket.stats"
    TICKET_STATS_ALL = "ticket.stats_all"
    TICKET_DIGEST = "ticket.digest"
    TICKET_CONFIG = "ticket.config"
    ASSESSMENT_VIEW = "assessment.view"
    ASSESSMENT_ENTER = "assessment.enter"
    ASSESSMENT_SCHEME = "assessment.scheme"
    ROSTER_CREATE = "roster.create"
    ROSTER_MANAGE = "roster.manage"
    CALENDAR_LOAD = "calendar.load"
    ACCOUNTS_RECORD = "accounts.record"
    ACCOUNTS_CONFIRM = "accounts.confirm"
    ACCOUNTS_CATEGORY = "accounts.category"
    ACCOUNTS_APPROVE = "accounts.approve"
    ACCOUNTS_SETTINGS = "accounts.settings"
    ACCOUNTS_EMERGENCY_PROPOSE = "accounts.emergency_propose"
    ACCOUNTS_EMERGENCY_APPROVE = "accounts.emergency_approve"
    ACCOUNTS_EXPORT = "accounts.export"
    SCREEN_MANAGE = "screen.manage"


STAFF = frozenset({R.ADMIN, R.ORGANIZER, R.PARTY_BRANCH, R.COMMUNITY_OFFICER})

POLICY: dict[Action, frozenset[Role]] = {
    Action.COMPOUND_CREATE: frozenset(),  # superadmins only
    Action.CHAT_BIND: frozenset({R.ADMIN}),
    Action.HOUSEHOLD_IMPORT: frozenset({R.ADMIN}),
    Action.RESIDENCY_DECIDE: frozenset({R.ADMIN, R.OWNERS_COMMITTEE}),
    Action.ROLE_GRANT: frozenset({R.ADMIN}),
    # Stewards need to know who leads each building and who the grid workers are.
    Action.ROLE_LIST: STAFF | {R.OWNERS_COMMITTEE, R.STEWARD},
    Action.TEAM_MANAGE: frozenset({R.ADMIN}),
    Action.DIRECTORY_EDIT: frozenset({R.ADMIN}),
    Action.QR_MAKE: STAFF | {R.BUILDING_LEADER, R.LIAISON_HEAD, R.GRID_WORKER},
    Action.REGISTER_POST: frozenset({R.ADMIN}),
    # Volunteer activities: organizers run their own; ACTIVITY_MANAGE runs anyone's.
    Action.ACTIVITY_CREATE: STAFF,
    Action.ACTIVITY_MANAGE: frozenset({R.ADMIN, R.PARTY_BRANCH}),
    # Points are money-like: only the compound's admin awards, deducts and sets the rules.
    Action.POINTS_AWARD: frozenset({R.ADMIN}),
    Action.POINTS_RULES: frozenset({R.ADMIN}),
    Action.REWARD_MANAGE: frozenset({R.ADMIN}),
    # Stewards confirm any voucher of the compound; a merchant's contact confirms that
    # merchant's vouchers (an ownership check in services.rewards, not a role).
    Action.VOUCHER_CONFIRM: frozenset({R.ADMIN, R.STEWARD}),
    # Party membership is vouched for by the compound's admin or its party branch.
    Action.PARTY_MARK: frozenset({R.ADMIN, R.PARTY_BRANCH}),
    # Polls: organizers launch them; owners' assembly votes are the owners' committee's
    # business (with the admin and the community office that guides it). Creators manage
    # their own polls; POLL_MANAGE manages anyone's in the compound.
    Action.POLL_CREATE: STAFF | {R.OWNERS_COMMITTEE},
    Action.POLL_ASSEMBLY: frozenset({R.ADMIN, R.OWNERS_COMMITTEE, R.COMMUNITY_OFFICER}),
    Action.POLL_MANAGE: frozenset({R.ADMIN}),
    # Who sits on the four-party council (四方议事会): party branch, community office,
    # owners' committee, property company (stewards) and residents' building leaders.
    Action.POLL_COUNCIL: frozenset({R.PARTY_BRANCH, R.COMMUNITY_OFFICER, R.OWNERS_COMMITTEE,
                                    R.STEWARD, R.BUILDING_LEADER}),
    # Tickets: stewards work their own team's; whoever the ladder reached may act on it
    # (L2 party branch, L3 community office); admins oversee everything in their compound.
    Action.TICKET_WORK: frozenset({R.STEWARD, R.ADMIN, R.PARTY_BRANCH, R.COMMUNITY_OFFICER,
                                   R.MEDIATOR}),
    Action.TICKET_OVERSEE: frozenset({R.ADMIN}),
    Action.TICKET_LEVEL2: frozenset({R.ADMIN, R.PARTY_BRANCH}),
    Action.TICKET_LEVEL3: frozenset({R.ADMIN, R.PARTY_BRANCH, R.COMMUNITY_OFFICER}),
    Action.TICKET_MEDIATE: frozenset({R.MEDIATOR, R.PARTY_BRANCH, R.COMMUNITY_OFFICER,
                                      R.ADMIN}),
    # Filing for someone else's message (/ticket as a reply): people who look after others.
    Action.TICKET_FILE_FOR: STAFF | {R.STEWARD, R.BUILDING_LEADER, R.LIAISON_HEAD,
                                     R.GRID_WORKER, R.OWNERS_COMMITTEE, R.MEDIATOR},
    # /stats: stewards see their own teams' figures; TICKET_STATS_ALL sees the whole
    # compound (everyone who oversees the service).
    Action.TICKET_STATS: frozenset({R.ADMIN, R.PARTY_BRANCH, R.COMMUNITY_OFFICER,
                                    R.OWNERS_COMMITTEE, R.STEWARD}),
    Action.TICKET_STATS_ALL: frozenset({R.ADMIN, R.PARTY_BRANCH, R.COMMUNITY_OFFICER,
                                        R.OWNERS_COMMITTEE}),
    Action.TICKET_DIGEST: frozenset({R.ADMIN, R.PARTY_BRANCH}),
    Action.TICKET_CONFIG: frozenset({R.ADMIN}),
    # The assessment is read by whoever oversees the service; only the compound's admin (for
    # the property company) and the community office enter the fee collection rate.
    Action.ASSESSMENT_VIEW: frozenset({R.ADMIN, R.PARTY_BRANCH, R.COMMUNITY_OFFICER,
                                       R.OWNERS_COMMITTEE}),
    Action.ASSESSMENT_ENTER: frozenset({R.ADMIN, R.COMMUNITY_OFFICER}),
    # The scheme is the community's yardstick for its compounds, not the compounds' own.
    Action.ASSESSMENT_SCHEME: frozenset({R.COMMUNITY_OFFICER}),
    # Duty rosters (crossing guard, patrols, greeting calls): staff and building leaders run
    # their own; ROSTER_MANAGE runs anyone's in the compound.
    Action.ROSTER_CREATE: STAFF | {R.BUILDING_LEADER},
    Action.ROSTER_MANAGE: frozenset({R.ADMIN, R.PARTY_BRANCH}),
    # The State Council's holiday arrangement is national: whoever runs rosters in any
    # compound may load it as announced (every load is audited and shown to the organizers).
    Action.CALENDAR_LOAD: STAFF,
    # Open accounts (明白账): the property company's finance records, a second person from
    # the owners' committee or the community office confirms (never the recorder: checked
    # in services.accounts and in the database), residents read. Nobody else writes.
    Action.ACCOUNTS_RECORD: frozenset({R.FINANCE}),
    Action.ACCOUNTS_CONFIRM: frozenset({R.OWNERS_COMMITTEE, R.COMMUNITY_OFFICER}),
    # Sub-categories (parking, advertising, …) are added by the admin or while recording.
    Action.ACCOUNTS_CATEGORY: frozenset({R.ADMIN, R.FINANCE}),
    # The amount an owners' assembly approved for the maintenance fund is recorded by those
    # who confirm the spending; finance, who spends it, does not set its own ceiling.
    Action.ACCOUNTS_APPROVE: frozenset({R.OWNERS_COMMITTEE, R.COMMUNITY_OFFICER}),
    Action.ACCOUNTS_SETTINGS: frozenset({R.ADMIN}),
    # The emergency / small-repair procedure: the owners' committee proposes, the community
    # office approves (two different people, held by the database too).
    Action.ACCOUNTS_EMERGENCY_PROPOSE: frozenset({R.OWNERS_COMMITTEE}),
    Action.ACCOUNTS_EMERGENCY_APPROVE: frozenset({R.COMMUNITY_OFFICER}),
    Action.ACCOUNTS_EXPORT: frozenset({R.ADMIN, R.OWNERS_COMMITTEE}),
    # The lobby screen's address is the compound's to hand out (and to change when it leaks).
    Action.SCREEN_MANAGE: frozenset({R.ADMIN}),
}


class Denied(Exception):
    def __init__(self, action: Action) -> None:
        super().__init__(action.value)
        self.action = action


@dataclass(frozen=True)
class Actor:
    person: Person
    superadmin: bool = False


def allowed(roles: set[Role] | frozenset[Role], action: Action, superadmin: bool = False) -> bool:
    """Pure decision, so the whole table can be tested without a database."""
    return superadmin or bool(POLICY[action] & set(roles))


async def roles_of(session: AsyncSession, person_id: int, compound_id: int) -> set[Role]:
    rows = await session.execute(
        select(RoleGrant.role).where(
            RoleGrant.person_id == person_id,
            RoleGrant.compound_id == compound_id,
            RoleGrant.revoked_at.is_(None),
        )
    )
    return {Role(r) for (r,) in rows}


async def can(
    session: AsyncSession, actor: Actor | None, action: Action, compound_id: int | None
) -> bool:
    # No actor: an anonymous group admin or a channel, someone we cannot name holds no role.
    if actor is None:
        return False
    if actor.superadmin:
        return True
    if compound_id is None:
        return False
    return allowed(await roles_of(session, actor.person.id, compound_id), action)


async def require(
    session: AsyncSession, actor: Actor | None, action: Action, compound_id: int | None
) -> None:
    if not await can(session, actor, action, compound_id):
        raise Denied(action)


async def compounds_for(session: AsyncSession, actor: Actor, action: Action) -> list[Compound]:
    """The compounds in which the actor may do `action` (every compound for superadmins)."""
    if actor.superadmin:
        rows = await session.execute(select(Compound).order_by(Compound.id))
        return list(rows.scalars())
    roles = [r for r in POLICY[action]]
    if not roles:
        return []
    rows = await session.execute(
        select(Compound)
        .join(RoleGrant, RoleGrant.compound_id == Compound.id)
        .where(
            RoleGrant.person_id == actor.person.id,
            RoleGrant.revoked_at.is_(None),
            RoleGrant.role.in_([r.value for r in roles]),
        )
        .distinct()
        .order_by(Compound.id)
    )
    return list(rows.scalars())
