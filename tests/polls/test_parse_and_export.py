"""What organizers type (options, deadlines, fees), and the CSV and chart exports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from models.polls import Poll, PollKind
from services.clock import FrozenClock
from services.polls import ballots, cards, export, lifecycle, parse
from tests.polls import factories as f

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


def test_options_one_per_line_numbering_dropped() -> None:
    assert parse.options("1. 同意\n2、反对\n\n- 1.5 元也行") == ["同意", "反对", "1.5 元也行"]


@pytest.mark.parametrize(("text", "reason"), [
    ("only one", "options-few"), ("", "options-few"),
    ("\n".join(str(i) + "x" for i in range(11)), "options-many"),
    ("Green\ngreen ", "option-duplicate"), ("a\n" + "b" * 101, "option-long"),
])
def test_bad_option_lists_are_refused(text: str, reason: str) -> None:
    with pytest.raises(parse.ParseError) as error:
        parse.options(text)
    assert error.value.reason == reason


@pytest.mark.parametrize(("text", "expected"), [
    ("3d", NOW + timedelta(days=3)), ("48小时", NOW + timedelta(hours=48)),
    ("90 分钟", NOW + timedelta(minutes=90)), ("2天", NOW + timedelta(days=2)),
    ("2026-03-05 20:00", datetime(2026, 3, 5, 12, 0, tzinfo=UTC)),
    ("3月5日 20:30", datetime(2026, 3, 5, 12, 30, tzinfo=UTC)),
    ("3-5 20", datetime(2026, 3, 5, 12, 0, tzinfo=UTC)),
    ("2026/3/5 8:05", datetime(2026, 3, 5, 0, 5, tzinfo=UTC)),
])
def test_deadlines_in_the_compounds_time_zone_or_as_durations(
    text: str, expected: datetime
) -> None:
    assert parse.deadline(text, NOW, SHANGHAI) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("2026-03-01 20:00", "deadline-past"), ("5m", "deadline-soon"), ("200d", "deadline-far"),
    ("soon", "deadline-format"), ("2026-02-30 10:00", "deadline-format"),
    ("2026-03-02 08:59", "deadline-past"),
])
def test_bad_deadlines_are_refused(text: str, reason: str) -> None:
    with pytest.raises(parse.ParseError) as error:
        parse.deadline(text, NOW, SHANGHAI)
    assert error.value.reason == reason


def test_fees_and_what_they_cost() -> None:
    fee = parse.fee("1.69 → 1.99")
    assert (fee.old, fee.new) == (D("1.69"), D("1.99"))
    for bad, reason in [("1.69", "fee-format"), ("2 2", "fee-same"), ("a b", "fee-format")]:
        with pytest.raises(parse.ParseError) as error:
            parse.fee(bad)
        assert error.value.reason == reason


async def test_csv_has_a_bom_and_open_ballots_list_voters_and_paper(
    session: AsyncSession, clock: FrozenClock
) -> None:
    c = await f.compound(session, clock)
    where = await f.building(session, c, "3")
    home = await f.household(session, clock, c, where, "101", "88.50")
    other = await f.household(session, clock, c, where, "102", "90.00")
    owner = await f.person(session, clock, "=HYPERLINK(evil)")
    await f.live(session, clock, owner, home)
    organizer = await f.person(session, clock, "Organizer")
    await f.group(session, clock, c, -1007)
    poll = await f.open_poll(session, clock, c, organizer, PollKind.ASSEMBLY, matter="other",
                             chats=[-1007])
    poll_id, organizer_id, owner_id, other_id = poll.id, organizer.id, owner.id, other.id
    yes, no, _ = [o.id for o in await cards.options_of(session, poll_id)]
    key = ballots.server_key("t")
    await ballots.press(session, clock, key, ballots.Press(poll_id, yes, owner_id))
    await ballots.record_paper(session, clock, key, poll_id, organizer_id, other_id, no, "Wang")
    await lifecycle.close(session, clock, poll_id, key=key)
    poll = await session.get(Poll, poll_id)
    data = await export.csv_bytes(session, poll, lambda k, **a: k)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "poll-option-yes,1,88.50" in text
    assert "'=HYPERLINK(evil),3-101,poll-option-yes,poll-source-bot" in text
    assert ",3-102,poll-option-no,poll-source-paper" in text and text.rstrip().endswith("Wang")


async def test_secret_csv_has_totals_and_turnout_but_no_voters(
    session: AsyncSession, clock: FrozenClock
) -> None:
    c = await f.compound(session, clock)
    where = await f.building(session, c, "3")
    home = await f.household(session, clock, c, where, "101", "88.50")
    owner = await f.person(session, clock, "Hidden")
    await f.live(session, clock, owner, home)
    await f.group(session, clock, c, -1008)
    poll = await f.open_poll(session, clock, c, owner, PollKind.ASSEMBLY, matter="other",
                             secret=True, live_results=False, chats=[-1008])
    poll_id, owner_id = poll.id, owner.id
    yes = (await cards.options_of(session, poll_id))[0].id
    key = ballots.server_key("t")
    await ballots.press(session, clock, key, ballots.Press(poll_id, yes, owner_id))
    poll = await session.get(Poll, poll_id)
    before = (await export.csv_bytes(session, poll, lambda k, **a: k)).decode("utf-8-sig")
    assert "poll-csv-votes" not in before  # results only after the close
    assert "3,1,1,88.50,88.50" in before
    await lifecycle.close(session, clock, poll_id, key=key)
    poll = await session.get(Poll, poll_id)
    after = (await export.csv_bytes(session, poll, lambda k, **a: k)).decode("utf-8-sig")
    assert "poll-option-yes,1,88.50" in after and "Hidden" not in after


def test_chart_is_a_png() -> None:
    png = export.chart_png([(1, 12), (2, 3), (3, 0)], [D("1200.50"), D("300"), D("0")])
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000
