"""Which database to open: a path or URL from --db, DIALOOG_DB, or the default file."""

from __future__ import annotations

import os
from pathlib import Path

from msgspec import Struct

from dialoog_tui.paths import default_database_path

DATABASE_ENV = "DIALOOG_DB"


class DatabaseTarget(Struct, frozen=True):
    """A database location, resolved but not yet opened."""

    url: str
    """SQLAlchemy URL."""
    sqlite_path: Path | None
    """The file, for SQLite; None for a server database."""
    is_default: bool = False
    """True for the embedded default database (its folder may be created)."""

    @property
    def display(self) -> str:
        """How to name the database in a message (no password)."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        scheme, _, rest = self.url.partition("://")
        # postgresql+psycopg is how SQLAlchemy names the driver; people wrote postgresql.
        return f"{scheme.split('+')[0]}://{rest.rpartition('@')[2]}"


def resolve_target(given: str | None = None) -> DatabaseTarget:
    """The database named by `given` (a --db value), else by DIALOOG_DB, else the default."""
    value = given or os.environ.get(DATABASE_ENV) or ""
    if not value:
        path = default_database_path()
        return DatabaseTarget(url=f"sqlite:///{path}", sqlite_path=path, is_default=True)
    if value.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; SQLAlchemy would otherwise look for psycopg2.
        return DatabaseTarget(
            url="postgresql+psycopg://" + value.split("://", 1)[1], sqlite_path=None
        )
    if value.startswith("sqlite:///"):
        path = Path(value.removeprefix("sqlite:///"))
        return DatabaseTarget(url=value, sqlite_path=path)
    if "://" in value:
        return DatabaseTarget(url=value, sqlite_path=None)
    path = Path(value).expanduser()
    return DatabaseTarget(url=f"sqlite:///{path}", sqlite_path=path)
