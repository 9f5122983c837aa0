"""tickets: where a report is, as the resident said it (a pin, a venue or words)

A location pin or a venue sent at the private wizard's "where" step is kept as latitude and
longitude, so staff get a map link; free text such as "3号楼后面的路灯" is kept as the place.

Revision ID: 0018_ticket_place
Revises: 0015_open_accounts
Create Date: 2026-12-07 16:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_ticket_place"
down_revision: str | tuple[str, ...] | None = "0019_ballots"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.add_column(sa.Column("place", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("latitude", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("longitude", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_column("longitude")
        batch_op.drop_column("latitude")
        batch_op.drop_column("place")
