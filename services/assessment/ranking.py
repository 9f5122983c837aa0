"""Quarter end: close the quarter for every compound, rank each community's compounds and
post the red list (红榜) and black list (黑榜) to its community office chat, via the outbox,
with the scores drawn as a chart under the list."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.assessment import AssessmentResult
from models.registry import ChatBinding, Compound
from services.assessment import chart, periods, scheme
from services.assessment.display import period_label
from services.clock import FrozenClock
from services.outbox import Notice, enqueue, fragment

TOP_N = 3


def previous_quarter(now: datetime, tz: ZoneInfo) -> periods.Period:
    local = now.astimezone(tz)
    q = (local.month - 1) // 3 + 1
    return periods.quarter(local.year - 1, 4, tz) if q == 1 else \
        periods.quarter(local.year, q - 1, tz)


def reasons(result: AssessmentResult, best: bool) -> list[str]:
    """The two indicators that weigh most for (best) or against the compound."""
    parts = []
    for name, (weight, good, bad) in result.scheme["weights"].items():
        value = result.inputs.get(name)
        if value is not None:
            p = scheme.part(Decimal(value), Decimal(good), Decimal(bad))
            parts.append((p if best else -p, Decimal(weight), name))
    parts.sort(key=lambda x: (-x[0], -x[1], x[2]))
    return [name for _, _, name in parts[:2]]


def ordered(rows: list[tuple[Compound, AssessmentResult]]) -> list:
    return sorted((r for r in rows if r[1].score is not None),
                  key=lambda r: (-r[1].score, r[0].name, r[0].id))


def lists(rows: list[tuple[Compound, AssessmentResult]]) -> tuple[list, list, list]:
    ranked = ordered(rows)
    top = ranked[:TOP_N]
    bottom = [r for r in reversed(ranked[-TOP_N:]) if r not in top]
    return top, bottom, [c for c, r in rows if r.score is None]


def _line(compound: Compound, result: AssessmentResult, best: bool) -> dict[str, Any]:
    why = [fragment("as-name-" + n.replace("_", "-")) for n in reasons(result, best)]
    named = dict(zip(("a", "b"), why, strict=False))
    key = ("as-none", "as-why-one", "as-why-two")[len(why)]
    return fragment("as-list-item", compound=compound.name, score=str(result.score),
                    why=fragment(key, **named))


async def sweep_quarter_close(session: AsyncSession, now: datetime,
                              superadmins: tuple[int, ...] = ()) -> int:
    """Close last quarter where it is still open; each community's office gets its list,
    and the deployment's superadmins the list of every compound closed in this sweep."""
    clock = FrozenClock(now)
    closed: dict[tuple[int, str], list[tuple[Compound, AssessmentResult]]] = defaultdict(list)
    for compound in (await session.scalars(select(Compound).order_by(Compound.id))).all():
        period = previous_quarter(now, ZoneInfo(compound.timezone))
        exists = await session.scalar(select(AssessmentResult.id).where(
            AssessmentResult.compound_id == compound.id,
            AssessmentResult.period == period.code))
        if exists is None and compound.community_id is not None:
            row = await scheme.close(session, clock, compound, period)
            closed[(compound.community_id, period.code)].append((compound, row))
    posted = 0
    for (community_id, code), _ in closed.items():
        posted += await _post(session, clock, community_id, code)
    by_period: dict[str, list[tuple[Compound, AssessmentResult]]] = defaultdict(list)
    for (_, code), rows in closed.items():
        by_period[code] += rows
    for code, rows in by_period.items():
        posted += await _publish(session, clock, rows, code, list(superadmins),
                                 f"as:all:{code}", "as-list-all")
    await session.commit()
    return posted


async def _post(session: AsyncSession, clock: FrozenClock, community_id: int, code: str) -> int:
    rows = list((await session.execute(
        select(Compound, AssessmentResult).join(
            AssessmentResult, AssessmentResult.compound_id == Compound.id)
        .where(Compound.community_id == community_id, AssessmentResult.period == code))).all())
    chats = (await session.scalars(select(ChatBinding.chat_id).join(
        Compound, Compound.id == ChatBinding.compound_id).where(
        Compound.community_id == community_id,
        ChatBinding.purpose == "community_office").distinct())).all()
    return await _publish(session, clock, [(c, r) for c, r in rows], code, list(chats),
                          f"as:list:{community_id}:{code}", "as-list")


async def _publish(session: AsyncSession, clock: FrozenClock,
                   rows: list[tuple[Compound, AssessmentResult]], code: str,
                   chats: list[int], prefix: str, text_key: str) -> int:
    """The list as text, and its chart as a reply to it, to each chat."""
    top, bottom, unranked = lists(rows)
    if not top or not chats:
        return 0  # nobody had enough data, or nobody to tell
    args = {"period": period_label(code),
            "red": {"lines": [_line(c, r, True) for c, r in top]},
            "black": {"lines": [_line(c, r, False) for c, r in bottom]}
            if bottom else fragment("as-none"),
            "unranked": ", ".join(c.name for c in unranked) or "—"}
    png = await asyncio.to_thread(chart.ranking_png, _bars(rows, top, bottom))
    for chat_id in chats:
        key = f"{prefix}:{chat_id}"
        await enqueue(session, clock, Notice(key=key, chat_id=chat_id, text_key=text_key,
                                             args=args))
        await enqueue(session, clock, Notice(
            key=f"{key}:chart", chat_id=chat_id, text_key="as-list-chart",
            args={"period": args["period"]}, method="send_photo",
            file_name=f"red-black-{code}.png", file_data=png, reply_to_key=key))
    return len(chats)


def _bars(rows: list, top: list, bottom: list) -> list[chart.Bar]:
    red, black = {c.id for c, _ in top}, {c.id for c, _ in bottom}
    return [chart.Bar(c.name, r.score, "red" if c.id in red else "black" if c.id in black
                      else "") for c, r in ordered(rows)]


def biggest_gain(result: AssessmentResult) -> tuple[str, Decimal] | None:
    """The indicator whose reaching "good" would add most to the score, and how much."""
    used = [(n, w) for n, w in result.scheme["weights"].items()
            if result.inputs.get(n) is not None]
    total = sum(Decimal(w[0]) for _, w in used)
    gains = [((Decimal(w) * (100 - scheme.part(Decimal(result.inputs[n]), Decimal(g),
                                                 Decimal(b))) / total).quantize(Decimal("0.01")),
              n) for n, (w, g, b) in used] if total else []
    best = max(gains, key=lambda x: (x[0], x[1]), default=None)
    return (best[1], best[0]) if best and best[0] > 0 else None


async def rank_of(session: AsyncSession, compound: Compound,
                  code: str) -> tuple[int, int] | None:
    """(place, ranked compounds) in the compound's community for a closed period."""
    if compound.community_id is None:
        return None
    rows = list((await session.execute(
        select(Compound, AssessmentResult).join(
            AssessmentResult, AssessmentResult.compound_id == Compound.id)
        .where(Compound.community_id == compound.community_id,
               AssessmentResult.period == code))).all())
    ids = [c.id for c, _ in ordered([(c, r) for c, r in rows])]
    return (ids.index(compound.id) + 1, len(ids)) if compound.id in ids else None
