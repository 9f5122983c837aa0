"""End to end: who counts in an owners' assembly (SPC interpretation, art. 8 and 9).

The register is imported through /import with the developer's column; one buyer of two
flats is one owner, the developer's three unsold flats are one owner together, a co-owner
who is the buyer of another flat does not join the two buyers, and a co-owner whose home
has already voted is told so and changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models.polls import PollBallot, PollKind
from models.registry import Building, Compound, Household
from models.roles import Role, RoleGrant
from services import people
from services.registry import create_compound
from tests.emulator.state import User
from tests.harness import Harness
from tests.polls import factories as f

# 101+102: A (one buyer, one owner); 103: B, co-owned by C; 104: C;
# 105-107: the developer's unsold flats (one owner together). Total 400 m², 4 owners.
REGISTER = {
    "zh-Hans": ("楼栋,单元,房号,专有面积,业主姓名,开发商未售/未交付\n"
                "3,1,101,100,甲,\n3,1,102,80,甲,否\n3,1,103,90,乙,\n3,1,104,70,丙,\n"
                "3,1,105,30,,是\n3,1,106,20,,√\n3,1,107,10,,未售\n"),
    "en": ("building,entrance,room,area_m2,owner_name,developer\n"
           "3,1,101,100,A,\n3,1,102,80,A,no\n3,1,103,90,B,\n3,1,104,70,C,\n"
           "3,1,105,30,,yes\n3,1,106,20,,yes\n3,1,107,10,,unsold\n"),
}
T = {
    "zh-Hans": {"apply": "确认导入", "yes": "1. 同意", "no": "2. 反对",
                "voted": "已收到您的投票", "refused": "您这一户已经投过票了",
                "heads": "参与表决人数：3 人（75.00%", "area": "参与表决面积：340.00 平方米",
                "agree": "同意的人数：2 人", "passed": "结论：通过 ✅",
                "bad": "开发商未售/未交付“也许”看不懂",
                "absent": "未参与表决：1 人，面积 60.00 平方米。",
                "rounding": "百分比向下取到两位小数", "closed": "截止时间："},
    "en": {"apply": "Apply", "yes": "1. Yes", "no": "2. No", "voted": "Your vote is in",
           "refused": "Another owner of your home has already voted",
           "heads": "Owners taking part: 3 (75.00%", "area": "Area taking part: 340.00 m²",
           "agree": "Owners agreeing: 2,", "passed": "Outcome: PASSED ✅",
           "bad": "developer's part \"maybe\" is not yes or no",
           "absent": "Owners not taking part: 1, with 60.00 m².",
           "rounding": "Percentages are rounded down", "closed": "Closed: "},
}
CODES = {"zh-Hans": "zh-hans", "en": "en"}


async def _import(h: Harness, admin: User, locale: str) -> int:
    async with h.app.sessions() as s:
        person = await people.meet(s, h.clock, people.TelegramUser(
            id=admin.id, first_name="Admin", language_code=admin.language_code), locale)
        compound = await create_compound(s, h.clock, "Harmony Garden", person)
        for role in (Role.ADMIN, "owners_committee"):
            s.add(RoleGrant(compound_id=compound.id, person_id=person.id, role=role,
                            granted_at=h.clock.now()))
        await s.commit()
        cid = compound.id
    await h.send(admin, "/import")
    zh = locale == "zh-Hans"
    bad = REGISTER[locale] + ("3,1,108,10,,也许\n" if zh else "3,1,108,10,,maybe\n")
    await h.send(admin, document=("households.csv", bad.encode("gbk" if zh else "utf-8"),
                                  "text/csv"))
    report = h.emu.last(admin.id)
    assert T[locale]["bad"] in report.text  # an unreadable mark is refused, not guessed
    await h.press(admin, report.message_id, T[locale]["apply"])
    return cid


async def _people(h: Harness, cid: int, locale: str, users: dict[str, User]) -> None:
    async with h.app.sessions() as s:
        homes = {r.room: r for r in (await s.execute(select(Household))).scalars()}
        ids = {}
        for name, user in users.items():
            ids[name] = await f.person(s, h.clock, name, tg_id=user.id, locale=locale)
        for name, room, relation in [("A", "101", "owner"), ("A", "102", "owner"),
                                     ("D", "101", "co_owner"), ("B", "103", "owner"),
                                     ("C", "103", "co_owner"), ("C", "104", "owner")]:
            await f.live(s, h.clock, ids[name], homes[room], relation)
        building = (await s.execute(select(Building).where(
            Building.compound_id == cid))).scalars().one()
        assert building.name == "3"  # the import made the building and seven flats (not 108)
        assert len(homes) == 7
        await s.commit()


@pytest.mark.parametrize("locale", list(T))
async def test_heads_follow_the_spc_interpretation(h: Harness, locale: str) -> None:
    t, code = T[locale], CODES[locale]
    admin = h.emu.add_user("Admin", language_code=code, started=True)
    users = {n: h.emu.add_user(n, language_code=code, started=True) for n in "ABCD"}
    group = h.emu.add_group("Building 3", members=[admin, *users.values()],
                            bot_status="member")
    cid = await _import(h, admin, locale)
    async with h.app.sessions() as s:
        developer = (await s.execute(select(Household.room).where(
            Household.developer.is_(True)).order_by(Household.room))).scalars().all()
    assert developer == ["105", "106", "107"]
    await _people(h, cid, locale, users)
    async with h.app.sessions() as s:
        compound = await s.get(Compound, cid)
        assert compound is not None
        await f.group(s, h.clock, compound, group.id, title="Building 3", locale=locale)
        creator = await people.by_tg_id(s, admin.id)
        assert creator is not None
        poll = await f.open_poll(s, h.clock, compound, creator, PollKind.ASSEMBLY,
                                 matter="manager", secret=True, chats=[group.id])
        poll_id = poll.id
        await s.commit()
    await h.deliver()
    card = h.emu.last(group.id)
    payload = card.reply_markup["inline_keyboard"][0][0]["url"].split("start=")[1]

    async def vote(name: str, label: str) -> str:
        await h.send(users[name], f"/start {payload}")
        ballot = h.emu.last(users[name].id)
        if not h.emu.buttons(ballot):  # refused before any button: the reason instead
            return ballot.text
        answer = await h.press(users[name], ballot.message_id, label)
        return str(answer["text"])

    await h.send(users["D"], f"/start {payload}")  # A's co-owner opens the ballot first
    d_ballot = h.emu.last(users["D"].id)
    assert t["voted"] in await vote("A", t["yes"])
    # ... and presses after A voted: A's ballot stands, D is told why, nothing changes.
    answer = await h.press(users["D"], d_ballot.message_id, t["no"])
    assert t["refused"] in answer["text"]
    assert t["refused"] in await vote("D", t["no"])
    assert t["voted"] in await vote("B", t["yes"])
    assert t["voted"] in await vote("C", t["no"])  # C's own flat 104, not B's 103
    async with h.app.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(PollBallot).where(
            PollBallot.poll_id == poll_id)) == 3

    h.clock.advance(timedelta(days=3))
    await h.tick()
    result = h.emu.last(group.id).text
    for expected in (t["heads"], t["area"], t["agree"], t["passed"], t["absent"], t["rounding"]):
        assert expected in result, result
    assert result.split("\n")[-1].startswith(t["closed"])
