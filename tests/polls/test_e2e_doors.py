"""Door-to-door follow-up: the building leader gets, privately, the homes whose vote has not
come in, owner masked and phone tail only; nobody else gets the list, and no choice shows."""

from __future__ import annotations

from models.polls import PollKind
from models.roles import RoleGrant
from services.polls import ballots, cards
from tests.harness import Harness
from tests.polls import factories as f

KEY = ballots.server_key("123:doors")


async def test_the_building_leader_gets_the_homes_still_to_knock(h: Harness) -> None:
    leader_user = h.emu.add_user("Lin", language_code="zh-hans", started=True)
    voter_user = h.emu.add_user("Qiu", language_code="zh-hans", started=True)
    async with h.app.sessions() as s:
        c = await f.compound(s, h.clock)
        where = await f.building(s, c, "3")
        homes = [await f.household(s, h.clock, c, where, f"{101 + i}", "90.00") for i in range(3)]
        homes[0].owner_name, homes[0].phone = "李桂兰", "13900138000"
        homes[1].owner_name = "王建国"
        voter = await f.person(s, h.clock, "Qiu", tg_id=voter_user.id)
        await f.live(s, h.clock, voter, homes[1])
        leader = await f.person(s, h.clock, "Lin", tg_id=leader_user.id)
        s.add(RoleGrant(compound_id=c.id, person_id=leader.id, role="building_leader",
                        building_id=where[0].id, granted_at=h.clock.now()))
        organizer = await f.person(s, h.clock, "Organizer")
        poll = await f.open_poll(s, h.clock, c, organizer, PollKind.ASSEMBLY, matter="other",
                                 hours=72)
        option = (await cards.options_of(s, poll.id))[0]
        await ballots.press(s, h.clock, KEY, ballots.Press(
            poll_id=poll.id, option_id=option.id, person_id=voter.id))
        await s.commit()
        question = poll.question
    h.clock.advance(hours=48, minutes=1)
    await h.tick()
    sent = [m.text for m in h.emu.sent(leader_user) if "上门动员" in (m.text or "")]
    assert len(sent) == 1
    lines = sent[0].split("\n")
    assert question in lines[0] and "3号楼还有 2 户没有投票" in lines[0]
    assert lines[1:3] == ["· 1单元 101室 · 李*兰 · ****8000", "· 1单元 103室 · 名册未记 · 名册未记"]
    assert "102" not in sent[0] and "王建国" not in sent[0] and "王*国" not in sent[0]
    # Once per round, and only the leader: the voter gets no list.
    h.clock.advance(minutes=5)
    await h.tick()
    assert len([m for m in h.emu.sent(leader_user) if "上门动员" in (m.text or "")]) == 1
    assert not any("上门动员" in (m.text or "") for m in h.emu.sent(voter_user))
    h.clock.advance(hours=22)  # the 2-hour round brings a fresh list
    await h.tick()
    assert len([m for m in h.emu.sent(leader_user) if "上门动员" in (m.text or "")]) == 2
