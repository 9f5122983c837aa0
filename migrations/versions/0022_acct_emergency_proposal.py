"""accounts: an emergency approval names the proposal it answers, so it is approved once

The council side proposes an emergency / small-repair expense; the community office
approves it with a button. The approval row carries the proposal's id under a unique
index, so a second press (or a second officer) cannot approve the same proposal twice.

Revision ID: 0022_acct_emergency_proposal
Revises: 0022_spc_heads
Create Date: 2026-12-08 00:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_acct_emergency_proposal"
down_revision: str | tuple[str, ...] | None = "0022_spc_heads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("acct_approval", sa.Column("proposal_id", sa.BigInteger(), nullable=True))
    op.create_index(op.f("ix_acct_approval_proposal_id"), "acct_approval", ["proposal_id"],
                    unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_acct_approval_proposal_id"), table_name="acct_approval")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE acct_approval DROP COLUMN proposal_id")
    else:
        op.drop_column("acct_approval", "proposal_id")
