"""The private-chat /report wizard, up to its last step, for every resident of the scene.

Residents are walked through the wizard by reading the bot's last message and pressing
what a resident would (a category, "next", their home or an area, "a new problem" when a
similar report is offered) until the confirmation with its "send" button is on screen.
Only the presses of "send" are measured: the final step that files the ticket. Buttons are
found by their callback data, so the walk survives changes of wording and extra steps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bench.emu import WAIT
from tests.emulator import BotApiEmulator
from tests.emulator.state import SentMessage, User
from tests.harness import Harness

SEND = "ti:send:0"
# What a resident presses on each screen, in order of preference (callback data prefixes).
PRESSES = ("ti:cat:repair", "ti:next", "ti:home:", "ti:area:", "ti:new")
MAX_STEPS = 12


def _buttons(message: SentMessage) -> list[str]:
    rows = (message.reply_markup or {}).get("inline_keyboard") or []
    return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


def _choice(data: list[str]) -> str | None:
    for prefix in PRESSES:
        found = next((d for d in data if d.startswith(prefix)), None)
        if found is not None:
            return found
    return None


async def walk_to_send(h: Harness, user: User, text: str) -> int:
    """Drive one resident to the confirmation; returns the id of the message with "send"."""
    emu = h.emu
    await h.send(user, "/report")
    described = False
    for _ in range(MAX_STEPS):
        last = emu.last(user)
        data = _buttons(last)
        if SEND in data:
            return last.message_id
        choice = _choice(data)
        if choice is not None and not (choice.startswith("ti:cat") and described):
            emu.press_data(user, user, last.message_id, choice)
            await h.settle()
        elif not described:
            await h.send(user, text)
            described = True
        else:
            break
    raise AssertionError(f"the wizard did not reach its last step for {user.first_name}: "
                         f"{emu.last(user).text!r} {_buttons(emu.last(user))}")


async def press_send(
    emu: BotApiEmulator, ready: Sequence[tuple[User, int]], done: Callable[[], int],
    window: int,
) -> None:
    """Press "send" for everyone, with at most `window` presses unanswered at once."""
    base = done()
    for i, (user, message_id) in enumerate(ready):
        if i - (done() - base) >= window:
            await emu.wait_for(lambda i=i: i - (done() - base) < window, WAIT,
                               f"{window} presses in flight after {i}")
        emu.press_data(user, user, message_id, SEND)
    await emu.wait_for(lambda: done() - base >= len(ready), WAIT, f"{len(ready)} presses")
