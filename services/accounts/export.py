"""The whole journal of a compound as CSV, for the committee's spreadsheet: every entry with
its account, date, direction, amount in yuan, category, counterparty, purpose, what it
reverses, the decision on it and who made it. UTF-8 with a byte-order mark (Excel reads
Chinese that way) or GBK for older spreadsheets."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import AccountReview, Entry, MoneyAccount
from services.accounts.money import yuan

HEADER = ["id", "account", "date", "direction", "amount_yuan", "category", "counterparty",
          "purpose", "reverses", "reason", "recorded_at", "decision", "decided_at"]


async def journal_csv(session: AsyncSession, compound_id: int, encoding: str = "utf-8-sig"
                      ) -> bytes:
    rows = (await session.execute(
        select(Entry, MoneyAccount.kind, AccountReview.decision, AccountReview.at)
        .join(MoneyAccount, MoneyAccount.id == Entry.account_id)
        .outerjoin(AccountReview, AccountReview.entry_id == Entry.id)
        .where(Entry.compound_id == compound_id).order_by(Entry.id))).all()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for e, kind, decision, at in rows:
        writer.writerow([e.id, kind, e.occurred_on.isoformat(), e.direction,
                         yuan(e.amount).replace(",", ""), e.category, e.counterparty,
                         e.purpose, e.reverses_id or "", e.reason or "",
                         e.recorded_at.isoformat(timespec="seconds"), decision or "pending",
                         at.isoformat(timespec="seconds") if at else ""])
    # A character GBK lacks becomes "?" rather than failing the whole export.
    return out.getvalue().encode(encoding, errors="replace")
