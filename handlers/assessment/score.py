"""/score [quarter] and /scheme [indicator weight good bad]: the assessment score and scheme."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram.filters import CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.tickets.render import answer_long, t
from models.assessment import AssessmentResult
from models.registry import Compound
from services.assessment import display, indicators, periods, ranking, scheme
from services.clock import Clock
from services.outbox import fragment
from services.policy import Action, Actor, compounds_for


async def score_command(message: Message, command: CommandObject, i18n: I18nContext,
                        session: AsyncSession, actor: Actor, clock: Clock) -> None:
    compounds = await compounds_for(session, actor, Action.ASSESSMENT_VIEW)
    if not compounds:
        await message.answer(t(i18n, "as-ind-denied"))
        return
    lines = []
    for compound in compounds:
        period = periods.parse(command.args or "", clock.now(), ZoneInfo(compound.timezone))
        if period is None:
            await message.answer(t(i18n, "as-period-bad"))
            return
        lines.append(t(i18n, "as-score-line", **await _score(session, compound, period)))
        lines += [t(i18n, key, **args) for key, args in await _rank(session, compound, period)]
    await answer_long(message, "\n".join(lines))


async def _score(session: AsyncSession, compound: Compound, period: periods.Period) -> dict:
    frozen = await session.scalar(select(AssessmentResult).where(
        AssessmentResult.compound_id == compound.id, AssessmentResult.period == period.code))
    if frozen is not None:
        value, state = frozen.score, "closed"
    else:
        ind = await indicators.compute(session, compound.id, period)
        rules = await scheme.scheme_for(session, compound.community_id, period)
        value, state = scheme.score(scheme.inputs_of(ind), rules), "open"
    return {"compound": compound.name, "period": display.period_label(period.code),
            "score": display.NONE if value is None else str(value),
            "state": fragment("as-score-insufficient" if value is None
                              else f"as-score-{state}")}


async def _rank(session: AsyncSession, compound: Compound,
                period: periods.Period) -> list[tuple[str, dict]]:
    """For a closed period: the place in the community and what would lift the score most."""
    frozen = await session.scalar(select(AssessmentResult).where(
        AssessmentResult.compound_id == compound.id, AssessmentResult.period == period.code))
    place = await ranking.rank_of(session, compound, period.code) if frozen else None
    if frozen is None or place is None:
        return []
    out = [("as-score-rank", {"place": place[0], "of": place[1]})]
    if gain := ranking.biggest_gain(frozen):
        out.append(("as-score-gain", {"name": fragment("as-name-" + gain[0].replace("_", "-")),
                                      "points": str(gain[1])}))
    return out


async def scheme_command(message: Message, command: CommandObject, i18n: I18nContext,
                         session: AsyncSession, actor: Actor, clock: Clock) -> None:
    args = (command.args or "").split()
    action = Action.ASSESSMENT_SCHEME if args else Action.ASSESSMENT_VIEW
    compounds = await compounds_for(session, actor, action)
    communities = {c.community_id for c in compounds}
    if not compounds:
        await message.answer(t(i18n, "as-scheme-denied" if args else "as-ind-denied"))
        return
    if len(communities) > 1:
        await message.answer(t(i18n, "as-scheme-many"))
        return
    compound = compounds[0]
    current = periods.current_month(clock.now(), ZoneInfo(compound.timezone))
    if args:
        try:
            target = await scheme.set_next(session, clock, compound, actor.person.id, current,
                                           args[0].lower(), args[1:])
        except scheme.SchemeError as error:
            await message.answer(t(i18n, error.key))
            return
        await session.commit()
        await message.answer(t(i18n, "as-scheme-set", period=display.period_label(target)))
    rules = await scheme.scheme_for(session, compound.community_id, current)
    lines = [fragment("as-scheme-item", name=fragment("as-name-" + n.replace("_", "-")),
                      code=n, weight=w, good=g, bad=b)
             for n, (w, g, b) in rules["weights"].items()]
    await answer_long(message, t(i18n, "as-scheme",
                                 period=display.period_label(scheme.quarter_of(current.code)),
                                 items={"lines": lines}, tickets=rules["min_tickets"],
                                 ratings=rules["min_ratings"]))
