"""Hearing that others wrote: every screen on a session sees what the other tables log.

- PostgreSQL: every new contribution sends a notification on `CHANNEL` with its session's
  id, in the transaction that stores it (so it arrives on commit, never before). A watch
  keeps a connection of its own that listens, and after a broken connection (a server
  restart) connects again and says "anything may have changed", because what was sent
  meanwhile is lost.
- SQLite: a watch asks the file's `PRAGMA data_version` a few times a second, which changes
  when another connection has committed: one integer, no table read.

Either way a watch says "anything may have changed" once it is watching, so that what was
written between the caller's first read and the watch's start is not missed.

The watch runs on a thread of its own and only calls back; the caller then reads what is new
(`contributions.newer_than`), through its own store thread.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable

from sqlalchemy import text
from sqlmodel import Session

from dialoog_tui.store.db.engine import KEEPALIVES
from dialoog_tui.store.db.target import DatabaseTarget

log = logging.getLogger(__name__)

CHANNEL = "dialoog_contributions"
POLL_SECONDS = 0.25
"""How often an SQLite file is asked whether another connection wrote (and how long a
PostgreSQL watch waits for a notification before it checks whether it should stop)."""
RECONNECT_SECONDS = 1.0

Heard = Callable[[int | None], None]
"""Called with the session that changed, or None: any may have."""


def announce(db: Session, session_id: int) -> None:
    """Tell the screens watching that `session_id` has a new contribution, on commit."""
    if db.get_bind().dialect.name == "postgresql":
        db.connection().execute(
            text("SELECT pg_notify(:channel, :session)"),
            {"channel": CHANNEL, "session": str(session_id)},
        )


class Watch:
    """Calls `heard` from a thread of its own whenever others may have written."""

    def __init__(self, target: DatabaseTarget, heard: Heard) -> None:
        self._target = target
        self._heard = heard
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="dialoog-watch", daemon=True)

    def start(self) -> None:
        """Begin watching."""
        self._thread.start()

    def stop(self) -> None:
        """Stop watching (within `POLL_SECONDS`)."""
        self._stop.set()

    def _run(self) -> None:
        # Whatever goes wrong, watching goes on (after a pause): a watch that died would
        # leave a screen silently behind the others for the rest of the evening.
        while not self._stop.is_set():
            try:
                if self._target.sqlite_path is not None:
                    self._poll_file(str(self._target.sqlite_path))
                else:
                    self._listen(_libpq_url(self._target.url))
            except Exception:
                log.warning("watching the database failed; trying again", exc_info=True)
                self._stop.wait(RECONNECT_SECONDS)

    def _poll_file(self, path: str) -> None:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            last = None
            while True:
                try:
                    version = connection.execute("PRAGMA data_version").fetchone()[0]
                except sqlite3.Error:
                    version = last  # busy or gone for a moment: asked again shortly
                if version != last:
                    # The first time: whatever was written before the watch looked.
                    self._heard(None)
                last = version
                if self._stop.wait(POLL_SECONDS):
                    return
        finally:
            connection.close()

    def _listen(self, url: str) -> None:
        import psycopg
        from psycopg.conninfo import make_conninfo

        while not self._stop.is_set():
            try:
                settings = make_conninfo(url, connect_timeout=4, **KEEPALIVES)
                with psycopg.connect(settings, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    # What was sent before the watch listened (or while its connection was
                    # down) is not sent again: anything may have changed.
                    self._heard(None)
                    while not self._stop.is_set():
                        for note in connection.notifies(timeout=POLL_SECONDS):
                            self._heard(_session_of(note.payload))
            except psycopg.Error:
                self._stop.wait(RECONNECT_SECONDS)


def _session_of(payload: str) -> int | None:
    return int(payload) if payload.isdigit() else None


def _libpq_url(url: str) -> str:
    """The SQLAlchemy URL as libpq reads it (without the driver's name)."""
    scheme, _, rest = url.partition("://")
    return f"{scheme.split('+')[0]}://{rest}"
