"""official calendar: the State Council's holiday arrangement, loaded per deployment

A year chinese-calendar does not know yet can be loaded by an admin (/roster calendar load or
`python -m bot calendar-load`): its days off and its make-up working days (调休).

Revision ID: 0020f_official_calendar
Revises: 0020_rating_level
Create Date: 2026-12-07 23:45:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020f_official_calendar"
down_revision: str | tuple[str, ...] | None = "0020_rating_level"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "official_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("stamp", sa.Integer(), nullable=False),
        sa.Column("holidays", sa.Integer(), nullable=False),
        sa.Column("workdays", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("loaded_by", _ID, nullable=True),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["loaded_by"], ["person.id"],
                                name=op.f("fk_official_year_loaded_by_person")),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_official_year")),
        sa.CheckConstraint("year >= 2000 AND year <= 2100",
                           name=op.f("ck_official_year_year_range")),
    )
    op.create_table(
        "official_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("holiday", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_official_day")),
    )
    op.create_index(op.f("ix_official_day_year"), "official_day", ["year"])


def downgrade() -> None:
    op.drop_index(op.f("ix_official_day_year"), table_name="official_day")
    op.drop_table("official_day")
    op.drop_table("official_year")
