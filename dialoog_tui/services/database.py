"""The database for the two faces: where it is, a cheap look before the screen appears, and
opening it (migrating as needed). Importing this module loads no SQLAlchemy: the TUI can
name its database before its first frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialoog_tui.errors import no_session
from dialoog_tui.store.db.target import DATABASE_ENV, DatabaseTarget, resolve_target

if TYPE_CHECKING:
    from dialoog_tui.store.db.database import Database

__all__ = ["DATABASE_ENV", "Database", "DatabaseTarget", "check_before_start", "open_database"]
__all__ += ["resolve_target"]


def check_before_start(target: DatabaseTarget, *, session: str | None = None) -> None:
    """Refuse a foreign, newer, damaged or unwritable SQLite file with one clear sentence,
    before anything can change it, and a `session` key that names no session in it, before
    the screen appears; standard library only, so start-up stays fast. (A server database
    is checked once it is open.)"""
    path = target.sqlite_path
    if path is None:
        return
    from dialoog_tui.store.db.preflight import SchemaState, check_sqlite_file

    state = check_sqlite_file(path, create_folder=target.is_default)
    if session is not None and state is SchemaState.CURRENT:
        from dialoog_tui.store.first_look import names_a_session

        if names_a_session(path, session) is False:
            raise no_session(session)


def open_database(target: DatabaseTarget) -> Database:
    """The database at `target`, created or migrated as needed."""
    from dialoog_tui.store.db.database import open_database as open_store

    return open_store(target)
