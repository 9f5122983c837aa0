"""A report made in a private chat stays private: a similar one in the group is offered
"+1" without its text, flat or name (the issue's "#1 报修：厨房水槽下面的水管漏水…")."""

from __future__ import annotations

from sqlalchemy import select

from models.tickets import TicketFollower
from services.place_names import place
from tests.harness import Harness
from tests.tickets.world import World, build

PRIVATE_TEXT = "厨房水槽下面的水管漏水，地上全是水"
GROUP_TEXT = "#报修 厨房水槽下面的水管漏水"


async def private_report(h: Harness, w: World, *, anonymous: bool = False) -> None:
    await h.send(w.mei, "/report")
    await h.press(w.mei, w.last(w.mei).message_id, "报修")
    await h.send(w.mei, PRIVATE_TEXT)
    await h.press(w.mei, w.last(w.mei).message_id, w.text("tk-btn-next"))
    home = w.text("tk-where-home-btn", home=place(building="3", entrance="2", room="301"))
    await h.press(w.mei, w.last(w.mei).message_id, home)
    send = w.text("tk-btn-send-anon" if anonymous else "tk-btn-send")
    await h.press(w.mei, w.last(w.mei).message_id, send)
    assert "#1" in w.last(w.mei).text


async def test_similar_report_in_the_group_does_not_quote_a_private_one(h: Harness) -> None:
    w = await build(h, "zh-Hans", unstarted=("lan",))
    await private_report(h, w)
    await h.deliver()

    await h.send(w.lan, GROUP_TEXT, chat=w.group)
    offer = w.last(w.group)
    assert offer.text == (
        "最近已经有住户反映过类似的事（工单 #1，报修）。\n"
        "是同一件事吗？点“+1”就能一起跟进，处理进展也会告诉您。")
    for group_message in w.texts(w.group):
        assert "水槽" not in group_message.replace(GROUP_TEXT, "")
        assert "301" not in group_message and "Mei" not in group_message
    assert h.emu.buttons(offer) == ["是同一件事，+1 到 #1", "不是，是新问题"]

    await h.press(w.lan, offer.message_id, "是同一件事，+1 到 #1", chat=w.group)
    async with h.app.sessions() as s:
        rows = await s.execute(select(TicketFollower.person_id, TicketFollower.kind))
        assert set(rows.all()) == {(w.person_ids["mei"], "reporter"),
                                   (w.person_ids["lan"], "co_reporter")}


async def test_a_group_report_is_still_quoted_in_the_group(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.mei, "#报修 厨房水槽下面的水管漏水，地上全是水", chat=w.group)
    await h.send(w.lan, GROUP_TEXT, chat=w.group)
    assert "#1 报修：厨房水槽下面的水管漏水，地上全是水" in w.last(w.group).text


async def test_digest_leaves_out_the_words_of_a_private_suggestion(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.mei, "/report")
    await h.press(w.mei, w.last(w.mei).message_id, "建议")
    await h.send(w.mei, "建议在3号楼门口装一个快递柜，我家老人取件不方便")
    await h.press(w.mei, w.last(w.mei).message_id, w.text("tk-btn-next"))
    await h.press(w.mei, w.last(w.mei).message_id, "小区大门")
    await h.press(w.mei, w.last(w.mei).message_id, w.text("tk-btn-send"))
    await h.deliver()
    card = w.last(w.branch)
    await h.press(w.zhao, card.message_id, w.text("tk-btn-resolve"), chat=w.branch)
    await h.send(w.zhao, "/digest")
    preview = w.last(w.zhao)
    assert "#1 建议：一位住户私下提出的意见" in preview.text and "快递柜" not in preview.text
    await h.press(w.zhao, preview.message_id, w.text("tk-btn-publish"))
    await h.deliver()
    digest = w.last(w.group)
    assert "#1" in digest.text and "快递柜" not in digest.text and "老人" not in digest.text
