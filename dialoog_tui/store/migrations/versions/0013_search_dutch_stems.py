"""The search index anew, with Dutch stemmed by Snowball's classic algorithm
(`core.search.SNOWBALL`): the index of 0011_search held stems that took off a leading "ge",
which a query is no longer stemmed with, so every contribution's words are indexed again.

The index is emptied and filled in one go. On PostgreSQL its GIN indexes are dropped first
and built again after: built once over all rows they are made in a fraction of the time that
updating them row by row takes (they take each row in at once, 0012_search_gin), and come out
without the dead entries a rewrite of every row would leave.

Revision ID: 0013_search_dutch_stems
Revises: 0012_search_gin
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dialoog_tui.store.search import REMEMBER, index_values

revision: str = "0013_search_dutch_stems"
down_revision: str | None = "0012_search_gin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PAGE = 2000
"""Contributions read and indexed at a time (a text may be long: not all at once)."""
GIN = {"ix_search_text_words": "text_words", "ix_search_para_words": "para_words"}


def upgrade() -> None:
    connection = op.get_bind()
    postgresql = connection.dialect.name == "postgresql"
    if postgresql:
        for index in GIN:
            connection.execute(sa.text(f"DROP INDEX {index}"))
        connection.execute(sa.text("TRUNCATE contribution_search"))
    else:
        connection.execute(sa.text("DELETE FROM contribution_search"))
    page = sa.text(
        "SELECT id, text, paraphrase FROM contribution WHERE id > :after ORDER BY id LIMIT :page"
    )
    after = 0
    while rows := connection.execute(page, {"after": after, "page": PAGE}).all():
        connection.execute(REMEMBER, [index_values(cid, text, para) for cid, text, para in rows])
        after = rows[-1][0]
    if postgresql:
        for index, column in GIN.items():
            connection.execute(
                sa.text(
                    f"CREATE INDEX {index} ON contribution_search USING GIN ({column})"
                    " WITH (fastupdate = off)"
                )
            )
        connection.execute(sa.text("ANALYZE contribution_search"))


def downgrade() -> None:
    """The index keeps the classic stems. An older version stems a query's Dutch words the
    other way, and finds fewer of them (and "mensen" for "gemeente") until this one runs
    again; nothing else depends on it."""
