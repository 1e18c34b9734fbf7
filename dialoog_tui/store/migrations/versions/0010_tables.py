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
    with op.batch_alter_table("contribution") as batch:
        batch.add_column(sa.Column("table_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_contribution_table_id", "session_table", ["table_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("contribution") as batch:
        batch.drop_constraint("fk_contribution_table_id", type_="foreignkey")
        batch.drop_column("table_id")
    op.drop_index("ix_session_table_session_id", table_name="session_table")
    op.drop_table("session_table")
