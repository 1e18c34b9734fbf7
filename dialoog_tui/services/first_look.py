"""A first look at a session before the store is open (SQLite only): see
`store/first_look.py`. Imports no SQLAlchemy, so capture can draw the newest contributions
while the store is still loading."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

from dialoog_tui.services.database import DatabaseTarget
from dialoog_tui.store.first_look import Glance, glance

_begun: dict[tuple[Path, int | str, int], Future[Glance | None]] = {}
"""First looks begun at launch, by what they read; `first_look` takes each once."""


def begin(target: DatabaseTarget, key: int | str, *, page_size: int) -> None:
    """Start reading the first look of `key` now, on a thread of its own: at launch, before
    the app and its screen are even imported. Most of it is SQLite counting a large
    session's contributions per person, which lets go of the interpreter meanwhile, so it
    runs beside the start instead of in it. `first_look` with the same arguments takes it."""
    path = target.sqlite_path
    if path is None or not path.is_file():
        return
    reading: Future[Glance | None] = Future()

    def read() -> None:
        try:
            reading.set_result(glance(path, key, limit=page_size))
        except BaseException as error:  # raised where the result is taken
            reading.set_exception(error)

    _begun[(path, key, page_size)] = reading
    threading.Thread(target=read, name="dialoog-first-look", daemon=True).start()


def first_look(target: DatabaseTarget, key: int | str, *, page_size: int) -> Glance | None:
    """The session `key` as capture draws it first; None where only the store can read it
    (a server database, a new file, another revision). Read now, unless `begin` began it."""
    path = target.sqlite_path
    if path is None or not path.is_file():
        return None
    begun = _begun.pop((path, key, page_size), None)
    if begun is not None:
        return begun.result()
    return glance(path, key, limit=page_size)


__all__ = ["Glance", "begin", "first_look"]
