"""Public statements (晒晒明白账): for each account a compound keeps, at the end of its period
(month, quarter or year, AccountSettings.period) a statement is posted to the compound's
groups through the outbox — opening balance, income and spending by category, closing
balance, the largest entries — with a chart as a reply to it.

An entry belongs to the period in which it was confirmed (made public), so every public
entry is in exactly one statement and a posted statement never changes: an entry confirmed
late, or a reversal, shows in the next one. The chart's words are given in the compound's
language by the caller (`Label`), drawn in a worker thread.
"""

from __future__ import annotations

import asyncio
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import AccountReview, AccountSettings, Decision, Entry, MoneyAccount
from models.outbox import Outbox
from models.registry import Compound
from services.accounts.cards import category_label, clip, kind_label
from services.accounts.money import yuan
from services.accounts.views import public_chats
from services.assessment import periods
from services.assessment.display import period_label
from services.clock import FrozenClock
from services.outbox import Notice, enqueue, fragment, lines

Label = Callable[[str, Any], str]  # (locale, a text or a fragment) -> the words
POST_DAYS = 3
LARGEST = 3
_QUARTER_STARTS = (1, 4, 7, 10)


@dataclass(frozen=True)
class Statement:
    kind: str
    period: periods.Period
    opening: int  # fen
    income: dict[str, int]  # category -> fen
    spending: dict[str, int]
    largest: list[Entry]
    trend: list[tuple[str, int]]  # (month code, closing balance) over the last 12 months

    @property
    def closing(self) -> int:
        return self.opening + sum(self.income.values()) - sum(self.spending.values())


