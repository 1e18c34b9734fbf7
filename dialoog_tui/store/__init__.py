"""Persistence: SQLModel tables, the engine, Alembic migrations and repository functions.

Repository functions take the database session as the keyword `db` and return `core` types,
never rows. Nothing here imports Textual. Importing this package is cheap: the modules that
need SQLAlchemy import it themselves, so the TUI can show its first frame before they load.
"""
