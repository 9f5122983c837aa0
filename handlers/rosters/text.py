"""Rendering roster things in the reader's language, for handlers' immediate answers."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.i18n import render
from bot.rendering import split_text, truncate
from models.rosters import Roster
from services.rosters import recurrence
from services.rosters.display import lead_fragment
from services.rosters.errors import RosterError

ALERT_LIMIT = 200


def t(i18n: I18nContext, key: str, **args: Any) -> str:
    """Like i18n.get, but arguments may be fragments (services.outbox.fragment)."""
    return render(i18n.core, i18n.locale, key, args)


async def say(message: Message, text: str) -> None:
    for part in split_text(text):
        await message.answer(part)


async def alert(query: CallbackQuery, text: str) -> None:
    """A pop-up answer to a button press (Telegram cuts them at 200 characters)."""
    await query.answer(truncate(text, ALERT_LIMIT), show_alert=True)


async def refuse(target: Message | CallbackQuery, i18n: I18nContext, err: RosterError,
                 **examples: Any) -> None:
    """`examples` fill a refusal's sample dates (services.rosters.examples)."""
    text = t(i18n, err.key, **{**examples, **err.args_})
    if isinstance(target, CallbackQuery):
        await alert(target, text)
    else:
        await target.answer(text)


def times_text(times: list[list[str]]) -> str:
    return ", ".join(f"{start}–{end}" for start, end in times)


def rule_text(i18n: I18nContext, rule: str, follow_holidays: bool) -> str:
    if rule == recurrence.WEEKDAYS:
        return i18n.get("ro-rule-weekdays-cal" if follow_holidays else "ro-rule-weekdays")
    if rule == recurrence.DAILY:
        text = i18n.get("ro-rule-daily")
    elif rule.startswith("days:"):
        names = [i18n.get(f"ro-weekday-{d}") for d in recurrence.weekdays_of(rule)]
        text = i18n.get("ro-rule-days", days=i18n.get("ro-list-sep").join(names))
    else:
        text = i18n.get("ro-rule-cron", rule=rule.removeprefix("cron:"))
    return text + (i18n.get("ro-rule-no-holidays") if follow_holidays else "")


def leads_text(i18n: I18nContext, leads: list[str]) -> str:
    parts = []
    for lead in leads:
        if lead.startswith("eve@"):
            parts.append(i18n.get("ro-lead-eve", time=lead.removeprefix("eve@")))
        else:
            parts.append(t(i18n, "ro-lead-before",
                           lead=lead_fragment(int(lead.removesuffix("m")))))
    return i18n.get("ro-list-sep").join(parts) if parts else i18n.get("ro-leads-none")


def reminders_text(i18n: I18nContext, leads: list[str]) -> str:
    """What a new holder is promised: only the reminders still to come."""
    if not leads:
        return i18n.get("ro-take-remind-none")
    return i18n.get("ro-take-remind", when=leads_text(i18n, leads))


def roster_summary(i18n: I18nContext, roster: Roster) -> str:
    return i18n.get(
        "ro-summary", id=str(roster.id), name=roster.name, place=roster.place,
        times=times_text(roster.times), size=roster.per_shift,
        rule=rule_text(i18n, roster.recurrence, roster.follow_holidays),
        leads=leads_text(i18n, roster.leads), points=roster.points,
    )
