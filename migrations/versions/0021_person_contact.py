"""person: whether stewards may call or message the person about their reports

Asked once (in the report wizard, or changed in /profile) and remembered; never asked
counts as no, so nobody's phone reaches a staff card without their word.

Revision ID: 0021_person_contact
Revises: 0020_outbox_reply_key
Create Date: 2026-12-08 00:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_person_contact"
down_revision: str | tuple[str, ...] | None = "0020_outbox_reply_key"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("person", sa.Column("contact_staff", sa.Boolean(), nullable=True))


def downgrade() -> None:
    # Not a batch copy: person is referenced by most tables, and recreating it with rows in
    # them trips SQLite's foreign keys; SQLite (3.35+) drops a plain column in place.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE person DROP COLUMN contact_staff")
    else:
        op.drop_column("person", "contact_staff")
