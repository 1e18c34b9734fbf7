"""The ladder: interests and values (a shared vocabulary), conditions, consent, what was done
with interests, and the commitment ledger.

Revision ID: 0002_ladder
Revises: 0001_initial
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002_ladder"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The starter values, Dutch with English. Written out: a migration keeps its meaning.
STARTER_VALUES = (
    ("veiligheid", "safety"),
    ("gezondheid", "health"),
    ("rechtvaardigheid", "fairness"),
    ("vertrouwen", "trust"),
    ("zeggenschap", "say"),
    ("leefbaarheid", "liveability"),
    ("betaalbaarheid", "affordability"),
    ("natuur", "nature"),
    ("gemeenschap", "community"),
    ("vrijheid", "freedom"),
    ("bestaanszekerheid", "security"),
    ("erkenning", "recognition"),
    ("duurzaamheid", "sustainability"),
    ("toegankelijkheid", "accessibility"),
    ("rust", "tranquillity"),
    ("gelijkwaardigheid", "equality"),
    ("verbondenheid", "belonging"),
    ("privacy", None),
    ("transparantie", "transparency"),
    ("eerlijkheid", "honesty"),
    ("zelfstandigheid", "independence"),
    ("schoonheid", "beauty"),
    ("erfgoed", "heritage"),
)


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("dialogue_session") as batch:
        batch.add_column(
            sa.Column("default_consent", sa.String(20), nullable=False, server_default="named")
        )
    with op.batch_alter_table("contribution") as batch:
        batch.add_column(
            sa.Column("consent", sa.String(20), nullable=False, server_default="named")
        )
        batch.add_column(sa.Column("condition", sa.Text(), nullable=True))
    term = op.create_table(
        "vocab_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=True),
        sa.Column("key_en", sa.String(200), nullable=True),
        _timestamp("created_at"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "key"),
    )
    op.create_index("ix_vocab_term_key_en", "vocab_term", ["key_en"])
    now = datetime.now(UTC)
    op.bulk_insert(
        term,
        [
            {
                "kind": "value",
                "name": name,
                "key": name.casefold(),
                "name_en": english,
                "key_en": english.casefold() if english else None,
                "created_at": now,
            }
            for name, english in STARTER_VALUES
        ],
    )
    op.create_table(
        "contribution_term",
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["contribution_id"], ["contribution.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["term_id"], ["vocab_term.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contribution_id", "term_id"),
    )
    op.create_index("ix_contribution_term_term_id", "contribution_term", ["term_id"])
    op.create_table(
        "session_interest",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        _timestamp("updated_at"),
        sa.ForeignKeyConstraint(["session_id"], ["dialogue_session.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["term_id"], ["vocab_term.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["answered_by_id"], ["contribution.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("session_id", "term_id"),
    )
    op.create_table(
        "commitment",
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(500), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        _timestamp("done_at", nullable=True),
        sa.ForeignKeyConstraint(["contribution_id"], ["contribution.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contribution_id"),
    )


def downgrade() -> None:
    op.drop_table("commitment")
    op.drop_table("session_interest")
    op.drop_table("contribution_term")
    op.drop_table("vocab_term")
    with op.batch_alter_table("contribution") as batch:
        batch.drop_column("condition")
        batch.drop_column("consent")
    with op.batch_alter_table("dialogue_session") as batch:
        batch.drop_column("default_consent")
