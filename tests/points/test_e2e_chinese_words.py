"""Organizers working in Chinese through the emulator: /pointrules and /award typed with
简体 or 繁體 words, rule codes in Chinese from the rule to the points history, words that
are not understood answered with the ones that are, and the bare /pointrules buttons."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from models.points import EarningRule
from services import ledger
from services.activities import earning
from tests.harness import Harness
from tests.points.world import World, build


@dataclass(frozen=True)
class Says:
    set_rule: str
    rule_line: str
    noshow: str
    days: str
    board_off: str
    theme: str
    theme_given: str
    history: str
    deduct: str
    deducted: str
    wrong_verb: str
    wrong_verb_says: str
    wrong_basis: str
    wrong_basis_says: str
    wrong_switch: str
    wrong_switch_says: str
    stop: str
    stop_button: str
    board_button: str
    board_shown_off: str
    noshow_button: str
    award_unknown: str


SAYS = {
    "zh-Hans": Says(
        "/pointrules 设置 护学岗 每次 2 党员护学岗", "护学岗 · 党员护学岗：每次活动 2 分",
        "/pointrules 缺席 5", "/pointrules 券有效期 60", "/pointrules 排行榜 关闭",
        "/pointrules 设置 主题日 每月 3 党员主题日", "已给 Bo 加 3 分", "+3 党员主题日",
        "扣 2 重复记分", "已扣除 Bo 2 分",
        "/pointrules 删掉 护学岗",
        "没看懂「删掉」，什么也没有改。"
        "/pointrules 后面可以写：设置 / 停用 / 缺席 / 券有效期 / 排行榜",
        "/pointrules 设置 巡逻 每周 2 夜间巡逻", "计分方式可以写：每次 / 每小时 / 每月",
        "/pointrules 排行榜 也许", "排行榜后面可以写：开启 / 关闭",
        "/pointrules 停用 护学岗", "⏸ 停用规则", "开启积分榜", "积分榜：开启", "缺席次数上限",
        "每月固定项目的代号："),
    "zh-Hant": Says(
        "/pointrules 設置 護學崗 每次 2 黨員護學崗", "護學崗 · 黨員護學崗：每次活動 2 分",
        "/pointrules 缺席 5", "/pointrules 兌換券天數 60", "/pointrules 積分榜 關閉",
        "/pointrules 設定 主題日 每月 3 黨員主題日", "已幫 Bo 加 3 分", "+3 黨員主題日",
        "扣 2 重複記分", "已扣除 Bo 2 分",
        "/pointrules 刪掉 護學崗",
        "看不懂「刪掉」，什麼也沒有改。"
        "/pointrules 後面可以寫：設置 / 停用 / 缺席 / 券有效期 / 排行榜",
        "/pointrules 設置 巡邏 每週 2 夜間巡邏", "計分方式可以寫：每次 / 每小時 / 每月",
        "/pointrules 排行榜 也許", "排行榜後面可以寫：開啟 / 關閉",
        "/pointrules 停用 護學崗", "⏸ 停用規則", "開啟積分榜", "積分榜：開啟", "缺席次數上限",
        "每月固定項目的代號："),
}


def bo(w: World) -> str:
    return f"@{w.bo.username}"


async def codes(w: World) -> list[str]:
    async with w.h.app.sessions() as s:
        return [r.code for r in await earning.rules(s, w.compound_id)]


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant"])
async def test_rules_and_awards_in_chinese_words(h: Harness, locale: str) -> None:
    says = SAYS[locale]
    w = await build(h, locale)
    await h.send(w.admin, says.set_rule)
    assert says.rule_line in h.emu.last(w.admin.id).text
    for command in (says.noshow, says.days, says.board_off):
        await h.send(w.admin, command)
    async with h.app.sessions() as s:
        settings = await earning.settings_for(s, w.compound_id)
        assert (settings.noshow_limit, settings.voucher_days, settings.leaderboard) == (
            5, 60, False)
        stored = (await s.execute(select(EarningRule.code, EarningRule.basis))).all()
    code = says.set_rule.split()[2]
    assert (code, "attend") in stored  # stored exactly as typed

    # A Chinese code for a monthly item: given with /award, shown in the points history.
    await h.send(w.admin, says.theme)
    theme = says.theme.split()[2]
    await h.send(w.admin, f"/award {bo(w)} {theme}")
    assert says.theme_given in h.emu.last(w.admin.id).text
    await h.send(w.bo, "/points")
    assert says.history in h.emu.last(w.bo.id).text
    await h.send(w.admin, f"/award {bo(w)} 每周")  # neither an amount nor an item
    assert f"{says.award_unknown}{theme}" in h.emu.last(w.admin.id).text
    await h.send(w.admin, f"/award {bo(w)} {says.deduct}")
    assert says.deducted in h.emu.last(w.admin.id).text
    await h.send(w.admin, f"/award {bo(w)} ２分 帮忙搬运")  # full-width digit, with 分
    async with h.app.sessions() as s:
        assert await ledger.balance(s, w.compound_id, w.person_ids["bo"]) == 3

    # Words it does not know: an answer with the words it does, and nothing changes.
    before = await codes(w)
    for command, answer in ((says.wrong_verb, says.wrong_verb_says),
                            (says.wrong_basis, says.wrong_basis_says),
                            (says.wrong_switch, says.wrong_switch_says)):
        await h.send(w.admin, command)
        assert answer in h.emu.last(w.admin.id).text, command
    assert await codes(w) == before
    async with h.app.sessions() as s:
        assert not (await earning.settings_for(s, w.compound_id)).leaderboard

    await h.send(w.admin, says.stop)
    assert code not in await codes(w)


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en"])
async def test_every_example_in_the_help_works_as_typed(h: Harness, locale: str) -> None:
    """What /pointrules shows is in the reader's words, and each line does what it says."""
    w = await build(h, locale)
    await h.send(w.admin, "/pointrules")
    examples = [line.strip().split(" —— ")[0].split(" (")[0]
                for line in h.emu.last(w.admin.id).text.splitlines()
                if line.strip().startswith("/pointrules ")]
    assert len(examples) == 7
    verbs = {e.split()[1] for e in examples}
    assert verbs.isdisjoint({"set", "off", "noshow"}) == (locale != "en")
    for example in examples:
        await h.send(w.admin, example)
        answer = h.emu.last(w.admin.id).text
        assert not any(word in answer for word in ("没看懂", "看不懂", "don't understand",
                                                     "请这样写", "請這樣寫", "Please write")), \
            (example, answer)
    assert len(await codes(w)) == 4  # stairs, and the three set in the examples


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant"])
async def test_bare_pointrules_offers_buttons(h: Harness, locale: str) -> None:
    says = SAYS[locale]
    w = await build(h, locale)
    await h.send(w.admin, says.set_rule)
    await h.send(w.admin, says.board_off)
    await h.send(w.admin, "/pointrules")
    screen = h.emu.last(w.admin.id)
    assert says.board_button in h.emu.buttons(screen)
    await h.press(w.admin, screen.message_id, says.board_button)
    assert says.board_shown_off in h.emu.last(w.admin.id).text
    await h.press(w.admin, screen.message_id, says.stop_button)
    picked = h.emu.buttons(h.emu.last(w.admin.id))
    rule_name = says.set_rule.split()[-1]
    target = next(b for b in picked if rule_name in b)
    await h.press(w.admin, screen.message_id, target)
    assert says.set_rule.split()[2] not in await codes(w)
    async with h.app.sessions() as s:
        assert (await earning.settings_for(s, w.compound_id)).leaderboard
    # The preset numbers: a press sets the missed-activity limit.
    await h.press(w.admin, screen.message_id, says.noshow_button)
    await h.press(w.admin, screen.message_id, "5")
    async with h.app.sessions() as s:
        assert (await earning.settings_for(s, w.compound_id)).noshow_limit == 5


