"""Alembic environment: migrations always run on a connection the store hands over."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import dialoog_tui.store.schema.tables  # noqa: F401  (registers the tables on the metadata)

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("dialoog runs migrations itself, on start; there is no alembic.ini")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
