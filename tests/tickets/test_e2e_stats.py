"""/stats as people read it: 暂无评价 instead of dashes, the desk's ratings on the desk's line,
no empty teams, a steward's own team, the weekly chart; the party branch in the directory."""

from __future__ import annotations

import pytest

from models.roles import Role, Team
from tests.emulator.state import SentMessage, User
from tests.harness import Harness
from tests.tickets import factories as f
from tests.tickets.world import LOCALES, REPORT, World, build

UNRATED = {"zh-Hans": "暂无评价", "zh-Hant": "暫無評價", "en": "no ratings yet"}
REPAIRS = {"zh-Hans": "维修队", "zh-Hant": "維修隊", "en": "Repairs team"}
CLEANING = {"zh-Hans": "保洁队", "zh-Hant": "清潔隊", "en": "Cleaning team"}
GREENING = {"zh-Hans": "绿化队", "zh-Hant": "綠化隊", "en": "Greening team"}
COMPLAINT = {"zh-Hans": "#投诉 车库门晚上开关声音很大，吵得睡不着",
             "zh-Hant": "#投訴 車庫門晚上開關聲音很大，吵得睡不著",
             "en": "#complaint the garage door is noisy at night"}
PNG = b"\x89PNG\r\n\x1a\n"


async def stats(h: Harness, who: User) -> tuple[str, SentMessage | None]:
    """The figures /stats answers with, and the chart photo after them (if any)."""
    before = len(h.emu.sent(who))
    await h.send(who, "/stats")
    new = h.emu.sent(who)[before:]
    texts = "\n".join(m.text or "" for m in new if m.photo is None)
    photos = [m for m in new if m.photo is not None]
    return texts, photos[-1] if photos else None


async def resolve_and_rate(w: World, card: SentMessage, worker: User, chat: object,
                           reporter: User, stars: int) -> None:
    h = w.h
    await h.press(worker, card.message_id, w.text("tk-btn-take"), chat=chat)
    await h.press(worker, card.message_id, w.text("tk-btn-resolve"), chat=chat)
    await w.flush()
    question = [m for m in h.emu.sent(reporter)
                if w.text("tk-btn-fixed") in h.emu.buttons(m)][-1]
    await h.press(reporter, question.message_id, w.text("tk-btn-fixed"))
    await h.press(reporter, question.message_id, "★" * stars)


async def add_team(w: World, code: str) -> None:
    async with w.h.app.sessions() as s:
        s.add(Team(compound_id=w.compound_id, code=code))
        await s.commit()


@pytest.mark.parametrize("locale", LOCALES)
async def test_no_ratings_read_as_such_and_empty_teams_are_left_out(
    h: Harness, locale: str
) -> None:
    w = await build(h, locale)
    await add_team(w, "greening")  # nobody in it, nothing ever sent to it
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()

    text, chart = await stats(h, w.zhao)
    unrated = UNRATED[locale]
    assert w.text("tk-stats-team", team=REPAIRS[locale], count=1, rating=unrated) in text
    assert w.text("tk-stats-team", team=CLEANING[locale], count=0, rating=unrated) in text
    assert w.text("tk-stats-steward", name="Wang", rating=unrated) in text
    assert w.text("tk-stats-steward", name="Zhou", rating=unrated) in text
    assert GREENING[locale] not in text
    assert "—" not in text and "{" not in text
    satisfaction = {"zh-Hans": "满意度：暂无评价", "zh-Hant": "滿意度：暫無評價",
                    "en": "Satisfaction: no ratings yet"}
    assert satisfaction[locale] in text

    # The weekly chart goes with it: a PNG, its legend in a caption Telegram accepts.
    assert chart is not None and chart.photo is not None and chart.photo.startswith(PNG)
    caption = chart.text or ""
    assert len(caption) <= 1024
    opened = {"zh-Hans": "红柱：新报 1 件", "zh-Hant": "紅柱：新報 1 件",
              "en": "red bars: opened, 1 in all"}
    assert opened[locale] in caption


async def test_zh_lines_read_exactly(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.mei, REPORT["zh-Hans"], chat=w.group)
    await h.deliver()
    await resolve_and_rate(w, w.last(w.staff), w.wang, w.staff, w.mei, 4)
    text, _ = await stats(h, w.zhao)
    lines = text.splitlines()
    assert "· 维修队：0 件 · 4.0 星（1 个评价）" in lines
    assert "   ◦ Wang：4.0 星（1 个评价）" in lines
    assert "   ◦ Li：暂无评价" in lines
    assert "· 保洁队：0 件 · 暂无评价" in lines
    assert "满意度：4.0 星（1 个评价）" in lines
    assert any(x.startswith("受理用时中位数：0.0 小时") for x in lines)


