"""outbox: a notice may reply to where another notice landed

A ticket's photos and long text are queued in the same transaction as its card, before the
card has a message id; the sender resolves the card's key when it sends them, so they arrive
as replies to the card instead of as stray messages.

Revision ID: 0020_outbox_reply_key
Revises: 0018_ticket_place
Create Date: 2026-12-07 23:50:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_outbox_reply_key"
down_revision: str | tuple[str, ...] | None = "0018_ticket_place"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reply_to_key", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("reply_to_key")
