"""The database for the two faces: where it is, a cheap look before the screen appears, and
opening it (migrating as needed). Importing this module loads no SQLAlchemy: the TUI can
name its database before its first frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialoog_tui.store.db.target import DATABASE_ENV, DatabaseTarget, resolve_target

if TYPE_CHECKING:
    from dialoog_tui.store.db.database import Database

__all__ = ["DATABASE_ENV", "Database", "DatabaseTarget", "check_before_start", "open_database"]
__all__ += ["resolve_target"]


def check_before_start(target: DatabaseTarget) -> None:
    """Refuse a foreign, newer, damaged or unwritable SQLite file with one clear sentence,
    before anything can change it; standard library only, so start-up stays fast."""
    if target.sqlite_path is not None:
        from dialoog_tui.store.db.preflight import check_sqlite_file

        check_sqlite_file(target.sqlite_path, create_folder=target.is_default)


def open_database(target: DatabaseTarget) -> Database:
    """The database at `target`, created or migrated as needed."""
    from dialoog_tui.store.db.database import open_database as open_store

    return open_store(target)
