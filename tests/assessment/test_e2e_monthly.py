"""/monthly: the community office's monthly report, its chart and the indicators as CSV."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from models.accounts import AccountKind
from models.tickets import Ticket
from services.accounts import ledger
from services.assessment.display import period_label
from services.outbox import fragment
from tests.assessment.test_e2e_indicators import SECOND, resolved_and_rated
from tests.assessment.test_e2e_score import in_community
from tests.harness import Harness
from tests.tickets.world import LOCALES, build


@pytest.mark.parametrize("locale", LOCALES)
async def test_the_month_in_one_report_with_chart_and_csv(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await resolved_and_rated(h, w, locale)
    code = h.clock.now().strftime("%Y-%m")
    before = len(h.emu.sent(w.sun))
    await h.send(w.sun, "/monthly")
    text, chart, table = h.emu.sent(w.sun)[before:]
    period = period_label(code)
    # The month's figures, then the ticket still open (#2): number, category, never its words.
    assert w.text("as-indicators", compound="Sunny Garden", period=period, households=2,
                  tickets=2, per100="100.0", categories="", accept_median="0.5",
                  accept_p90="0.5", resolve_median="2.5", resolve_p90="2.5",
                  within_sla="100.0", reopen="0.0", l2=0, l3=0, mean="4.00", four="100.0",
                  ratings=1, mediated=0, points=0, fee="—", hours="0", coverage="—",
                  turnout="—").split("\n")[0] in text.text
    last = text.text.split("\n")[-1]
    assert last == w.text("as-month-open-line", number=2, category=w.text("tk-cat-complaint"),
                          level=1, days=0)
    assert SECOND[locale].split(" ", 1)[1] not in text.text
    assert chart.method == "sendPhoto" and chart.photo[:8] == b"\x89PNG\r\n\x1a\n"
    assert chart.text == w.text("as-month-chart", compound="Sunny Garden", period=period)
    name, data = table.document
    assert name == f"indicators-{code}.csv" and data.startswith(b"\xef\xbb\xbf")
    rows = data.decode("utf-8-sig").splitlines()
    assert rows[0].split(",")[:4] == ["compound", "period", "households", "tickets"]
    last_month = rows[-1].split(",")
    assert len(rows) == 7 and (last_month[:2], last_month[3]) == (["Sunny Garden", code], "2")
    assert all(r.split(",")[3] == "0" for r in rows[1:-1])  # no tickets the months before


async def test_a_quarter_or_a_resident_gets_a_plain_answer(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.sun, "/monthly 2026-Q1")
    assert w.last(w.sun).text == w.text("as-month-not-quarter")
    await h.send(w.mei, "/monthly")
    assert w.last(w.mei).text == w.text("as-month-denied")


async def test_the_office_gets_last_months_report_once(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await in_community(h, w)
    await resolved_and_rated(h, w, "zh-Hans")
    code = h.clock.now().strftime("%Y-%m")
    now = h.clock.now()
    before = len(h.emu.sent(w.office))
    h.clock.set(datetime(now.year + (now.month == 12), now.month % 12 + 1, 1, 1, 0,
                         tzinfo=UTC))
    await h.tick()
    await h.deliver()
    text, chart, table = h.emu.sent(w.office)[before:]
    assert w.text("as-period-month", year=code[:4], month=str(int(code[5:]))) in text.text
    async with h.app.sessions() as s:  # left open a month, it has climbed meanwhile
        level = await s.scalar(select(Ticket.level).where(Ticket.number == 2))
    assert level == 2 and text.text.split("\n")[-1] == w.text(
        "as-month-open-line", number=2, category=w.text("tk-cat-complaint"), level=level,
        days=(h.clock.now() - now).days)
    assert chart.photo[:8] == b"\x89PNG\r\n\x1a\n" and table.document[0].endswith(".csv")
    assert chart.reply_to_message_id == table.reply_to_message_id == text.message_id
    await h.tick()
    await h.deliver()
    assert len(h.emu.sent(w.office)) == before + 3


async def test_a_compound_keeping_accounts_shows_their_public_balances(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.sun, "/monthly")
    assert w.text("as-month-balance", account=fragment("acct-kind-maintenance"),
                  amount="0.00") not in h.emu.sent(w.sun)[-3].text  # no accounts kept yet
    async with h.app.sessions() as s:
        await ledger.account(s, h.clock, w.compound_id, AccountKind.MAINTENANCE)
        await s.commit()
    await h.send(w.sun, "/monthly")
    text = h.emu.sent(w.sun)[-3].text
    assert w.text("as-month-balance", account=fragment("acct-kind-maintenance"),
                  amount="0.00") in text
    assert w.text("as-month-balance", account=fragment("acct-kind-public_revenue"),
                  amount="0.00") in text
