"""/indicators and /feerate through the emulator: figures from real tickets, refusals."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models.assessment import AssessmentFigure
from models.registry import Household
from models.rosters import Assignment, Roster, Shift
from services.outbox import fragment
from tests.harness import Harness
from tests.tickets.world import LOCALES, REPORT, World, build

SECOND = {"zh-Hans": "#投诉 楼下晚上太吵", "zh-Hant": "#投訴 樓下晚上太吵",
          "en": "#complaint the shop downstairs is loud at night"}


async def resolved_and_rated(h: Harness, w: World, locale: str) -> None:
    """#1: taken after 30 minutes, resolved 2 hours later, rated 4 stars; #2 left open."""
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    h.clock.advance(minutes=30)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    h.clock.advance(hours=2)
    await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    question = w.last(w.mei)
    await h.press(w.mei, question.message_id, w.text("tk-btn-fixed"))
    await h.press(w.mei, question.message_id, "★★★★")
    await h.send(w.lan, SECOND[locale], chat=w.group)
    await h.deliver()


async def duty(h: Harness, w: World) -> None:
    """Two crossing-guard shifts this month: one full (Mei attended its 3 hours), one not."""
    now = h.clock.now()
    async with h.app.sessions() as s:
        roster = Roster(compound_id=w.compound_id, name="Crossing", place="Gate", times=[],
                        per_shift=1, recurrence="", leads=[], organizer_id=w.person_ids["zhao"],
                        created_at=now, updated_at=now)
        s.add(roster)
        await s.flush()
        full, empty = (Shift(roster_id=roster.id, day=now.date(), slot=i,
                             starts_at=now + timedelta(days=1 + i),
                             ends_at=now + timedelta(days=1 + i, hours=3),
                             capacity=1, taken=1 - i, created_at=now) for i in (0, 1))
        s.add_all([full, empty])
        await s.flush()
        s.add(Assignment(shift_id=full.id, person_id=w.person_ids["mei"], source="take",
                         created_at=now, attendance="attended"))
        await s.commit()


def month(w: World) -> dict:
    return fragment("as-period-month", year="2026", month="3")


@pytest.mark.parametrize("locale", LOCALES)
async def test_indicators_from_the_bots_own_rows(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await resolved_and_rated(h, w, locale)
    await duty(h, w)
    async with h.app.sessions() as s:
        homes = await s.scalar(select(func.count()).select_from(Household).where(
            Household.compound_id == w.compound_id))

    # The fee collection rate is entered by the community office; bad input changes nothing.
    for bad in ("/feerate", "/feerate abc", "/feerate 101", "/feerate 93.555"):
        await h.send(w.sun, bad)
        assert w.last(w.sun).text == w.text("as-fee-usage")
    await h.send(w.sun, "/feerate 93.5 2026-13")
    assert w.last(w.sun).text == w.text("as-period-bad")
    await h.send(w.mei, "/feerate 99")
    assert w.last(w.mei).text == w.text("as-fee-denied")
    await h.send(w.sun, "/feerate 93.5%")
    assert w.last(w.sun).text == w.text("as-fee-set", compound="Sunny Garden", value="93.50",
                                        period=month(w), before="—")
    await h.send(w.sun, "/feerate 95 3月")
    assert w.last(w.sun).text == w.text("as-fee-set", compound="Sunny Garden", value="95.00",
                                        period=month(w), before="93.50")
    async with h.app.sessions() as s:
        rows = (await s.execute(select(AssessmentFigure.period, AssessmentFigure.value))).all()
    assert rows == [("2026-03", Decimal("95.00"))]

    await h.send(w.mei, "/indicators")
    assert w.last(w.mei).text == w.text("as-ind-denied")
    await h.send(w.zhao, "/indicators 明年")
    assert w.last(w.zhao).text == w.text("as-period-bad")
    await h.send(w.zhao, "/indicators")
    cats = {"lines": [fragment("as-category", category=fragment(f"tk-cat-{c}"), count=1)
                      for c in ("repair", "complaint")]}
    per100 = (Decimal(200) / homes).quantize(Decimal("0.1"))
    expected = w.text(
        "as-indicators", compound="Sunny Garden", period=month(w), households=homes,
        tickets=2, per100=str(per100), categories=cats, accept_median="0.5",
        accept_p90="0.5", resolve_median="2.5", resolve_p90="2.5", within_sla="100.0",
        reopen="0.0", l2=0, l3=0, mean="4.00", four="100.0", ratings=1, mediated=0,
        points=0, fee="95.00", hours="3.0", coverage="50.0", turnout="—")
    assert w.last(w.zhao).text == expected

    # The quarter holds the same tickets but no fee rate of its own (entered per period).
    await h.send(w.zhao, "/indicators 1季度")
    quarter = w.last(w.zhao).text
    assert w.text("as-period-quarter", year="2026", quarter="1") in quarter
    assert quarter.endswith(w.text("as-indicators", **{**_blank(), "fee": "—"}).split("\n")[-1])


def _blank() -> dict:
    keys = ("compound", "period", "households", "tickets", "per100", "categories",
            "accept_median", "accept_p90", "resolve_median", "resolve_p90", "within_sla",
            "reopen", "l2", "l3", "mean", "four", "ratings", "mediated", "points", "hours",
            "coverage", "turnout")
    return dict.fromkeys(keys, "")


async def test_forged_and_unstarted(h: Harness) -> None:
    w = await build(h, "zh-Hans", unstarted=("qian",))
    # A forged compound pick is refused and stores nothing.
    await h.send(w.mei, "/indicators")
    cq = h.emu.press_data(w.mei, w.mei, w.last(w.mei).message_id,
                          f"as:fee:{w.compound_id}:2026-03:50")
    await h.settle()
    assert h.emu.callback_answer(cq)["text"] == w.text("stale-button")
    await h.send(w.sun, "/feerate")
    cq = h.emu.press_data(w.sun, w.sun, w.last(w.sun).message_id,
                          f"as:fee:{w.compound_id}:2026-03:1e9")
    await h.settle()
    assert h.emu.callback_answer(cq)["text"] == w.text("stale-button")
    async with h.app.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(AssessmentFigure)) == 0
    # In a group the commands are not answered with figures (they are for private chats).
    await h.send(w.qian, "/indicators", chat=w.committee)
    assert not any("Sunny Garden" in t for t in w.texts(w.committee))
