"""A checkbox and a radio button whose state shows without colour.

Textual draws an on and an off toggle with the same character and tells them apart by colour
alone; on a monochrome terminal, with NO_COLOR, or printed, every option looks chosen. These
draw their mark only when on (`X`, `●`) and a blank when off.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.widgets import Checkbox, RadioButton
from textual.widgets._toggle_button import ToggleButton


class _ShowsMarkWhenOn(ToggleButton):
    # Second among the bases of a toggle: Textual matches CSS types along the first bases.
    MARK: ClassVar[str] = "X"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = self.MARK if self.value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = self.MARK if self.value else " "
        super().watch_value()


class MarkedCheckbox(Checkbox, _ShowsMarkWhenOn):
    """A checkbox that shows `X` when on and nothing when off."""


class MarkedRadioButton(RadioButton, _ShowsMarkWhenOn):
    """A radio button that shows `●` when chosen and nothing otherwise."""

    MARK = "●"
