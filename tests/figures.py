"""What the fault and process tests saw (sent, duplicated, lost, time), for the run's log.

pytest keeps a passing test's output to itself; these lines are printed at the end of
every run (tests/conftest.py, pytest_terminal_summary), so a reader of CI sees them.
"""

from __future__ import annotations

SEEN: list[str] = []


def record(test: str, **figures: object) -> None:
    SEEN.append(f"{test}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
