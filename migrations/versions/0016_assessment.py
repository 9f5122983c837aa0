"""assessment: figures the office enters per compound and period (fee collection rate)

Revision ID: 0016_assessment
Revises: 0012_outbox_attempts
Create Date: 2026-12-07 13:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0016_assessment"
down_revision: str | tuple[str, ...] | None = "0012_outbox_attempts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "assessment_figure",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("compound_id", _ID, nullable=False),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Numeric(5, 2), nullable=False),
        sa.Column("entered_by", _ID, nullable=True),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["compound_id"], ["compound.id"], ondelete="CASCADE",
                                name=op.f("fk_assessment_figure_compound_id_compound")),
        sa.ForeignKeyConstraint(["entered_by"], ["person.id"],
                                name=op.f("fk_assessment_figure_entered_by_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_figure")),
        sa.UniqueConstraint("compound_id", "period", "kind",
                            name=op.f("uq_assessment_figure_compound_id")),
        sa.CheckConstraint("kind IN ('fee_rate')", name=op.f("ck_assessment_figure_kind")),
        sa.CheckConstraint("value >= 0 AND value <= 100",
                           name=op.f("ck_assessment_figure_value")),
    )
    op.create_index(op.f("ix_assessment_figure_compound_id"), "assessment_figure", ["compound_id"])
    op.create_table(
        "assessment_scheme",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("community_id", _ID, nullable=False),
        sa.Column("from_period", sa.String(8), nullable=False),
        sa.Column("body", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.Column("set_by", _ID, nullable=True),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["community_id"], ["community.id"], ondelete="CASCADE",
                                name=op.f("fk_assessment_scheme_community_id_community")),
        sa.ForeignKeyConstraint(["set_by"], ["person.id"],
                                name=op.f("fk_assessment_scheme_set_by_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_scheme")),
        sa.UniqueConstraint("community_id", "from_period",
                            name=op.f("uq_assessment_scheme_community_id")),
    )
    op.create_table(
        "assessment_result",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("compound_id", _ID, nullable=False),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("inputs", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.Column("scheme", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.Column("score", sa.Numeric(6, 2), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["compound_id"], ["compound.id"], ondelete="CASCADE",
                                name=op.f("fk_assessment_result_compound_id_compound")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_result")),
        sa.UniqueConstraint("compound_id", "period",
                            name=op.f("uq_assessment_result_compound_id")),
    )


def downgrade() -> None:
    op.drop_table("assessment_result")
    op.drop_table("assessment_scheme")
    op.drop_index(op.f("ix_assessment_figure_compound_id"), table_name="assessment_figure")
    op.drop_table("assessment_figure")
