"""The monthly statement of each account, posted once to the compound's group with its chart;
a statement never changes: an entry confirmed after the month shows in the next one."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.accounts.world import build
from tests.harness import Harness


def statements(h: Harness, chat: object) -> list:
    return [m for m in h.emu.sent(chat) if (m.text or "").startswith("📒 明白账")]


async def test_the_month_statement_goes_once_with_its_chart(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    h.clock.set(datetime(2026, 11, 10, 2, 0, tzinfo=UTC))
    await w.record("public_revenue", "in", "1,280.50", "other", "停车费")
    await h.deliver()
    await w.press_on(w.qian, "✅ 确认")
    await w.record("public_revenue", "out", "200", "other", "公告栏维修")
    await h.deliver()
    await w.press_on(w.qian, "✅ 确认")
    await w.record("public_revenue", "in", "99", "other", "场地租金")  # not confirmed in Nov
    await h.deliver()

    h.clock.set(datetime(2026, 12, 1, 1, 0, tzinfo=UTC))  # 09:00 in Shanghai
    await h.tick()
    await h.deliver()
    posted = statements(h, w.group)
    assert len(posted) == 1
    text = posted[0].text.split("\n")
    assert text[0] == "📒 明白账 · Harmony Garden · 公共收益 · 2026年11月"
    assert text[1:4] == ["期初余额：0.00 元", "收入 1,280.50 元：", "· 其他：1,280.50 元"]
    assert "期末余额：1,080.50 元" in text
    assert any("#1" in line and "+1,280.50 元 停车费" in line for line in text)
    assert "场地租金" not in posted[0].text  # still waiting for a second person
    chart = next(m for m in h.emu.sent(w.group) if m.reply_to_message_id == posted[0].message_id)
    assert chart.method == "sendPhoto" and chart.photo[:8] == b"\x89PNG\r\n\x1a\n"

    # Once only; the late confirmation goes in December's statement, November's stays.
    await h.tick()
    await w.press_on(w.qian, "✅ 确认")
    await h.deliver()
    assert len(statements(h, w.group)) == 1
    h.clock.set(datetime(2027, 1, 1, 1, 0, tzinfo=UTC))
    await h.tick()
    await h.deliver()
    december = statements(h, w.group)[-1].text
    assert "2026年12月" in december and "期初余额：1,080.50 元" in december
    assert "+99.00 元 场地租金" in december and "期末余额：1,179.50 元" in december


async def test_the_committee_exports_the_whole_journal(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await w.record("public_revenue", "in", "1,280.50", "other", "停车费")
    await h.deliver()
    await w.press_on(w.qian, "✅ 确认")
    await w.record("public_revenue", "in", "99", "other", "场地租金")
    await h.send(w.qian, "/accountscsv")
    name, data = w.last(w.qian).document
    rows = data.decode("utf-8-sig").splitlines()
    assert name.endswith(".csv") and data.startswith(b"\xef\xbb\xbf")
    assert rows[0].startswith("id,account,date,direction,amount_yuan")
    assert rows[1].split(",")[1:5] == ["public_revenue", h.clock.now().date().isoformat(),
                                        "in", "1280.50"] and ",confirmed," in rows[1]
    assert ",pending," in rows[2] and "场地租金" in rows[2]
    await h.send(w.qian, "/accountscsv gbk")
    assert "停车费" in w.last(w.qian).document[1].decode("gbk")
    await h.send(w.mei, "/accountscsv")  # a resident reads the public figures, not this
    assert w.last(w.mei).document is None
