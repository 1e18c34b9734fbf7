"""The input line and, under it, how the line will be read. It always has the focus."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.reactive import Reactive
from textual.suggester import Suggester
from textual.widgets import Input, Static

from dialoog_tui.tui.capture.modes import EntryMode
from dialoog_tui.tui.commands import ALT_DIGIT_KEYS


class EntryInput(Input):
    """The input line. Up and Down are left to the screen, which moves the selection.

    Enter hands the line over but leaves it on screen until it has been stored and its row
    drawn: `dealt_with` hears the outcome, `settle` then takes a used line out, keeping any
    keys typed in the meantime. The line so never leaves the screen before its row is on
    it, and a failed write leaves the text where it was.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # An Enter typed while dialoog starts, before the terminal is in raw mode, is turned
        # into a newline by the terminal and arrives as Ctrl+J: it logs the line all the
        # same (else the first line of a quick note-taker stayed in the input, unlogged).
        Binding("ctrl+j", "submit", show=False),
    ]

    in_flight: str | None = None
    """The submitted line, from Enter until it is settled."""
    _used: bool | None = None
    """Whether the line in flight was used (None: not known yet)."""

    # Input sets its virtual width to the text's width on every keystroke, and Textual's
    # virtual_size asks for a layout of the whole screen when it changes: some 15 ms per key
    # on the capture screen. The line's width never moves other widgets, so a repaint is enough.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Alt+digit arrives as a character such as ¡ (see commands.alt_key); typing it would
        # hide the participant quick keys, so those keys go to the screen's bindings instead.
        if key in ALT_DIGIT_KEYS:
            return False
        return super().check_consume_key(key, character)

    async def action_submit(self) -> None:
        if self.in_flight is not None:
            return  # Enter again within milliseconds (a bouncing key) must not log twice
        self.in_flight, self._used = self.value, None
        self.post_message(self.Submitted(self, self.value))

    @property
    def unsubmitted(self) -> str:
        """The line without a submitted part that was used: what a saved draft should hold."""
        submitted, value = self.in_flight, self.value
        if self._used and submitted is not None and value.startswith(submitted):
            return value[len(submitted) :].lstrip(" ")
        return value

    def dealt_with(self, *, used: bool) -> None:
        """The submitted line was stored (or otherwise used), or it was not."""
        self._used = used

    def settle(self) -> bool:
        """Take a used line out of the input; True if the line changed (Input.Changed follows)."""
        before, after = self.value, self.unsubmitted
        self.in_flight = self._used = None
        if after != before:
            self.value = after
            self.cursor_position = len(after)
        return after != before


class EntryBar(Vertical):
    """Mode label, input line and preview, stacked."""

    def __init__(
        self, *, placeholder: str, suggester: Suggester | None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._placeholder = placeholder
        self._suggester = suggester
        self.mode = EntryMode.CAPTURE
        """What the line is for now."""
        self._preview: Text | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="entry-mode")
        yield EntryInput(placeholder=self._placeholder, suggester=self._suggester, id="entry")
        yield Static(id="entry-preview")

    @property
    def input(self) -> EntryInput:
        """The input line."""
        return self.query_one("#entry", EntryInput)

    def show_preview(self, preview: Text) -> None:
        """Show how the current line will be read."""
        # Most keys and every Enter leave the reading as it was; redrawing it anyway would
        # cost a frame part for nothing.
        if preview != self._preview:
            self._preview = preview
            self.query_one("#entry-preview", Static).update(preview, layout=False)

    def enter_mode(self, mode: EntryMode, *, label: Text, value: str, placeholder: str) -> None:
        """Switch what the line is for, with a label above it and a starting value."""
        self.mode = mode
        self.set_class(mode is not EntryMode.CAPTURE, "-prompting")
        mode_label = self.query_one("#entry-mode", Static)
        mode_label.update(label, layout=False)
        mode_label.display = mode is not EntryMode.CAPTURE
        entry = self.input
        entry.placeholder = placeholder
        entry.value = value
        entry.cursor_position = len(value)
        entry.focus()
