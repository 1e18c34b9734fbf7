"""Look at an SQLite file before opening it for writing, with the standard library only.

This runs before anything can change the file: a file that is not dialoog's, or that a newer
version wrote, is refused and left byte-for-byte as it was. It is also cheap enough to run
before the TUI starts, so that a bad --db gives one clear line instead of a broken screen.
"""

from __future__ import annotations

import os
import sqlite3
from enum import Enum
from pathlib import Path
from urllib.parse import quote

from dialoog_tui.errors import DatabaseUnusable, NewerDatabase
from dialoog_tui.store.db.revisions import HEAD_REVISION, KNOWN_REVISIONS

_SQLITE_HEADER = b"SQLite format 3\x00"


class SchemaState(Enum):
    """What an SQLite file holds, as far as dialoog is concerned."""

    MISSING = "missing"
    """No file, an empty file or an SQLite file without tables: a new database."""
    OUTDATED = "outdated"
    """A dialoog database at an older revision: migrate it."""
    CURRENT = "current"
    """A dialoog database at this version's revision."""


def check_sqlite_file(path: Path, *, create_folder: bool) -> SchemaState:
    """What `path` holds; raises a StoreError with one clear sentence when it cannot be used."""
    if path.is_dir():
        raise DatabaseUnusable(f"{path} is a folder, not a database file")
    if not path.exists():
        _check_folder(path.parent, create=create_folder)
        return SchemaState.MISSING
    if not os.access(path, os.R_OK):
        raise DatabaseUnusable(f"{path} cannot be read (permission denied)")
    with path.open("rb") as file:
        header = file.read(len(_SQLITE_HEADER))
    if not header:
        _check_writable(path)
        return SchemaState.MISSING
    if header != _SQLITE_HEADER:
        raise DatabaseUnusable(f"{path} is not a dialoog database (not an SQLite file)")
    revision, has_tables = _read_revision(path)
    if revision is None:
        if has_tables:
            raise DatabaseUnusable(f"{path} is an SQLite database, but not one of dialoog's")
        _check_writable(path)
        return SchemaState.MISSING
    if revision not in KNOWN_REVISIONS:
        raise NewerDatabase(
            f"{path} was written by a newer version of dialoog (schema {revision}); "
            "upgrade dialoog to open it"
        )
    _check_writable(path)
    return SchemaState.CURRENT if revision == HEAD_REVISION else SchemaState.OUTDATED


def _read_revision(path: Path) -> tuple[str | None, bool]:
    """The Alembic revision stored in the file (read-only), and whether it has any tables.

    A database closed cleanly has no `-wal` beside it; read as immutable then, so that
    looking leaves nothing behind (a read-only reader of a WAL database would otherwise
    create `-wal` and `-shm` files, and could not read at all on a read-only file system).
    """
    in_use = path.with_name(path.name + "-wal").exists()
    uri = f"file:{quote(str(path.resolve()))}?mode=ro" + ("" if in_use else "&immutable=1")
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                return None, bool(tables)
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise DatabaseUnusable(damaged(str(path), error)) from None
        raise DatabaseUnusable(f"{path} cannot be read as a database ({error})") from None
    return (str(row[0]) if row else None), True


def is_damage(error: BaseException) -> bool:
    """Whether SQLite says the file's contents are broken (not merely locked or missing)."""
    message = str(error).lower()
    return "malformed" in message or "not a database" in message or "corrupt" in message


def damaged(where: str, error: BaseException) -> str:
    """One sentence for a damaged database."""
    return (
        f"{where} is damaged ({error}); restore it from a backup (dialoog keeps a copy "
        "from before each upgrade beside it, named …before-…)"
    )


def on_read_only_file_system(path: Path) -> bool:
    """Whether `path` (or, if it does not exist, its folder) lies on a file system mounted
    read-only, where no permission would help."""
    existing = path if path.exists() else path.parent
    try:
        return bool(os.statvfs(existing).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows), or nothing there
        return False


def _check_folder(folder: Path, *, create: bool) -> None:
    if not folder.exists():
        if not create:
            raise DatabaseUnusable(
                f"cannot create a database in {folder}: the folder does not exist"
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseUnusable(
                f"cannot create the folder {folder} ({error.strerror})"
            ) from None
    if folder.is_dir() and on_read_only_file_system(folder):
        raise DatabaseUnusable(
            f"cannot create a database in {folder}: it is on a read-only file system"
        )
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseUnusable(f"cannot create a database in {folder}: the folder is not writable")


def _check_writable(path: Path) -> None:
    if on_read_only_file_system(path):
        raise DatabaseUnusable(
            f"{path} is on a read-only file system; dialoog needs to write to it "
            "(copy it to a writable folder, or choose another --db)"
        )
    # WAL mode writes `-wal` and `-shm` files beside the database, so the folder counts too.
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseUnusable(f"{path} is read-only; dialoog needs to write to it and its folder")
