"""registry: compounds, households, residents, roles, teams

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 03:10:55.735300
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('community',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community')),
    sa.UniqueConstraint('name', name=op.f('uq_community_name'))
    )
    op.create_table('compound',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('community_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('created_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_compound_community_id_community')),
    sa.ForeignKeyConstraint(['created_by'], ['person.id'], name=op.f('fk_compound_created_by_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_compound'))
    )
    with op.batch_alter_table('compound', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_compound_community_id'), ['community_id'], unique=False)

    op.create_table('audit',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('actor_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('subject_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('action', sa.String(length=48), nullable=False),
    sa.Column('detail', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['person.id'], name=op.f('fk_audit_actor_id_person')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_audit_compound_id_compound')),
    sa.ForeignKeyConstraint(['subject_id'], ['person.id'], name=op.f('fk_audit_subject_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit'))
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_compound_id'), ['compound_id'], unique=False)

    op.create_table('building',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('sort_key', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_building_compound_id_compound'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_building')),
    sa.UniqueConstraint('compound_id', 'name', name=op.f('uq_building_compound_id'))
    )
    op.create_table('team',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=True),
    sa.Column('round_robin', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_team_compound_id_compound'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team')),
    sa.UniqueConstraint('compound_id', 'code', name=op.f('uq_team_compound_id'))
    )
    op.create_table('chat_binding',
    sa.Column('chat_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('building_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('team_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('purpose', sa.String(length=24), nullable=False),
    sa.Column('register_message_id', sa.BigInteger(), nullable=True),
    sa.Column('bound_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('bound_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bound_by'], ['person.id'], name=op.f('fk_chat_binding_bound_by_person')),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], name=op.f('fk_chat_binding_building_id_building')),
    sa.ForeignKeyConstraint(['chat_id'], ['chat.id'], name=op.f('fk_chat_binding_chat_id_chat')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_chat_binding_compound_id_compound'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_chat_binding_team_id_team')),
    sa.PrimaryKeyConstraint('chat_id', name=op.f('pk_chat_binding'))
    )
    with op.batch_alter_table('chat_binding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_binding_compound_id'), ['compound_id'], unique=False)

    op.create_table('directory_entry',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('building_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('label', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('note', sa.String(length=256), nullable=True),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], name=op.f('fk_directory_entry_building_id_building')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_directory_entry_compound_id_compound'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_directory_entry'))
    )
    with op.batch_alter_table('directory_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_directory_entry_compound_id'), ['compound_id'], unique=False)

    op.create_table('entrance',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('building_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('sort_key', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], name=op.f('fk_entrance_building_id_building'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entrance')),
    sa.UniqueConstraint('building_id', 'name', name=op.f('uq_entrance_building_id'))
    )
    op.create_table('role_grant',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.Column('building_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('granted_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('granted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], name=op.f('fk_role_grant_building_id_building')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_role_grant_compound_id_compound'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['granted_by'], ['person.id'], name=op.f('fk_role_grant_granted_by_person')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_role_grant_person_id_person')),
    sa.ForeignKeyConstraint(['revoked_by'], ['person.id'], name=op.f('fk_role_grant_revoked_by_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_grant'))
    )
    with op.batch_alter_table('role_grant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_grant_compound_id'), ['compound_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_grant_person_id'), ['person_id'], unique=False)
        batch_op.create_index('uq_role_grant_active', ['compound_id', 'person_id', 'role'], unique=True, sqlite_where=sa.text('revoked_at IS NULL'), postgresql_where=sa.text('revoked_at IS NULL'))

    op.create_table('team_member',
    sa.Column('team_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('on_duty', sa.Boolean(), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_team_member_person_id_person')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_team_member_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('team_id', 'person_id', name=op.f('pk_team_member'))
    )
    op.create_table('household',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('building_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('entrance_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('room', sa.String(length=32), nullable=False),
    sa.Column('sort_key', sa.String(length=80), nullable=False),
    sa.Column('area_m2', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('owner_name', sa.String(length=128), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], name=op.f('fk_household_building_id_building'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_household_compound_id_compound'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entrance_id'], ['entrance.id'], name=op.f('fk_household_entrance_id_entrance'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household')),
    sa.UniqueConstraint('entrance_id', 'room', name=op.f('uq_household_entrance_id'))
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index('ix_household_compound_building', ['compound_id', 'building_id'], unique=False)

    op.create_table('residency',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('household_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('relation', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.ForeignKeyConstraint(['decided_by'], ['person.id'], name=op.f('fk_residency_decided_by_person')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_residency_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_residency_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_residency'))
    )
    with op.batch_alter_table('residency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_residency_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_residency_person_id'), ['person_id'], unique=False)
        batch_op.create_index('uq_residency_active_owner', ['household_id'], unique=True, sqlite_where=sa.text("relation = 'owner' AND status IN ('pending', 'verified')"), postgresql_where=sa.text("relation = 'owner' AND status IN ('pending', 'verified')"))
        batch_op.create_index('uq_residency_active_person', ['person_id', 'household_id'], unique=True, sqlite_where=sa.text("status IN ('pending', 'verified')"), postgresql_where=sa.text("status IN ('pending', 'verified')"))

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('phone_public', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('party_member', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('show_badge', sa.Boolean(), nullable=False, server_default=sa.false()))



def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('show_badge')
        batch_op.drop_column('party_member')
        batch_op.drop_column('phone_public')
        batch_op.drop_column('phone')

    with op.batch_alter_table('residency', schema=None) as batch_op:
        batch_op.drop_index('uq_residency_active_person', sqlite_where=sa.text("status IN ('pending', 'verified')"), postgresql_where=sa.text("status IN ('pending', 'verified')"))
        batch_op.drop_index('uq_residency_active_owner', sqlite_where=sa.text("relation = 'owner' AND status IN ('pending', 'verified')"), postgresql_where=sa.text("relation = 'owner' AND status IN ('pending', 'verified')"))
        batch_op.drop_index(batch_op.f('ix_residency_person_id'))
        batch_op.drop_index(batch_op.f('ix_residency_household_id'))

    op.drop_table('residency')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index('ix_household_compound_building')

    op.drop_table('household')
    op.drop_table('team_member')
    with op.batch_alter_table('role_grant', schema=None) as batch_op:
        batch_op.drop_index('uq_role_grant_active', sqlite_where=sa.text('revoked_at IS NULL'), postgresql_where=sa.text('revoked_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_role_grant_person_id'))
        batch_op.drop_index(batch_op.f('ix_role_grant_compound_id'))

    op.drop_table('role_grant')
    op.drop_table('entrance')
    with op.batch_alter_table('directory_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_directory_entry_compound_id'))

    op.drop_table('directory_entry')
    with op.batch_alter_table('chat_binding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_binding_compound_id'))

    op.drop_table('chat_binding')
    op.drop_table('team')
    op.drop_table('building')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_compound_id'))
        batch_op.drop_index(batch_op.f('ix_audit_at'))

    op.drop_table('audit')
    with op.batch_alter_table('compound', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_compound_community_id'))

    op.drop_table('compound')
    op.drop_table('community')
