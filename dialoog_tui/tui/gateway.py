"""The TUI's way to the services: one background thread, so writes land in the order typed.

Textual's thread workers each get a thread of their own, which is right for reads but would
let two quick Enters commit in either order. Every use case (a `services` function, which
owns its transaction) therefore runs on this one thread; the first call opens the database
there, so nothing runs against a half-opened store and importing SQLAlchemy never holds up
the first frame. Handlers `await` the result: the event loop (and typing) never waits on
the disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from dialoog_tui.services.database import DatabaseTarget

if TYPE_CHECKING:
    from dialoog_tui.services.database import Database

T = TypeVar("T")
P = ParamSpec("P")


class StoreGateway:
    """Runs store work on a single thread, opening the database on first use."""

    def __init__(self, target: DatabaseTarget, database: Database | None = None) -> None:
        self.target = target
        """The database location (for messages)."""
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dialoog-store")
        self._database = database
        self._opened: Future[Database] | None = None

    def _opening(self) -> Future[Database]:
        # Opening failed (a server that was down): tried again, it may answer now.
        if self._opened is None or (self._opened.done() and self._opened.exception()):
            self._opened = self._executor.submit(self._open)
        return self._opened

    def _open(self) -> Database:
        if self._database is None:
            # Imported here: SQLAlchemy and SQLModel load on this thread after the first frame.
            from dialoog_tui.services.database import open_database

            self._database = open_database(self.target)
        return self._database

    async def call(
        self, use_case: Callable[Concatenate[Database, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run `use_case(database, *args, **kwargs)` on the store thread."""
        return await self._submit(lambda: use_case(self._opening().result(), *args, **kwargs))

    async def ready(self) -> None:
        """Wait until the database is open (raises what opening raised)."""
        await asyncio.wrap_future(self._opening())

    def close(self) -> None:
        """Finish queued work and release the database (again: no effect)."""
        self._executor.shutdown(wait=True)
        if self._database is not None:
            self._database.close()
            self._database = None

    def _submit(self, job: Callable[[], T]) -> asyncio.Future[T]:
        self._opening()
        return asyncio.wrap_future(self._executor.submit(job))
