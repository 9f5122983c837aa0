"""Co-owners through the emulator: a second owner claim on a home is filed as a co-owner
claim, reviewed by an admin like an owner's, in either order of arrival; once verified,
the co-owners share the home's one ballot in an owners' assembly."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.person import Person
from models.polls import PollKind
from models.registry import Compound, Residency
from tests.emulator.state import User
from tests.harness import Harness
from tests.polls import factories as pf
from tests.test_registration_e2e import SAYS, Scene, _card, _claim, _residencies, _scene

MORE = {
    "zh-hans": {"card": "身份：共同业主", "yes": "1. 同意", "voted": "已收到您的投票",
                "refused": "您这一户已经投过票了"},
    "en": {"card": "As: co-owner", "yes": "1. Yes", "voted": "Your vote is in",
           "refused": "Another owner of your home has already voted"},
}


async def _approve_latest(sc: Scene) -> None:
    """The zh-Hans admin approves the newest card; both admins' cards were delivered."""
    await sc.h.deliver()
    card = _card(sc.emu, sc.admin1)
    await sc.h.press(sc.admin1, card.message_id, "✅ 通过")
    await sc.h.deliver()


async def _vote_in_an_assembly(sc: Scene, users: list[User], lang: str) -> list[str]:
    """An assembly vote opens; each user in turn opens the ballot and presses Yes."""
    h = sc.h
    async with h.app.sessions() as s:
        compound = await s.get(Compound, sc.compound_id)
        creator = (await s.execute(select(Person).where(
            Person.tg_id == sc.admin1.id))).scalars().one()
        assert compound is not None
        await pf.open_poll(s, h.clock, compound, creator, PollKind.ASSEMBLY, matter="manager",
                           chats=[sc.group.id])
        await s.commit()
    await h.deliver()
    link = sc.emu.last(sc.group).reply_markup["inline_keyboard"][0][0]["url"]
    said = []
    for user in users:
        await h.send(user, "/start " + link.split("start=")[1])
        ballot = sc.emu.last(user.id)
        if not sc.emu.buttons(ballot):
            said.append(ballot.text)
            continue
        said.append(str((await h.press(user, ballot.message_id, MORE[lang]["yes"]))["text"]))
    return said


@pytest.mark.parametrize("lang", list(MORE))
async def test_owner_verified_then_a_second_owner_claim_becomes_a_verified_co_owner(
    h: Harness, lang: str
) -> None:
    sc = await _scene(h, buildings=3)
    say, more = SAYS[lang], MORE[lang]
    owner = sc.emu.add_user("Li", language_code=lang, started=True)
    spouse = sc.emu.add_user("Zhao", language_code=lang, started=True)
    await _claim(sc, owner, lang, "1202", "owner")
    await _approve_latest(sc)
    assert await _residencies(h) == [("owner", "verified")]

    assert say["taken"] in (await _claim(sc, spouse, lang, "1202", "owner")).text
    await h.deliver()
    card = _card(sc.emu, sc.admin2 if lang == "en" else sc.admin1)
    assert more["card"] in card.text and "Zhao" in card.text
    await _approve_latest(sc)
    assert say["approved"] in sc.emu.last(spouse.id).text
    assert await _residencies(h) == [("owner", "verified"), ("co_owner", "verified")]

    # The co-owner votes first: the home's ballot is theirs; the owner is told why not.
    said = await _vote_in_an_assembly(sc, [spouse, owner], lang)
    assert more["voted"] in said[0] and more["refused"] in said[1]


@pytest.mark.parametrize("lang", list(MORE))
async def test_two_owner_claims_pending_at_once_are_owner_and_co_owner(
    h: Harness, lang: str
) -> None:
    sc = await _scene(h, buildings=3)
    say, more = SAYS[lang], MORE[lang]
    first = sc.emu.add_user("Li", language_code=lang, started=True)
    second = sc.emu.add_user("Zhao", language_code=lang, started=True)
    assert say["sent"] in (await _claim(sc, first, lang, "1202", "owner")).text
    assert say["taken"] in (await _claim(sc, second, lang, "1202", "owner")).text
    assert await _residencies(h) == [("owner", "pending"), ("co_owner", "pending")]
    await h.deliver()
    # The co-owner's card is the newer one; the admin decides it before the owner's.
    await _approve_latest(sc)
    async with h.app.sessions() as s:
        rows = (await s.execute(select(Residency.relation, Residency.status)
                                .order_by(Residency.id))).all()
    assert [tuple(r) for r in rows] == [("owner", "pending"), ("co_owner", "verified")]
    first_card = next(m for m in sc.emu.sent(sc.admin1.id)
                      if "Li" in m.text and sc.emu.buttons(m) == ["✅ 通过", "❌ 不通过"])
    await h.press(sc.admin1, first_card.message_id, "✅ 通过")
    await h.deliver()
    assert say["approved"] in sc.emu.last(first.id).text
    assert await _residencies(h) == [("owner", "verified"), ("co_owner", "verified")]

    said = await _vote_in_an_assembly(sc, [first, second], lang)
    assert more["voted"] in said[0] and more["refused"] in said[1]
