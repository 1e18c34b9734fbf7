"""Finding themes in a child process, so clustering never competes with typing.

The engine's numerics (scikit-learn, igraph) and their imports take seconds and hold the
interpreter lock for long stretches: in a thread of the TUI they would delay keystrokes. A
child process (`dialoog themes … --progress`) runs at lower priority on one core, reports
each step on stderr, stores its run in the database, and can be cancelled by ending it.
The TUI then reads the stored run like any other.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence

from dialoog_tui.core.themes.progress import Step, read_progress_line
from dialoog_tui.priority import BACKGROUND_ENV, HOLDABLE
from dialoog_tui.store.db.target import DATABASE_ENV, DatabaseTarget

OnProgress = Callable[[Step], None]
"""Told each step of the run as it begins."""


class ThemeRunFailed(Exception):
    """The child process ended with an error (its last message is the text)."""


class ThemeRunner:
    """One clustering run at a time; `running` tells whether one is under way."""

    def __init__(self, target: DatabaseTarget) -> None:
        self._target = target
        self._process: asyncio.subprocess.Process | None = None
        self.running = False
        """From `start()` until the run is over."""
        self.cancelled = False
        """Whether the run was cancelled."""
        self.paused = False
        """Whether the child is to be held (`pause`) until `resume`."""
        self._holdable = False
        """The child said it ends with this process (see `priority.HOLDABLE`)."""
        self._held = False
        """The child was sent SIGSTOP (and no SIGCONT since)."""

    @property
    def child_pid(self) -> int | None:
        """The child's process id while it runs."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Mark a run as under way, before the process exists (so it can be cancelled
        from the first moment); `run()` follows."""
        self.running, self.cancelled = True, False

    async def run(
        self,
        session_ids: Sequence[int] | None,
        on_progress: OnProgress = lambda _step: None,
        *,
        fresh: bool = False,
        extra: Sequence[str] = (),
    ) -> str | None:
        """Cluster `session_ids` (None: all) and store the run; returns what the process
        printed, or None when cancelled. `extra` are more arguments for `dialoog themes`.

        Raises ThemeRunFailed when the run fails, RuntimeError when one is already running.
        """
        if self._process is not None:
            raise RuntimeError("a theme run is already under way")
        if not self.running:
            self.start()
        self._holdable = self._held = False
        scope = ["--all"] if session_ids is None else [str(i) for i in session_ids]
        options = [*(["--fresh"] if fresh else []), *extra]
        self._process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "dialoog_tui",
            "themes",
            *scope,
            *options,
            "--progress",
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._environment(),
        )
        try:
            if self.cancelled:  # cancelled while the process was starting
                self._process.terminate()
            assert self._process.stdout is not None
            # Read both pipes at once: a full stdout pipe would otherwise stall the child.
            printed, last = await asyncio.gather(
                self._process.stdout.read(), self._follow(self._process, on_progress)
            )
            code = await self._process.wait()
        finally:
            if self._process.returncode is None:
                # Left early (the worker was cancelled: the screen or the app is closing):
                # the child must not outlive this, least of all held still.
                self.cancel()
            self._process, self.running, self.paused = None, False, False
            self._holdable = self._held = False
        if self.cancelled:
            return None
        if code != 0:
            raise ThemeRunFailed(last or f"theme run ended with code {code}")
        return printed.decode("utf-8", "replace")

    def cancel(self) -> bool:
        """End the run under way; False when none is."""
        if not self.running:
            return False
        self.cancelled = True
        if self._process is not None:
            with contextlib.suppress(ProcessLookupError):
                self._process.terminate()
        self.resume()  # a held child acts on the termination only once it runs again
        return True

    def pause(self) -> None:
        """Hold the child where it is, using no processor at all, until `resume`.

        Only a child that will end with this process is stopped (see `priority.HOLDABLE`):
        asked before it says so, the hold begins when it does; where the system cannot
        promise that (not Linux), the run simply goes on."""
        self.paused = True
        self._hold()

    def resume(self) -> None:
        """Let a held child go on from where it was."""
        self.paused = False
        if self._process is not None and self._held:
            with contextlib.suppress(ProcessLookupError):
                self._process.send_signal(signal.SIGCONT)
        self._held = False

    def _hold(self) -> None:
        if self._process is None or self._held or not self._holdable or not self.paused:
            return
        with contextlib.suppress(ProcessLookupError):
            self._process.send_signal(signal.SIGSTOP)
            self._held = True

    async def _follow(self, process: asyncio.subprocess.Process, on_progress: OnProgress) -> str:
        """Pass each step on; return the last other line (an error message)."""
        assert process.stderr is not None
        last = ""
        async for raw in process.stderr:
            line = raw.decode("utf-8", "replace").strip()
            if line == HOLDABLE:
                self._holdable = True
                self._hold()  # asked for before it could be done
            elif (step := read_progress_line(line)) is not None:
                on_progress(step)
            elif line:
                last = line
        return last

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        # The URL goes by environment, not argv: `ps` would show a password.
        env[DATABASE_ENV] = self._target.url
        # The child lowers its own priority (priority.py). Not with a preexec_fn here: that
        # makes Python fork the whole TUI process instead of vfork-ing it, which blocked
        # the event loop for some 11 ms at each start (a 216 MB process, measured).
        env[BACKGROUND_ENV] = str(os.getpid())
        # One core for the numerics: the other stays free for the TUI.
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[name] = "1"
        return env
