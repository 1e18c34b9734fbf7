"""Run a terminal program in a pseudo-terminal and time what appears on its screen.

Both dialoog and the bare Textual app it is compared with run under this same harness: real
processes, a real pty, keystrokes written to it, and the time taken until a given text shows
up in what the program draws.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Sequence


class PtyProgram:
    """A program running in a pty of a fixed size, with its output collected and timed."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], size: tuple[int, int]) -> None:
        columns, rows = size
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**env, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)},
            start_new_session=True,
            # Make the pty the program's controlling terminal, as a terminal window would:
            # if this harness dies, the program then gets SIGHUP instead of running on.
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self._master = master
        self._output = bytearray()
        self._chunks: list[tuple[float, int]] = []  # (arrival time, end offset)
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self._master, 65536)
            except OSError:
                data = b""
            now = time.perf_counter()
            with self._changed:
                if not data:
                    self._chunks.append((now, -1))
                    self._changed.notify_all()
                    return
                self._output += data
                self._chunks.append((now, len(self._output)))
                self._changed.notify_all()

    @property
    def mark(self) -> int:
        """The current end of the output: wait_for(…, after=mark) only looks at what follows."""
        with self._changed:
            return len(self._output)

    def wait_for(self, text: str, *, after: int = 0, timeout: float = 30.0) -> float:
        """The time (perf_counter) at which `text` had appeared in the output after `after`."""
        needle = text.encode()
        deadline = time.perf_counter() + timeout
        with self._changed:
            while True:
                found = self._output.find(needle, after)
                if found >= 0:
                    end = found + len(needle)
                    return next(t for t, stop in self._chunks if stop >= end)
                if self._chunks and self._chunks[-1][1] == -1:
                    tail = self._output[-2000:].decode(errors="replace")
                    raise RuntimeError(f"program ended before showing {text!r}: …{tail}")
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    # What was drawn since, without the escape sequences: what showed instead.
                    drawn = self._output[after:][-6000:].decode(errors="replace")
                    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", " ", drawn)
                    raise TimeoutError(
                        f"{text!r} did not appear within {timeout} s; drawn since: …{shown}"
                    )
                self._changed.wait(remaining)

    def type(self, keys: str) -> float:
        """Send keystrokes; returns the time they were sent."""
        sent = time.perf_counter()
        os.write(self._master, keys.encode())
        return sent

    def __enter__(self) -> PtyProgram:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """End the program (and everything it started)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        if self._master >= 0:
            os.close(self._master)
            self._master = -1
