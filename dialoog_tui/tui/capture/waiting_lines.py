"""Lines that wait for the database: the capture screen's side of the outbox.

While the database cannot be reached, Enter keeps each line in the outbox (the recorder's
work); this says so in the header, in plain words, tries the database every few seconds,
and shows each line in the log once it is stored there, in the order it was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer

if TYPE_CHECKING:
    from dialoog_tui.tui.capture.screen import CaptureScreen

RETRY_SECONDS = 2.0
"""How often the database is tried while lines wait."""


class WaitingLines:
    """Sends what waits in the outbox, and shows how much waits."""

    def __init__(self, screen: CaptureScreen) -> None:
        self._screen = screen
        self._timer: Timer | None = None
        self._sending = False
        self._held_told = 0

    @property
    def count(self) -> int:
        """Lines waiting now."""
        outbox = self._screen.recorder.outbox
        return len(outbox) if outbox is not None else 0

    def resume(self) -> None:
        """After loading: lines left waiting when the app last ran go out now; whoever said
        the last of them speaks on, as after any line."""
        if self.count:
            self._screen.session_header.show_waiting(self.count)
            self._start()
            self._screen.run_worker(self._resumed(), group="outbox", exit_on_error=False)

    async def _resumed(self) -> None:
        await self.send()
        self._screen.recorder.newest_speaks_on()
        self._screen.view.show_preview()

    def kept(self, waiting: int) -> None:
        """A line went to the outbox; `waiting` lines wait now."""
        screen = self._screen
        if self._timer is None:
            screen.notify(screen.t("notify.offline"), severity="warning", markup=False)
            self._start()
        screen.session_header.show_waiting(waiting)

    def _start(self) -> None:
        if self._timer is None:
            self._timer = self._screen.set_interval(RETRY_SECONDS, self._tick)

    def _tick(self) -> None:
        if not self._sending:
            self._screen.run_worker(self.send(), group="outbox", exit_on_error=False)

    async def send(self) -> None:
        """Try the database with what waits; show what it took."""
        if self._sending:
            return
        self._sending = True
        screen = self._screen
        try:
            written, changes = await screen.recorder.send_waiting()
        finally:
            self._sending = False
        for change in changes:
            screen.view.show_change(change, preview=False)
        if changes:
            screen.view.show_preview()  # someone named anew is a participant now
        left = self.count
        screen.session_header.show_waiting(left)
        if not left and self._timer is not None:
            self._timer.stop()
            self._timer = None
        if written:
            screen.notify(screen.t("notify.waiting_written", count=written), markup=False)
        recorder = screen.recorder
        if recorder.held > self._held_told and recorder.outbox is not None:
            self._held_told = recorder.held
            where = str(recorder.outbox.held_path)
            screen.notify(
                screen.t("notify.waiting_held", count=recorder.held, path=where),
                severity="error",
                markup=False,
                timeout=20,
            )
