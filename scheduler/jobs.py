"""Every feature's sweeps, registered in one place. The scheduler runs them each tick."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from scheduler.runner import SweepRegistry


def register_all(registry: SweepRegistry, *, ballot_key: bytes,
                 superadmins: tuple[int, ...] = (),
                 chart_words: Callable[[str], dict[str, str]] | None = None,
                 label: Callable[[str, Any], str] | None = None) -> None:
    """Features add `registry.add("<name>", <async (session, now) -> int>)` here.

    `ballot_key` reads secret polls' sealed choices when they close."""
    from services.polls import lifecycle, turnout

    # Reminders first, so a poll closing on this tick is not reminded about afterwards.
    registry.add("polls.remind", turnout.remind_sweep)
    registry.add("polls.close", partial(lifecycle.close_sweep, key=ballot_key))

    from services import rewards
    from services.activities import attendance, reminders

    registry.add("activities.remind", reminders.sweep_reminders)
    registry.add("activities.finalize", attendance.sweep_finalize)
    registry.add("rewards.expire", rewards.sweep_expired)

    from services.tickets import sweep as tickets_sweep

    registry.add("tickets.sla", tickets_sweep.sweep)

    from services.tickets import holes as ticket_holes

    registry.add("tickets.gaps", ticket_holes.sweep)

    from services.rosters import checkin, coverage, generation
    from services.rosters import reminders as roster_reminders

    # Generate first so a new day's shifts exist before anything looks for them.
    registry.add("rosters.generate", generation.sweep_generate)
    registry.add("rosters.remind", roster_reminders.sweep_reminders)
    registry.add("rosters.coverage", coverage.sweep_coverage)
    registry.add("rosters.settle", checkin.sweep_settle)

    from services.assessment import ranking

    registry.add("assessment.quarter", partial(ranking.sweep_quarter_close,
                                               superadmins=superadmins))
    if chart_words is not None:
        from services.assessment import monthly

        registry.add("assessment.monthly", partial(monthly.sweep_month_close,
                                                   words=chart_words))
    if label is not None:
        from services.accounts import statements

        registry.add("accounts.statements", partial(statements.sweep_statements, label=label))
    return None
