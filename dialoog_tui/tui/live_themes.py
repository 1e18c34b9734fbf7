"""Keeps capture's live themes panel up to date without ever holding up typing.

When the session opens and every few contributions after, a theme run over all sessions
starts in a child process (see `theme_runner`); a run already under way is not doubled, it
is followed by one more when contributions arrived meanwhile. The child only reads the
database (`--no-save`: storing a run would hold the write lock that logging a contribution
needs) and prints just this session's themes as a line of JSON (`--session-view`), so the
TUI process never reads or explains thousands of contributions itself: nothing here holds
the interpreter lock for longer than parsing that line.
"""

from __future__ import annotations

import json

from textual.screen import Screen

from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.theme_runner import ThemeRunFailed, ThemeRunner
from dialoog_tui.tui.widgets.themes_panel import ThemesPanel

live = LazyModule("dialoog_tui.core.themes.live")

REFRESH_EVERY = 5
"""Contributions logged between two refreshes."""


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

    def start(self, session_id: int) -> None:
        """Show the session's themes now (a run over unchanged data reuses the last one)."""
        self.session_id = session_id
        self.refresh()

    def logged(self) -> None:
        """A contribution was logged: refresh once enough have come in."""
        self._since_refresh += 1
        if self._since_refresh >= self._every:
            self.refresh()

    def refresh(self) -> None:
        """Find the themes again now (or right after the run under way)."""
        if self.session_id is None:
            return
        if self.runner.running:
            self._pending = True
            return
        self._since_refresh, self._pending = 0, False
        self.runner.start()
        self._panel.show_status(self._t("live.running"))
        self._screen.run_worker(self._run(), group="live-run", exit_on_error=False)

    def stop(self) -> None:
        """End a run under way (the screen is going)."""
        self._pending = False
        self.runner.cancel()

    async def _run(self) -> None:
        try:
            printed = await self.runner.run(
                None, extra=["--no-save", "--session-view", str(self.session_id)]
            )
            themes = live.from_json(json.loads(printed)["themes"]) if printed is not None else None
        except (ThemeRunFailed, ValueError, KeyError, TypeError) as error:
            self._panel.show_status(self._t("live.failed"))
            self._screen.notify(str(error), severity="warning", markup=False)
            return
        if themes is not None:
            self.refreshes += 1
            self._panel.show_themes(themes)
        self._panel.show_status("")
        if self._pending:
            self.refresh()
