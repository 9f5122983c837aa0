"""The permission table, written out as the product intends it, for every command with an
action, against every role, no role, and a superadmin. A change to POLICY that changes who
may use a command fails here until this table is changed too.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.commands import COMMANDS
from models.roles import AuditEntry, Role, RoleGrant
from services.policy import Action, allowed
from tests.harness import Harness
from tests.test_setup_e2e import CODES, LOCALES, bind, binding, grant_role, make_compound

# Columns: no role, each Role, a superadmin. Y: allowed, .: refused.
COLUMNS = {
    "none": None, "adm": Role.ADMIN, "stw": Role.STEWARD, "org": Role.ORGANIZER,
    "pb": Role.PARTY_BRANCH, "co": Role.COMMUNITY_OFFICER, "oc": Role.OWNERS_COMMITTEE,
    "gw": Role.GRID_WORKER, "lh": Role.LIAISON_HEAD, "bl": Role.BUILDING_LEADER,
    "med": Role.MEDIATOR, "mer": Role.MERCHANT, "fin": Role.FINANCE, "super": "superadmin",
}
MATRIX = """
command       none adm stw org pb  co  oc  gw  lh  bl  med mer fin super
newcompound   .    .   .   .   .   .   .   .   .   .   .   .   .   Y
setup         .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
team          .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
grant         .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
revoke        .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
roles         .    Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   Y
partymember   .    Y   .   .   Y   .   .   .   .   .   .   .   .   Y
registerhere  .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
import        .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
qr            .    Y   .   Y   Y   Y   .   Y   Y   Y   .   .   .   Y
contactadd    .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
contactdel    .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
poll          .    Y   .   Y   Y   Y   Y   .   .   .   .   .   .   Y
polls         .    Y   .   Y   Y   Y   Y   .   .   .   .   .   .   Y
ticket        .    Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   .   .   Y
queue         .    Y   Y   .   Y   Y   .   .   .   .   Y   .   .   Y
note          .    Y   Y   .   Y   Y   .   .   .   .   Y   .   .   Y
public        .    Y   Y   .   Y   Y   .   .   .   .   Y   .   .   Y
canned        .    Y   Y   .   Y   Y   .   .   .   .   Y   .   .   Y
party         .    Y   .   .   Y   Y   .   .   .   .   Y   .   .   Y
agree         .    Y   .   .   Y   Y   .   .   .   .   Y   .   .   Y
stats         .    Y   Y   .   Y   Y   Y   .   .   .   .   .   .   Y
digest        .    Y   .   .   Y   .   .   .   .   .   .   .   .   Y
tkconfig      .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
indicators    .    Y   .   .   Y   Y   Y   .   .   .   .   .   .   Y
feerate       .    Y   .   .   .   Y   .   .   .   .   .   .   .   Y
score         .    Y   .   .   Y   Y   Y   .   .   .   .   .   .   Y
monthly       .    Y   .   .   Y   Y   Y   .   .   .   .   .   .   Y
scheme        .    Y   .   .   Y   Y   Y   .   .   .   .   .   .   Y
activity      .    Y   .   Y   Y   Y   .   .   .   .   .   .   .   Y
redeem        .    Y   Y   .   .   .   .   .   .   .   .   .   .   Y
award         .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
pointrules    .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
ledger        .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
addreward     .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
merchants     .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
newentry      .    .   .   .   .   .   .   .   .   .   .   .   Y   Y
reverse       .    .   .   .   .   .   .   .   .   .   .   .   Y   Y
category      .    Y   .   .   .   .   .   .   .   .   .   .   Y   Y
ceiling       .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
accountscsv   .    Y   .   .   .   .   Y   .   .   .   .   .   .   Y
fundapproval  .    .   .   .   .   Y   Y   .   .   .   .   .   .   Y
screen        .    Y   .   .   .   .   .   .   .   .   .   .   .   Y
"""


def expected() -> dict[str, dict[str, bool]]:
    header, *rows = [line.split() for line in MATRIX.strip().splitlines()]
    assert header[1:] == list(COLUMNS), "the header must name every column, in order"
    table = {}
    for command, *marks in rows:
        assert len(marks) == len(COLUMNS) and set(marks) <= {"Y", "."}, command
        table[command] = {col: mark == "Y" for col, mark in zip(COLUMNS, marks, strict=True)}
    return table


EXPECTED = expected()
WITH_ACTION = {c.command: c for c in COMMANDS if c.action is not None}


def test_every_command_with_an_action_is_in_the_table() -> None:
    missing = sorted(set(WITH_ACTION) - set(EXPECTED))
    stale = sorted(set(EXPECTED) - set(WITH_ACTION))
    assert not missing, f"add rows to MATRIX for {missing}"
    assert not stale, f"MATRIX has rows for commands that are gone or lost their action: {stale}"


def test_every_role_is_a_column() -> None:
    assert {c for c in COLUMNS.values() if isinstance(c, Role)} == set(Role)


@pytest.mark.parametrize("command", sorted(EXPECTED))
def test_policy_matches_the_intended_table(command: str) -> None:
    spec = WITH_ACTION.get(command)
    if spec is None:
        pytest.fail(f"/{command} is no longer a command with an action")
    action = spec.action
    assert action is not None
    actual = {}
    for col, who in COLUMNS.items():
        if who == "superadmin":
            actual[col] = allowed(set(), action, superadmin=True)
        else:
            actual[col] = allowed({who} if isinstance(who, Role) else set(), action)
    assert actual == EXPECTED[command], f"/{command} ({action.value})"


# Actions pressed on buttons rather than typed as commands, held to the same table.
BUTTON_MATRIX = """
action                      none adm stw org pb  co  oc  gw  lh  bl  med mer fin super
accounts.confirm            .    .   .   .   .   Y   Y   .   .   .   .   .   .   Y
accounts.emergency_propose  .    .   .   .   .   .   Y   .   .   .   .   .   .   Y
accounts.emergency_approve  .    .   .   .   .   Y   .   .   .   .   .   .   .   Y
"""


@pytest.mark.parametrize("row", BUTTON_MATRIX.strip().splitlines()[1:])
def test_button_actions_match_the_intended_table(row: str) -> None:
    name, *marks = row.split()
    action = Action(name)
    for (col, who), mark in zip(COLUMNS.items(), marks, strict=True):
        if who == "superadmin":
            got = allowed(set(), action, superadmin=True)
        else:
            got = allowed({who} if isinstance(who, Role) else set(), action)
        assert got == (mark == "Y"), f"{name} for {col}"


# ---- a refused command really is refused, and changes nothing -----------------------------
DENIED = {"zh-Hans": "抱歉，您没有这项权限，什么都没有改变。",
          "zh-Hant": "抱歉，您沒有這項權限，什麼都沒有改變。",
          "en": "Sorry, you are not allowed to do that. Nothing was changed."}
NONE_FOR_ACTION = {"zh-Hans": "您在任何小区都没有这项权限", "zh-Hant": "您在任何社區都沒有這項權限",
                   "en": "You don't have this permission in any compound"}
SETUP_REFUSED = {"zh-Hans": "抱歉，只有同时是本群管理员和小区管理员的人才能设置本群。",
                 "zh-Hant": "抱歉，只有同時是本群組管理員和社區管理員的人才能設定本群組。",
                 "en": "Sorry, only someone who is both an admin of this group and an admin"}


async def grants_and_audit(h: Harness) -> tuple[list[tuple[int, str]], int]:
    async with h.app.sessions() as s:
        grants = (await s.execute(select(RoleGrant.person_id, RoleGrant.role)
                                  .where(RoleGrant.revoked_at.is_(None)))).all()
        audit = len((await s.execute(select(AuditEntry.id))).all())
    return sorted((p, r) for p, r in grants), audit


@pytest.mark.parametrize("locale", LOCALES)
async def test_a_steward_cannot_grant_or_set_up_a_group(h: Harness, locale: str) -> None:
    admin = h.emu.add_user("Adm", language_code=CODES[locale])
    steward = h.emu.add_user("Stew", language_code=CODES[locale], username="stew_one")
    resident = h.emu.add_user("Res", language_code=CODES[locale])
    compound_id = await make_compound(h, admin)
    await grant_role(h, steward, compound_id, Role.STEWARD)
    group = h.emu.add_group("Garden", admins=[admin, steward], members=[resident],
                            bot_status="member")
    await bind(h, group, compound_id)
    other = h.emu.add_group("Unbound", admins=[steward], bot_status="member")
    before = await grants_and_audit(h)

    hello = await h.send(resident, "hi", chat=group)
    await h.send(steward, "/grant admin", chat=group, reply_to=hello)
    assert h.emu.last(group.id).text == DENIED[locale]
    await h.send(steward, "/grant admin @stew_one")
    assert NONE_FOR_ACTION[locale] in h.emu.last(steward.id).text
    await h.send(steward, "/setup", chat=other)  # a chat admin, but not the compound's admin
    assert h.emu.last(other.id).text.startswith(SETUP_REFUSED[locale])

    assert await grants_and_audit(h) == before
    assert await binding(h, other.id) is None
