"""Initial schema: sessions, phases, participants, domains, contributions, drafts.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here rather than imported: a migration must keep meaning what it meant the day
# it was written, whatever the code's defaults become.
DEFAULT_DOMAINS = ("inwoner", "overheid", "ondernemer", "maatschappelijke organisatie")


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "dialogue_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("location", sa.String(length=500), nullable=True),
        sa.Column("organiser", sa.String(length=500), nullable=True),
        sa.Column("note_taker", sa.String(length=500), nullable=True),
        _timestamp("started_at"),
        _timestamp("created_at"),
        sa.Column("current_phase_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("slug"),
    )
    domain = op.create_table(
        "domain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.bulk_insert(
        domain,
        [{"name": name, "position": index} for index, name in enumerate(DEFAULT_DOMAINS)],
    )
    op.create_table(
        "draft",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _timestamp("updated_at"),
        sa.ForeignKeyConstraint(["session_id"], ["dialogue_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id"),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("domain_id", sa.Integer(), nullable=True),
        sa.Column("organisation", sa.String(length=500), nullable=True),
        _timestamp("created_at"),
        sa.ForeignKeyConstraint(["domain_id"], ["domain.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_participant_name", "participant", ["name"])
    op.create_table(
        "phase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        _timestamp("created_at"),
        sa.ForeignKeyConstraint(["session_id"], ["dialogue_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "position"),
    )
    op.create_index("ix_phase_session_id", "phase", ["session_id"])
    op.create_table(
        "contribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        _timestamp("at"),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=True),
        sa.Column("reply_to_id", sa.Integer(), nullable=True),
        sa.Column("ref", sa.String(length=200), nullable=True),
        _timestamp("created_at"),
        _timestamp("edited_at", nullable=True),
        _timestamp("deleted_at", nullable=True),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.ForeignKeyConstraint(["phase_id"], ["phase.id"]),
        sa.ForeignKeyConstraint(["reply_to_id"], ["contribution.id"]),
        sa.ForeignKeyConstraint(["session_id"], ["dialogue_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "seq"),
    )
    op.create_index(
        "ix_contribution_session_participant", "contribution", ["session_id", "participant_id"]
    )
    op.create_table(
        "session_participant",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _timestamp("joined_at"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["dialogue_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id", "participant_id"),
    )
    op.create_table(
        "contribution_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        _timestamp("replaced_at"),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["contribution_id"], ["contribution.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_contribution_revision_contribution_id", "contribution_revision", ["contribution_id"]
    )


def downgrade() -> None:
    op.drop_table("contribution_revision")
    op.drop_table("session_participant")
    op.drop_table("contribution")
    op.drop_table("phase")
    op.drop_table("participant")
    op.drop_table("draft")
    op.drop_table("domain")
    op.drop_table("dialogue_session")
