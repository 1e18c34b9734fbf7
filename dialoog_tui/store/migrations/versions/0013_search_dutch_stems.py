"""The search index anew, with Dutch stemmed by Snowball's classic algorithm
(`core.search.SNOWBALL`): the index of 0011_search held stems that took off a leading "ge",
and a query is now stemmed without, so each contribution's words are indexed again.

Revision ID: 0013_search_dutch_stems
Revises: 0012_search_gin
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dialoog_tui.store.search import index_rows

revision: str = "0013_search_dutch_stems"
down_revision: str | None = "0012_search_gin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000


def upgrade() -> None:
    connection = op.get_bind()
    query = sa.text("SELECT id, text, paraphrase FROM contribution ORDER BY id")
    rows = [(cid, text, paraphrase) for cid, text, paraphrase in connection.execute(query)]
    for start in range(0, len(rows), BATCH):
        index_rows(connection, rows[start : start + BATCH])  # each row's old words go first
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("ANALYZE contribution_search"))


def downgrade() -> None:
    """The index stays as it is: the older version's stems find less, not wrongly."""
