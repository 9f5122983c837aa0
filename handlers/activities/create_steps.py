"""The /activity dialogue's steps: the order, what each asks, how typed answers are read."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardMarkup
from aiogram_i18n import I18nContext
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activities.callbacks import WizCb
from handlers.activities.words import PEOPLE_UNITS_INPUT, POINT_UNITS_INPUT, STEP_ALIASES
from handlers.aliases import normal
from handlers.keyboards import choices
from models.activities import Audience
from models.points import RuleBasis
from models.roles import Team
from services.activities import earning, setup
from services.activities.errors import ActivityError
from services.activities.timeparse import parse_datetime, parse_end
from services.registry import buildings

ORDER = ("title", "description", "place", "start", "end", "capacity", "deadline", "cutoff",
         "kind", "points", "audience", "buildings", "team", "requirement", "preview")
TEXT_STEPS = frozenset({"title", "description", "place", "start", "end", "capacity",
                        "deadline", "cutoff", "points"})
FURTHEST = timedelta(days=366)
# Typed words that do what a step's button does ("跳过", "默认", "按规则").
STEP_WORD = {"description": "skip", "deadline": "default", "cutoff": "default", "points": "rule"}
COUNT = re.compile(r"^(\d+)\s*(?:" + "|".join((*PEOPLE_UNITS_INPUT, *POINT_UNITS_INPUT)) + r")?$")
# Example dates in questions are this far ahead of today, so copying one works.
EXAMPLE_AHEAD = timedelta(days=7)


def next_step(data: dict[str, Any]) -> str:
    for step in ORDER:
        if step == "kind" and not data.get("has_rules"):
            continue
        if step == "buildings" and data.get("audience") != Audience.BUILDINGS:
            continue
        if step == "team" and data.get("audience") != Audience.TEAM:
            continue
        if step not in data:
            return step
    return "preview"


def when(data: dict[str, Any], name: str) -> datetime:
    return datetime.fromisoformat(data[name])


def default_cutoff(start: datetime, now: datetime) -> datetime:
    """Two hours before the start, or the start itself when that is already close."""
    earlier = start - timedelta(hours=2)
    return earlier if earlier > now + timedelta(minutes=10) else start


def parse(step: str, text: str, data: dict[str, Any], tz: ZoneInfo, now: datetime) -> Any:
    """The typed answer as stored in the dialogue's data; ActivityError if unreadable."""
    text = text.strip()
    limits = {"title": setup.TITLE_MAX, "description": setup.DESCRIPTION_MAX,
              "place": setup.PLACE_MAX}
    if step in limits:
        if (problem := setup.text_problem(text, limits[step])) is not None:
            raise ActivityError(f"form-{problem}", most=limits[step])
        return text
    if step in ("capacity", "points"):
        most = setup.CAPACITY_MAX if step == "capacity" else setup.POINTS_MAX
        least = 1 if step == "capacity" else 0
        count = COUNT.match(normal(text))  # "10", "10人", "２分"
        if count is None or not least <= int(count.group(1)) <= most:
            raise ActivityError(f"form-{step}", least=least, most=most)
        return int(count.group(1))
    return _parse_moment(step, text, data, tz, now).isoformat()


def button_word(step: str, text: str, data: dict[str, Any]) -> bool:
    """Whether a typed answer means the step's button (skip, the default, the rule's points)."""
    meaning = STEP_WORD.get(step)
    if meaning is None or STEP_ALIASES.find(text) != meaning:
        return False
    return step != "points" or data.get("rule_points") is not None


def example_day(step: str, data: dict[str, Any], tz: ZoneInfo, now: datetime) -> dict[str, str]:
    """The month and day an example in a question uses: a week ahead for the start, the
    start's day for the rest, so the example is never a day already past."""
    day = when(data, "start") if step != "start" and "start" in data else now + EXAMPLE_AHEAD
    local = day.astimezone(tz)
    return {"month": str(local.month), "day": str(local.day)}


