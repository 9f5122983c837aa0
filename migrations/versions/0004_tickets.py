"""tickets: complaints and repairs, their history, cards, ratings, mediation, settings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 05:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('ticket_counter',
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_ticket_counter_compound_id_compound'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('compound_id', name=op.f('pk_ticket_counter'))
    )
    op.create_table('ticket_digest',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('published_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('items', sa.Integer(), nullable=False),
    sa.Column('groups', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_ticket_digest_compound_id_compound'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['published_by'], ['person.id'], name=op.f('fk_ticket_digest_published_by_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_digest'))
    )
    op.create_index(op.f('ix_ticket_digest_compound_id'), 'ticket_digest', ['compound_id'], unique=False)
    op.create_table('ticket_canned',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('team_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('team_key', sa.String(length=24), nullable=False),
    sa.Column('title', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_ticket_canned_compound_id_compound'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by'], ['person.id'], name=op.f('fk_ticket_canned_created_by_person')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_ticket_canned_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_canned')),
    sa.UniqueConstraint('team_key', 'title', name=op.f('uq_ticket_canned_team_key'))
    )
    op.create_index(op.f('ix_ticket_canned_compound_id'), 'ticket_canned', ['compound_id'], unique=False)
    op.create_table('ticket_category_config',
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('team_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('desk', sa.Boolean(), nullable=False),
    sa.Column('accept_minutes', sa.Integer(), nullable=True),
    sa.Column('resolve_minutes', sa.Integer(), nullable=True),
    sa.Column('tags', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.CheckConstraint('accept_minutes IS NULL OR accept_minutes > 0', name=op.f('ck_ticket_category_config_accept')),
    sa.CheckConstraint('resolve_minutes IS NULL OR resolve_minutes > 0', name=op.f('ck_ticket_category_config_resolve')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_ticket_category_config_compound_id_compound'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_ticket_category_config_team_id_team'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('compound_id', 'category', name=op.f('pk_ticket_category_config'))
    )
    op.create_table('ticket_team_hours',
    sa.Column('team_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('open_minute', sa.Integer(), nullable=False),
    sa.Column('close_minute', sa.Integer(), nullable=False),
    sa.CheckConstraint('open_minute >= 0 AND open_minute < close_minute AND close_minute <= 1440', name=op.f('ck_ticket_team_hours_window')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_ticket_team_hours_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('team_id', name=op.f('pk_ticket_team_hours'))
    )
    op.create_table('ticket',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('team_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('assignee_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('auto_assigned', sa.Boolean(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('reporter_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('filed_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('building_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('household_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('area', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('origin_chat_id', sa.BigInteger(), nullable=True),
    sa.Column('origin_message_id', sa.BigInteger(), nullable=True),
    sa.Column('origin_thread_id', sa.Integer(), nullable=True),
    sa.Column('duplicate_of_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('resolve_round', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('accept_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolve_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paused_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('warn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('warned_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('digested_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('new', 'accepted', 'in_progress', 'waiting', 'resolved', 'closed', 'rejected', 'duplicate', 'reopened')", name=op.f('ck_ticket_status')),
    sa.CheckConstraint('level BETWEEN 1 AND 3', name=op.f('ck_ticket_level')),
    sa.CheckConstraint('number > 0', name=op.f('ck_ticket_number')),
    sa.ForeignKeyConstraint(['assignee_id'], ['person.id'], name=op.f('fk_ticket_assignee_id_person')),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], name=op.f('fk_ticket_building_id_building'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_ticket_compound_id_compound'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['ticket.id'], name=op.f('fk_ticket_duplicate_of_id_ticket')),
    sa.ForeignKeyConstraint(['filed_by_id'], ['person.id'], name=op.f('fk_ticket_filed_by_id_person')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_ticket_household_id_household'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reporter_id'], ['person.id'], name=op.f('fk_ticket_reporter_id_person')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_ticket_team_id_team'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket')),
    sa.UniqueConstraint('compound_id', 'number', name=op.f('uq_ticket_compound_id'))
    )
    op.create_index(op.f('ix_ticket_assignee_id'), 'ticket', ['assignee_id'], unique=False)
    op.create_index(op.f('ix_ticket_reporter_id'), 'ticket', ['reporter_id'], unique=False)
    op.create_index('ix_ticket_similar', 'ticket', ['compound_id', 'category', 'building_id', 'created_at'], unique=False)
    op.create_index('ix_ticket_status_accept_due', 'ticket', ['status', 'accept_due_at'], unique=False)
    op.create_index('ix_ticket_status_resolve_due', 'ticket', ['status', 'resolve_due_at'], unique=False)
    op.create_index(op.f('ix_ticket_team_id'), 'ticket', ['team_id'], unique=False)
    op.create_table('ticket_agreement',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('recorded_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'accepted', 'declined', 'superseded')", name=op.f('ck_ticket_agreement_status')),
    sa.ForeignKeyConstraint(['recorded_by'], ['person.id'], name=op.f('fk_ticket_agreement_recorded_by_person')),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_agreement_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_agreement'))
    )
    op.create_index(op.f('ix_ticket_agreement_ticket_id'), 'ticket_agreement', ['ticket_id'], unique=False)
    op.create_table('ticket_card',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('notice_key', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_card_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_card')),
    sa.UniqueConstraint('notice_key', name=op.f('uq_ticket_card_notice_key'))
    )
    op.create_index(op.f('ix_ticket_card_ticket_id'), 'ticket_card', ['ticket_id'], unique=False)
    op.create_table('ticket_event',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=False),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('internal', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['person.id'], name=op.f('fk_ticket_event_actor_id_person')),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_event_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_event'))
    )
    op.create_index(op.f('ix_ticket_event_ticket_id'), 'ticket_event', ['ticket_id'], unique=False)
    op.create_table('ticket_follower',
    sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('reporter', 'co_reporter', 'party')", name=op.f('ck_ticket_follower_kind')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_ticket_follower_person_id_person')),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_follower_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('ticket_id', 'person_id', name=op.f('pk_ticket_follower'))
    )
    op.create_index(op.f('ix_ticket_follower_person_id'), 'ticket_follower', ['person_id'], unique=False)
    op.create_table('ticket_photo',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('file_id', sa.String(length=256), nullable=False),
    sa.Column('file_unique_id', sa.String(length=64), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_photo_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_photo')),
    sa.UniqueConstraint('ticket_id', 'file_unique_id', name=op.f('uq_ticket_photo_ticket_id'))
    )
    op.create_index(op.f('ix_ticket_photo_ticket_id'), 'ticket_photo', ['ticket_id'], unique=False)
    op.create_table('ticket_rating',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('fixed', sa.Boolean(), nullable=False),
    sa.Column('stars', sa.Integer(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('steward_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('team_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('stars IS NULL OR stars BETWEEN 1 AND 5', name=op.f('ck_ticket_rating_stars')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_ticket_rating_person_id_person')),
    sa.ForeignKeyConstraint(['steward_id'], ['person.id'], name=op.f('fk_ticket_rating_steward_id_person')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_ticket_rating_team_id_team'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_rating_ticket_id_ticket'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_rating')),
    sa.UniqueConstraint('ticket_id', 'person_id', 'round', name=op.f('uq_ticket_rating_ticket_id'))
    )
    op.create_index('ix_ticket_rating_steward', 'ticket_rating', ['steward_id'], unique=False)
    op.create_index('ix_ticket_rating_team', 'ticket_rating', ['team_id'], unique=False)
    op.create_table('ticket_agreement_vote',
    sa.Column('agreement_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['ticket_agreement.id'], name=op.f('fk_ticket_agreement_vote_agreement_id_ticket_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_ticket_agreement_vote_person_id_person')),
    sa.PrimaryKeyConstraint('agreement_id', 'person_id', name=op.f('pk_ticket_agreement_vote'))
    )


def downgrade() -> None:
    op.drop_table('ticket_agreement_vote')
    op.drop_index('ix_ticket_rating_team', table_name='ticket_rating')
    op.drop_index('ix_ticket_rating_steward', table_name='ticket_rating')
    op.drop_table('ticket_rating')
    op.drop_index(op.f('ix_ticket_photo_ticket_id'), table_name='ticket_photo')
    op.drop_table('ticket_photo')
    op.drop_index(op.f('ix_ticket_follower_person_id'), table_name='ticket_follower')
    op.drop_table('ticket_follower')
    op.drop_index(op.f('ix_ticket_event_ticket_id'), table_name='ticket_event')
    op.drop_table('ticket_event')
    op.drop_index(op.f('ix_ticket_card_ticket_id'), table_name='ticket_card')
    op.drop_table('ticket_card')
    op.drop_index(op.f('ix_ticket_agreement_ticket_id'), table_name='ticket_agreement')
    op.drop_table('ticket_agreement')
    op.drop_index(op.f('ix_ticket_team_id'), table_name='ticket')
    op.drop_index('ix_ticket_status_resolve_due', table_name='ticket')
    op.drop_index('ix_ticket_status_accept_due', table_name='ticket')
    op.drop_index('ix_ticket_similar', table_name='ticket')
    op.drop_index(op.f('ix_ticket_reporter_id'), table_name='ticket')
    op.drop_index(op.f('ix_ticket_assignee_id'), table_name='ticket')
    op.drop_table('ticket')
    op.drop_table('ticket_team_hours')
    op.drop_table('ticket_category_config')
    op.drop_index(op.f('ix_ticket_canned_compound_id'), table_name='ticket_canned')
    op.drop_table('ticket_canned')
    op.drop_index(op.f('ix_ticket_digest_compound_id'), table_name='ticket_digest')
    op.drop_table('ticket_digest')
    op.drop_table('ticket_counter')
