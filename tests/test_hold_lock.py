"""A background child is held still only between its writes: the parent's lock and the
child's writes exclude each other."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from dialoog_tui.hold_lock import HOLD_LOCK_ENV, HoldLock, holding_possible, writes_outside_hold
from dialoog_tui.priority import BACKGROUND_ENV
from dialoog_tui.store.db.database import Database

pytestmark = pytest.mark.skipif(not holding_possible(), reason="POSIX file locks")


def test_the_parent_cannot_take_the_lock_while_the_child_writes() -> None:
    lock = HoldLock()
    writing = _writing(lock.path)
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
    sqlite_database.writing = _writing(lock.path)
    seen: list[bool] = []

    def work(db: object) -> None:
        seen.append(lock.take())

    try:
        sqlite_database.write(work)
        assert seen == [False]  # the write held the lock
        assert lock.take()  # and let go of it when it was over
    finally:
        lock.close()


def test_without_its_lock_file_a_child_runs_on_but_never_says_it_may_be_held(
    tmp_path: Path,
) -> None:
    lock = HoldLock()
    try:
        assert writes_outside_hold(str(tmp_path / "gone")) is None
        assert writes_outside_hold("") is None
        assert '"holdable"' in _worker_says(lock.path)  # the lock there: it may be held
        said = _worker_says(str(tmp_path / "gone"))
    finally:
        lock.close()
    # Gone, the child cannot keep a held parent out of its writes: it runs on unheld, and
    # says so in its events, not in a traceback.
    assert '"holdable"' not in said and '"failed"' in said


def _writing(path: str) -> Callable[[], AbstractContextManager[None]]:
    writing = writes_outside_hold(path)
    assert writing is not None
    return writing


def _worker_says(lock_path: str) -> str:
    """The events of a theme child started by this process, with `lock_path` as its lock;
    it gets no request, so it ends after saying whether it may be held."""
    environment = {**os.environ, BACKGROUND_ENV: str(os.getpid()), HOLD_LOCK_ENV: lock_path}
    done = subprocess.run(
        [sys.executable, "-m", "dialoog_tui.services.theme_worker"],
        env=environment,
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stderr == ""
    return done.stdout