def _parse_moment(step: str, text: str, data: dict[str, Any], tz: ZoneInfo,
                  now: datetime) -> datetime:
    if step == "end":
        moment = parse_end(text, when(data, "start"), tz)
    else:
        moment = parse_datetime(text, tz, now)
    if moment is None:
        raise ActivityError("form-when", **example_day(step, data, tz, now))
    if step == "start" and not now < moment <= now + FURTHEST:
        raise ActivityError("form-start")
    if step == "end" and not when(data, "start") < moment <= when(data, "start") + setup.LONGEST:
        raise ActivityError("form-end")
    if step in ("deadline", "cutoff") and not now < moment <= when(data, "start"):
        raise ActivityError("form-before-start")
    return moment


# ---- questions --------------------------------------------------------------------------
async def keyboard(
    step: str, i18n: I18nContext, session: AsyncSession, data: dict[str, Any]
) -> InlineKeyboardMarkup | None:
    def button(key: str, val: str, **args: Any) -> tuple[str, WizCb]:
        return i18n.get(key, **args), WizCb(step=step, val=val)

    compound_id = data["compound_id"]
    if step == "description":
        return choices([button("act-btn-skip", "-")])
    if step in ("deadline", "cutoff"):
        return choices([button(f"act-btn-default-{step}", "-")])
    if step == "kind":
        found = await earning.rules(session, compound_id, (RuleBasis.ATTEND, RuleBasis.HOUR))
        # The rule's id, not its code: a Chinese code may not fit in 64 bytes of callback data.
        return choices([*(button(f"act-kind-{r.basis}", str(r.id), name=r.name, points=r.points)
                          for r in found), button("act-kind-none", "-")])
    if step == "points" and data.get("rule_points") is not None:
        return choices([button("act-btn-rule-points", "rule", points=data["rule_points"])])
    if step == "audience":
        return choices(await _audiences(session, compound_id, button))
    if step == "buildings":
        chosen = set(data.get("picked", []))
        items = [(("✓ " if b.id in chosen else "") + b.name, WizCb(step=step, val=str(b.id)))
                 for b in await buildings(session, compound_id)]
        return choices([*items, button("act-btn-done", "done")], columns=4)
    if step == "team":
        teams = await _teams(session, compound_id)
        return choices([(t.name or t.code, WizCb(step=step, val=str(t.id))) for t in teams])
    if step == "requirement":
        return choices([button("act-req-none", "none"), button("act-req-party", "party_member")])
    if step == "preview":
        return choices([button("act-btn-publish", "go"), button("act-btn-discard", "drop")],
                       columns=2)
    return None


async def _teams(session: AsyncSession, compound_id: int) -> list[Team]:
    rows = await session.execute(select(Team).where(Team.compound_id == compound_id)
                                 .order_by(Team.id))
    return list(rows.scalars())


async def _audiences(session: AsyncSession, compound_id: int, button: Any) -> list[Any]:
    items = [button("act-aud-compound", Audience.COMPOUND.value)]
    if await buildings(session, compound_id):
        items.append(button("act-aud-buildings", Audience.BUILDINGS.value))
    if await _teams(session, compound_id):
        items.append(button("act-aud-team", Audience.TEAM.value))
    return items


def draft(data: dict[str, Any]) -> setup.Draft:
    return setup.Draft(
        compound_id=data["compound_id"], title=data["title"], place=data["place"],
        description=data.get("description") or "", starts_at=when(data, "start"),
        ends_at=when(data, "end"), capacity=data["capacity"],
        signup_deadline=when(data, "deadline"), cancel_cutoff=when(data, "cutoff"),
        points=data["points"], kind_code=data.get("kind"), audience=data["audience"],
        building_ids=tuple(data.get("buildings") or ()), team_id=data.get("team"),
        requirement=data["requirement"],
    )
