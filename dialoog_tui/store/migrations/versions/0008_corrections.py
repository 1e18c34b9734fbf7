"""Corrections: a session can be deleted with a way back (it is only marked), and every
correction of a participant, phase or session is recorded (who, when, what); a contribution
keeps who recorded it (the note-taker's name from the settings); the removed contributions
get an index of their own, so live counts are quick at any size.

Revision ID: 0008_corrections
Revises: 0007_meanings
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_corrections"
down_revision: str | None = "0007_meanings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dialogue_session") as batch:
        batch.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("contribution") as batch:
        batch.add_column(sa.Column("recorded_by", sa.String(200), nullable=True))
    removed = sa.text("deleted_at IS NOT NULL")
    op.create_index(
        "ix_contribution_removed",
        "contribution",
        ["session_id", "participant_id"],
        sqlite_where=removed,
        postgresql_where=removed,
    )
    op.create_table(
        "correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("correction")
    op.drop_index("ix_contribution_removed", table_name="contribution")
    with op.batch_alter_table("contribution") as batch:
        batch.drop_column("recorded_by")
    with op.batch_alter_table("dialogue_session") as batch:
        batch.drop_column("deleted_at")
