"""Opening a database: check it, migrate it, and hand out units of work."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, PoolProxiedConnection, inspect, text
from sqlalchemy.exc import (
    DatabaseError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
)
from sqlmodel import Session

from dialoog_tui.errors import DatabaseAway, DatabaseUnusable, NewerDatabase
from dialoog_tui.store.db.engine import BUSY_TIMEOUT_MS, make_engine
from dialoog_tui.store.db.migrate import upgrade_to_head
from dialoog_tui.store.db.preflight import (
    SchemaState,
    check_sqlite_file,
    damaged,
    is_damage,
    on_read_only_file_system,
)
from dialoog_tui.store.db.revisions import HEAD_REVISION, KNOWN_REVISIONS
from dialoog_tui.store.db.target import DatabaseTarget

T = TypeVar("T")

log = logging.getLogger(__name__)

CONTENTION_SECONDS = BUSY_TIMEOUT_MS / 1000
"""A write that collides with another writer (a second window, a colleague on PostgreSQL)
is tried again from the start for this long; then the error is reported."""


class Database:
    """An open, migrated database. Units of work run inside one transaction each."""

    def __init__(self, engine: Engine, target: DatabaseTarget) -> None:
        self.engine = engine
        """The SQLAlchemy engine."""
        self.target = target
        """Where the database lives."""
        self._kept: PoolProxiedConnection | None = None
        self.writing: Callable[[], AbstractContextManager[object]] = nullcontext
        """What each write transaction runs inside (a background child: a lock that keeps
        its parent from holding it still meanwhile, see `hold_lock`)."""

    def read(self, work: Callable[[Session], T]) -> T:
        """Run `work` in a transaction that is rolled back afterwards."""
        try:
            with Session(self.engine, expire_on_commit=False) as db:
                return work(db)
        except DBAPIError as error:
            raise self._damage(error) from None

    def write(self, work: Callable[[Session], T]) -> T:
        """Run `work` and commit it; durable (on disk) when this returns.

        `work` may run more than once if another writer got in between, so it must do all
        its reading and writing through the session it is given.
        """
        given_up = time.monotonic() + CONTENTION_SECONDS
        attempt = 0
        while True:
            attempt += 1
            try:
                with self.writing(), Session(self.engine, expire_on_commit=False) as db:
                    result = work(db)
                    db.commit()
                    return result
            except (IntegrityError, OperationalError) as error:
                if time.monotonic() > given_up or not is_contention(error):
                    raise self._damage(error) from None
                log.info("write collided with another writer, retrying: %s", error)
                # On SQLite a unit of work that read before another writer committed fails
                # at its first write at once, however briefly the other held the lock:
                # tried again until the lock is free, as long as a writer would wait for it.
                time.sleep(min(0.02 * attempt, 0.2))
            except DBAPIError as error:
                raise self._damage(error) from None

    def _damage(self, error: DBAPIError) -> Exception:
        """A database out of reach, a damaged file, or one that can no longer be written, as
        one clear sentence; any other error as it is."""
        cause = error.orig or error
        if _is_away(error, server=self.target.sqlite_path is None):
            return DatabaseAway(
                f"{self.target.display} cannot be reached ({_first_line(cause)})",
                key="error.database_away",
                database=self.target.display,
            )
        if not isinstance(error, DatabaseError):
            return error
        if is_damage(cause):
            return DatabaseUnusable(damaged(self.target.display, cause))
        path = self.target.sqlite_path
        if path is not None and "readonly" in str(cause).lower().replace("-", ""):
            where = "on a read-only file system" if on_read_only_file_system(path) else "read-only"
            return DatabaseUnusable(f"{path} is {where} now; nothing more can be stored in it")
        return error

    def kept_sqlite_connection(self) -> sqlite3.Connection | None:
        """A driver connection kept open for the capture path (contribution_insert.py); None
        for a server database. Set up like every connection of the engine; use it from one thread
        at a time, and leave no transaction open on it."""
        if self.target.sqlite_path is None:
            return None
        if self._kept is None:
            self._kept = self.engine.raw_connection()
        connection = self._kept.driver_connection
        assert isinstance(connection, sqlite3.Connection)
        return connection

    def close(self) -> None:
        """Release every connection."""
        if self._kept is not None:
            self._kept.close()
            self._kept = None
        self.engine.dispose()


def open_database(target: DatabaseTarget) -> Database:
    """Open the database at `target`, creating or migrating it as needed.

    Raises a StoreError with one clear sentence when the database cannot be used; in that case
    nothing was written to an existing file.
    """
    if target.sqlite_path is not None:
        return _open_sqlite(target, target.sqlite_path)
    return _open_server(target)


def _open_sqlite(target: DatabaseTarget, path: Path) -> Database:
    state = check_sqlite_file(path, create_folder=target.is_default)
    existed = path.exists()
    engine = make_engine(target)
    try:
        if state is SchemaState.OUTDATED:
            _backup_sqlite(path)
        if state is not SchemaState.CURRENT:
            upgrade_to_head(engine)
    except (DBAPIError, OSError) as error:
        engine.dispose()
        if not existed:
            _remove_new_files(path)
        raise DatabaseUnusable(
            f"cannot create a database at {path} ({_first_line(error)})"
        ) from None
    return Database(engine, target)


def _open_server(target: DatabaseTarget) -> Database:
    engine = make_engine(target)
    try:
        with engine.connect() as connection:
            revision = None
            if inspect(connection).has_table("alembic_version"):
                revision = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise NewerDatabase(
                f"{target.display} was written by a newer version of dialoog "
                f"(schema {revision}); upgrade dialoog to open it"
            )
        if revision != HEAD_REVISION:
            upgrade_to_head(engine)
    except DBAPIError as error:
        engine.dispose()
        detail = _first_line(error.orig or error)
        if _is_away(error, server=True):  # not started, or out of reach: it may answer later
            raise DatabaseAway(
                f"{target.display} cannot be reached ({detail})",
                key="error.database_away",
                database=target.display,
            ) from None
        raise DatabaseUnusable(
            f"cannot open {target.display} ({detail})",
            key="error.cannot_open",
            database=target.display,
            detail=detail,
        ) from None
    except NewerDatabase:
        engine.dispose()
        raise
    return Database(engine, target)


def _backup_sqlite(path: Path) -> None:
    """Copy the database aside before migrating it, with SQLite's online backup."""
    backup = path.with_name(f"{path.name}.before-{HEAD_REVISION}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(backup)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def _remove_new_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _is_away(error: DBAPIError, *, server: bool) -> bool:
    """The connection broke or could not be made: the database may answer again later. On a
    server every operational error that is no clash between writers is taken as such (a
    refused or dropped connection, a server shutting down); a file is away when it cannot
    be opened (a network share that went)."""
    if error.connection_invalidated or isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError) or is_contention(error):
        return False
    return server or "unable to open" in str(error.orig or error).lower()


def is_contention(error: DBAPIError) -> bool:
    """A clash with a concurrent writer (worth another try), not a bug in what was written."""
    message = str(error.orig or error).lower()
    if isinstance(error, IntegrityError):
        return "unique" in message or "duplicate" in message
    return any(word in message for word in ("locked", "busy", "could not serialize"))


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
