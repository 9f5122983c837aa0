"""outbox: when a dead notice was put back in the queue by `python -m bot outbox retry`

Revision ID: 0012_outbox_attempts
Revises: 0010_ticket_reach
Create Date: 2026-12-07 12:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_outbox_attempts"
down_revision: str | tuple[str, ...] | None = "0010_ticket_reach"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A notice is requeued once: a second `retry` leaves one that died again to a person.
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("requeued_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("requeued_at")
