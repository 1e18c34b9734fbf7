"""A theme merged into another is kept as a marker, not deleted: its proposal in the stored
run would otherwise show again, with whatever the facilitator had taken out of it.

Revision ID: 0005_merged_into
Revises: 0004_curation
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_merged_into"
down_revision: str | None = "0004_curation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("curated_theme") as batch:
        batch.add_column(sa.Column("merged_into", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("curated_theme") as batch:
        batch.drop_column("merged_into")
