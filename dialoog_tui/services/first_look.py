"""A first look at a session before the store is open (SQLite only): see
`store/first_look.py`. Imports no SQLAlchemy, so capture can draw the newest contributions
while the store is still loading."""

from __future__ import annotations

from dialoog_tui.services.database import DatabaseTarget
from dialoog_tui.store.first_look import Glance, glance


def first_look(target: DatabaseTarget, key: int | str, *, page_size: int) -> Glance | None:
    """The session `key` as capture draws it first; None where only the store can read it
    (a server database, a new file, another revision)."""
    path = target.sqlite_path
    if path is None or not path.is_file():
        return None
    return glance(path, key, limit=page_size)


__all__ = ["Glance", "first_look"]
