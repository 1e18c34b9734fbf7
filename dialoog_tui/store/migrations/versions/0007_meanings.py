"""Contributions keep their meaning vectors, and a theme run keeps its themes' centres (and
the mean of what it read), so the live panel can place new contributions without
clustering again.

Revision ID: 0007_meanings
Revises: 0006_paraphrase
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_meanings"
down_revision: str | None = "0006_paraphrase"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("theme_run") as batch:
        batch.add_column(sa.Column("meaning_mean", sa.LargeBinary(), nullable=True))
    op.create_table(
        "contribution_meaning",
        sa.Column(
            "contribution_id",
            sa.Integer(),
            sa.ForeignKey("contribution.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("key", sa.String(length=16), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "theme_place",
        sa.Column(
            "run_id",
            sa.Integer(),
            sa.ForeignKey("theme_run.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("key", sa.String(length=20), primary_key=True),
        sa.Column("centre", sa.LargeBinary(), nullable=False),
        sa.Column("outside_mean", sa.Float(), nullable=False),
        sa.Column("outside_spread", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("theme_place")
    op.drop_table("contribution_meaning")
    with op.batch_alter_table("theme_run") as batch:
        batch.drop_column("meaning_mean")
