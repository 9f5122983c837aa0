"""roster grace: how long a new or changed roster waits before it alerts a shortage

Organizers set it per roster (`/roster grace 45`); rosters made before keep the 30 minutes
they always had.

Revision ID: 0023_roster_grace
Revises: 0020f_official_calendar
Create Date: 2026-12-08 00:10:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023_roster_grace"
down_revision: str | tuple[str, ...] | None = "0020f_official_calendar"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("roster", sa.Column("grace_minutes", sa.Integer(), nullable=False,
                                      server_default="30"))


def downgrade() -> None:
    # Shifts, members and terms point at roster: a batch rebuild of the table would trip
    # their foreign keys on SQLite, while a plain DROP COLUMN (SQLite 3.35+) keeps the rows.
    op.execute("ALTER TABLE roster DROP COLUMN grace_minutes")
