"""The engine factory. Engines are made on request, never at import time."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

from dialoog_tui.store.db.target import DatabaseTarget

CONNECT_TIMEOUT_S = 4
"""How long connecting to a database server may take."""
BUSY_TIMEOUT_MS = 5000
"""How long an SQLite writer waits for another one (a second window on the same file)."""


def make_engine(target: DatabaseTarget) -> Engine:
    """An engine for `target`, with SQLite set up for durability."""
    if target.sqlite_path is None:
        # A server that does not answer is given up on after a few seconds (libpq would wait
        # for the system's TCP timeout, minutes): Enter then keeps the line in the outbox.
        return create_engine(
            target.url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
        )
    engine = create_engine(
        target.url,
        # Workers use the engine from other threads; each checkout is still one thread's.
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide where transactions begin (see _begin...).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before it returns, so what the screen shows as logged
        # survives a power cut, not only a crash of the app.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


WRITING = {"dialoog_writing": True}
"""Execution options of a unit of work that writes (`Database.write`)."""


def _begin_sqlite_transaction(connection: Any) -> None:
    # The sqlite3 driver would only begin before the first write, leaving reads and DDL
    # outside the transaction; an explicit BEGIN makes migrations and read-then-write atomic.
    # A unit of work that writes takes the write lock at once (IMMEDIATE): another writer
    # holding it is waited for (the busy timeout), where a transaction that had read first
    # would fail at its first write, at once, however briefly the other held the lock.
    writing = connection.get_execution_options().get("dialoog_writing", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")
