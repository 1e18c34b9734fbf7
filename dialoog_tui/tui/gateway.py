"""The TUI's way to the store: one background thread, so writes land in the order typed.

Textual's thread workers each get a thread of their own, which is right for reads but would
let two quick Enters commit in either order. All store calls therefore go through this one
thread; the first call opens the database there, so nothing runs against a half-opened store
and importing SQLAlchemy never holds up the first frame. Handlers `await` the result: the
event loop (and typing) never waits on the disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from dialoog_tui.store.db.target import DatabaseTarget

if TYPE_CHECKING:
    from sqlmodel import Session

    from dialoog_tui.store.db.database import Database

T = TypeVar("T")


class StoreGateway:
    """Runs store work on a single thread, opening the database on first use."""

    def __init__(self, target: DatabaseTarget, database: Database | None = None) -> None:
        self.target = target
        """The database location (for messages)."""
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dialoog-store")
        self._database = database
        self._opened: Future[Database] | None = None

    def _opening(self) -> Future[Database]:
        if self._opened is None:
            self._opened = self._executor.submit(self._open)
        return self._opened

    def _open(self) -> Database:
        if self._database is None:
            # Imported here: SQLAlchemy and SQLModel load on this thread after the first frame.
            from dialoog_tui.store.db.database import open_database

            self._database = open_database(self.target)
        return self._database

    def database(self) -> Database:
        """The open database; blocks until it is (call from worker threads only)."""
        return self._opening().result()

    async def write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in a committed transaction on the store thread."""
        return await self._submit(lambda: self.database().write(work))

    async def run(self, job: Callable[[Database], T]) -> T:
        """Run `job` with the open database on the store thread (for store calls that manage
        their own transactions)."""
        return await self._submit(lambda: job(self.database()))

    async def read(self, work: Callable[[Session], T]) -> T:
        """Run `work` in a read-only transaction on the store thread."""
        return await self._submit(lambda: self.database().read(work))

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
