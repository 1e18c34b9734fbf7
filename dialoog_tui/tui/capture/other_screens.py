"""What the other screens on this session log (the other tables' note-takers), shown as it
arrives, and what they correct: the store's watch (`services/watching.py`) says that
something was written, and the recorder reads only what is numbered above what this screen
has read and what changed after the session's count of changes it saw.

The watch starts once the session is loaded, so its module, which needs SQLAlchemy, is
imported after the first frame.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from msgspec.structs import replace

from dialoog_tui.errors import StoreError

if TYPE_CHECKING:
    from collections.abc import Callable

    from dialoog_tui.core.model import Contribution
    from dialoog_tui.services.database import DatabaseTarget
    from dialoog_tui.services.watching import Watch
    from dialoog_tui.tui.capture.screen import CaptureScreen


def watch_session(target: DatabaseTarget, session_id: int, wanted: Callable[[], None]) -> Watch:
    """A started watch that calls `wanted` on this event loop whenever others may have
    written to `session_id`. Imports the watch (and SQLAlchemy) only now."""
    from dialoog_tui.services.watching import watch

    loop = asyncio.get_running_loop()

    def heard(changed: int | None) -> None:  # on the watch's thread
        if (changed is None or changed == session_id) and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                loop.call_soon_threadsafe(wanted)

    return watch(target, heard)


class OtherScreens:
    """Brings in what others log in the session, while the screen shows it."""

    def __init__(self, screen: CaptureScreen) -> None:
        self._screen = screen
        self._watch: Watch | None = None
        self._reading = False
        self._again = False

    def start(self) -> None:
        """Watch the session (once it is loaded)."""
        recorder = self._screen.recorder
        self._watch = watch_session(recorder.gateway.target, recorder.session_id, self.wanted)

    def stop(self) -> None:
        """Stop watching."""
        if self._watch is not None:
            self._watch.stop()
            self._watch = None

    def wanted(self) -> None:
        """Something may have arrived: read it (once more after a read under way)."""
        if self._watch is None:
            return  # heard just as the screen closed: nothing to show it on
        if self._reading:
            self._again = True
            return
        self._reading = True
        self._screen.run_worker(self._read(), group="others", exit_on_error=False)

    async def _read(self) -> None:
        screen = self._screen
        try:
            again = True
            while again:
                self._again = False
                try:
                    caught = await screen.recorder.catch_up()
                except StoreError:
                    return  # away for now: the watch calls again once it can
                log = screen.log_view
                if caught.arrived:
                    log.arrive(caught.arrived)
                if caught.corrected:
                    log.correct(caught.corrected)
                    self._tell_the_prompt(caught.corrected)
                if caught.reread:
                    log.restyle()  # a name, a domain or a phase may read differently now
                if caught.arrived or caught.corrected or caught.reread:
                    # After a rename, the typed line's preview may name someone anew.
                    log.when_drawn(partial(screen.view.show_state, preview=caught.reread))
                again = self._again
        finally:
            self._reading = False

    def _tell_the_prompt(self, corrected: Sequence[Contribution]) -> None:
        """Another screen changed the contribution the input line is about (an edit, its
        ladder or paraphrase): removed, the prompt closes; changed, it is about the new
        version (an undo goes back to that), and Enter would store this one over it."""
        screen = self._screen
        target = screen.entry.target
        now = next((c for c in corrected if target is not None and c.id == target.id), None)
        if now is None:
            return
        if now.deleted_at is not None:
            screen.prompts.close()
            message = screen.t("notify.removed_elsewhere", seq=now.seq)
        else:
            screen.entry = replace(screen.entry, target=now)
            message = screen.t("notify.changed_elsewhere", seq=now.seq)
        screen.notify(message, severity="warning", markup=False)