def last_period(now: datetime, tz: ZoneInfo, every: str) -> periods.Period | None:
    """The period that ended most recently, if it ended in the last POST_DAYS days."""
    local = now.astimezone(tz)
    if local.day > POST_DAYS:
        return None
    if every == "quarter" and local.month not in _QUARTER_STARTS:
        return None
    if every == "year" and local.month != 1:
        return None
    prior = local.replace(day=1).toordinal() - 1
    end = datetime.fromordinal(prior)
    if every == "month":
        return periods.month(end.year, end.month, tz)
    if every == "quarter":
        return periods.quarter(end.year, (end.month - 1) // 3 + 1, tz)
    return periods.Period(f"{end.year}", periods.month(end.year, 1, tz).start,
                          periods.month(end.year, 12, tz).end)


async def _confirmed(session: AsyncSession, account_id: int, before: datetime,
                     after: datetime | None = None) -> list[Entry]:
    stmt = (select(Entry).join(AccountReview, AccountReview.entry_id == Entry.id)
            .where(Entry.account_id == account_id,
                   AccountReview.decision == Decision.CONFIRMED.value,
                   AccountReview.at < before))
    if after is not None:
        stmt = stmt.where(AccountReview.at >= after)
    return list((await session.scalars(stmt.order_by(Entry.id))).all())


def _signed(entries: list[Entry]) -> int:
    return sum(e.amount if e.direction == "in" else -e.amount for e in entries)


async def build(session: AsyncSession, account: MoneyAccount, period: periods.Period,
                tz: ZoneInfo) -> Statement:
    before = await _confirmed(session, account.id, period.start)
    within = await _confirmed(session, account.id, period.end, period.start)
    income: dict[str, int] = defaultdict(int)
    spending: dict[str, int] = defaultdict(int)
    for e in within:
        (income if e.direction == "in" else spending)[e.category] += e.amount
    largest = sorted(within, key=lambda e: (-e.amount, e.id))[:LARGEST]
    year, month = period.end.astimezone(tz).year, period.end.astimezone(tz).month
    trend = []
    for back in range(11, -1, -1):  # the closing balance of each of the last twelve months
        index = year * 12 + month - 2 - back
        m = periods.month(index // 12, index % 12 + 1, tz)
        trend.append((m.code, _signed(await _confirmed(session, account.id, m.end))))
    return Statement(account.kind, period, _signed(before), dict(income), dict(spending),
                     largest, trend)


def statement_args(compound: Compound, s: Statement) -> dict[str, Any]:
    def by_category(values: dict[str, int]) -> Any:
        rows = [fragment("acct-stmt-line", category=category_label(c), amount=yuan(v))
                for c, v in sorted(values.items(), key=lambda x: -x[1])]
        return lines(*rows) if rows else fragment("acct-none")

    top = [fragment("acct-stmt-entry", id=str(e.id), date=e.occurred_on.isoformat(),
                    sign="+" if e.direction == "in" else "−", amount=yuan(e.amount),
                    purpose=clip(e.purpose, 60)) for e in s.largest]
    return {"compound": compound.name, "kind": kind_label(s.kind),
            "period": period_label(s.period.code) if "-" in s.period.code
            else fragment("acct-stmt-year", year=s.period.code),
            "opening": yuan(s.opening), "closing": yuan(s.closing),
            "income": by_category(s.income), "spending": by_category(s.spending),
            "income_total": yuan(sum(s.income.values())),
            "spending_total": yuan(sum(s.spending.values())),
            "largest": lines(*top) if top else fragment("acct-none")}


def chart_png(s: Statement, words: dict[str, str]) -> bytes:
    """Income and spending by category (bars), and the closing balance over the year."""
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from services.qr import _font_path

    path = _font_path()
    font = FontProperties(fname=path) if path else None
    fig = Figure(figsize=(7.2, 6.4), dpi=110)
    bars, trend = fig.subplots(2, 1)
    cats = sorted(set(s.income) | set(s.spending))
    x = list(range(len(cats)))
    to_yuan = [v / 100 for v in (s.income.get(c, 0) for c in cats)]
    out_yuan = [v / 100 for v in (s.spending.get(c, 0) for c in cats)]
    bars.bar([i - 0.2 for i in x], to_yuan, 0.4, color="#27ae60", label=words["in"])
    bars.bar([i + 0.2 for i in x], out_yuan, 0.4, color="#c0392b", label=words["out"])
    bars.set_xticks(x, [words.get(f"cat:{c}", c) for c in cats], fontproperties=font)
    bars.legend(prop=font)
    bars.set_title(words["by_category"], fontproperties=font, fontsize=10)
    trend.plot(range(len(s.trend)), [v / 100 for _, v in s.trend], color="#2c3e50",
               marker="o")
    trend.set_xticks(range(len(s.trend)), [code[2:] for code, _ in s.trend], fontsize=7)
    trend.set_title(words["balance"], fontproperties=font, fontsize=10)
    for ax in (bars, trend):
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


async def sweep_statements(session: AsyncSession, now: datetime, label: Label) -> int:
    """Post each account's statement of the period just ended, once per group."""
    clock = FrozenClock(now)
    posted = 0
    accounts = (await session.execute(select(MoneyAccount, Compound).join(
        Compound, Compound.id == MoneyAccount.compound_id).order_by(MoneyAccount.id))).all()
    for account, compound in accounts:
        tz = ZoneInfo(compound.timezone)
        if now.astimezone(tz).day > POST_DAYS:
            continue  # the rest of the month asks nothing of the database
        settings = await session.get(AccountSettings, compound.id)
        period = last_period(now, tz, settings.period if settings else "month")
        if period is None:
            continue
        keys = {chat: f"acct:stmt:{account.id}:{period.code}:{chat}"
                for chat in await public_chats(session, compound.id)}
        done = set((await session.scalars(select(Outbox.idem_key).where(
            Outbox.idem_key.in_(list(keys.values()))))).all()) if keys else set()
        todo = [chat for chat, key in keys.items() if key not in done]
        if not todo:
            continue
        statement = await build(session, account, period, tz)
        words = _words(label, compound.locale, statement)
        png = await asyncio.to_thread(chart_png, statement, words)
        args = statement_args(compound, statement)
        for chat in todo:
            key = keys[chat]
            await enqueue(session, clock, Notice(key=key, chat_id=chat,
                                                 text_key="acct-statement", args=args))
            await enqueue(session, clock, Notice(
                key=f"{key}:chart", chat_id=chat, text_key="acct-stmt-chart",
                args={"kind": args["kind"], "period": args["period"]}, method="send_photo",
                file_name=f"statement-{account.kind}-{period.code}.png", file_data=png,
                reply_to_key=key))
            posted += 1
    await session.commit()
    return posted


def _words(label: Label, locale: str, s: Statement) -> dict[str, str]:
    words = {key: label(locale, fragment(f"acct-stmt-chart-{key.replace('_', '-')}"))
             for key in ("in", "out", "by_category", "balance")}
    for c in set(s.income) | set(s.spending):
        words[f"cat:{c}"] = label(locale, category_label(c))
    return words
