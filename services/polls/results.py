"""The result of a closed poll: computed once at close, stored, rendered for every reader."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.person import Person
from models.polls import Matter, Poll, PollBallot, PollChoice, PollKind
from services.outbox import fragment, lines
from services.polls.cards import area_text, counts_of, options_of, totals
from services.polls.eligibility import compound_electorate
from services.polls.tally278 import Check, Side, Verdict, tally

HUNDRED = Decimal(100)


def percent(value: Fraction) -> str:
    """For display only (decisions use the exact fraction); rounded down, never overstated."""
    exact = Decimal(value.numerator) / Decimal(value.denominator) * HUNDRED
    return str(exact.quantize(Decimal("0.01"), rounding=ROUND_DOWN))


async def compute(session: AsyncSession, poll: Poll) -> dict[str, Any]:
    options = await options_of(session, poll.id)
    counts = await counts_of(session, poll.id)
    ballots, area = await totals(session, poll.id)
    result: dict[str, Any] = {
        "ballots": ballots,
        "area": str(area),
        "options": [
            {"id": o.id, "position": o.position, "text": o.text, "code": o.code,
             "ballots": counts.get(o.id, (0, Decimal(0)))[0],
             "area": str(counts.get(o.id, (0, Decimal(0)))[1])}
            for o in options
        ],
    }
    if poll.kind == PollKind.COUNCIL and not poll.secret:
        result["names"] = await _names(session, poll)
    if poll.kind == PollKind.ASSEMBLY:
        yes = next((o for o in options if o.code == "yes"), None)
        agree = counts.get(yes.id, (0, Decimal(0))) if yes else (0, Decimal(0))
        electorate = await compound_electorate(session, poll.compound_id)
        verdict = tally(Matter(poll.matter or Matter.OTHER), electorate,
                        Side(area=area, heads=ballots), Side(area=agree[1], heads=agree[0]))
        result["assembly"] = verdict_json(verdict)
        superseded = await session.scalar(select(func.count(PollBallot.id)).where(
            PollBallot.poll_id == poll.id, PollBallot.superseded.is_(True)))
        if superseded:
            result["superseded"] = int(superseded)
    return result


async def _names(session: AsyncSession, poll: Poll) -> dict[str, list[str]]:
    rows = await session.execute(
        select(PollChoice.option_id, Person)
        .join(PollBallot, PollBallot.id == PollChoice.ballot_id)
        .join(Person, Person.id == PollBallot.person_id)
        .where(PollChoice.poll_id == poll.id)
        .order_by(PollBallot.cast_at, PollBallot.id)
    )
    names: dict[str, list[str]] = {}
    for option_id, person in rows:
        names.setdefault(str(option_id), []).append(person.display_name)
    return names


def _check_json(c: Check) -> dict[str, Any]:
    return {"part": str(c.part), "whole": str(c.whole), "ok": c.ok,
            "share": f"{c.share.numerator}/{c.share.denominator}"}


def verdict_json(v: Verdict) -> dict[str, Any]:
    return {
        "matter": v.matter.value, "special": v.special, "quorum": v.quorum, "passed": v.passed,
        "participation_area": _check_json(v.participation_area),
        "participation_heads": _check_json(v.participation_heads),
        "agree_area": _check_json(v.agree_area),
        "agree_heads": _check_json(v.agree_heads),
    }


def _pct(c: dict[str, Any]) -> str:
    return percent(Fraction(c["share"]))


def _ok(flag: bool) -> dict[str, Any]:
    return fragment("poll-ok" if flag else "poll-not-ok")


def _assembly_lines(a: dict[str, Any]) -> list[Any]:
    pa, ph = a["participation_area"], a["participation_heads"]
    aa, ah = a["agree_area"], a["agree_heads"]
    outcome = "poll-result-passed" if a["passed"] else (
        "poll-result-failed" if a["quorum"] else "poll-result-no-quorum")
    return [
        fragment("poll-result-electorate", area=area_text(Decimal(pa["whole"])),
                 heads=int(Decimal(ph["whole"]))),
        fragment("poll-result-participation-area", area=area_text(Decimal(pa["part"])),
                 pct=_pct(pa), ok=_ok(pa["ok"])),
        fragment("poll-result-participation-heads", heads=int(Decimal(ph["part"])),
                 pct=_pct(ph), ok=_ok(ph["ok"])),
        fragment("poll-rule-special" if a["special"] else "poll-rule-majority"),
        fragment("poll-result-agree-area", area=area_text(Decimal(aa["part"])), pct=_pct(aa),
                 ok=_ok(aa["ok"])),
        fragment("poll-result-agree-heads", heads=int(Decimal(ah["part"])), pct=_pct(ah),
                 ok=_ok(ah["ok"])),
        fragment(outcome),
        fragment("poll-result-absent", heads=int(Decimal(ph["whole"]) - Decimal(ph["part"])),
                 area=area_text(Decimal(pa["whole"]) - Decimal(pa["part"]))),
    ]


def result_args(poll: Poll, result: dict[str, Any]) -> dict[str, Any]:
    """Arguments of the `poll-result` notice (rendered in each reader's language)."""
    total = result["ballots"]
    parts: list[Any] = [fragment("poll-result-title", question=poll.question)]
    for o in result["options"]:
        label = fragment(f"poll-option-{o['code']}") if o.get("code") else o["text"]
        pct = percent(Fraction(o["ballots"], total)) if total else "0.00"
        if poll.kind == PollKind.ASSEMBLY:
            parts.append(fragment("poll-result-option-area", n=o["position"], option=label,
                                  count=o["ballots"], pct=pct, area=area_text(Decimal(o["area"]))))
        else:
            parts.append(fragment("poll-result-option", n=o["position"], option=label,
                                  count=o["ballots"], pct=pct))
        names = result.get("names", {}).get(str(o["id"]))
        if names:
            parts.append(fragment("poll-result-names", names=", ".join(names)))
    parts.append(fragment("poll-result-total", ballots=total))
    if result.get("unreadable"):
        parts.append(fragment("poll-result-unreadable", n=result["unreadable"]))
    if result.get("superseded"):
        parts.append(fragment("poll-result-superseded", n=result["superseded"]))
    if "assembly" in result:
        parts += _assembly_lines(result["assembly"])
    if total or "assembly" in result:
        parts.append(fragment("poll-result-rounding"))
    if result.get("closed_local"):
        parts.append(fragment("poll-result-closed", at=result["closed_local"]))
    return {"body": lines(*parts)}
