"""household: the developer's unsold / undelivered parts; poll_ballot: superseded

An owners' assembly counts all of the developer's parts as one owner (SPC interpretation on
building ownership, art. 9); every existing household is an ordinary part until a register
says so. A ballot is superseded when, at the close, the roll puts its home in the same
owner as an earlier ballot's; existing ballots all stand.

Revision ID: 0022_spc_heads
Revises: 0023_roster_grace
Create Date: 2026-12-08 00:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_spc_heads"
down_revision: str | tuple[str, ...] | None = "0023_roster_grace"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("household", sa.Column("developer", sa.Boolean(), nullable=False,
                                         server_default=sa.false()))
    op.add_column("poll_ballot", sa.Column("superseded", sa.Boolean(), nullable=False,
                                           server_default=sa.false()))


def downgrade() -> None:
    # Not a batch copy: both tables are referenced by others, and recreating them with rows
    # in those trips SQLite's foreign keys; SQLite (3.35+) drops a plain column in place.
    for table, column in (("poll_ballot", "superseded"), ("household", "developer")):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)
