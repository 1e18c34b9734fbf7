"""A list whose ends are ends."""

from __future__ import annotations

from textual.widgets import OptionList


class EndStopOptionList(OptionList):
    """Down on the last option stays there, as Up on the first does.

    Textual's list wraps round: in the session picker, Down on the oldest session went on to
    "new session" at the top, and the Enter meant for a session opened the new-session form.
    """

    def action_cursor_down(self) -> None:
        before = self.highlighted
        super().action_cursor_down()
        if before is not None and self.highlighted is not None and self.highlighted < before:
            self.highlighted = before

    def action_cursor_up(self) -> None:
        before = self.highlighted
        super().action_cursor_up()
        if before is not None and self.highlighted is not None and self.highlighted > before:
            self.highlighted = before
