"""Persistence: repository functions here, the plumbing in `db/`, the schema in `schema/`,
what themes store in `themes/`, and the Alembic migrations in `migrations/`.

Repository functions take the database session as the keyword `db` and return `core` types,
never rows. Nothing here imports Textual. Importing this package is cheap: the modules that
need SQLAlchemy import it themselves, so the TUI can show its first frame before they load.
"""
