"""tickets: the steward queue finds open tickets by owner and by team through an index

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22 10:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | tuple[str, ...] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # (owner, status, compound) and (team, owner, status) replace the single-column indexes: with a
    # million tickets, /queue read every ticket a steward or a team ever had to find the open
    # ones, and a supervisor's every ticket of the compound to find the unowned open ones.
    op.create_index("ix_ticket_assignee_status_compound", "ticket",
                    ["assignee_id", "status", "compound_id"])
    op.create_index("ix_ticket_team_assignee_status", "ticket",
                    ["team_id", "assignee_id", "status"])
    op.drop_index("ix_ticket_assignee_id", table_name="ticket")
    op.drop_index("ix_ticket_team_id", table_name="ticket")


def downgrade() -> None:
    op.create_index("ix_ticket_team_id", "ticket", ["team_id"])
    op.create_index("ix_ticket_assignee_id", "ticket", ["assignee_id"])
    op.drop_index("ix_ticket_team_assignee_status", table_name="ticket")
    op.drop_index("ix_ticket_assignee_status_compound", table_name="ticket")
