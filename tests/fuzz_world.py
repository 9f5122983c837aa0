"""The fuzz's world and what must still hold of it afterwards.

`seed` builds, with the feature tests' own factories, a compound with a bound building group
and staff chats, tickets (one new, one resolved and awaiting "is it fixed?"), an open poll
with votes, a points ledger with awards and a deduction, a merchant, a reward, an activity
and a duty roster; `broken_invariants` checks the data by SQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import App
from models.person import Person
from models.polls import PollKind, PollOption
from models.registry import Compound, Household
from models.roles import Role
from services import ledger
from services.activities import statement
from services.clock import FrozenClock
from services.policy import Actor
from services.polls import ballots
from services.tickets import intake, work
from services.tickets.categories import Category
from services.tickets.lifecycle import TRANSITIONS, Event, Status
from tests.emulator import BotApiEmulator
from tests.emulator.state import Chat, User
from tests.fuzz_cast import Cast
from tests.fuzz_strategies import PRIVATE
from tests.harness import SUPERADMIN_ID, TOKEN, Harness
from tests.points import factories as pf
from tests.polls import e2e_world as poll_world
from tests.polls import factories as vf
from tests.rosters import factories as rf
from tests.tickets import factories as tf
from tests.tickets import world as ticket_world


def _user(emu: BotApiEmulator, user_id: int, name: str, lang: str | None) -> User:
    user = User(user_id, name, language_code=lang)
    emu.state.users[user.id] = user
    emu.state.chats[user.id] = Chat(user.id, "private", first_name=name, started=True)
    return user


async def _tickets(s: AsyncSession, clock: FrozenClock, w: ticket_world.World) -> None:
    """One new ticket from the building group; one taken and resolved, awaiting "fixed?"."""
    home = await s.get(Household, w.households[0])
    assert home is not None
    for text_ in ("楼道的灯不亮了", "#repair the lift door squeaks"):
        ctx = await intake.create(s, clock, intake.Draft(
            compound_id=w.compound_id, category=Category.REPAIR, text=text_,
            reporter_id=w.person_ids["mei"], building_id=home.building_id,
            household_id=home.id, area="home", origin_chat_id=w.group.id))
    wang = await s.get(Person, w.person_ids["wang"])
    assert wang is not None
    await work.take(s, clock, Actor(wang), ctx.ticket.id)
    await work.resolve(s, clock, Actor(wang), ctx.ticket.id, "oiled")


async def _poll(s: AsyncSession, clock: FrozenClock, w: poll_world.World) -> None:
    """An open quick poll in the polls group, two owners have voted."""
    compound = await s.get(Compound, w.compound_id)
    boss = await s.get(Person, w.person_ids[w.organizer.id])
    assert compound is not None and boss is not None
    poll = await vf.open_poll(s, clock, compound, boss, PollKind.QUICK,
                              audience_chat_id=w.group.id, chats=[w.group.id])
    options = (await s.execute(select(PollOption.id).where(PollOption.poll_id == poll.id)
                               .order_by(PollOption.position))).scalars().all()
    key = ballots.server_key(TOKEN)
    for i, owner in enumerate(w.owners[:2]):
        await ballots.press(s, clock, key, ballots.Press(
            poll.id, options[i], w.person_ids[owner.id], chat_id=w.group.id,
            in_audience_chat=True))


async def _points_and_roster(s: AsyncSession, clock: FrozenClock, w: ticket_world.World,
                             admin: User) -> None:
    ids = w.person_ids
    compound = await s.get(Compound, w.compound_id)
    zhao, mei, lan = [await s.get(Person, ids[k]) for k in ("zhao", "mei", "lan")]
    assert compound is not None and zhao is not None and mei is not None and lan is not None
    boss = await tf.person(s, clock, admin.id, admin.first_name)
    await tf.grant(s, clock, boss, compound, Role.ADMIN)
    await tf.grant(s, clock, zhao, compound, Role.ORGANIZER)
    for who, amount in ((mei, 12), (lan, 5)):
        await ledger.award(s, clock, compound_id=compound.id, person_id=who.id, amount=amount,
                           key=f"seed:{who.id}", reason="stairwell cleaning")
    await ledger.deduct(s, clock, compound_id=compound.id, person_id=mei.id, amount=3,
                        key="seed:deduct", reason="correction")
    shop = await pf.merchant(s, clock, compound, contact=boss)
    await pf.reward(s, clock, compound, shop=shop, cost=4)
    await pf.activity(s, clock, compound, zhao)
    await s.commit()
    roster = await rf.roster(s, clock, compound.id, zhao, chat_id=w.group.id)
    await rf.join(s, clock, roster.id, mei, lan)
    await s.commit()


async def seed(emu: BotApiEmulator, app: App, clock: FrozenClock) -> Cast:
    h = Harness(emu, app, clock)
    tw = await ticket_world.build(h, "zh-Hans")
    pw = await poll_world.build(h, "en")
    boss = _user(emu, SUPERADMIN_ID, "Root", "en")
    admin = emu.add_user("Admin", language_code="zh-hant", started=True)
    groups = [*tw.chats.values(), pw.group,
              emu.add_group("Lobby", bot_status="member"),
              emu.add_group("Forum", forum=True, bot_status="member")]
    basic = Chat(-4242, "group", title="Old basic group", bot_status="member")
    channel = Chat(-1_000_000_009_999, "channel", title="Announcements")
    emu.state.chats.update({basic.id: basic, channel.id: channel})
    groups.append(basic)
    for chat in groups:
        chat.admin_ids += [boss.id, admin.id]
    async with app.sessions() as s:
        await _tickets(s, clock, tw)
        await _poll(s, clock, pw)
        await _points_and_roster(s, clock, tw, admin)
    people = [*tw.users.values(), pw.organizer, *pw.owners, pw.outsider, boss, admin]
    # The fuzzer feeds private messages from anyone in the cast, which on Telegram only a
    # user who has started the bot can send.
    for person in people:
        emu.chat(person.id).started = True
    return Cast(emu, people, groups, channel)


WARM_UP = (  # (person's index in the cast, chat or PRIVATE, text): puts buttons on screen
    (2, PRIVATE, "/queue"), (0, PRIVATE, "/mytickets"), (0, PRIVATE, "/points"),
    (8, PRIVATE, "/polls"), (5, PRIVATE, "/roster"), (14, PRIVATE, "/roles"),
    (13, PRIVATE, "/newcompound"), (0, PRIVATE, "/activities"), (0, PRIVATE, "/rewards"),
    (0, PRIVATE, "/myshifts"), (0, PRIVATE, "/profile"), (0, PRIVATE, "/lang"),
    (0, PRIVATE, "/report"), (0, 0, "#报修 水管漏水了"), (0, 0, "/roster"), (9, 6, "/help"),
    (13, 7, "/setup"), (6, PRIVATE, "/stats"), (14, PRIVATE, "/ledger"),
    (12, PRIVATE, "/register"), (14, 0, "/registerhere"), (14, PRIVATE, "/qr"),
)


# ---- invariants, by SQL -----------------------------------------------------------------
def _reachable() -> set[str]:
    seen, todo = {Status.NEW}, [Status.NEW]
    while todo:
        here = todo.pop()
        for (_event, source), target in TRANSITIONS.items():
            if source == here and target not in seen:
                seen.add(target)
                todo.append(target)
    return {s.value for s in seen}


async def _ledger_problems(s: AsyncSession, clock: FrozenClock) -> list[str]:
    problems = [f"posting {p} sums to {t}" for p, t in await s.execute(text(
        "SELECT posting_id, SUM(amount) FROM points_line GROUP BY posting_id "
        "HAVING SUM(amount) <> 0"))]
    accounts = await s.execute(text(
        "SELECT a.id, a.kind, a.compound_id, a.person_id, a.balance, "
        "COALESCE(SUM(l.amount), 0) FROM points_account a "
        "LEFT JOIN points_line l ON l.account_id = a.id "
        "GROUP BY a.id, a.kind, a.compound_id, a.person_id, a.balance"))
    for account, kind, compound_id, person_id, stored, journal in accounts.all():
        if stored != journal or (kind != "issuing" and stored < 0):
            problems.append(f"account {account} ({kind}): stored {stored}, lines {journal}")
        if kind == "wallet":
            compound = await s.get(Compound, compound_id)
            assert compound is not None
            shown = (await statement.overview(s, clock.now(), compound, person_id)).balance
            if shown != journal:
                problems.append(f"/points shows {shown} for account {account}, lines {journal}")
    return problems


async def _vote_problems(s: AsyncSession) -> list[str]:
    queries = {
        "two ballots for one voter": "SELECT poll_id, voter_key FROM poll_ballot "
        "GROUP BY poll_id, voter_key HAVING COUNT(*) > 1",
        "two ballots for one person": "SELECT b.poll_id, b.person_id FROM poll_ballot b "
        "JOIN poll p ON p.id = b.poll_id WHERE p.vote_unit = 'person' AND b.source = 'bot' "
        "GROUP BY b.poll_id, b.person_id HAVING COUNT(*) > 1",
        "a household covered twice": "SELECT poll_id, household_id FROM poll_coverage "
        "GROUP BY poll_id, household_id HAVING COUNT(*) > 1",
        "a count that is not its choices": "SELECT c.poll_id, c.option_id, c.ballots FROM "
        "poll_count c WHERE c.ballots <> (SELECT COUNT(*) FROM poll_choice h "
        "WHERE h.poll_id = c.poll_id AND h.option_id = c.option_id)",
        "an open ballot with no or too many choices": "SELECT b.id, COUNT(h.id) FROM "
        "poll_ballot b JOIN poll p ON p.id = b.poll_id LEFT JOIN poll_choice h "
        "ON h.ballot_id = b.id WHERE p.secret = :no GROUP BY b.id, p.max_choices "
        "HAVING COUNT(h.id) < 1 OR COUNT(h.id) > p.max_choices",
    }
    return [f"{what}: {tuple(row)}" for what, sql in queries.items()
            for row in await s.execute(text(sql), {"no": False})]


async def _ticket_problems(s: AsyncSession) -> list[str]:
    reachable, transitions = _reachable(), {e.value for e in Event}
    chains: dict[int, list[Any]] = {}
    for row in await s.execute(text("SELECT ticket_id, id, kind, from_status, to_status "
                                    "FROM ticket_event ORDER BY ticket_id, id")):
        chains.setdefault(row[0], []).append(row)
    problems = []
    for ticket, status in await s.execute(text("SELECT id, status FROM ticket")):
        events = chains.get(ticket, [])
        if status not in reachable:
            problems.append(f"ticket {ticket}: unreachable status {status}")
        if not events or (events[0][2], events[0][3]) != ("create", "new"):
            problems.append(f"ticket {ticket}: history does not start with its creation")
        before = "new"
        for _t, event_id, kind, source, target in events:
            if kind in transitions:
                allowed = TRANSITIONS.get((Event(kind), Status(source))) == target
            else:
                allowed = source == target  # a note, a reply, a +1: the status stays
            if not allowed or source != before:
                problems.append(f"ticket {ticket}: event {event_id} {kind} {source}->{target} "
                                f"after {before}")
            before = target
        if before != status:
            problems.append(f"ticket {ticket}: status {status}, last event says {before}")
    return problems


async def broken_invariants(app: App, clock: FrozenClock) -> list[str]:
    """Every data invariant the fuzz must leave intact; empty when all hold."""
    async with app.sessions() as s:
        problems = [*await _ledger_problems(s, clock), *await _vote_problems(s),
                    *await _ticket_problems(s)]
        problems += [f"dead notice {key} ({text_key}): {error}" for key, text_key, error in
                     await s.execute(text("SELECT idem_key, text_key, last_error FROM outbox "
                                          "WHERE status = 'dead'"))]
    return problems
