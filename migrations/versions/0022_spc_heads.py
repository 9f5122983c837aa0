"""household: the developer's unsold / undelivered parts, marked by the register import

An owners' assembly counts all of them as one owner (SPC interpretation on building
ownership, art. 9); every existing household is an ordinary part until a register says so.

Revision ID: 0022_spc_heads
Revises: 0021_person_contact
Create Date: 2026-12-08 00:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_spc_heads"
down_revision: str | tuple[str, ...] | None = "0021_person_contact"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("household", sa.Column("developer", sa.Boolean(), nullable=False,
                                         server_default=sa.false()))


def downgrade() -> None:
    # Not a batch copy: household is referenced by residencies and ballots, and recreating
    # it with rows in them trips SQLite's foreign keys; SQLite (3.35+) drops it in place.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE household DROP COLUMN developer")
    else:
        op.drop_column("household", "developer")
