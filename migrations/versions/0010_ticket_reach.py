"""outbox: a notice may carry a fallback, queued instead when its chat refuses the bot

Residents of a building group mostly never started the bot, so a private notice to them
fails with 403; the fallback (a short line in the group thread of their report) is what
then reaches them.

Revision ID: 0010_ticket_reach
Revises: 0009
Create Date: 2026-12-07 12:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010_ticket_reach"
down_revision: str | tuple[str, ...] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "fallback",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("fallback")
