"""A one-line footer of the keys that apply right now.

Textual's Footer builds a widget per key and costs some 40 ms at start-up, more than the
rest of the capture screen; this line is a single Static that redraws when the bindings do.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from dialoog_tui.tui.commands import key_display


class KeyHints(Static):
    """`Ctrl+E Bewerk  Ctrl+D Verwijder …` for the screen's shown, enabled bindings."""

    def __init__(self, palette_label: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._palette_label = palette_label
        self._shown: list[tuple[str, str] | str] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        parts: list[tuple[str, str] | str] = []
        shown: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in shown:
                continue
            shown.add(binding.action)
            parts += [
                (f" {key_display(key)} ", "bold $footer-key-foreground"),
                binding.description,
                " ",
            ]
        parts += [(" Ctrl+P ", "bold $footer-key-foreground"), self._palette_label]
        # The bindings are announced as updated on many a key press (Enter included) while
        # the keys shown stay the same; redraw only when they differ.
        if parts != self._shown:
            self._shown = parts
            # A layout, since on a narrow screen the line may wrap to a second one; this
            # happens when the keys change (a mode, a selection), not on every Enter.
            self.update(Content.assemble(*parts), layout=True)
