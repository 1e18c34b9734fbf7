"""Watching the database for what other screens log (tables of one session, a facilitator's
view): a thin door to `store/db/watch.py` for the faces. It loads SQLAlchemy: the TUI
imports it once a session is loaded."""

from __future__ import annotations

from dialoog_tui.store.db.target import DatabaseTarget
from dialoog_tui.store.db.watch import Heard, Watch

__all__ = ["Heard", "Watch", "watch"]


def watch(target: DatabaseTarget, heard: Heard) -> Watch:
    """A started watch on `target`: `heard` is called, from another thread, with the session
    that others wrote to (None: any may have)."""
    started = Watch(target, heard)
    started.start()
    return started
