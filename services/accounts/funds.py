"""What an entry may be filed under: built-in categories per account, the ones an admin or
the finance role added, and the approvals that allow spending from a protected fund."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.accounts import AccountKind, Category, FundApproval
from services.accounts.errors import AccountsError
from services.clock import Clock
from services.upsert import insert_for

CATEGORY_MAX = 32

# Built-in categories are stored as these codes and shown as `acct-cat-<code>`; a
# compound's own are stored and shown as typed.
BUILT_IN: dict[AccountKind, tuple[str, ...]] = {
    AccountKind.MAINTENANCE: ("deposit", "interest", "repair", "other"),
    AccountKind.SMALL_REPAIR: ("allocation", "repair", "other"),
    AccountKind.PUBLIC_REVENUE: ("parking", "advertising", "venue", "repair", "other"),
    AccountKind.PROPERTY: ("fee", "wages", "cleaning", "greening", "security", "utilities",
                           "repair", "other"),
}
CODES = frozenset(code for codes in BUILT_IN.values() for code in codes)


def is_built_in(category: str) -> bool:
    return category in CODES


async def custom(session: AsyncSession, compound_id: int, kind: AccountKind) -> list[Category]:
    rows = await session.execute(select(Category).where(
        Category.compound_id == compound_id, Category.account_kind == kind.value,
    ).order_by(Category.id))
    return list(rows.scalars())


async def categories(session: AsyncSession, compound_id: int, kind: AccountKind) -> list[str]:
    """Every category an entry of this account may take, built-in ones first."""
    own = [c.name for c in await custom(session, compound_id, kind)]
    return [*BUILT_IN[kind], *(n for n in own if n not in BUILT_IN[kind])]


async def add_category(session: AsyncSession, clock: Clock, compound_id: int,
                       kind: AccountKind, name: str, person_id: int) -> str:
    """Add a sub-category (once, however often it is typed); returns its stored name."""
    name = " ".join(name.split())
    if not name or len(name) > CATEGORY_MAX:
        raise AccountsError("acct-err-category", limit=CATEGORY_MAX)
    if name in BUILT_IN[kind]:
        return name
    await session.execute(insert_for(session)(Category).values(
        compound_id=compound_id, account_kind=kind.value, name=name, created_by=person_id,
        created_at=clock.now(),
    ).on_conflict_do_nothing())
    return name


async def usable_approvals(session: AsyncSession, compound_id: int,
                           kind: AccountKind) -> list[FundApproval]:
    """Approvals of this fund with money left, the newest first."""
    rows = await session.execute(select(FundApproval).where(
        FundApproval.compound_id == compound_id, FundApproval.account_kind == kind.value,
        FundApproval.spent < FundApproval.amount,
    ).order_by(FundApproval.id.desc()).execution_options(populate_existing=True))
    return list(rows.scalars())
