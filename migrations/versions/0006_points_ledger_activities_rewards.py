"""points: ledger, activities, rewards, vouchers

Revision ID: 0006
Revises: 0003
Create Date: 2026-11-22 05:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('points_prefs',
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('leaderboard_hidden', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_points_prefs_person_id_person')),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_points_prefs'))
    )
    op.create_table('points_merchant',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_points_merchant_compound_id_compound')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_points_merchant_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_merchant')),
    sa.UniqueConstraint('compound_id', 'name', name=op.f('uq_points_merchant_compound_id'))
    )
    with op.batch_alter_table('points_merchant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_points_merchant_compound_id'), ['compound_id'], unique=False)

    op.create_table('points_posting',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('idem_key', sa.String(length=160), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('memo', sa.String(length=256), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=True),
    sa.Column('created_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reverses_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name=op.f('ck_points_posting_reversal_link')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_points_posting_compound_id_compound')),
    sa.ForeignKeyConstraint(['created_by'], ['person.id'], name=op.f('fk_points_posting_created_by_person')),
    sa.ForeignKeyConstraint(['reverses_id'], ['points_posting.id'], name=op.f('fk_points_posting_reverses_id_points_posting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_posting')),
    sa.UniqueConstraint('idem_key', name=op.f('uq_points_posting_idem_key')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_points_posting_reverses_id'))
    )
    with op.batch_alter_table('points_posting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_points_posting_compound_id'), ['compound_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_points_posting_created_at'), ['created_at'], unique=False)

    op.create_table('points_rule',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('basis', sa.String(length=8), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('points > 0 AND points <= 1000', name=op.f('ck_points_rule_points_range')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_points_rule_compound_id_compound')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_rule')),
    sa.UniqueConstraint('compound_id', 'code', name=op.f('uq_points_rule_compound_id'))
    )
    op.create_table('points_settings',
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('noshow_limit', sa.Integer(), nullable=False),
    sa.Column('leaderboard', sa.Boolean(), nullable=False),
    sa.Column('voucher_days', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('noshow_limit >= 1 AND noshow_limit <= 20', name=op.f('ck_points_settings_noshow_range')),
    sa.CheckConstraint('voucher_days >= 1 AND voucher_days <= 365', name=op.f('ck_points_settings_voucher_days_range')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_points_settings_compound_id_compound')),
    sa.PrimaryKeyConstraint('compound_id', name=op.f('pk_points_settings'))
    )
    op.create_table('volunteer_standing',
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('no_shows', sa.Integer(), nullable=False),
    sa.Column('attended', sa.Integer(), nullable=False),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('no_shows >= 0', name=op.f('ck_volunteer_standing_no_shows_non_negative')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_volunteer_standing_compound_id_compound')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_volunteer_standing_person_id_person')),
    sa.PrimaryKeyConstraint('compound_id', 'person_id', name=op.f('pk_volunteer_standing'))
    )
    op.create_table('activity',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('organizer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('title', sa.String(length=128), nullable=False),
    sa.Column('description', sa.String(length=1000), nullable=False),
    sa.Column('place', sa.String(length=128), nullable=False),
    sa.Column('kind_code', sa.String(length=32), nullable=True),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('taken', sa.Integer(), nullable=False),
    sa.Column('signup_deadline', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancel_cutoff', sa.DateTime(timezone=True), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('audience', sa.String(length=10), nullable=False),
    sa.Column('team_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('requirement', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('reminded_day', sa.Boolean(), nullable=False),
    sa.Column('reminded_hour', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('cancel_cutoff <= starts_at', name=op.f('ck_activity_cutoff_before_start')),
    sa.CheckConstraint('capacity >= 1 AND capacity <= 1000', name=op.f('ck_activity_capacity_range')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_activity_ends_after_start')),
    sa.CheckConstraint('points >= 0 AND points <= 1000', name=op.f('ck_activity_points_range')),
    sa.CheckConstraint('signup_deadline <= starts_at', name=op.f('ck_activity_deadline_before_start')),
    sa.CheckConstraint('taken >= 0 AND taken <= capacity', name=op.f('ck_activity_taken_within_capacity')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_activity_compound_id_compound')),
    sa.ForeignKeyConstraint(['organizer_id'], ['person.id'], name=op.f('fk_activity_organizer_id_person')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_activity_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_compound_id'), ['compound_id'], unique=False)
        batch_op.create_index('ix_activity_due', ['status', 'starts_at'], unique=False)

    op.create_table('points_account',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('merchant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(kind = 'merchant') = (merchant_id IS NOT NULL)", name=op.f('ck_points_account_merchant_owner')),
    sa.CheckConstraint("(kind = 'wallet') = (person_id IS NOT NULL)", name=op.f('ck_points_account_wallet_person')),
    sa.CheckConstraint("kind = 'issuing' OR balance >= 0", name=op.f('ck_points_account_balance_non_negative')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_points_account_compound_id_compound')),
    sa.ForeignKeyConstraint(['merchant_id'], ['points_merchant.id'], name=op.f('fk_points_account_merchant_id_points_merchant')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_points_account_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_account'))
    )
    with op.batch_alter_table('points_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_points_account_person_id'), ['person_id'], unique=False)
        batch_op.create_index('uq_points_account_house', ['compound_id', 'kind'], unique=True, sqlite_where=sa.text("kind IN ('issuing', 'escrow')"), postgresql_where=sa.text("kind IN ('issuing', 'escrow')"))
        batch_op.create_index('uq_points_account_merchant', ['compound_id', 'merchant_id'], unique=True, sqlite_where=sa.text("kind = 'merchant'"), postgresql_where=sa.text("kind = 'merchant'"))
        batch_op.create_index('uq_points_account_wallet', ['compound_id', 'person_id'], unique=True, sqlite_where=sa.text("kind = 'wallet'"), postgresql_where=sa.text("kind = 'wallet'"))

    op.create_table('points_reward',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('title', sa.String(length=128), nullable=False),
    sa.Column('cost', sa.Integer(), nullable=False),
    sa.Column('stock', sa.Integer(), nullable=True),
    sa.Column('merchant_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('cost > 0 AND cost <= 100000', name=op.f('ck_points_reward_cost_range')),
    sa.CheckConstraint('stock IS NULL OR stock >= 0', name=op.f('ck_points_reward_stock_non_negative')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_points_reward_compound_id_compound')),
    sa.ForeignKeyConstraint(['created_by'], ['person.id'], name=op.f('fk_points_reward_created_by_person')),
    sa.ForeignKeyConstraint(['merchant_id'], ['points_merchant.id'], name=op.f('fk_points_reward_merchant_id_points_merchant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_reward'))
    )
    with op.batch_alter_table('points_reward', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_points_reward_compound_id'), ['compound_id'], unique=False)

    op.create_table('activity_building',
    sa.Column('activity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('building_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_building_activity_id_activity')),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], name=op.f('fk_activity_building_building_id_building')),
    sa.PrimaryKeyConstraint('activity_id', 'building_id', name=op.f('pk_activity_building'))
    )
    op.create_table('activity_card',
    sa.Column('activity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_card_activity_id_activity')),
    sa.PrimaryKeyConstraint('activity_id', 'chat_id', name=op.f('pk_activity_card'))
    )
    op.create_table('activity_signup',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('activity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=True),
    sa.Column('checked_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('marked_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_signup_activity_id_activity')),
    sa.ForeignKeyConstraint(['marked_by'], ['person.id'], name=op.f('fk_activity_signup_marked_by_person')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_activity_signup_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_signup')),
    sa.UniqueConstraint('activity_id', 'person_id', name=op.f('uq_activity_signup_activity_id'))
    )
    with op.batch_alter_table('activity_signup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_signup_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_activity_signup_queue', ['activity_id', 'status', 'queued_at'], unique=False)

    op.create_table('points_line',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('posting_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('amount <> 0', name=op.f('ck_points_line_amount_nonzero')),
    sa.ForeignKeyConstraint(['account_id'], ['points_account.id'], name=op.f('fk_points_line_account_id_points_account')),
    sa.ForeignKeyConstraint(['posting_id'], ['points_posting.id'], name=op.f('fk_points_line_posting_id_points_posting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_line')),
    sa.UniqueConstraint('posting_id', 'account_id', name=op.f('uq_points_line_posting_id'))
    )
    with op.batch_alter_table('points_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_points_line_account_id'), ['account_id'], unique=False)

    op.create_table('points_voucher',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('compound_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('reward_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('person_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('request_key', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('cost', sa.Integer(), nullable=False),
    sa.Column('redeem_posting_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('settle_posting_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('refund_posting_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('used_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.CheckConstraint("status IN ('issued', 'used', 'expired')", name=op.f('ck_points_voucher_status_known')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_points_voucher_compound_id_compound')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_points_voucher_person_id_person')),
    sa.ForeignKeyConstraint(['redeem_posting_id'], ['points_posting.id'], name=op.f('fk_points_voucher_redeem_posting_id_points_posting')),
    sa.ForeignKeyConstraint(['refund_posting_id'], ['points_posting.id'], name=op.f('fk_points_voucher_refund_posting_id_points_posting')),
    sa.ForeignKeyConstraint(['reward_id'], ['points_reward.id'], name=op.f('fk_points_voucher_reward_id_points_reward')),
    sa.ForeignKeyConstraint(['settle_posting_id'], ['points_posting.id'], name=op.f('fk_points_voucher_settle_posting_id_points_posting')),
    sa.ForeignKeyConstraint(['used_by'], ['person.id'], name=op.f('fk_points_voucher_used_by_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_voucher')),
    sa.UniqueConstraint('code', name=op.f('uq_points_voucher_code')),
    sa.UniqueConstraint('redeem_posting_id', name=op.f('uq_points_voucher_redeem_posting_id')),
    sa.UniqueConstraint('request_key', name=op.f('uq_points_voucher_request_key'))
    )
    with op.batch_alter_table('points_voucher', schema=None) as batch_op:
        batch_op.create_index('ix_points_voucher_due', ['status', 'expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_points_voucher_person_id'), ['person_id'], unique=False)

    _journal_guards_up()


def downgrade() -> None:
    _journal_guards_down()
    with op.batch_alter_table('points_voucher', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_points_voucher_person_id'))
        batch_op.drop_index('ix_points_voucher_due')

    op.drop_table('points_voucher')
    with op.batch_alter_table('points_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_points_line_account_id'))

    op.drop_table('points_line')
    with op.batch_alter_table('activity_signup', schema=None) as batch_op:
        batch_op.drop_index('ix_activity_signup_queue')
        batch_op.drop_index(batch_op.f('ix_activity_signup_person_id'))

    op.drop_table('activity_signup')
    op.drop_table('activity_card')
    op.drop_table('activity_building')
    with op.batch_alter_table('points_reward', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_points_reward_compound_id'))

    op.drop_table('points_reward')
    with op.batch_alter_table('points_account', schema=None) as batch_op:
        batch_op.drop_index('uq_points_account_wallet', sqlite_where=sa.text("kind = 'wallet'"), postgresql_where=sa.text("kind = 'wallet'"))
        batch_op.drop_index('uq_points_account_merchant', sqlite_where=sa.text("kind = 'merchant'"), postgresql_where=sa.text("kind = 'merchant'"))
        batch_op.drop_index('uq_points_account_house', sqlite_where=sa.text("kind IN ('issuing', 'escrow')"), postgresql_where=sa.text("kind IN ('issuing', 'escrow')"))
        batch_op.drop_index(batch_op.f('ix_points_account_person_id'))

    op.drop_table('points_account')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index('ix_activity_due')
        batch_op.drop_index(batch_op.f('ix_activity_compound_id'))

    op.drop_table('activity')
    op.drop_table('volunteer_standing')
    op.drop_table('points_settings')
    op.drop_table('points_rule')
    with op.batch_alter_table('points_posting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_points_posting_created_at'))
        batch_op.drop_index(batch_op.f('ix_points_posting_compound_id'))

    op.drop_table('points_posting')
    with op.batch_alter_table('points_merchant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_points_merchant_compound_id'))

    op.drop_table('points_merchant')
    op.drop_table('points_prefs')


# The journal is append-only: the database refuses UPDATE and DELETE on postings and lines,
# whoever asks. On PostgreSQL a deferred constraint trigger also refuses, at commit, a
# posting whose lines do not sum to zero.
_JOURNAL = ("points_posting", "points_line")

_PG_FUNCTIONS = ("""
CREATE OR REPLACE FUNCTION points_journal_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the points journal is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql
""", """
CREATE OR REPLACE FUNCTION points_posting_balanced() RETURNS trigger AS $$
DECLARE total BIGINT;
BEGIN
    SELECT COALESCE(SUM(amount), 0) INTO total FROM points_line WHERE posting_id = NEW.posting_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'posting % does not balance (sum %)', NEW.posting_id, total;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
""")


def _journal_guards_up() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for function in _PG_FUNCTIONS:
            op.execute(function)
        for table in _JOURNAL:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION points_journal_append_only()"
            )
        op.execute(
            "CREATE CONSTRAINT TRIGGER points_line_balanced AFTER INSERT ON points_line "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION points_posting_balanced()"
        )
        return
    for table in _JOURNAL:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'the points journal is append-only'); END"
            )


def _journal_guards_down() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS points_line_balanced ON points_line")
        for table in _JOURNAL:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute("DROP FUNCTION IF EXISTS points_posting_balanced()")
        op.execute("DROP FUNCTION IF EXISTS points_journal_append_only()")
        return
    for table in _JOURNAL:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")
