"""A contribution keeps the key the logging screen gave it, unique, so that a line sent again
after the database was away (from the outbox, or after a restart) is stored once.

Revision ID: 0009_client_keys
Revises: 0008_corrections
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_client_keys"
down_revision: str | None = "0008_corrections"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contribution") as batch:
        batch.add_column(sa.Column("client_key", sa.String(32), nullable=True))
    op.create_index("ix_contribution_client_key", "contribution", ["client_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_contribution_client_key", table_name="contribution")
    with op.batch_alter_table("contribution") as batch:
        batch.drop_column("client_key")
