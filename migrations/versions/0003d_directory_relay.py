"""directory: relayed messages between residents and directory contacts

Revision ID: 0003d
Revises: 0002
Create Date: 2026-11-22 04:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003d'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('relay',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('sender_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('recipient_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recipient_id'], ['person.id'], name=op.f('fk_relay_recipient_id_person')),
    sa.ForeignKeyConstraint(['sender_id'], ['person.id'], name=op.f('fk_relay_sender_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relay'))
    )
    with op.batch_alter_table('relay', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relay_recipient_id'), ['recipient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relay_sender_id'), ['sender_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('relay', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relay_sender_id'))
        batch_op.drop_index(batch_op.f('ix_relay_recipient_id'))

    op.drop_table('relay')
