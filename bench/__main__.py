"""`python -m bench`: every benchmark and a table of all targets (see bench/run.py)."""

from bench.run import main

raise SystemExit(main())
