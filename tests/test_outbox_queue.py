from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.outbox import Outbox
from services.clock import FrozenClock
from services.outbox import Button, Notice, backlog, enqueue, fragment


async def test_same_key_is_queued_once(session: AsyncSession, clock: FrozenClock) -> None:
    notice = Notice(key="test:1", chat_id=42, text_key="slow-down")
    assert await enqueue(session, clock, notice) is True
    assert await enqueue(session, clock, notice) is False
    await session.commit()
    assert await enqueue(session, clock, notice) is False
    await session.commit()
    count = (await session.execute(select(func.count()).select_from(Outbox))).scalar_one()
    assert count == 1
    assert await backlog(session) == 1


async def test_notice_is_part_of_the_callers_transaction(
    session: AsyncSession, clock: FrozenClock
) -> None:
    await enqueue(session, clock, Notice(key="test:2", chat_id=42, text_key="slow-down"))
    await session.rollback()
    assert await backlog(session) == 0


async def test_buttons_and_fragments_are_stored_for_rendering_later(
    session: AsyncSession, clock: FrozenClock
) -> None:
    await enqueue(session, clock, Notice(
        key="test:3", chat_id=42, text_key="lang-set",
        args={"language": fragment("lang-name-en")},
        buttons=[[Button("lang-name-en", ("lang", "en"))]],
    ))
    await session.commit()
    row = (await session.execute(select(Outbox))).scalar_one()
    assert row.markup == {"rows": [[{"t": "lang-name-en", "cb": "lang:en"}]]}
    assert row.args == {"language": {"key": "lang-name-en", "args": {}}}
    assert row.next_attempt_at == clock.now()


def test_callback_data_over_64_bytes_is_refused_when_queued() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        Button("x-y", ("t", "宽" * 22)).to_json()


async def test_replace_pending_batches_edits_but_never_rewrites_a_sent_notice(
    session: AsyncSession, clock: FrozenClock
) -> None:
    first = Notice(key="card:1:slot:0", chat_id=-100, text_key="lang-set",
                   args={"language": "A"}, method="edit_message_text", target_message_id=5)
    newer = Notice(key="card:1:slot:0", chat_id=-100, text_key="lang-set",
                   args={"language": "B"}, method="edit_message_text", target_message_id=5)
    assert await enqueue(session, clock, first, replace_pending=True)
    assert await enqueue(session, clock, newer, replace_pending=True)
    await session.commit()
    row = (await session.execute(select(Outbox))).scalar_one()
    assert row.args == {"language": "B"}
    row.status = "sent"
    await session.commit()
    later = Notice(key="card:1:slot:0", chat_id=-100, text_key="lang-set",
                   args={"language": "C"}, method="edit_message_text", target_message_id=5)
    assert not await enqueue(session, clock, later, replace_pending=True)
    await session.commit()
    await session.refresh(row)
    assert row.args == {"language": "B"}


async def test_a_reply_to_a_delivered_card_finds_its_subject(
    session: AsyncSession, clock: FrozenClock
) -> None:
    from services.outbox import ref_for_message

    await enqueue(session, clock, Notice(key="t:1:card", chat_id=-5, text_key="slow-down",
                                         ref="ticket:1"))
    await session.commit()
    row = (await session.execute(select(Outbox))).scalar_one()
    row.status, row.sent_message_id = "sent", 77
    await session.commit()
    assert await ref_for_message(session, -5, 77) == "ticket:1"
    assert await ref_for_message(session, -5, 78) is None
