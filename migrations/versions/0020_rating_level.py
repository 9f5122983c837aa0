"""tickets: the ladder level a rating was given at

A ticket the property team let climb to the party branch (level 2) or the community office
(level 3) is rated as their work, so /stats counts it under them, not under the team. The
level is kept with the rating because a "not fixed" answer climbs the ticket right after
it is given, and that answer is about the level below. Existing ratings take the level
their ticket is at now, the best that is known about them.

Revision ID: 0020_rating_level
Revises: 0021_person_contact
Create Date: 2026-12-07 23:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_rating_level"
down_revision: str | tuple[str, ...] | None = "0021_person_contact"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

rating = sa.table("ticket_rating", sa.column("ticket_id", sa.Integer),
                  sa.column("level", sa.Integer))
ticket = sa.table("ticket", sa.column("id", sa.Integer), sa.column("level", sa.Integer))


def upgrade() -> None:
    # A server default lets SQLite add a NOT NULL column without rebuilding the table.
    op.add_column("ticket_rating", sa.Column("level", sa.Integer(), nullable=False,
                                             server_default=sa.text("1")))
    op.execute(rating.update().values(level=sa.select(ticket.c.level)
                                      .where(ticket.c.id == rating.c.ticket_id)
                                      .scalar_subquery()))


def downgrade() -> None:
    with op.batch_alter_table("ticket_rating", schema=None) as batch_op:
        batch_op.drop_column("level")
