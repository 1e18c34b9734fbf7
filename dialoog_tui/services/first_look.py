"""A first look at a session before the store is open (SQLite only): see
`store/first_look.py`. Imports no SQLAlchemy, so capture can draw the newest contributions
while the store is still loading."""

from __future__ import annotations

from collections import Counter

from dialoog_tui.services.database import DatabaseTarget
from dialoog_tui.store.first_look import Glance, counted, glance


def first_look(target: DatabaseTarget, key: int | str, *, page_size: int) -> Glance | None:
    """The session `key` as capture draws it first; None where only the store can read it
    (a server database, a new file, another revision)."""
    path = target.sqlite_path
    if path is None or not path.is_file():
        return None
    return glance(path, key, limit=page_size)


def first_counts(target: DatabaseTarget, session_id: int) -> Counter[int | None] | None:
    """Contributions per participant in the session a first look read (None: the room);
    None where only the store can count them."""
    path = target.sqlite_path
    return None if path is None else counted(path, session_id)


__all__ = ["Glance", "first_counts", "first_look"]
