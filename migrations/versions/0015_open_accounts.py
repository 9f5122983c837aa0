"""accounts: open accounts (明白账): money accounts, append-only entries, reviews, approvals

Revision ID: 0015_open_accounts
Revises: 0016_assessment
Create Date: 2026-12-07 13:26:08.735408
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0015_open_accounts'
down_revision: str | None = '0016_assessment'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('acct_account',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind NOT IN ('maintenance', 'small_repair') OR balance >= 0", name=op.f('ck_acct_account_fund_non_negative')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_acct_account_compound_id_compound')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acct_account')),
    sa.UniqueConstraint('compound_id', 'kind', name=op.f('uq_acct_account_compound_id'))
    )
    op.create_table('acct_category',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_acct_category_compound_id_compound')),
    sa.ForeignKeyConstraint(['created_by'], ['person.id'], name=op.f('fk_acct_category_created_by_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acct_category')),
    sa.UniqueConstraint('compound_id', 'account_kind', 'name', name=op.f('uq_acct_category_compound_id'))
    )
    with op.batch_alter_table('acct_category', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_acct_category_compound_id'), ['compound_id'], unique=False)

    op.create_table('acct_settings',
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('ceiling', sa.BigInteger(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_acct_settings_compound_id_compound')),
    sa.PrimaryKeyConstraint('compound_id', name=op.f('pk_acct_settings'))
    )
    op.create_table('acct_approval',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_kind', sa.String(length=16), nullable=False),
    sa.Column('basis', sa.String(length=12), nullable=False),
    sa.Column('poll_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('spent', sa.BigInteger(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('council_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('community_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(basis = 'poll') = (poll_id IS NOT NULL)", name=op.f('ck_acct_approval_poll_link')),
    sa.CheckConstraint("basis = 'poll' OR (council_by IS NOT NULL AND community_by IS NOT NULL AND council_by <> community_by)", name=op.f('ck_acct_approval_two_approvers')),
    sa.CheckConstraint("basis IN ('poll', 'emergency')", name=op.f('ck_acct_approval_basis')),
    sa.CheckConstraint('amount > 0 AND spent >= 0 AND spent <= amount', name=op.f('ck_acct_approval_within_amount')),
    sa.ForeignKeyConstraint(['community_by'], ['person.id'], name=op.f('fk_acct_approval_community_by_person')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_acct_approval_compound_id_compound')),
    sa.ForeignKeyConstraint(['council_by'], ['person.id'], name=op.f('fk_acct_approval_council_by_person')),
    sa.ForeignKeyConstraint(['created_by'], ['person.id'], name=op.f('fk_acct_approval_created_by_person')),
    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], name=op.f('fk_acct_approval_poll_id_poll')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acct_approval')),
    sa.UniqueConstraint('poll_id', name=op.f('uq_acct_approval_poll_id'))
    )
    with op.batch_alter_table('acct_approval', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_acct_approval_compound_id'), ['compound_id'], unique=False)

    op.create_table('acct_entry',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('idem_key', sa.String(length=80), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('counterparty', sa.String(length=128), nullable=False),
    sa.Column('purpose', sa.String(length=500), nullable=False),
    sa.Column('attachments', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('approval_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('reverses_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('reason', sa.String(length=300), nullable=True),
    sa.Column('recorded_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("approval_id IS NULL OR direction = 'out'", name=op.f('ck_acct_entry_approval_spending')),
    sa.CheckConstraint("direction IN ('in', 'out')", name=op.f('ck_acct_entry_direction')),
    sa.CheckConstraint('(reverses_id IS NULL) = (reason IS NULL)', name=op.f('ck_acct_entry_reversal_reason')),
    sa.CheckConstraint('amount > 0', name=op.f('ck_acct_entry_amount_positive')),
    sa.ForeignKeyConstraint(['account_id'], ['acct_account.id'], name=op.f('fk_acct_entry_account_id_acct_account')),
    sa.ForeignKeyConstraint(['approval_id'], ['acct_approval.id'], name=op.f('fk_acct_entry_approval_id_acct_approval')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_acct_entry_compound_id_compound')),
    sa.ForeignKeyConstraint(['recorded_by'], ['person.id'], name=op.f('fk_acct_entry_recorded_by_person')),
    sa.ForeignKeyConstraint(['reverses_id'], ['acct_entry.id'], name=op.f('fk_acct_entry_reverses_id_acct_entry')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acct_entry')),
    sa.UniqueConstraint('idem_key', name=op.f('uq_acct_entry_idem_key')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_acct_entry_reverses_id'))
    )
    with op.batch_alter_table('acct_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_acct_entry_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_acct_entry_approval_id'), ['approval_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_acct_entry_compound_id'), ['compound_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_acct_entry_recorded_at'), ['recorded_at'], unique=False)

    op.create_table('acct_review',
    sa.Column('entry_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('reviewer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('recorded_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("decision IN ('confirmed', 'rejected')", name=op.f('ck_acct_review_decision')),
    sa.CheckConstraint('reviewer_id <> recorded_by', name=op.f('ck_acct_review_second_person')),
    sa.ForeignKeyConstraint(['entry_id'], ['acct_entry.id'], name=op.f('fk_acct_review_entry_id_acct_entry')),
    sa.ForeignKeyConstraint(['recorded_by'], ['person.id'], name=op.f('fk_acct_review_recorded_by_person')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['person.id'], name=op.f('fk_acct_review_reviewer_id_person')),
    sa.PrimaryKeyConstraint('entry_id', name=op.f('pk_acct_review'))
    )
    with op.batch_alter_table('acct_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_acct_review_at'), ['at'], unique=False)

    _journal_guards_up()


def downgrade() -> None:
    _journal_guards_down()
    with op.batch_alter_table('acct_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_acct_review_at'))

    op.drop_table('acct_review')
    with op.batch_alter_table('acct_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_acct_entry_recorded_at'))
        batch_op.drop_index(batch_op.f('ix_acct_entry_compound_id'))
        batch_op.drop_index(batch_op.f('ix_acct_entry_approval_id'))
        batch_op.drop_index(batch_op.f('ix_acct_entry_account_id'))

    op.drop_table('acct_entry')
    with op.batch_alter_table('acct_approval', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_acct_approval_compound_id'))

    op.drop_table('acct_approval')
    op.drop_table('acct_settings')
    with op.batch_alter_table('acct_category', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_acct_category_compound_id'))

    op.drop_table('acct_category')
    op.drop_table('acct_account')


# Entries and reviews are append-only: the database refuses UPDATE and DELETE, whoever asks
# (the same guard as the points journal's, in 0006).
_JOURNAL = ("acct_entry", "acct_review")

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION acct_journal_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the accounts journal is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql
"""


def _journal_guards_up() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        for table in _JOURNAL:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION acct_journal_append_only()"
            )
        return
    for table in _JOURNAL:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'the accounts journal is append-only'); END"
            )


def _journal_guards_down() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _JOURNAL:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute("DROP FUNCTION IF EXISTS acct_journal_append_only()")
        return
    for table in _JOURNAL:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")
