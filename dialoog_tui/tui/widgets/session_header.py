"""The top of the capture screen: title, question, time running and the current phase."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from dialoog_tui.core.display import visible
from dialoog_tui.core.model import Phase, Session
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.look import Look

LIVE_HOURS = 12
"""A session younger than this shows a running clock; an older one its start date."""


def format_elapsed(seconds: float) -> str:
    """H:MM:SS since the start (0:00:00 before it)."""
    seconds = max(int(seconds), 0)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class SessionHeader(Static):
    """Title and question on one line; elapsed time, phase and count on the next."""

    def __init__(
        self, t: Translator, look: Look, *, clock: Callable[[], datetime], id: str | None = None
    ) -> None:
        super().__init__(t("capture.loading"), id=id)
        self._t = t
        self._look = look
        self._clock = clock
        self._session: Session | None = None
        self._phase: Phase | None = None
        self._count = 0

    def on_mount(self) -> None:
        self.set_interval(1, self._redraw)

    def show(
        self, session: Session, phase: Phase | None, count: int, look: Look | None = None
    ) -> None:
        """Show the session's current state."""
        self._session, self._phase, self._count = session, phase, count
        if look is not None:
            self._look = look
        self._redraw()

    def _redraw(self) -> None:
        session = self._session
        if session is None:
            return
        look, t = self._look, self._t
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(visible(session.title), look.strong)
        if session.question:
            text.append("  —  ", look.meta)
            text.append(visible(session.question), look.text)
        text.append("\n")
        elapsed = (self._clock() - session.started_at).total_seconds()
        if 0 <= elapsed < LIVE_HOURS * 3600:
            text.append(f"{t('capture.elapsed')} ", look.meta)
            text.append(format_elapsed(elapsed), look.strong)
        else:
            # A session resumed days later: when it was is more useful than how long ago.
            text.append(session.started_at.astimezone().strftime("%Y-%m-%d %H:%M"), look.text)
        text.append("   ")
        if self._phase is not None:
            text.append(f"{t('cmd.phase')} {self._phase.position}: ", look.meta)
            text.append(visible(self._phase.title), look.strong)
        else:
            text.append(t("capture.no_phase"), look.meta)
        text.append(f"   {t('picker.count', count=self._count)}", look.meta)
        self.update(text, layout=False)  # always two lines high
