"""Shared fixtures: databases on SQLite and (when configured) PostgreSQL, isolated per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from dialoog_tui.store.db.database import Database, open_database
from dialoog_tui.store.db.target import DatabaseTarget, resolve_target

PG_ENV = "DIALOOG_TEST_DATABASE_URL"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data or config folders, or a DIALOOG_DB of the shell."""
    monkeypatch.setenv("DIALOOG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DIALOOG_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("DIALOOG_DB", raising=False)


def _postgres_schema_target() -> Iterator[DatabaseTarget]:
    """A fresh schema in the PostgreSQL test database, dropped afterwards."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set")
    from sqlalchemy import create_engine, text

    schema = f"dialoog_test_{uuid.uuid4().hex[:12]}"
    base = resolve_target(url)
    admin = create_engine(base.url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base.url else "?"
    yield DatabaseTarget(
        url=f"{base.url}{separator}options=-csearch_path%3D{schema}", sqlite_path=None
    )
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DatabaseTarget]:
    """A database location on each backend."""
    if request.param == "sqlite":
        yield resolve_target(str(tmp_path / "test.sqlite3"))
    else:
        yield from _postgres_schema_target()


@pytest.fixture
def database(database_target: DatabaseTarget) -> Iterator[Database]:
    """An open, migrated, empty database on each backend."""
    db = open_database(database_target)
    yield db
    db.close()


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    """An open, migrated, empty SQLite database (for tests that are not about the backend)."""
    db = open_database(resolve_target(str(tmp_path / "test.sqlite3")))
    yield db
    db.close()
