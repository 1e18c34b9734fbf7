"""A background child is held still only between its writes: the parent's lock and the
child's writes exclude each other."""

from __future__ import annotations

import pytest

from dialoog_tui.hold_lock import HoldLock, holding_possible, writes_outside_hold
from dialoog_tui.store.db.database import Database

pytestmark = pytest.mark.skipif(not holding_possible(), reason="POSIX file locks")


def test_the_parent_cannot_take_the_lock_while_the_child_writes() -> None:
    lock = HoldLock()
    writing = writes_outside_hold(lock.path)
    try:
        with writing():
            assert not lock.take()
        assert lock.take()
        lock.give_back()
        assert lock.take()  # given back, it can be taken again
    finally:
        lock.close()
    assert lock.take() is False  # closed: nothing left to hold


def test_every_write_of_the_database_runs_inside_its_writing_context(
    sqlite_database: Database,
) -> None:
    lock = HoldLock()
    sqlite_database.writing = writes_outside_hold(lock.path)
    seen: list[bool] = []

    def work(db: object) -> None:
        seen.append(lock.take())

    try:
        sqlite_database.write(work)
        assert seen == [False]  # the write held the lock
        assert lock.take()  # and let go of it when it was over
    finally:
        lock.close()
