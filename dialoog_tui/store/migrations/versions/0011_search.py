"""Full-text search: an index of every contribution's words, stemmed in Dutch and English
(`core/search.py`), kept beside the contributions; existing ones are indexed here.

SQLite keeps it in an FTS5 table, PostgreSQL in a table with a `tsvector` per text (words in
Dutch weighted A, in English B) and a GIN index on each (`store/search.py` reads both).

Revision ID: 0011_search
Revises: 0010_tables
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dialoog_tui.store.search import create_index, index_rows

revision: str = "0011_search"
down_revision: str | None = "0010_tables"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000


def upgrade() -> None:
    connection = op.get_bind()
    create_index(connection)
    query = sa.text("SELECT id, text, paraphrase FROM contribution ORDER BY id")
    rows = [(cid, text, paraphrase) for cid, text, paraphrase in connection.execute(query)]
    for start in range(0, len(rows), BATCH):
        index_rows(connection, rows[start : start + BATCH])
    if connection.dialect.name == "postgresql":
        # Without statistics on the new table the planner guessed, and joined the whole of
        # `contribution` to it row by row: 150 ms a search at 100,000 contributions, against
        # 30 after (bench/search_speed.py). Autovacuum would get there, later.
        connection.execute(sa.text("ANALYZE contribution_search"))


def downgrade() -> None:
    op.execute("DROP TABLE contribution_search")
