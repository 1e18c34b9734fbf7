"""PostgreSQL's search indexes take each contribution in at once (`fastupdate = off`).

With GIN's default, new entries wait in a pending list that every search reads through
from end to end, until autovacuum or 4 MB of them merge it: after the backfill of
0011_search it held every contribution, and a search that found nothing took 9 ms per index
at 100,000 contributions instead of 0.1 (bench/search_speed.py). Taking each in at once
cost an Enter nothing measurable (0.6 ms either way to index one contribution) and spares
the Enter that would have merged the list. SQLite's FTS5 index needs nothing.

Revision ID: 0012_search_gin
Revises: 0011_search
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_search_gin"
down_revision: str | None = "0011_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = ("ix_search_text_words", "ix_search_para_words")


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    for index in INDEXES:
        connection.execute(sa.text(f"ALTER INDEX {index} SET (fastupdate = off)"))
        # Turning it off leaves what already waits; merge that now.
        connection.execute(
            sa.text("SELECT gin_clean_pending_list(CAST(:index AS regclass))"), {"index": index}
        )


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    for index in INDEXES:
        connection.execute(sa.text(f"ALTER INDEX {index} RESET (fastupdate)"))
