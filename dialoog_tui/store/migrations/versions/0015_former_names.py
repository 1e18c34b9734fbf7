"""The names participants went by before a rename or a merge, so that an import written before
the correction still finds them (`store.former_names`); and an index of the contributions no
shareable output shows, which shared numbers are counted from (`store.shared_numbers`).

Revision ID: 0015_former_names
Revises: 0014_contribution_changes
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

UNSHARED = "deleted_at IS NOT NULL OR consent = 'off_record'"
"""As `schema.tables.UNSHARED` today; a migration keeps its own copy (it must not change)."""

revision: str = "0015_former_names"
down_revision: str | None = "0014_contribution_changes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "participant_former_name",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.String(500), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_participant_former_name_participant_id", "participant_former_name", ["participant_id"]
    )
    op.create_index("ix_participant_former_name_name_key", "participant_former_name", ["name_key"])
    unshared = sa.text(UNSHARED)
    op.create_index(
        "ix_contribution_unshared",
        "contribution",
        ["session_id", "seq"],
        sqlite_where=unshared,
        postgresql_where=unshared,
    )


def downgrade() -> None:
    op.drop_index("ix_contribution_unshared", table_name="contribution")
    op.drop_index("ix_participant_former_name_name_key", table_name="participant_former_name")
    op.drop_index("ix_participant_former_name_participant_id", table_name="participant_former_name")
    op.drop_table("participant_former_name")
