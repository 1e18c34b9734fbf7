"""Theme runs: the themes the engine found, their members, and what stayed unassigned.

Revision ID: 0003_themes
Revises: 0002_ladder
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_themes"
down_revision: str | None = "0002_ladder"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "theme_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("all_sessions", sa.Boolean(), nullable=False),
        sa.Column("contribution_count", sa.Integer(), nullable=False),
        sa.Column("method", sa.JSON(), nullable=False),
        sa.Column("unassigned", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_theme_run_created_at", "theme_run", ["created_at"])
    op.create_table(
        "theme_run_session",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["theme_run.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["dialogue_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("run_id", "session_id"),
    )
    op.create_index("ix_theme_run_session_session_id", "theme_run_session", ["session_id"])
    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("cohesion", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["theme_run.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", "key"),
    )
    op.create_table(
        "theme_member",
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contribution_id"], ["contribution.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("theme_id", "contribution_id"),
    )
    op.create_index("ix_theme_member_contribution_id", "theme_member", ["contribution_id"])


def downgrade() -> None:
    op.drop_table("theme_member")
    op.drop_table("theme")
    op.drop_table("theme_run_session")
    op.drop_table("theme_run")
