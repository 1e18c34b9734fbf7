"""A background child is held still only between its writes, never inside one.

The TUI holds its theme child still (SIGSTOP) while the note-taker types. Stopped inside a
write transaction, the child would keep SQLite's write lock for as long as it is held, and
an Enter would wait for it: the lock is only let go once the typing has paused, and the
screen that would notice the pause was itself waiting for that Enter (measured at 100,000
contributions: Enters of 10 s, twice in 200, the busy timeout and the retries run out).

So the two share a lock file: the child takes it (`writes_outside_hold`) around every write;
the parent holds the child only while it holds that lock itself (`HoldLock.take`). Taken,
the child is between writes, and until the parent lets go, a write the child begins waits
for the parent first. `flock` locks belong to the open file, so parent and child, each
with a file of its own, exclude each other; the kernel lets go of a dead process's lock.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

HOLD_LOCK_ENV = "DIALOOG_HOLD_LOCK"
"""The lock file's path, in the child's environment."""


def holding_possible() -> bool:
    """Whether this system has the file locks this needs (POSIX)."""
    try:
        import fcntl  # noqa: F401
    except ImportError:
        return False
    return True


class HoldLock:
    """The parent's side: a lock file of its own making, taken while the child is held."""

    def __init__(self) -> None:
        descriptor, self.path = tempfile.mkstemp(prefix="dialoog-hold-")
        self._descriptor: int | None = descriptor
        self.taken = False

    def take(self) -> bool:
        """Take the lock unless the child is writing now; whether it was taken."""
        import fcntl

        if self._descriptor is None:
            return False
        try:
            fcntl.flock(self._descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        self.taken = True
        return True

    def give_back(self) -> None:
        """Let the child write again (no effect when not taken)."""
        import fcntl

        if self.taken and self._descriptor is not None:
            fcntl.flock(self._descriptor, fcntl.LOCK_UN)
        self.taken = False

    def forget_name(self) -> None:
        """Remove the file's name once the child has the file open: the lock lives on in the
        open files, and an app killed meanwhile leaves nothing behind."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)

    def close(self) -> None:
        """Let go and remove the file (again: no effect)."""
        self.give_back()
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None
            self.forget_name()


def writes_outside_hold(path: str) -> Callable[[], AbstractContextManager[None]] | None:
    """The child's side: a context each write runs in, holding the lock at `path`; None
    when there is no such lock (no path, or the file is gone): then it must not be held."""
    if not path or not holding_possible():
        return None
    import fcntl

    try:
        descriptor = os.open(path, os.O_RDWR)
    except OSError:
        return None

    @contextlib.contextmanager
    def writing() -> Iterator[None]:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)

    return writing
