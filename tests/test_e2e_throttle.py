"""Anti-flood as a person meets it: a refused command in a group is answered in its thread
once a minute; presses and the bot's membership updates never use up someone's burst."""

from __future__ import annotations

import pytest

from tests import db as testdb
from tests.harness import HarnessFactory

GROUP_WARNING = "Fast，您发得太快了，请过一分钟再发。"
HELP_TITLE = "在本群可以使用："


async def test_throttled_group_command_is_answered_once_a_minute(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(throttle_burst=2, throttle_period_seconds=60)
    fast = h.emu.add_user("Fast")  # never started the bot: only the group can answer him
    group = h.emu.add_group("Building 3", members=[fast], bot_status="member")
    sent = [await h.send(fast, "/help", chat=group) for _ in range(5)]
    await h.send(fast, "今天天气不错", chat=group)  # chatter: never answered

    texts = [m.text or "" for m in h.emu.sent(group)]
    assert sum(t.startswith(HELP_TITLE) for t in texts) == 2
    assert texts.count(GROUP_WARNING) == 1
    warning = next(m for m in h.emu.sent(group) if m.text == GROUP_WARNING)
    assert warning.reply_to_message_id == sent[2]  # the first refused one, in its thread

    if testdb.REDIS_URL:
        pytest.skip("Redis windows follow the wall clock, not the test's")
    h.clock.advance(seconds=121)  # sliding windows: at most one warning a minute
    for _ in range(4):
        await h.send(fast, "/help", chat=group)
    assert [m.text for m in h.emu.sent(group)].count(GROUP_WARNING) == 2


async def test_presses_and_membership_updates_do_not_count(make_harness: HarnessFactory) -> None:
    h = await make_harness(throttle_burst=2, throttle_period_seconds=60)
    user = h.emu.add_user("Calm", language_code="en")
    await h.send(user, "/lang")
    menu = h.emu.last(user.id)
    for _ in range(6):  # tapping away at the language buttons
        h.emu.press_data(user, None, menu.message_id, "lang:en")
    for _ in range(3):
        h.emu.block(user.id, notify=True)
        h.emu.unblock(user.id)
    await h.settle()
    await h.send(user, "/help")
    assert "/lang" in h.emu.last(user.id).text
    assert not any("a little fast" in (m.text or "") for m in h.emu.sent(user.id))
