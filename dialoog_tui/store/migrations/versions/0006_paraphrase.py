"""A paraphrase-only contribution can carry the note-taker's own paraphrase, which shareable
outputs show in place of the verbatim words (and an edit keeps the earlier one).

Revision ID: 0006_paraphrase
Revises: 0005_merged_into
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_paraphrase"
down_revision: str | None = "0005_merged_into"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("contribution", "contribution_revision"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("paraphrase", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in ("contribution", "contribution_revision"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("paraphrase")
