"""All benchmarks, one after the other, each in a fresh interpreter; then every target.

    .venv/bin/python -m bench [--quick] [--only intake broadcast ...] [--regenerate] [--profile]
"""

from __future__ import annotations

import sys
from pathlib import Path

if not __package__:  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import json
import subprocess
import time

from bench.common import RESULTS, ROOT, machine, table

# datascale before memory: memory loads the database datascale generates and caches.
ORDER = ("intake", "broadcast", "datascale", "memory")
PROFILED = ("intake", "broadcast", "datascale")  # memory measures a child process


def run_one(name: str, quick: bool, regenerate: bool, profile: bool) -> tuple[int, float]:
    cmd = [sys.executable, "-m", f"bench.{name}"]
    if quick:
        cmd.append("--quick")
    if profile and name in PROFILED:
        cmd.append("--profile")
    elif profile:
        print(f"### {name} runs the bot in a child process; profile it with py-spy "
              "(see bench/memory.py)")
    if regenerate and name == "datascale":
        cmd.append("--regenerate")
    print(f"\n### {' '.join(cmd[1:])}", flush=True)
    start = time.perf_counter()
    code = subprocess.run(cmd, cwd=ROOT, check=False).returncode
    return code, time.perf_counter() - start


def summary(names: list[str], codes: dict[str, int]) -> list[tuple[str, ...]]:
    rows = []
    for name in names:
        path = RESULTS / f"{name}.json"
        if codes[name] != 0 or not path.exists():
            rows.append((name, "—", "—", "—", f"FAILED (exit {codes[name]})"))
            continue
        for t in json.loads(path.read_text())["targets"]:
            rows.append((name, t["name"], f"{t['value']:g} {t['unit']}".strip(),
                         f"{t['op']} {t['bound']:g} {t['unit']}".strip(),
                         "met" if t["met"] else "MISSED"))
    return rows


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    p.add_argument("--only", nargs="+", choices=ORDER, help="run only these")
    p.add_argument("--regenerate", action="store_true",
                   help="rebuild the cached data-scale databases")
    p.add_argument("--profile", action="store_true",
                   help="profile each benchmark with pyinstrument (the bench extra) into "
                        "bench/.data/profiles/<name>.html and .txt")
    args = p.parse_args()
    names = [n for n in ORDER if not args.only or n in args.only]
    info = machine()
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['ram_mb']} MB RAM, "
          f"Python {info['python']}, load {info['loadavg_at_start']}")
    codes: dict[str, int] = {}
    for name in names:
        codes[name], seconds = run_one(name, args.quick, args.regenerate, args.profile)
        print(f"### {name}: exit {codes[name]} after {seconds:.0f} s", flush=True)
    print()
    print(table("== all targets" + (" (--quick sizes)" if args.quick else ""),
                ("bench", "target", "measured", "wanted", "status"), summary(names, codes)))
    return 0 if all(code == 0 for code in codes.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
