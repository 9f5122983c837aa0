"""End to end: spending from the maintenance fund cites a decision, or is refused."""

from __future__ import annotations

from sqlalchemy import select

from models.accounts import Entry, FundApproval
from models.person import Person
from models.polls import PollKind, PollPost
from models.registry import Compound
from services.outbox import Notice, enqueue
from tests.accounts.world import World, build
from tests.harness import Harness
from tests.polls import factories as f


async def _deposit(w: World, amount: str) -> None:
    await w.record("maintenance", "in", amount, "deposit", "业主缴存")
    await w.h.deliver()
    await w.press_on(w.qian, "✅ 确认")


async def test_fund_spending_without_a_decision_is_refused(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await _deposit(w, "50,000")
    await w.record("maintenance", "out", "8,000", "repair", "3号楼电梯维修", party="某电梯公司")
    assert w.last(w.fang).text == (
        "维修资金的支出必须引用业主大会通过的表决（维修资金使用事项）或应急/小额维修程序的批准。"
        "什么都没有记录。")
    assert await w.count(Entry) == 1


async def test_fund_spending_cites_an_approval_within_its_amount(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await _deposit(w, "50,000")
    approval = await w.approval(10_000_00, "3号楼电梯停运，应急维修")
    await w.record("maintenance", "out", "8,000", "repair", "3号楼电梯维修", party="某电梯公司")
    ask = w.last(w.fang)
    assert f"批准 #{approval}：3号楼电梯停运，应急维修（批准 10,000.00 元，尚余 10,000.00 元）" \
        in ask.text
    forged = h.emu.press_data(w.fang, None, ask.message_id, "acw:basis:999")
    await h.settle()
    assert h.emu.callback_answer(forged)["show_alert"]
    await w.press_on(w.fang, f"批准 #{approval}（尚余 10,000.00 元）")
    await w.finish()
    entry = (await w.entries())[-1]
    assert (entry.approval_id, entry.amount) == (approval, 8_000_00)
    await h.deliver()
    assert f"依据：批准 #{approval} 3号楼电梯停运，应急维修" in w.last(w.sun).text

    # What is left of the approval bounds the next expense.
    await w.record("maintenance", "out", "2,000.01", "repair", "电梯配件")
    await w.press_on(w.fang, f"批准 #{approval}（尚余 2,000.00 元）")
    await w.finish()
    assert w.last(w.fang).text == (
        "超出批准金额：批准 10,000.00 元，尚余 2,000.00 元，这笔需要 2,000.01 元。")
    assert await w.count(Entry) == 2


async def _assembly_poll(w: World, passed: bool) -> int:
    """A closed fund-use vote posted in the compound's group, its result there as the close
    announced it (the key the close uses; the text stands in for the result)."""
    async with w.h.app.sessions() as s:
        c = await s.get(Compound, w.compound_id)
        boss = await s.get(Person, w.person_ids[w.qian.id])
        poll = await f.open_poll(s, w.h.clock, c, boss, PollKind.ASSEMBLY,
                                 question="动用维修资金更换3号楼电梯", matter="fund_use")
        poll.status, poll.result = "closed", {"assembly": {"passed": passed}}
        s.add(PollPost(poll_id=poll.id, chat_id=w.group.id))
        await enqueue(s, w.h.clock, Notice(key=f"poll:{poll.id}:result:{w.group.id}",
                                           chat_id=w.group.id, text_key="poll-results-hidden"))
        await s.commit()
        return poll.id


async def test_a_passed_fund_poll_becomes_an_approval_entries_cite(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    failed = await _assembly_poll(w, passed=False)
    await h.send(w.qian, f"/fundapproval {failed} 120,000")
    assert w.last(w.qian).text == (
        f"表决 #{failed} 不是已经通过的业主大会“使用维修资金”表决，不能作为支出依据。")
    passed = await _assembly_poll(w, passed=True)
    await h.send(w.fang, f"/fundapproval {passed} 120,000")  # finance does not set its cap
    assert w.last(w.fang).text == "只有业委会成员或社区干部可以登记维修资金的批准，什么都没有改变。"
    await h.send(w.qian, f"/fundapproval {passed} 120,000")
    assert w.last(w.qian).text == (
        f"已登记批准 #1：表决 #{passed} 批准使用维修资金 120,000.00 元。记账时可以引用它。")
    await h.send(w.qian, f"/fundapproval {passed} 130,000")
    assert w.last(w.qian).text == f"表决 #{passed} 已经登记为批准 #1，不能重复登记。"
    await h.deliver()
    assert w.last(w.group).text.endswith(
        f"批准 #1：业主大会表决 #{passed}“动用维修资金更换3号楼电梯”已通过，"
        "批准金额 120,000.00 元。")
    assert len(await w.audit("acct.approval")) == 1

    await _deposit(w, "150,000")
    await w.record("maintenance", "out", "118,000", "repair", "更换3号楼电梯")
    await w.press_on(w.fang, "批准 #1（尚余 120,000.00 元）")
    await w.finish()
    assert (await w.entries())[-1].approval_id == 1
    # Once confirmed, the spending is told under the vote's result in the group.
    await h.deliver()
    # The second stand-in is the passed vote's result (the first, the failed vote's).
    result = [m for m in h.emu.sent(w.group) if m.text == w.text("poll-results-hidden")][-1]
    assert not any(m.reply_to_message_id == result.message_id for m in h.emu.sent(w.group))
    await w.press_on(w.qian, "✅ 确认")
    await h.deliver()
    under = [m for m in h.emu.sent(w.group) if m.reply_to_message_id == result.message_id]
    entry = (await w.entries())[-1]
    assert [m.text for m in under] == [
        f"依据本次表决（批准 #1，批准金额 120,000.00 元）的支出已公开：#{entry.id} "
        "118,000.00 元，更换3号楼电梯"]


async def test_emergency_procedure_needs_the_committee_and_the_community_office(
        h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.fang, "/fundapproval 应急 8,000 电梯困人")
    assert w.last(w.fang).text == w.text("compound-none-for-action")
    await h.send(w.qian, "/fundapproval 应急 8,000 3号楼电梯困人，需立即维修")
    assert w.last(w.qian).text.startswith("已提交用款申请 #")
    await h.deliver()
    card = w.last(w.sun)
    assert "专项维修资金：8,000.00 元" in card.text
    assert "原因：3号楼电梯困人，需立即维修" in card.text
    assert h.emu.buttons(card) == ["✅ 批准", "❌ 不批准"]
    number = card.text.split("#", 1)[1].split(" ", 1)[0]
    own = h.emu.press_data(w.qian, None, w.last(w.qian).message_id, f"acp:ok:{number}")
    await h.settle()
    assert h.emu.callback_answer(own)["text"] == "提出申请的人不能自己批准，需要社区干部批准。"
    await h.send(w.mei, "/accounts")
    forged = h.emu.press_data(w.mei, None, w.last(w.mei).message_id, f"acp:ok:{number}")
    await h.settle()
    assert h.emu.callback_answer(forged)["text"] == (
        "只有社区干部可以批准或不批准应急维修的用款申请，什么都没有改变。")
    assert await w.count(FundApproval) == 0

    answer = await w.press_on(w.sun, "✅ 批准")
    assert answer["text"] == "✅ 已批准，批准 #1"
    again = h.emu.press_data(w.sun, None, card.message_id, f"acp:ok:{number}")
    await h.settle()
    assert h.emu.callback_answer(again)["text"] == "这份用款申请已经处理过了。"
    async with h.app.sessions() as s:
        row = (await s.execute(select(FundApproval))).scalar_one()
        assert (row.basis, row.amount, row.council_by, row.community_by) == (
            "emergency", 8_000_00, w.person_ids[w.qian.id], w.person_ids[w.sun.id])
    await h.deliver()
    assert w.last(w.qian).text == f"您的用款申请 #{number}：✅ 已批准，批准 #1（Sun）。"

    await _deposit(w, "10,000")
    await w.record("maintenance", "out", "7,500", "repair", "3号楼电梯应急维修")
    await w.press_on(w.fang, "批准 #1（尚余 8,000.00 元）")
    await w.finish()
    assert (await w.entries())[-1].approval_id == 1
