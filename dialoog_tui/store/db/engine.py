"""The engine factory. Engines are made on request, never at import time."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

from dialoog_tui.store.db.target import DatabaseTarget

CONNECT_TIMEOUT_S = 4
"""How long connecting to a database server may take."""
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 8000,
}
"""libpq's settings for a connection whose network went silently (a dropped Wi-Fi): it is
given up on within seconds, not the system's quarter of an hour, so Enter reaches the
outbox and a watch connects again."""
BUSY_TIMEOUT_MS = 5000
"""How long an SQLite writer waits for another one (a second window on the same file)."""


def make_engine(target: DatabaseTarget) -> Engine:
    """An engine for `target`, with SQLite set up for durability."""
    if target.sqlite_path is None:
        # A server that does not answer is given up on after a few seconds (libpq would wait
        # for the system's TCP timeout, minutes): Enter then keeps the line in the outbox.
        return create_engine(
            target.url,
            pool_pre_ping=True,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S, **KEEPALIVES},
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


def _begin_sqlite_transaction(connection: Any) -> None:
    # The sqlite3 driver would only begin before the first write, leaving reads and DDL
    # outside the transaction; an explicit BEGIN makes migrations and read-then-write atomic.
    # Not IMMEDIATE: a unit of work that reads for long before it writes (a theme run's)
    # would hold the write lock all that time, and every Enter would wait on it.
    connection.exec_driver_sql("BEGIN")
