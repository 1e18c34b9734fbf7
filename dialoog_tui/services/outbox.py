"""The outbox of the database the app works with: where lines logged while it could not be
reached wait, on this machine, until it answers again. Cheap to import (no SQLAlchemy): the
capture screen opens it before the database."""

from __future__ import annotations

from dialoog_tui.paths import data_dir
from dialoog_tui.store.db.target import DatabaseTarget
from dialoog_tui.store.outbox import Outbox, outbox_path

__all__ = ["Outbox", "outbox_for"]


def outbox_for(target: DatabaseTarget) -> Outbox:
    """The outbox of `target`, with what waited in it when the app last ran."""
    return Outbox(outbox_path(data_dir() / "outbox", target.display))
