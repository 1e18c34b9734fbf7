"""A one-line footer of the keys that apply right now.

Textual's Footer builds a widget per key and costs some 40 ms at start-up, more than the
rest of the capture screen; this line is a single Static that redraws when the bindings do.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from dialoog_tui.i18n import Translator
from dialoog_tui.tui.commands import key_display


class KeyHints(Static):
    """`Ctrl+E Bewerk  Ctrl+D Verwijder …` for the screen's shown, enabled bindings."""

    def __init__(self, t: Translator, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._t = t
        self._palette = ("Ctrl+P", t("cmd.palette"))
        """Read once: the bindings are announced as updated on many a key press."""
        self._keys: list[tuple[str, str]] = []
        self._shown: list[tuple[str, str] | str] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_resize(self, _event: events.Resize) -> None:
        self._redraw()

    def _bindings_changed(self, screen: Screen[object]) -> None:
        keys: list[tuple[str, str]] = []
        shown: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in shown:
                continue
            shown.add(binding.action)
            keys.append((key_display(key, self._t), binding.description))
        keys.append(self._palette)
        # The bindings are announced as updated on many a key press (Enter included) while
        # the keys shown stay the same; redraw only when they differ.
        if keys != self._keys:
            self._keys = keys
            self._redraw()

    def _redraw(self) -> None:
        """The keys in lines as wide as the footer, broken between two keys, never between
        a key and what it does."""
        width = self.size.width or self.app.size.width
        parts: list[tuple[str, str] | str] = []
        used = 0
        for key, description in self._keys:
            size = cell_len(key) + 2 + cell_len(description) + 1
            if used and used + size > width + 1:  # the last one needs no space after it
                parts.append("\n")
                used = 0
            parts += [(f" {key} ", "bold $footer-key-foreground"), description, " "]
            used += size
        if parts != self._shown:
            self._shown = parts
            # A layout, since on a narrow screen the keys take a second line; this happens
            # when the keys or the width change (a mode, a selection), not on every Enter.
            self.update(Content.assemble(*parts[:-1]), layout=True)
