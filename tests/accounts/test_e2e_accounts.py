"""End to end: finance records, a second person confirms, the group sees it; refusals."""

from __future__ import annotations

import pytest

from models.accounts import AccountReview, Entry
from models.registry import Compound
from services.accounts import ledger
from tests.accounts.world import World, build
from tests.harness import Harness
from tests.polls import factories as f


async def _confirm(w: World, who, label_key: str = "acct-btn-confirm") -> dict:  # type: ignore[no-untyped-def]
    await w.h.deliver()
    return await w.press_on(who, w.text(label_key))


async def test_record_confirm_publish_with_exact_figures(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await w.record("public_revenue", "in", "1,280.50", "parking", "3月车位租金",
                   party="业主停车月卡")
    assert w.last(w.fang).text == "已记录 #1，等待业委会或社区干部确认。"
    [entry] = await w.entries()
    assert (entry.amount, entry.direction, entry.category) == (128050, "in", "parking")
    assert (entry.counterparty, entry.purpose) == ("业主停车月卡", "3月车位租金")
    await h.deliver()
    card = w.last(w.qian)
    assert card.text.startswith("🧾 待确认的账目 · Harmony Garden\n#1 公共收益 · 收入 1,280.50 元")
    assert "对方：业主停车月卡" in card.text and "记账：Fang" in card.text
    assert h.emu.buttons(card) == ["✅ 确认", "❌ 驳回"]
    assert h.emu.buttons(w.last(w.sun)) == ["✅ 确认", "❌ 驳回"]
    assert not any("待确认的账目" in (m.text or "") for m in h.emu.sent(w.fang))
    assert not any("1,280.50" in (m.text or "") for m in h.emu.sent(w.group))

    answer = await w.press_on(w.qian, "✅ 确认")
    assert answer["text"] == "已确认 #1，将公开到小区群。"
    assert w.last(w.qian).text.endswith("✅ 已确认公开（Qian）")
    await h.deliver()
    public = w.last(w.group).text
    assert public == (
        "📢 明白账公开 · Harmony Garden\n"
        f"#1 公共收益 · 收入 1,280.50 元\n类别：停车\n对方：业主停车月卡\n用途：3月车位租金\n"
        f"日期：{entry.occurred_on.isoformat()} · 附件 0 个\n"
        "确认：Qian\n公共收益公开余额：1,280.50 元")
    assert w.last(w.fang).text == "您记的账目 #1：✅ 已确认公开（Qian）。"
    button = w.last(w.group).reply_markup["inline_keyboard"][0][0]
    assert button["text"] == "🔍 详情与凭证" and button["url"].endswith("?start=acct_1")
    await h.send(w.mei, "/start acct_1")
    assert w.last(w.mei).text.startswith("#1 公共收益 · 收入 1,280.50 元\n类别：停车")
    assert w.last(w.mei).text.endswith("记账：Fang\n✅ 已确认公开（Qian）")
    assert len(await w.audit("acct.record")) == 1 and len(await w.audit("acct.confirmed")) == 1

    # The community officer's card says who decided and has no buttons left; a forged
    # second decision changes nothing.
    sun_card = w.last(w.sun)
    assert sun_card.text.startswith("🧾 账目 · Harmony Garden\n#1 公共收益")
    assert sun_card.text.endswith("✅ 已确认公开（Qian）") and h.emu.buttons(sun_card) == []
    late = h.emu.press_data(w.sun, None, sun_card.message_id, "acr:no:1")
    await h.settle()
    assert h.emu.callback_answer(late)["text"] == "这笔账目已经审核过了。"
    await h.send(w.mei, "#明白账", chat=w.group)
    figures = w.last(w.group).text
    assert "公共收益：1,280.50 元" in figures and "专项维修资金：0.00 元" in figures
    assert "#1 " in figures and "3月车位租金" in figures


async def test_the_recorder_and_a_resident_cannot_confirm(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await w.record("property", "out", "300", "cleaning", "楼道保洁")
    await h.deliver()
    card = w.last(w.qian)
    # Fang presses confirm on her own entry (data copied from the card); Mei forges it.
    own = h.emu.press_data(w.fang, None, w.last(w.fang).message_id, "acr:ok:1")
    await h.settle()
    assert h.emu.callback_answer(own)["text"] == (
        "记账人不能确认自己记的账，需要另一位业委会成员或社区干部确认。")
    await h.send(w.mei, "/accounts")
    forged = h.emu.press_data(w.mei, None, w.last(w.mei).message_id, "acr:ok:1")
    await h.settle()
    assert h.emu.callback_answer(forged)["text"] == (
        "只有业委会成员或社区干部可以确认或驳回账目，什么都没有改变。")
    assert await w.count(AccountReview) == 0
    assert await w.audit("acct.confirmed") == []
    await h.deliver()
    assert not any("明白账公开" in (m.text or "") for m in h.emu.sent(w.group))
    assert h.emu.buttons(card) == ["✅ 确认", "❌ 驳回"]


@pytest.mark.parametrize("typed,reason", [
    ("12,80", "看不懂这个金额：“12,80”。请写成 1280.50、1,280.50 或 1280.5元。"),
    ("-5", "金额不能是负数。支出请选择“支出”，金额写正数。"),
    ("1.234", "金额最多两位小数（精确到分）。"),
    ("0", "金额不能为零。"),
    ("99999999999", "金额超过了本小区设定的上限 10,000,000.00 元，请检查是否多写了位数。"),
])
async def test_a_malformed_amount_is_refused_with_the_reason(h: Harness, typed: str,
                                                             reason: str) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.fang, "/newentry")
    await w.press_on(w.fang, "公共收益")
    await w.press_on(w.fang, "收入")
    await h.send(w.fang, typed)
    assert w.last(w.fang).text == reason
    await h.send(w.fang, "¥1280")  # the same question stays open
    assert w.last(w.fang).text == "属于哪个类别？"
    await h.send(w.fang, "/cancel")
    assert w.last(w.fang).text == "已取消，什么都没有记录。"
    assert await w.count(Entry) == 0


async def test_a_reversal_restores_the_balance(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await w.record("public_revenue", "in", "1280.5元", "advertising", "电梯广告")
    await _confirm(w, w.qian)
    await h.send(w.fang, "/reverse 1 金额记错了")
    assert w.last(w.fang).text == "已记录冲正 #2（冲正 #1），等待业委会或社区干部确认。"
    await h.deliver()
    card = w.last(w.sun)
    assert "↩️ 冲正 #1，原因：金额记错了" in card.text and "支出 1,280.50 元" in card.text
    await w.press_on(w.sun, "✅ 确认")
    await h.deliver()
    assert w.last(w.group).text.endswith("公共收益公开余额：0.00 元")
    async with h.app.sessions() as s:
        assert await ledger.check_invariants(s, w.compound_id) == []
    assert len(await w.audit("acct.reverse")) == 1
    await h.send(w.fang, "冲正 1 再来一次")  # once reversed, asking again changes nothing
    assert await w.count(Entry) == 2


@pytest.mark.parametrize("locale,public,refused", [
    ("en", "Public revenue public balance: 1,280.50 yuan",
     "Only an owners' committee member or the community officer confirms or rejects entries."
     " Nothing was changed."),
    ("zh-Hant", "公共收益公開餘額：1,280.50 元",
     "只有業委會成員或社區幹部可以確認或駁回帳目，什麼都沒有改變。"),
])
async def test_texts_in_english_and_traditional(h: Harness, locale: str, public: str,
                                                refused: str) -> None:
    w = await build(h, locale)
    await w.record("public_revenue", "in", "1280.50 元", "venue", "Hall")
    await h.deliver()
    await h.send(w.mei, "/accounts")
    forged = h.emu.press_data(w.mei, None, w.last(w.mei).message_id, "acr:ok:1")
    await h.settle()
    assert h.emu.callback_answer(forged)["text"] == refused
    await w.press_on(w.qian, w.text("acct-btn-confirm"))
    await h.deliver()
    assert w.last(w.group).text.endswith(public)
    await h.send(w.mei, "/accounts")
    assert w.text("acct-kind-public_revenue") in w.last(w.mei).text


async def test_receipts_travel_by_file_id_and_residents_can_open_them(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.fang, "/newentry")
    for label in ("物业服务", "支出"):
        await w.press_on(w.fang, label)
    await h.send(w.fang, "2,400")
    await w.press_on(w.fang, "➕ 新类别")
    await h.send(w.fang, "消防检测")
    await h.send(w.fang, "某消防公司")
    await h.send(w.fang, "年度消防检测")
    await h.send(w.fang, photo=b"receipt-jpeg")
    await h.send(w.fang, document=("invoice.pdf", b"%PDF-1.4 invoice", "application/pdf"))
    assert w.last(w.fang).text == "已收到附件 2 个。继续发送，或按“完成”。"
    await w.press_on(w.fang, "完成")
    await h.send(w.fang, "3月1日")
    assert "#— 物业服务 · 支出 2,400.00 元\n类别：消防检测" in w.last(w.fang).text
    await w.press_on(w.fang, "✅ 提交")
    [entry] = await w.entries()
    assert [a["kind"] for a in entry.attachments] == ["photo", "document"]
    assert entry.occurred_on.month == 3 and entry.occurred_on.day == 1
    await h.deliver()
    assert h.emu.buttons(w.last(w.qian)) == ["✅ 确认", "❌ 驳回", "📎 凭证"]
    await w.press_on(w.qian, "✅ 确认")

    # A resident opens the public entry from /accounts and sees the receipts.
    await h.send(w.mei, "账目")
    await w.press_on(w.mei, "#1")
    view = w.last(w.mei)
    assert "✅ 已确认公开（Qian）" in view.text and h.emu.buttons(view) == ["📎 凭证"]
    await w.press_on(w.mei, "📎 凭证")
    sent = h.emu.sent(w.mei)[-2:]
    assert [m.text for m in sent] == ["凭证 · 账目 #1", "凭证 · 账目 #1"]
    assert sent[0].photo == b"receipt-jpeg" and sent[1].document == (
        "invoice.pdf", b"%PDF-1.4 invoice")

    # The next entry offers the new category as a button.
    await h.send(w.fang, "记账")
    await w.press_on(w.fang, "物业服务")
    await w.press_on(w.fang, "支出")
    await h.send(w.fang, "100")
    assert "消防检测" in h.emu.buttons(w.last(w.fang))


async def test_pending_entries_show_to_the_two_roles_only(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await w.record("public_revenue", "in", "500", "parking", "临停收费")
    await h.send(w.qian, "明白账")
    view = w.last(w.qian)
    assert "待确认（1 笔）：\n#1 " in view.text and "⏳ #1" in h.emu.buttons(view)
    await w.press_on(w.qian, "⏳ #1")
    assert h.emu.buttons(w.last(w.qian)) == ["✅ 确认", "❌ 驳回"]
    await w.press_on(w.qian, "❌ 驳回")
    assert w.last(w.qian).text.endswith("❌ 已驳回（Qian）")
    await h.send(w.mei, "帳目")
    resident = w.last(w.mei).text
    assert "待确认" not in resident and "临停收费" not in resident
    assert "公共收益：0.00 元" in resident
    async with h.app.sessions() as s:
        assert await ledger.check_invariants(s, w.compound_id) == []
    other = h.emu.add_group("Elsewhere", members=[w.mei], bot_status="member")
    await h.send(w.mei, "/accounts", chat=other)
    assert w.last(other).text == "这个群还没有绑定小区，管理员可以用 /setup 绑定。"


async def test_the_admin_adds_a_category_that_the_dialogue_then_offers(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    admin = h.emu.add_user("Ada", language_code="zh-hans", started=True)
    async with h.app.sessions() as s:
        boss = await f.person(s, h.clock, "Ada", tg_id=admin.id)
        c = await s.get(Compound, w.compound_id)
        await f.grant(s, h.clock, boss, c, "admin")
        await s.commit()
    await h.send(admin, "/category 公共收益 充电桩")
    assert w.last(admin).text == "已在“公共收益”下添加类别“充电桩”，记账时可以直接选。"
    await h.send(admin, "/category")
    assert "公共收益：停车 · 广告 · 场地租金 · 维修 · 其他 · 充电桩" in w.last(admin).text
    await h.send(w.mei, "/category 公共收益 私自添加")
    assert w.last(w.mei).text == w.text("compound-none-for-action")
    assert len(await w.audit("acct.category")) == 1
    await h.send(w.fang, "/newentry")
    await w.press_on(w.fang, "公共收益")
    await w.press_on(w.fang, "收入")
    await h.send(w.fang, "88")
    assert "充电桩" in h.emu.buttons(w.last(w.fang))


async def test_the_admin_sets_the_ceiling_and_larger_amounts_are_refused(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    admin = h.emu.add_user("Ada", language_code="zh-hans", started=True)
    async with h.app.sessions() as s:
        boss = await f.person(s, h.clock, "Ada", tg_id=admin.id)
        await f.grant(s, h.clock, boss, await s.get(Compound, w.compound_id), "admin")
        await s.commit()
    await h.send(admin, "/ceiling")
    assert w.last(admin).text == (
        "Harmony Garden 的单笔金额上限：10,000,000.00 元。设置：/ceiling 500,000。")
    await h.send(admin, "/ceiling 50万")
    assert w.last(admin).text.startswith("看不懂这个金额")
    await h.send(admin, "/ceiling 500,000")
    assert w.last(admin).text == (
        "Harmony Garden 的单笔金额上限已从 10,000,000.00 元改为 500,000.00 元。")
    await h.send(w.fang, "/ceiling 1")
    assert w.last(w.fang).text == w.text("compound-none-for-action")
    await h.send(w.fang, "/newentry")
    await w.press_on(w.fang, "公共收益")
    await w.press_on(w.fang, "收入")
    await h.send(w.fang, "500,000.01")
    assert w.last(w.fang).text == (
        "金额超过了本小区设定的上限 500,000.00 元，请检查是否多写了位数。")
    assert len(await w.audit("acct.ceiling")) == 1


async def test_a_reversal_from_the_button_asks_for_the_reason(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await w.record("property", "in", "3,000", "fee", "3月物业费")
    await _confirm(w, w.sun)
    await h.deliver()
    notice = w.last(w.fang)
    assert h.emu.buttons(notice) == ["↩️ 冲正 #1"]
    await h.send(w.mei, "/accounts")
    forged = h.emu.press_data(w.mei, None, w.last(w.mei).message_id, "acx:rev:1")
    await h.settle()
    assert h.emu.callback_answer(forged)["text"] == "只有物业财务可以记账或冲正，什么都没有改变。"
    await w.press_on(w.fang, "↩️ 冲正 #1")
    assert w.last(w.fang).text == "冲正 #1：请写明原因。"
    await h.send(w.fang, "重复收费")
    assert w.last(w.fang).text == "已记录冲正 #2（冲正 #1），等待业委会或社区干部确认。"
    [_, back] = await w.entries()
    assert (back.reverses_id, back.reason, back.direction) == (1, "重复收费", "out")
