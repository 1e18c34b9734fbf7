"""The live themes panel in capture: this session's emerging themes, compactly.

A single Static that is replaced as a whole when a refresh lands, so it costs nothing while
typing. Titles are Rich Text, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from dialoog_tui.core.display import fit, visible
from dialoog_tui.i18n import Translator

if TYPE_CHECKING:
    from dialoog_tui.core.themes.live import LiveTheme, LiveView

SHOWN = 8
"""Themes listed; the rest are on the board (F3)."""


class ThemesPanel(Static):
    """`↻ parkeren · bewoners  5 +2` — ↻: also heard in earlier sessions (+2 of them)."""

    def __init__(self, t: Translator, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._t = t
        self.shown: list[LiveTheme] = []
        """What the panel lists."""
        self.new = 0
        """Contributions logged since the last run that fit none of its themes."""
        self._status = ""

    def on_mount(self) -> None:
        self._render_panel()

    def show_view(self, view: LiveView) -> None:
        self.shown, self.new = list(view.themes), view.new
        self._render_panel()

    def show_status(self, status: str) -> None:
        """A word on what the panel is doing (finding themes…), or "" for none."""
        if status != self._status:
            self._status = status
            self._render_panel()

    def _render_panel(self) -> None:
        t = self._t
        width = max(10, self.content_size.width - 8)
        text = Text(t("live.title"), style="bold")
        if self._status:
            text.append(f"  {self._status}", "italic")
        if not self.shown and not self.new and not self._status:
            # Not while a run is under way: a session just opened has its themes coming.
            text.append("\n" + t("live.none"), "italic")
        for live in self.shown[:SHOWN]:
            mark = "↻" if live.elsewhere else "·"
            text.append(f"\n{mark} ")
            text.append(fit(visible(live.title), width))
            text.append(f" {live.here:>2}")
            if live.elsewhere:
                text.append(f" +{live.elsewhere}", "bold")
        if len(self.shown) > SHOWN:
            text.append("\n" + t("live.more", count=len(self.shown) - SHOWN), "italic")
        if self.new:
            text.append("\n" + t("live.new", count=self.new), "italic")
        self.update(text)
