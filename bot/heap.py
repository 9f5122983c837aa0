"""Keep the start-up heap out of the garbage collector's way."""

from __future__ import annotations

import gc

_frozen = False


def freeze_startup_objects() -> None:
    """Move everything alive after start-up (modules, aiogram's types, the mapped classes,
    the translation catalog) out of the collector's reach.

    They live as long as the process; without this, every full collection walks them all
    again, and a handler that happens to trigger one stalls for 100 ms or more (the
    assembly tally of bench/datascale.py: p95 about 200 ms, and under 100 ms with it).
    Once per process: a second freeze would also pin whatever the first app left behind.
    """
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.collect()
    gc.freeze()
