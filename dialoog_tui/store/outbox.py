"""The outbox: lines logged while the database could not be reached, kept on this machine
until the database has them.

One file per database, of JSON lines: a line that waits (`WaitingLine.to_record`), or a mark
that the line with that key is written (`{"written": key}`). Every append is flushed and
fsynced before it returns, so what the screen counts as waiting survives a crash or a power
cut; a last line torn by one is skipped. Once nothing waits, the file is removed.

Only stdlib and `core` here: the capture screen reads it before SQLAlchemy has loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from dialoog_tui.core.waiting import WaitingLine

WRITTEN = "written"


def outbox_path(folder: Path, database: str) -> Path:
    """The outbox of `database` (its URL or path, as shown) in `folder`."""
    digest = hashlib.sha1(database.encode()).hexdigest()[:16]
    return folder / f"outbox-{digest}.jsonl"


class Outbox:
    """The waiting lines of one database, oldest first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        """The file (it exists only while something waits)."""
        _mend_torn_end(path)
        self._waiting: list[WaitingLine] = _read(path)

    @property
    def waiting(self) -> list[WaitingLine]:
        """The lines not written yet, in the order they were logged."""
        return list(self._waiting)

    def __len__(self) -> int:
        return len(self._waiting)

    def add(self, line: WaitingLine) -> None:
        """Keep `line` (durably, before this returns)."""
        self._append(line.to_record())
        self._waiting.append(line)

    def written(self, key: str) -> None:
        """The line with `key` is in the database now."""
        self._waiting = [line for line in self._waiting if line.key != key]
        # Another window on the same database may have lines of its own in the file: it
        # goes only when nothing in it waits any more.
        if self._waiting or any(line.key != key for line in _read(self.path)):
            self._append({WRITTEN: key})
        else:
            self.path.unlink(missing_ok=True)

    @property
    def held_path(self) -> Path:
        """Where lines the database refused for good are kept, for a person to look at."""
        return self.path.with_name(self.path.stem + "-held.jsonl")

    def hold(self, line: WaitingLine) -> None:
        """Keep `line` aside (durably) and stop sending it: the database refused it for a
        reason other than being away, and the lines behind it must not wait on it."""
        _append_to(self.held_path, line.to_record())
        self.written(line.key)

    def _append(self, record: dict[str, object]) -> None:
        _append_to(self.path, record)


def _append_to(path: Path, record: dict[str, object]) -> None:
    """Add `record` as a line of `path`, on disk before this returns."""
    new = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    # What participants said, on this machine only: readable by its user alone.
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with open(descriptor, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    if new:
        _sync_folder(path.parent)


def _mend_torn_end(path: Path) -> None:
    """Cut a last line that a crash left half written, so that the next line appended
    starts a line of its own (else it would be glued to the torn one and lost with it)."""
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return
    if not content or content.endswith(b"\n"):
        return
    with path.open("r+b") as handle:
        handle.truncate(content.rfind(b"\n") + 1)
        handle.flush()
        os.fsync(handle.fileno())


def _read(path: Path) -> list[WaitingLine]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    waiting: dict[str, WaitingLine] = {}
    for raw in text.splitlines():
        try:
            record = json.loads(raw)
            if WRITTEN in record:
                waiting.pop(str(record[WRITTEN]), None)
            else:
                line = WaitingLine.from_record(record)
                waiting.setdefault(line.key, line)
        except (ValueError, KeyError, TypeError):
            continue  # a line torn by a crash while it was written: it never counted
    return list(waiting.values())


def _sync_folder(folder: Path) -> None:
    """Make a new file's name durable too (POSIX; a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
