"""Tables: a big meeting splits into groups, each with a note-taker of its own; a
contribution keeps the table it was said at.

Revision ID: 0010_tables
Revises: 0009_client_keys
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_tables"
down_revision: str | None = "0009_client_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "session_table",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("note_taker", sa.String(500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["dialogue_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_session_table_session_id", "session_table", ["session_id"])
    if op.get_bind().dialect.name == "sqlite":
        # Not a batch: to add a foreign key, Alembic would copy the table and drop the old
        # one, and with foreign keys on, dropping it deletes what hangs on its rows (the
        # ladder, the ledger, revisions, theme members) or fails on a reply. SQLite adds a
        # column with its reference in place.
        op.execute(
            "ALTER TABLE contribution ADD COLUMN table_id INTEGER REFERENCES session_table (id)"
        )
    else:
        op.add_column("contribution", sa.Column("table_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_contribution_table_id",
            "contribution",
            "session_table",
            ["table_id"],
            ["id"],
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # In place, for the reason given above (SQLite 3.35+ drops a column; the reference
        # goes with it).
        op.execute("ALTER TABLE contribution DROP COLUMN table_id")
    else:
        op.drop_constraint("fk_contribution_table_id", "contribution", type_="foreignkey")
        op.drop_column("contribution", "table_id")
    op.drop_index("ix_session_table_session_id", table_name="session_table")
    op.drop_table("session_table")
