"""What every benchmark shares: machine facts, percentiles, targets, tables, result files."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATA = ROOT / "bench" / ".data"


def _cpuinfo_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_mb() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def _git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                             capture_output=True, text=True, timeout=5, check=False)
    except OSError:
        return None
    return out.stdout.strip() or None


def _load() -> list[float] | None:
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None


# Taken when a benchmark starts, before its own work adds to the load.
_STARTED = (datetime.now(UTC), _load())


def machine() -> dict[str, Any]:
    return {
        "cpu": _cpuinfo_model(),
        "cores": os.cpu_count(),
        "ram_mb": _ram_mb(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": _STARTED[0].isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        # Other work on the machine skews every figure; the load says how much there was.
        "loadavg_at_start": _STARTED[1],
        "loadavg_at_end": _load(),
        "commit": _git_commit(),
    }


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (what numpy calls 'linear')."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def latency_summary(samples_ms: Sequence[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(samples_ms, 50), 3),
        "p95_ms": round(percentile(samples_ms, 95), 3),
        "max_ms": round(max(samples_ms), 3) if samples_ms else float("nan"),
        "mean_ms": round(statistics.fmean(samples_ms), 3) if samples_ms else float("nan"),
        "samples": len(samples_ms),
    }


@dataclass
class Target:
    name: str
    value: float
    op: str  # ">=" or "<="
    bound: float
    unit: str = ""

    @property
    def met(self) -> bool:
        return self.value >= self.bound if self.op == ">=" else self.value <= self.bound

    def row(self) -> tuple[str, str, str, str]:
        return (self.name, f"{self.value:g} {self.unit}".strip(),
                f"{self.op} {self.bound:g} {self.unit}".strip(), "met" if self.met else "MISSED")


def table(title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    body = [[str(c) for c in r] for r in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in body)) if body else len(str(h))
              for i, h in enumerate(header)]
    line = "  ".join("-" * w for w in widths)
    out = [title, "  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in body]
    return "\n".join(out)


def report(
    name: str, params: dict[str, Any], figures: dict[str, Any], targets: list[Target],
    notes: list[str] | None = None,
) -> Path:
    """Print the figures and targets, and write bench/results/<name>.json."""
    flat = [(k, _fmt(v)) for k, v in _flatten(figures)]
    print()
    print(table(f"== {name}: figures", ("figure", "value"), flat))
    if targets:
        print()
        print(table(f"== {name}: targets", ("target", "measured", "wanted", "status"),
                    [t.row() for t in targets]))
    for note in notes or []:
        print(f"note: {note}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "name": name,
        "machine": machine(),
        "params": params,
        "figures": figures,
        "targets": [{**asdict(t), "met": t.met} for t in targets],
        "notes": notes or [],
    }
    path = RESULTS / f"{name}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
    tmp.replace(path)
    print(f"written: {path.relative_to(ROOT)}")
    return path


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out += _flatten(value, name + ".")
        else:
            out.append((name, value))
    return out


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def parser(description: str, profile: bool = True) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    if profile:
        p.add_argument("--profile", action="store_true",
                       help="profile with pyinstrument (the bench extra) into "
                            "bench/.data/profiles")
    return p


@contextlib.contextmanager
def profiled(name: str, enabled: bool) -> Iterator[None]:
    """Where the time went, for finding the cause when a target is missed."""
    if not enabled:
        yield
        return
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit(
            "--profile needs pyinstrument: .venv/bin/pip install -e '.[bench]'") from None
    profiler = Profiler(async_mode="disabled")
    profiler.start()
    try:
        yield
    finally:
        profiler.stop()
        path = DATA / "profiles" / f"{name}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        profiler.write_html(str(path))
        text = profiler.output_text(color=False, unicode=False)
        path.with_suffix(".txt").write_text(text)
        print(text[:6000])
        print(f"profile: {path.relative_to(ROOT)} (and .txt)")


def quiet_logs() -> None:
    """The app logs every start and delivery; at these volumes that is noise and CPU."""
    import logging

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    for name in ("aiogram", "aiogram.event", "aiogram.dispatcher", "bot", "handlers",
                 "services", "scheduler", "apscheduler", "tests.emulator"):
        logging.getLogger(name).setLevel(logging.WARNING)
