"""Keeps capture's live themes panel up to date without ever holding up typing.

When the session opens and every few contributions after, a child process (see
`tui.themes.runner`) works out what the panel shows (`services.live_themes`): at opening, a
theme run over all sessions if the data changed; after that, the new contributions placed in
that run's themes, in milliseconds. A refresh already under way is not doubled, it is
followed by one more when contributions arrived meanwhile. The child sends back just this
session's themes, so the TUI process never reads or explains thousands of contributions
itself: nothing here holds the interpreter lock for longer than reading that one line. While
keys come in, the child is held still (see `typing`).
"""

from __future__ import annotations

import time

from textual.screen import Screen
from textual.timer import Timer

from dialoog_tui.i18n import Translator
from dialoog_tui.tui.capture.recorder import Recorder
from dialoog_tui.tui.capture.themes_panel import ThemesPanel
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.themes.runner import ThemeRunFailed, ThemeRunner

REFRESH_EVERY = 5
"""Contributions logged between two refreshes."""

QUIET = 0.3
"""Seconds without a keystroke after which a run held for typing goes on: a short breath
between two lines is enough, so the panel keeps up in a meeting's normal rhythm."""


class LiveThemes:
    """The panel's data source for one capture screen."""

    def __init__(
        self,
        screen: Screen[None],
        panel: ThemesPanel,
        gateway: StoreGateway,
        t: Translator,
        *,
        every: int = REFRESH_EVERY,
    ) -> None:
        self._screen = screen
        self._panel = panel
        self._t = t
        self._every = every
        self.runner = ThemeRunner(gateway.target)
        self.session_id: int | None = None
        self._since_refresh = 0
        self._pending = False
        self.refreshes = 0
        """Runs that landed (for tests and the benchmark)."""
        self._last_key = 0.0
        self._resume_timer: Timer | None = None
        self._opening = False

    def start(self, session_id: int) -> None:
        """Show the session's themes now (a run over unchanged data reuses the last one)."""
        self.session_id = session_id
        self._opening = True
        self.refresh()

    def logged(self) -> None:
        """A contribution was logged: refresh once enough have come in."""
        self._since_refresh += 1
        if self._since_refresh >= self._every:
            self.refresh()

    def typing(self) -> None:
        """A key was typed: hold the run under way until the typing pauses.

        Even at the lowest priority a run slowed typing down: at 10,000 contributions
        Enter-to-visible p95 was 13.9 ms without a run and 23.4 ms with one under way on
        two cores, which share caches and memory (bench/capture.py). Held while the
        note-taker types, 14.6 ms. It goes on after `QUIET` seconds without a key; during
        non-stop typing the panel catches up later (in the benchmark's rhythm, a line every
        half second, a run over 10,000 contributions landed after some 25 s)."""
        self._last_key = time.monotonic()
        if not self.runner.running:
            return
        self.runner.pause()
        if self._resume_timer is None:
            self._resume_timer = self._screen.set_timer(QUIET, self._resume_when_quiet)

    def _resume_when_quiet(self) -> None:
        quiet_for = time.monotonic() - self._last_key
        if quiet_for < QUIET:  # typed again meanwhile: look again when it could be quiet
            self._resume_timer = self._screen.set_timer(QUIET - quiet_for, self._resume_when_quiet)
            return
        self._resume_timer = None
        self.runner.resume()

    def refresh(self) -> None:
        """Find the themes again now (or right after the run under way)."""
        if self.session_id is None:
            return
        if self.runner.running:
            self._pending = True
            return
        self._since_refresh, self._pending = 0, False
        opening, self._opening = self._opening, False
        self.runner.start()
        self._panel.show_status(self._t("live.running"))
        self._screen.run_worker(self._run(opening), group="live-run", exit_on_error=False)

    def stop(self) -> None:
        """End a run under way (the screen is going)."""
        self._pending = False
        if self._resume_timer is not None:
            self._resume_timer.stop()
            self._resume_timer = None
        self.runner.cancel()

    async def _run(self, opening: bool) -> None:
        try:
            finished = await self.runner.run(None, live_session=self.session_id, opening=opening)
            view = finished.view if finished is not None else None
        except ThemeRunFailed as error:
            self._panel.show_status(self._t("live.failed"))
            self._screen.notify(self._t.explain(error), severity="warning", markup=False)
            return
        if view is not None:
            self.refreshes += 1
            self._panel.show_view(view)
        self._panel.show_status("")
        if self._pending:
            self.refresh()


def live_panel(
    screen: Screen[None], live: LiveThemes | None, recorder: Recorder, t: Translator, *, on: bool
) -> LiveThemes | None:
    """Show (`on`) or hide the screen's live themes panel for the recorder's session; what
    feeds it while it shows (`live`: what fed it so far, None when it did not show)."""
    panel = screen.query_one("#live-themes", ThemesPanel)
    if not on:
        panel.remove_class("-on")
        if live is not None:
            live.stop()
        return None
    if recorder.session is None:
        return live
    panel.add_class("-on")
    live = live or LiveThemes(screen, panel, recorder.gateway, t)
    live.start(recorder.session.id)
    return live
