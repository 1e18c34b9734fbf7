"""Corrections reach the other screens: each session counts the changes made to its
contributions (an edit, a removal, a consent…), and a contribution keeps the count of its
latest change, so a screen asks for the ones changed since the count it saw.

Revision ID: 0014_contribution_changes
Revises: 0013_search_dutch_stems
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_contribution_changes"
down_revision: str | None = "0013_search_dutch_stems"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dialogue_session") as batch:
        batch.add_column(sa.Column("changes", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("contribution") as batch:
        batch.add_column(sa.Column("changed_in", sa.Integer(), nullable=False, server_default="0"))
    op.create_index("ix_contribution_session_changed", "contribution", ["session_id", "changed_in"])


def downgrade() -> None:
    op.drop_index("ix_contribution_session_changed", table_name="contribution")
    with op.batch_alter_table("contribution") as batch:
        batch.drop_column("changed_in")
    with op.batch_alter_table("dialogue_session") as batch:
        batch.drop_column("changes")
