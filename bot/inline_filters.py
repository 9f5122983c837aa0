"""Run plain (non-coroutine) filters on the event loop instead of in a worker thread."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Router


def _on_the_loop(check: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    async def run(*args: Any, **kwargs: Any) -> Any:
        return check(*args, **kwargs)

    return run


def inline_sync_filters(root: Router) -> int:
    """aiogram hands every filter that is not a coroutine function — `F.text`, a `State`, a
    predicate such as `made_by_us` — to `asyncio.to_thread`, in case it blocks. Ours are
    pure checks of the update that take microseconds; a group message paid 14 thread
    round trips for them before any handler ran. Returns how many filters now run on
    the loop.

    The filter keeps the parameter list aiogram read from the original callable, so it
    is still given exactly the arguments it asks for.
    """
    changed = 0
    for router in root.chain_tail:
        for observer in router.observers.values():
            holders = [*getattr(observer, "handlers", ()), getattr(observer, "_handler", None)]
            for holder in holders:
                for obj in getattr(holder, "filters", None) or ():
                    if not obj.awaitable:
                        obj.callback = _on_the_loop(obj.callback)
                        obj.awaitable = True
                        changed += 1
    return changed
