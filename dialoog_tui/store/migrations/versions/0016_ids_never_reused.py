"""Participants and phases keep their numbers for good on SQLite: a removed or merged one
comes back under its own number on undo, and a newer one must not have taken it meanwhile.

Without AUTOINCREMENT, SQLite gives a new row the highest id plus one, so the number of the
newest participant or phase was handed out again once it was removed. PostgreSQL's sequences
never give a number twice; nothing changes there.

Revision ID: 0016_ids_never_reused
Revises: 0015_former_names
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0016_ids_never_reused"
down_revision: str | None = "0015_former_names"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("participant", "phase")


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)


def _rebuild(*, autoincrement: bool) -> None:
    """Build the tables anew with (or without) AUTOINCREMENT; their rows, ids, indexes and
    constraints stay. The foreign keys are off meanwhile (`migrate.upgrade_to_head`)."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