WIZARD = {
    "zh-Hans": ("➕ 新增规则", "党员护学岗", "每次活动", "党员护学岗 · 党员护学岗：每次活动 3 分",
                "规则代号是一个词", "积分需要在 1 到 1000 之间", "好的，没有新增规则。"),
    "zh-Hant": ("➕ 新增規則", "黨員護學崗", "每次活動", "黨員護學崗 · 黨員護學崗：每次活動 3 分",
                "規則代號是一個詞", "積分需要在 1 到 1000 之間", "好的，沒有新增規則。"),
}


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant"])
async def test_a_rule_added_with_buttons(h: Harness, locale: str) -> None:
    add, name, per_time, line, bad_code, bad_points, dropped = WIZARD[locale]
    w = await build(h, locale)
    await h.send(w.admin, "/pointrules")
    await h.press(w.admin, h.emu.last(w.admin.id).message_id, add)
    await h.send(w.admin, "2026")  # a bare number cannot be a code
    assert bad_code in h.emu.last(w.admin.id).text
    await h.send(w.admin, name)
    await h.press(w.admin, h.emu.last(w.admin.id).message_id, per_time)
    ask = h.emu.last(w.admin.id)
    await h.send(w.admin, "5000分")
    assert bad_points in h.emu.last(w.admin.id).text
    assert name not in await codes(w)
    await h.press(w.admin, ask.message_id, "3")
    shown = h.emu.last(w.admin.id)
    assert line in shown.text and add in h.emu.buttons(shown)
    assert name in await codes(w)

    await h.press(w.admin, shown.message_id, add)
    await h.send(w.admin, "/cancel")
    assert h.emu.last(w.admin.id).text == dropped
