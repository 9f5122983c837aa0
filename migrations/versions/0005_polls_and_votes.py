"""polls: quick polls, council votes, resident polls, owners' assembly votes

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-22 05:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('poll',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('question', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('fee_old', sa.Numeric(precision=8, scale=2), nullable=True),
    sa.Column('fee_new', sa.Numeric(precision=8, scale=2), nullable=True),
    sa.Column('audience', sa.String(length=12), nullable=False),
    sa.Column('audience_chat_id', sa.BigInteger(), nullable=True),
    sa.Column('audience_buildings', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('vote_unit', sa.String(length=12), nullable=False),
    sa.Column('max_choices', sa.Integer(), nullable=False),
    sa.Column('secret', sa.Boolean(), nullable=False),
    sa.Column('live_results', sa.Boolean(), nullable=False),
    sa.Column('allow_change', sa.Boolean(), nullable=False),
    sa.Column('matter', sa.String(length=16), nullable=True),
    sa.Column('salt', sa.String(length=32), nullable=False),
    sa.Column('bot_username', sa.String(length=64), nullable=True),
    sa.Column('created_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('opens_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closes_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('cancel_reason', sa.String(length=300), nullable=True),
    sa.Column('reminded_24_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reminded_2_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('result', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.CheckConstraint("status IN ('draft', 'open', 'closed', 'cancelled')", name=op.f('ck_poll_status')),
    sa.CheckConstraint('max_choices >= 1', name=op.f('ck_poll_max_choices')),
    sa.ForeignKeyConstraint(['closed_by'], ['person.id'], name=op.f('fk_poll_closed_by_person')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_poll_compound_id_compound'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by'], ['person.id'], name=op.f('fk_poll_created_by_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll'))
    )
    with op.batch_alter_table('poll', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poll_compound_id'), ['compound_id'], unique=False)
        batch_op.create_index('ix_poll_due', ['status', 'closes_at'], unique=False)

    op.create_table('poll_option',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('poll_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=100), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=True),
    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], name=op.f('fk_poll_option_poll_id_poll'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll_option')),
    sa.UniqueConstraint('poll_id', 'position', name=op.f('uq_poll_option_poll_id'))
    )
    with op.batch_alter_table('poll_option', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poll_option_poll_id'), ['poll_id'], unique=False)

    op.create_table('poll_post',
    sa.Column('poll_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], name=op.f('fk_poll_post_poll_id_poll'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('poll_id', 'chat_id', name=op.f('pk_poll_post'))
    )
    op.create_table('poll_count',
    sa.Column('poll_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('option_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('ballots', sa.Integer(), nullable=False),
    sa.Column('area', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.CheckConstraint('area >= 0', name=op.f('ck_poll_count_area')),
    sa.CheckConstraint('ballots >= 0', name=op.f('ck_poll_count_ballots')),
    sa.ForeignKeyConstraint(['option_id'], ['poll_option.id'], name=op.f('fk_poll_count_option_id_poll_option'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], name=op.f('fk_poll_count_poll_id_poll'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('poll_id', 'option_id', name=op.f('pk_poll_count'))
    )
    op.create_table('poll_ballot',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('poll_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('voter_key', sa.String(length=24), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('household_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('building_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('area', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.Column('recorded_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('cast_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changes', sa.Integer(), nullable=False),
    sa.CheckConstraint('area >= 0', name=op.f('ck_poll_ballot_area')),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], name=op.f('fk_poll_ballot_building_id_building')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_poll_ballot_household_id_household')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_poll_ballot_person_id_person')),
    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], name=op.f('fk_poll_ballot_poll_id_poll'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by'], ['person.id'], name=op.f('fk_poll_ballot_recorded_by_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll_ballot')),
    sa.UniqueConstraint('poll_id', 'voter_key', name=op.f('uq_poll_ballot_poll_id'))
    )
    with op.batch_alter_table('poll_ballot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poll_ballot_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_poll_ballot_poll_id'), ['poll_id'], unique=False)

    op.create_table('poll_choice',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('poll_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('option_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('ballot_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('token', sa.String(length=64), nullable=True),
    sa.CheckConstraint('(ballot_id IS NULL) <> (token IS NULL)', name=op.f('ck_poll_choice_link')),
    sa.ForeignKeyConstraint(['ballot_id'], ['poll_ballot.id'], name=op.f('fk_poll_choice_ballot_id_poll_ballot'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['option_id'], ['poll_option.id'], name=op.f('fk_poll_choice_option_id_poll_option'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], name=op.f('fk_poll_choice_poll_id_poll'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll_choice'))
    )
    with op.batch_alter_table('poll_choice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poll_choice_ballot_id'), ['ballot_id'], unique=False)
        batch_op.create_index('ix_poll_choice_token', ['poll_id', 'token'], unique=False)

    op.create_table('poll_coverage',
    sa.Column('poll_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('household_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('ballot_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['ballot_id'], ['poll_ballot.id'], name=op.f('fk_poll_coverage_ballot_id_poll_ballot'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_poll_coverage_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['poll_id'], ['poll.id'], name=op.f('fk_poll_coverage_poll_id_poll'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('poll_id', 'household_id', name=op.f('pk_poll_coverage'))
    )
    with op.batch_alter_table('poll_coverage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poll_coverage_ballot_id'), ['ballot_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('poll_coverage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_poll_coverage_ballot_id'))

    op.drop_table('poll_coverage')
    with op.batch_alter_table('poll_choice', schema=None) as batch_op:
        batch_op.drop_index('ix_poll_choice_token')
        batch_op.drop_index(batch_op.f('ix_poll_choice_ballot_id'))

    op.drop_table('poll_choice')
    with op.batch_alter_table('poll_ballot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_poll_ballot_poll_id'))
        batch_op.drop_index(batch_op.f('ix_poll_ballot_person_id'))

    op.drop_table('poll_ballot')
    op.drop_table('poll_count')
    op.drop_table('poll_post')
    with op.batch_alter_table('poll_option', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_poll_option_poll_id'))

    op.drop_table('poll_option')
    with op.batch_alter_table('poll', schema=None) as batch_op:
        batch_op.drop_index('ix_poll_due')
        batch_op.drop_index(batch_op.f('ix_poll_compound_id'))

    op.drop_table('poll')
