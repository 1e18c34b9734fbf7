"""What the capture screen's helpers (view, prompts, record keys, live panel) may use of the
screen: its record, its texts, the input line's state and its widgets. A protocol, so that
the helpers depend on this and not on the screen that composes them."""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App
from textual.notifications import SeverityLevel

from dialoog_tui.i18n import Translator
from dialoog_tui.tui.capture.contribution_log import ContributionLog
from dialoog_tui.tui.capture.entry_bar import EntryBar
from dialoog_tui.tui.capture.modes import EntryState
from dialoog_tui.tui.capture.participants_panel import ParticipantsPanel
from dialoog_tui.tui.capture.recorder import Recorder
from dialoog_tui.tui.capture.session_header import SessionHeader


class CaptureSurface(Protocol):
    """The capture screen as its helpers see it."""

    recorder: Recorder
    t: Translator
    entry: EntryState
    """What the input line is for (setting it redraws what depends on it)."""

    @property
    def app(self) -> App[Any]: ...

    @property
    def entry_bar(self) -> EntryBar: ...

    @property
    def log_view(self) -> ContributionLog: ...

    @property
    def session_header(self) -> SessionHeader: ...

    @property
    def participants(self) -> ParticipantsPanel: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
