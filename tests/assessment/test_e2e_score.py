"""/score and /scheme: insufficient data, the community's scheme, next-quarter changes, and a
closed period frozen and reproducible."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from models.assessment import AssessmentResult, AssessmentScheme
from models.registry import Community, Compound, Household
from services.assessment import indicators, periods, scheme
from services.outbox import fragment
from tests.assessment.test_e2e_indicators import resolved_and_rated
from tests.harness import Harness
from tests.tickets.world import LOCALES, World, build

MARCH = fragment("as-period-month", year="2026", month="3")


async def in_community(h: Harness, w: World) -> int:
    async with h.app.sessions() as s:
        community = Community(name="Riverside", created_at=h.clock.now())
        s.add(community)
        await s.flush()
        (await s.get(Compound, w.compound_id)).community_id = community.id
        await s.commit()
        return community.id


def line(w: World, score: str, state: str) -> str:
    return w.text("as-score-line", compound="Sunny Garden", period=MARCH, score=score,
                  state=fragment(state))


@pytest.mark.parametrize("locale", LOCALES)
async def test_scheme_changes_apply_from_next_quarter(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    community = await in_community(h, w)
    await resolved_and_rated(h, w, locale)
    # Two tickets and one rating are below the default minimums (5 and 3).
    await h.send(w.zhao, "/score")
    assert w.last(w.zhao).text == line(w, "—", "as-score-insufficient")

    await h.send(w.mei, "/scheme")
    assert w.last(w.mei).text == w.text("as-ind-denied")
    await h.send(w.zhao, "/scheme within_sla 30 100 60")
    assert w.last(w.zhao).text == w.text("as-scheme-denied")
    for bad in ("/scheme nothing 1 2 3", "/scheme within_sla 30 100", "/scheme within_sla x 1 2",
                "/scheme within_sla 130 100 60", "/scheme within_sla nan 100 60"):
        await h.send(w.sun, bad)
        assert w.last(w.sun).text == w.text("as-scheme-usage"), bad
    await h.send(w.sun, "/scheme within_sla 30 100 60")
    said = w.texts(w.sun)[-2:]
    assert said[0] == w.text("as-scheme-set",
                             period=fragment("as-period-quarter", year="2026", quarter="2"))
    # The running quarter keeps the default: weight 25.
    item = w.text("as-scheme-item", name=fragment("as-name-within-sla"), code="within_sla",
                  weight="25", good="100", bad="50")
    assert item in said[1]
    async with h.app.sessions() as s:
        rows = (await s.execute(select(AssessmentScheme.from_period, AssessmentScheme.body)
                                .where(AssessmentScheme.community_id == community))).all()
    assert [(p, b["weights"]["within_sla"]) for p, b in rows] == [("2026-Q2", ["30", "100", "60"])]


async def test_closed_period_is_frozen_and_reproducible(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    community = await in_community(h, w)
    # A scheme the community set before the quarter, with low minimums.
    async with h.app.sessions() as s:
        s.add(AssessmentScheme(community_id=community, from_period="2026-Q1",
                               body={**scheme.DEFAULT, "min_tickets": 2, "min_ratings": 1},
                               set_at=h.clock.now()))
        homes = await s.scalar(select(func.count()).select_from(Household).where(
            Household.compound_id == w.compound_id))
        await s.commit()
    await resolved_and_rated(h, w, "zh-Hans")
    # SLA 100 → 100, 4.00 stars → 50, 2.5 h to resolve → 100, no reopen → 100, tickets per
    # 100 households against good 2 / bad 20; no fee rate entered, so its weight is left out.
    per100 = (Decimal(200) / homes).quantize(Decimal("0.1"))
    per100_part = Decimal(100) * min(Decimal(1), max(Decimal(0), (per100 - 20) / (2 - 20)))
    expected = ((25 * 100 + 25 * 50 + 15 * 100 + 10 * 100 + 10 * per100_part) / Decimal(85)
                ).quantize(Decimal("0.01"))
    await h.send(w.zhao, "/score 2026-03")
    assert w.last(w.zhao).text == line(w, str(expected), "as-score-open")

    h.clock.set(datetime(2026, 4, 1, 1, 0, tzinfo=UTC))
    march = periods.month(2026, 3, ZoneInfo("Asia/Shanghai"))
    async with h.app.sessions() as s:
        compound = await s.get(Compound, w.compound_id)
        first = await scheme.close(s, h.clock, compound, march)
        await s.commit()
        # Closing again changes nothing; recomputing from the rows gives the same inputs.
        again = await scheme.close(s, h.clock, compound, march)
        assert again.id == first.id
        recomputed = scheme.inputs_of(await indicators.compute(s, w.compound_id, march))
        frozen = await s.scalar(select(AssessmentResult).where(
            AssessmentResult.period == march.code))
        assert frozen.inputs == recomputed
        assert scheme.score(frozen.inputs, frozen.scheme) == frozen.score == expected
    # A later change of the scheme does not touch the frozen result.
    await h.send(w.sun, "/scheme mean_rating 50 5 4")
    await h.send(w.zhao, "/score 3月")
    said = w.last(w.zhao).text.split("\n")
    assert said[:2] == [line(w, str(expected), "as-score-closed"),
                        w.text("as-score-rank", place=1, of=1)]
