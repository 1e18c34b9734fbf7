"""The command palette in the interface's language: Textual's own, with our placeholder and
our words when nothing matches (Textual writes "No matches found" itself, in English)."""

from __future__ import annotations

from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option


class DialoogPalette(CommandPalette):
    """Says "no matches" in `no_matches`."""

    def __init__(self, *args: Any, no_matches: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's version adds its English line after a short wait; this one adds ours.
        # Tested in tests/tui/test_app.py, so a change in Textual shows up there.
        self._stop_no_matches_countdown()
        if not search_value:
            return

        def say_no_matches() -> None:
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(self._no_matches, style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, say_no_matches)
