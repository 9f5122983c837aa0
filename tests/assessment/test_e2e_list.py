"""The quarter-end sweep posts the red/black list once, with the reasons, to the office."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from models.assessment import AssessmentResult, AssessmentScheme
from models.registry import Compound
from services.assessment import scheme
from services.outbox import fragment
from tests import factories as f
from tests.assessment.test_e2e_indicators import resolved_and_rated
from tests.assessment.test_e2e_score import in_community
from tests.emulator.driver import BotApiEmulator
from tests.harness import Harness, HarnessFactory
from tests.tickets.world import build


async def test_quarter_end_posts_the_list_once(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    community = await in_community(h, w)
    async with h.app.sessions() as s:
        s.add(AssessmentScheme(community_id=community, from_period="2026-Q1",
                               body={**scheme.DEFAULT, "min_tickets": 2, "min_ratings": 1},
                               set_at=h.clock.now()))
        other = (await f.compound(s, h.clock, "Quiet Court")).compound
        other.community_id = community
        await s.commit()
    await resolved_and_rated(h, w, "zh-Hans")
    before = len(h.emu.sent(w.office))

    h.clock.set(datetime(2026, 4, 1, 1, 0, tzinfo=UTC))
    await h.tick()
    await h.deliver()
    # The office also gets March's monthly reports on that tick: the list is what says 红黑榜.
    posted = lists(h, w.office, before)
    # The list, then its chart as a reply to it: a PNG with the period in the caption.
    assert len(posted) == 2
    picture = posted[1]
    assert picture.method == "sendPhoto" and picture.photo[:8] == b"\x89PNG\r\n\x1a\n"
    assert picture.reply_to_message_id == posted[0].message_id
    assert picture.text == w.text("as-list-chart", period=w.text(
        "as-period-quarter", year="2026", quarter="1"))
    async with h.app.sessions() as s:
        result = await s.scalar(select(AssessmentResult).where(
            AssessmentResult.compound_id == w.compound_id,
            AssessmentResult.period == "2026-Q1"))
        assert result.score is not None
    why = [fragment("as-name-" + n.replace("_", "-")) for n in scheme_reasons(result)]
    item = w.text("as-list-item", compound="Sunny Garden", score=str(result.score),
                  why=fragment("as-why-two", a=why[0], b=why[1]))
    text = posted[0].text
    assert w.text("as-period-quarter", year="2026", quarter="1") in text
    assert item in text and "Quiet Court" in text.split("\n")[-1]
    # The compound's officers see its place and what would lift it most: 4.00 stars score
    # 50 of 100 at weight 25 of 85 in use, 14.71 points (tickets per 100 can give at most
    # 10 × 100 / 85 = 11.76).
    await h.send(w.zhao, "/score 2026-Q1")
    lines = w.last(w.zhao).text.split("\n")
    assert lines[1:] == [w.text("as-score-rank", place=1, of=1),
                         w.text("as-score-gain", name=fragment("as-name-mean-rating"),
                                points="14.71")]
    # A second tick neither closes again nor posts again.
    await h.tick()
    await h.deliver()
    assert len(lists(h, w.office, before)) == 2
    async with h.app.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(AssessmentResult)) == 2
        assert (await s.get(Compound, w.compound_id)).community_id == community


def lists(h: Harness, chat: Any, before: int) -> list[Any]:
    return [m for m in h.emu.sent(chat)[before:] if "红黑榜" in (m.text or "")]


def scheme_reasons(result: AssessmentResult) -> list[str]:
    """Of SLA 100 %, 2.5 h, no reopen (all 100) the heaviest two lead the reasons."""
    assert result.inputs["within_sla"] == "100.0"
    return ["within_sla", "resolve_median"]


async def test_superadmins_get_the_list_of_every_compound(
    emu: BotApiEmulator, make_harness: HarnessFactory
) -> None:
    boss = emu.add_user("Boss", language_code="zh-hans", started=True)
    h = await make_harness(superadmin_ids=(boss.id,))
    w = await build(h, "zh-Hans")
    community = await in_community(h, w)
    async with h.app.sessions() as s:
        s.add(AssessmentScheme(community_id=community, from_period="2026-Q1",
                               body={**scheme.DEFAULT, "min_tickets": 2, "min_ratings": 1},
                               set_at=h.clock.now()))
        await s.commit()
    await resolved_and_rated(h, w, "zh-Hans")
    h.clock.set(datetime(2026, 4, 1, 1, 0, tzinfo=UTC))
    await h.tick()
    await h.deliver()
    text, picture = h.emu.sent(boss)[-2:]
    assert text.text.startswith(w.text("as-period-quarter", year="2026", quarter="1"))
    assert text.text.split("\n")[0] == w.text("as-list-all", period=fragment(
        "as-period-quarter", year="2026", quarter="1"), red="", black="", unranked="").split(
        "\n")[0]
    assert "Sunny Garden" in text.text and picture.method == "sendPhoto"
    assert picture.reply_to_message_id == text.message_id
