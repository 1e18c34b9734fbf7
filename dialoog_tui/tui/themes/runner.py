"""Finding themes in a child process, so clustering never competes with typing.

The child (`services.theme_worker`) runs at the lowest priority on one core, tells each step,
stores its run when asked to, and can be held still while the note-taker types or cancelled
by ending it. The TUI then reads the stored run like any other, or takes the one session's
themes the child sends back.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence

from dialoog_tui.core.themes.progress import Step
from dialoog_tui.hold_lock import HOLD_LOCK_ENV, HoldLock, holding_possible
from dialoog_tui.priority import BACKGROUND_ENV
from dialoog_tui.services.database import DATABASE_ENV, DatabaseTarget
from dialoog_tui.services.theme_worker import (
    MODULE,
    Failed,
    Finished,
    Holdable,
    Progressed,
    ThemeRunRequest,
    read_event,
    request_line,
)

OnProgress = Callable[[Step], None]
"""Told each step of the run as it begins."""


class ThemeRunFailed(Exception):
    """The child process ended with an error (its message is the text; `key` and `values`
    the interface text that says it, when it has one: `Translator.explain` reads them)."""

    def __init__(self, message: str, key: str | None = None, values: dict[str, str] | None = None):
        super().__init__(message)
        self.key = key
        self.values = values or {}


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
        """The child said it ends with this process (see `priority.run_in_background`)."""
        self._held = False
        """The child was sent SIGSTOP (and no SIGCONT since)."""
        self._lock: HoldLock | None = None
        """Taken while the child is held: it is never held inside a write (`hold_lock`)."""

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
        live_session: int | None = None,
        opening: bool = False,
    ) -> Finished | None:
        """Cluster `session_ids` (None: all) and store the run; or with `live_session`, what
        the live panel shows for it (`opening`: just opened); None when cancelled.

        Raises ThemeRunFailed when the run fails, RuntimeError when one is already running.
        """
        if self._process is not None:
            raise RuntimeError("a theme run is already under way")
        if not self.running:
            self.start()
        self._holdable = self._held = False
        self._lock = HoldLock() if holding_possible() else None
        request = ThemeRunRequest(
            session_ids=tuple(session_ids) if session_ids is not None else None,
            fresh=fresh,
            live_session=live_session,
            opening=opening,
        )
        self._process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            MODULE,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._environment(),
        )
        try:
            if self.cancelled:  # cancelled while the process was starting
                self._process.terminate()
            assert self._process.stdin is not None
            self._process.stdin.write((request_line(request) + "\n").encode())
            self._process.stdin.close()
            assert self._process.stderr is not None
            # Read both pipes at once: a full pipe would otherwise stall the child.
            outcome, complaint = await asyncio.gather(
                self._follow(self._process, on_progress), self._process.stderr.read()
            )
            code = await self._process.wait()
        finally:
            if self._process.returncode is None:
                # Left early (the worker was cancelled: the screen or the app is closing):
                # the child must not outlive this, least of all held still.
                self.cancel()
            self._process, self.running, self.paused = None, False, False
            self._holdable = self._held = False
            if self._lock is not None:
                self._lock.close()
                self._lock = None
        if self.cancelled:
            return None
        if isinstance(outcome, Finished) and code == 0:
            return outcome
        if isinstance(outcome, Failed):
            raise ThemeRunFailed(outcome.message, outcome.key, outcome.values)
        last = complaint.decode("utf-8", "replace").strip().splitlines()
        raise ThemeRunFailed(last[-1] if last else f"theme run ended with code {code}")

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

        Only a child that will end with this process is stopped (`Holdable`): asked before
        it says so, the hold begins when it does; where the system cannot promise that (not
        Linux), the run simply goes on."""
        self.paused = True
        self._hold()

    def resume(self) -> None:
        """Let a held child go on from where it was."""
        self.paused = False
        if self._process is not None and self._held:
            with contextlib.suppress(ProcessLookupError):
                self._process.send_signal(signal.SIGCONT)
        self._held = False
        if self._lock is not None:
            self._lock.give_back()

    def _hold(self) -> None:
        if self._process is None or self._held or not self._holdable or not self.paused:
            return
        if self._lock is None or not self._lock.take():
            return  # writing now: held at the next key, once the write is over
        try:
            self._process.send_signal(signal.SIGSTOP)
        except ProcessLookupError:
            self._lock.give_back()
            return
        self._held = True

    async def _follow(
        self, process: asyncio.subprocess.Process, on_progress: OnProgress
    ) -> Finished | Failed | None:
        """Act on each event; the last one (how the run ended), if any."""
        assert process.stdout is not None
        outcome: Finished | Failed | None = None
        async for raw in process.stdout:
            try:
                event = read_event(raw.decode("utf-8", "replace"))
            except ValueError:
                continue  # not ours (a library that prints): nothing to act on
            match event:
                case Holdable():
                    self._holdable = True
                    if self._lock is not None:
                        self._lock.forget_name()  # the child has it open by now
                    self._hold()  # asked for before it could be done
                case Progressed(step):
                    on_progress(step)
                case Finished() | Failed():
                    outcome = event
        return outcome

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        # The URL goes by environment, not argv: `ps` would show a password.
        env[DATABASE_ENV] = self._target.url
        # The child lowers its own priority (priority.py). Not with a preexec_fn here: that
        # makes Python fork the whole TUI process instead of vfork-ing it, which blocked
        # the event loop for some 11 ms at each start (a 216 MB process, measured).
        env[BACKGROUND_ENV] = str(os.getpid())
        if self._lock is not None:
            env[HOLD_LOCK_ENV] = self._lock.path
        # One core for the numerics: the other stays free for the TUI.
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[name] = "1"
        return env
