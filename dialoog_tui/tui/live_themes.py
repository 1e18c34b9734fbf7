"""Keeps capture's live themes panel up to date without ever holding up typing.

Every few contributions a theme run over all sessions starts in a child process (see
`theme_runner`); a run already under way is not doubled, it is followed by one more when
contributions arrived meanwhile. When a run lands, the store thread reads the report and the
panel is replaced in one update. Nothing here runs on the event loop for longer than a
message hop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.theme_runner import ThemeRunFailed, ThemeRunner
from dialoog_tui.tui.widgets.themes_panel import ThemesPanel

if TYPE_CHECKING:
    from textual.screen import Screen

    from dialoog_tui.core.themes.live import LiveTheme

theme_card_store = LazyModule("dialoog_tui.store.theme_card")
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
        self._gateway = gateway
        self._t = t
        self._every = every
        self.runner = ThemeRunner(gateway.target)
        self.session_id: int | None = None
        self._since_refresh = 0
        self._pending = False
        self.refreshes = 0
        """Runs that landed (for tests and the benchmark)."""

    def start(self, session_id: int) -> None:
        """Show what is stored for the session (no clustering)."""
        self.session_id = session_id
        self._screen.run_worker(self._show_stored(), group="live-themes", exit_on_error=False)

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
            finished = await self.runner.run(None)
        except ThemeRunFailed as error:
            self._panel.show_status(self._t("live.failed"))
            self._screen.notify(str(error), severity="warning", markup=False)
            return
        if finished:
            self.refreshes += 1
            await self._show_stored()
        self._panel.show_status("")
        if self._pending:
            self.refresh()

    async def _show_stored(self) -> None:
        session_id = self.session_id
        if session_id is None:
            return
        board = await self._gateway.read_aside(
            lambda db: theme_card_store.load_board(db=db, session_ids=None)
        )
        themes: list[LiveTheme] = (
            live.session_themes(board.report, session_id) if board.report else []
        )
        self._panel.show_themes(themes)
