"""rosters: duty rosters, dated shifts, holders, reminders, swaps, calendar feeds

Revision ID: 0007
Revises: 0003
Create Date: 2026-11-22 06:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0007'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('roster_feed',
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_roster_feed_person_id_person')),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_roster_feed')),
    sa.UniqueConstraint('token', name=op.f('uq_roster_feed_token'))
    )
    op.create_table('roster',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('place', sa.String(length=128), nullable=False),
    sa.Column('times', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('per_shift', sa.Integer(), nullable=False),
    sa.Column('recurrence', sa.String(length=80), nullable=False),
    sa.Column('follow_holidays', sa.Boolean(), nullable=False),
    sa.Column('leads', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('horizon_days', sa.Integer(), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=True),
    sa.Column('organizer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('generated_until', sa.Date(), nullable=True),
    sa.Column('calendar_noted', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('horizon_days >= 1 AND horizon_days <= 90', name=op.f('ck_roster_horizon_range')),
    sa.CheckConstraint('per_shift >= 1 AND per_shift <= 50', name=op.f('ck_roster_per_shift_range')),
    sa.CheckConstraint('points >= 0 AND points <= 1000', name=op.f('ck_roster_points_range')),
    sa.ForeignKeyConstraint(['chat_id'], ['chat.id'], name=op.f('fk_roster_chat_id_chat')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_roster_compound_id_compound'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organizer_id'], ['person.id'], name=op.f('fk_roster_organizer_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roster'))
    )
    with op.batch_alter_table('roster', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roster_compound_id'), ['compound_id'], unique=False)

    op.create_table('roster_member',
    sa.Column('roster_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_roster_member_person_id_person')),
    sa.ForeignKeyConstraint(['roster_id'], ['roster.id'], name=op.f('fk_roster_member_roster_id_roster'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('roster_id', 'person_id', name=op.f('pk_roster_member'))
    )
    op.create_table('roster_skip',
    sa.Column('roster_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['roster_id'], ['roster.id'], name=op.f('fk_roster_skip_roster_id_roster'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('roster_id', 'day', name=op.f('pk_roster_skip'))
    )
    op.create_table('roster_term',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('roster_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_roster_term_order')),
    sa.ForeignKeyConstraint(['roster_id'], ['roster.id'], name=op.f('fk_roster_term_roster_id_roster'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roster_term'))
    )
    with op.batch_alter_table('roster_term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roster_term_roster_id'), ['roster_id'], unique=False)

    op.create_table('shift',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('roster_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('slot', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('taken', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('alerted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('capacity >= 1', name=op.f('ck_shift_capacity_positive')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_shift_ends_after_start')),
    sa.CheckConstraint('taken >= 0 AND taken <= capacity', name=op.f('ck_shift_taken_within_capacity')),
    sa.ForeignKeyConstraint(['roster_id'], ['roster.id'], name=op.f('fk_shift_roster_id_roster'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift'))
    )
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shift_roster_id'), ['roster_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shift_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index('uq_shift_open_slot', ['roster_id', 'day', 'slot'], unique=True, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))

    op.create_table('shift_assignment',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('on_way_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('checked_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attendance', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_shift_assignment_person_id_person')),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], name=op.f('fk_shift_assignment_shift_id_shift'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_assignment'))
    )
    with op.batch_alter_table('shift_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shift_assignment_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shift_assignment_shift_id'), ['shift_id'], unique=False)
        batch_op.create_index('uq_shift_assignment_held', ['shift_id', 'person_id'], unique=True, sqlite_where=sa.text("status = 'held'"), postgresql_where=sa.text("status = 'held'"))

    op.create_table('shift_reminder',
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('lead', sa.String(length=16), nullable=False),
    sa.Column('sent', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_shift_reminder_person_id_person')),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], name=op.f('fk_shift_reminder_shift_id_shift'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('shift_id', 'person_id', 'lead', name=op.f('pk_shift_reminder'))
    )
    op.create_table('shift_swap',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('assignment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('requester_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('taker_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('asked', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['assignment_id'], ['shift_assignment.id'], name=op.f('fk_shift_swap_assignment_id_shift_assignment')),
    sa.ForeignKeyConstraint(['requester_id'], ['person.id'], name=op.f('fk_shift_swap_requester_id_person')),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], name=op.f('fk_shift_swap_shift_id_shift'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['taker_id'], ['person.id'], name=op.f('fk_shift_swap_taker_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_swap'))
    )
    with op.batch_alter_table('shift_swap', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shift_swap_shift_id'), ['shift_id'], unique=False)
        batch_op.create_index('uq_shift_swap_open', ['assignment_id'], unique=True, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))


def downgrade() -> None:
    with op.batch_alter_table('shift_swap', schema=None) as batch_op:
        batch_op.drop_index('uq_shift_swap_open', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index(batch_op.f('ix_shift_swap_shift_id'))

    op.drop_table('shift_swap')
    op.drop_table('shift_reminder')
    with op.batch_alter_table('shift_assignment', schema=None) as batch_op:
        batch_op.drop_index('uq_shift_assignment_held', sqlite_where=sa.text("status = 'held'"), postgresql_where=sa.text("status = 'held'"))
        batch_op.drop_index(batch_op.f('ix_shift_assignment_shift_id'))
        batch_op.drop_index(batch_op.f('ix_shift_assignment_person_id'))

    op.drop_table('shift_assignment')
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.drop_index('uq_shift_open_slot', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index(batch_op.f('ix_shift_starts_at'))
        batch_op.drop_index(batch_op.f('ix_shift_roster_id'))

    op.drop_table('shift')
    with op.batch_alter_table('roster_term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roster_term_roster_id'))

    op.drop_table('roster_term')
    op.drop_table('roster_skip')
    op.drop_table('roster_member')
    with op.batch_alter_table('roster', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roster_compound_id'))

    op.drop_table('roster')
    op.drop_table('roster_feed')
