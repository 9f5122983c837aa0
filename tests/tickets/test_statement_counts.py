"""What an update asks of the database, counted: a count is deterministic, so it may be held.

Plain chatter in a building group from someone the bot knows costs nothing; a report there
costs the similar-ticket read and the rows it writes (number, ticket, event, follower, card,
outbox) with one commit. bench/intake.py prints the same counts beside its rates.
"""

from __future__ import annotations

from sqlalchemy import func, select

from models.tickets import Ticket
from tests.harness import Harness
from tests.statements import Statements, counted
from tests.tickets.world import build

PLAIN_LIMIT = 0
TICKET_LIMIT = 8


async def _count(h: Harness, user: object, text: str, chat: object) -> Statements:
    with counted(h.app.engine) as seen:
        await h.send(user, text, chat=chat)
    return seen


async def test_plain_chatter_and_a_group_report_cost_what_they_write(h: Harness) -> None:
    w = await build(h)
    for user in (w.mei, w.lan):  # the bot has seen both in the group before
        await h.send(user, "大家早上好", chat=w.group)
    # The first report after a start reads the compound's routing once.
    await h.send(w.mei, "#报修 3号楼楼道的灯不亮了", chat=w.group)

    plain = await _count(h, w.lan, "今天几点停水？", w.group)
    first_of_lan = await _count(h, w.lan, "#报修 电梯按钮失灵，按了没反应", w.group)
    second_of_mei = await _count(h, w.mei, "#投诉 楼下有人半夜装修很吵", w.group)

    assert plain.total <= PLAIN_LIMIT, str(plain)
    assert first_of_lan.total <= TICKET_LIMIT, str(first_of_lan)
    assert second_of_mei.total <= TICKET_LIMIT, str(second_of_mei)
    assert first_of_lan.commits == 1 and second_of_mei.commits == 1
    async with h.app.sessions() as s:
        # The counted reports were really filed, and each went to its staff chat.
        assert await s.scalar(select(func.count()).select_from(Ticket)) == 3
    await h.deliver()
    assert any("电梯按钮失灵" in text for text in w.texts(w.staff))
    assert "#2" in (w.last(w.group).text or "") or any("#2" in t for t in w.texts(w.group))


async def test_a_changed_name_is_written_once_a_minute(h: Harness) -> None:
    w = await build(h)
    await h.send(w.lan, "大家早上好", chat=w.group)
    w.lan.first_name = "Lan2"
    renamed = await _count(h, w.lan, "有人看到我的快递了吗", w.group)
    again = await _count(h, w.lan, "在门卫那边吗", w.group)
    assert renamed.total >= 1 and any("UPDATE person" in s for s in renamed.sql), str(renamed)
    assert again.total == 0, str(again)
