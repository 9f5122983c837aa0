"""screen token: the unguessable address of each compound's lobby screen (电子大屏)

Revision ID: 0024_screen_token
Revises: 0022_acct_emergency_proposal
Create Date: 2026-12-08 00:50:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024_screen_token"
down_revision: str | tuple[str, ...] | None = "0022_acct_emergency_proposal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "screen_token",
        sa.Column("compound_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["compound_id"], ["compound.id"], ondelete="CASCADE",
                                name=op.f("fk_screen_token_compound_id_compound")),
        sa.PrimaryKeyConstraint("compound_id", name=op.f("pk_screen_token")),
        sa.UniqueConstraint("token", name=op.f("uq_screen_token_token")),
    )


def downgrade() -> None:
    op.drop_table("screen_token")
