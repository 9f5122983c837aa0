"""ballots: secret choices sealed in their ballot rows; closed secret polls' choices anonymous

Revision ID: 0019_ballots
Revises: 0015_open_accounts
Create Date: 2026-12-07 16:00:00

Existing ballots are kept. Secret polls' choice rows are rewritten in the order of their
random ids, so their storage order no longer follows the order of voting:
- a closed (or cancelled) secret poll's choices lose their tokens: anonymous rows, still
  counted by `poll_count` and the stored result;
- an open secret poll's choices keep their tokens (a change of vote and the close find them
  with the server key), and its running counters are zeroed: the close counts the box.
Downgrading drops the seals of open secret polls (those choices are lost) and the
anonymous rows (the counts and stored results stay).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_ballots"
down_revision: str | tuple[str, ...] | None = "0015_open_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

choice = sa.table(
    "poll_choice", sa.column("id", sa.String), sa.column("poll_id", sa.Integer),
    sa.column("option_id", sa.Integer), sa.column("ballot_id", sa.Integer),
    sa.column("token", sa.String),
)
poll = sa.table("poll", sa.column("id", sa.Integer), sa.column("secret", sa.Boolean),
                sa.column("status", sa.String))
count = sa.table("poll_count", sa.column("poll_id", sa.Integer),
                 sa.column("ballots", sa.Integer), sa.column("area", sa.Numeric))


def _set_link(sqltext: str) -> None:
    with op.batch_alter_table("poll_choice", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_poll_choice_link"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_poll_choice_link"), sqltext)


def upgrade() -> None:
    with op.batch_alter_table("poll_ballot", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sealed", sa.String(length=96), nullable=True))
    _set_link("ballot_id IS NULL OR token IS NULL")
    _reshuffle_secret_choices()


def _reshuffle_secret_choices() -> None:
    bind = op.get_bind()
    secret = dict(bind.execute(sa.select(poll.c.id, poll.c.status)
                               .where(poll.c.secret.is_(True))).all())
    if not secret:
        return
    rows = bind.execute(
        sa.select(choice.c.id, choice.c.poll_id, choice.c.option_id, choice.c.token)
        .where(choice.c.poll_id.in_(list(secret))).order_by(choice.c.id)
    ).all()
    bind.execute(choice.delete().where(choice.c.poll_id.in_(list(secret))))
    if rows:
        # Ordered by the random ids: a uniform shuffle of the order of voting.
        op.bulk_insert(choice, [
            {"id": r.id, "poll_id": r.poll_id, "option_id": r.option_id, "ballot_id": None,
             "token": r.token if secret[r.poll_id] in ("open", "draft") else None}
            for r in rows
        ])
    open_ids = [p for p, status in secret.items() if status == "open"]
    if open_ids:
        bind.execute(count.update().where(count.c.poll_id.in_(open_ids))
                     .values(ballots=0, area=0))


def downgrade() -> None:
    bind = op.get_bind()
    bind.execute(choice.delete().where(choice.c.ballot_id.is_(None), choice.c.token.is_(None)))
    _set_link("(ballot_id IS NULL) <> (token IS NULL)")
    with op.batch_alter_table("poll_ballot", schema=None) as batch_op:
        batch_op.drop_column("sealed")