@pytest.mark.parametrize("locale", ["zh-Hans", "en"])
async def test_the_desk_is_rated_for_what_it_held(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    # #1 stays with the repairs team and is rated 5.
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    await resolve_and_rate(w, w.last(w.staff), w.wang, w.staff, w.mei, 5)
    # #2 is passed up to the party branch, which fixes it; it is rated 2.
    await h.send(w.lan, COMPLAINT[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-escalate"), chat=w.staff)
    await w.flush()
    await resolve_and_rate(w, w.last(w.branch), w.zhao, w.branch, w.lan, 2)

    text, chart_ = await stats(h, w.zhao)
    print(text, "\n----\n", chart_.text if chart_ else None)  # TEMP
    desk = w.text("tk-stats-desk")
    five = w.text("tk-stats-rated", stars="5.0", count=1)
    two = w.text("tk-stats-rated", stars="2.0", count=1)
    assert w.text("tk-stats-team", team=REPAIRS[locale], count=0, rating=five) in text
    assert w.text("tk-stats-team", team=desk, count=0, rating=two) in text
    lines = {"zh-Hans": "· 小区党支部：0 件 · 2.0 星（1 个评价）",
             "en": "· Party branch: 0 open · 2.0 stars (1 rating)"}
    assert lines[locale] in text.splitlines()
    assert w.text("tk-stats-rated", stars="3.5", count=2) in text  # the compound's
    # The office held nothing and was rated for nothing: no line for it.
    assert w.text("tk-stats-office") not in text


@pytest.mark.parametrize("locale", ["zh-Hans", "en"])
async def test_a_steward_sees_his_own_team(h: Harness, locale: str) -> None:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()

    text, chart = await stats(h, w.wang)
    title = {"zh-Hans": "“Sunny Garden · 维修队”工单统计",
             "en": 'Tickets of "Sunny Garden · Repairs team"'}
    assert title[locale] in text
    assert w.text("tk-stats-team", team=REPAIRS[locale], count=1,
                  rating=UNRATED[locale]) in text
    assert CLEANING[locale] not in text and "Zhou" not in text
    assert chart is not None and chart.photo is not None

    # Zhou's cleaning team has no ticket: his figures say so, with no chart of nothing.
    text, chart = await stats(h, w.zhou)
    assert w.text("tk-stats-team", team=CLEANING[locale], count=0,
                  rating=UNRATED[locale]) in text
    assert REPAIRS[locale] not in text and chart is None

    # A steward not (yet) in any team is told why there is nothing; a resident is refused.
    newcomer = h.emu.add_user("Xu", language_code=w.users["mei"].language_code)
    async with h.app.sessions() as s:
        from models.registry import Compound

        person = await f.person(s, h.clock, newcomer.id, "Xu", locale)
        await f.grant(s, h.clock, person, await s.get(Compound, w.compound_id), Role.STEWARD)
        await s.commit()
    await h.send(newcomer, "/stats")
    assert h.emu.last(newcomer).text == w.text("tk-stats-no-team")
    await h.send(w.mei, "/stats")
    assert w.last(w.mei).text == w.text("tk-stats-denied")


@pytest.mark.parametrize("locale", LOCALES)
async def test_told_the_party_branch_holds_it_the_resident_finds_it(
    h: Harness, locale: str
) -> None:
    w = await build(h, locale)
    await h.send(w.mei, REPORT[locale], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-escalate"), chat=w.staff)
    await w.flush()
    told = w.last(w.mei).text or ""
    hint = {"zh-Hans": "小区党支部的联系方式：发 /contacts 就能看到。",
            "zh-Hant": "社區黨支部的聯絡方式：傳送 /contacts 就能看到。",
            "en": "How to reach the compound party branch: send /contacts."}
    assert told.endswith(hint[locale])

    await h.send(w.mei, "/contacts")
    directory = w.last(w.mei).text or ""
    section = {"zh-Hans": "【小区党支部 · 社区居委会】", "zh-Hant": "【社區黨支部 · 社區居委會】",
               "en": "[Party branch · community office]"}
    branch = {"zh-Hans": "· 党支部：Zhao", "zh-Hant": "· 黨支部：Zhao",
              "en": "· party branch: Zhao"}
    office = {"zh-Hans": "· 社区干部：Sun", "zh-Hant": "· 社區幹部：Sun",
              "en": "· community officer: Sun"}
    assert section[locale] in directory
    assert branch[locale] in directory and office[locale] in directory
    assert w.text("dir-message-button", name="Zhao") in h.emu.buttons(w.last(w.mei))


async def test_no_branch_contact_says_where_to_ask(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    async with h.app.sessions() as s:
        from sqlalchemy import update

        from models.roles import RoleGrant

        await s.execute(update(RoleGrant).where(RoleGrant.role == Role.PARTY_BRANCH.value)
                        .values(revoked_at=h.clock.now()))
        await s.commit()
    await h.send(w.mei, "/contacts")
    directory = w.last(w.mei).text or ""
    assert "【小区党支部 · 社区居委会】" in directory
    assert "· 党支部：还没有登记联系人，请向小区管理员询问。" in directory
    assert "Zhao" not in directory


async def test_a_suggestion_for_the_desk_says_where_the_branch_is(h: Harness) -> None:
    w = await build(h, "zh-Hans")
    await h.send(w.mei, "#建议 小区门口加一排自行车停车架", chat=w.group)
    answer = w.last(w.group).text or ""
    assert "由小区党支部负责" in answer
    assert answer.endswith("小区党支部的联系方式：发 /contacts 就能看到。")


async def test_a_not_fixed_rating_stays_with_the_team_that_was_rated(h: Harness) -> None:
    """"还没解决" climbs the ticket to the party branch, but the stars were for the team."""
    w = await build(h, "zh-Hans")
    await h.send(w.mei, REPORT["zh-Hans"], chat=w.group)
    await h.deliver()
    card = w.last(w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-take"), chat=w.staff)
    await h.press(w.wang, card.message_id, w.text("tk-btn-resolve"), chat=w.staff)
    await w.flush()
    question = [m for m in h.emu.sent(w.mei) if "解决了" in h.emu.buttons(m)][-1]
    await h.press(w.mei, question.message_id, "还没解决")
    await h.press(w.mei, question.message_id, "★")
    await w.flush()

    text, _ = await stats(h, w.zhao)
    lines = text.splitlines()
    assert "· 维修队：0 件 · 1.0 星（1 个评价）" in lines
    assert "· 小区党支部：1 件 · 暂无评价" in lines  # it holds the reopened ticket now
