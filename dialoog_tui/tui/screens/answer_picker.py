"""Choosing what answered an interest: one of the session's commitments, or nothing specific."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from dialoog_tui.core.display import visible
from dialoog_tui.core.ladder_report import LadderItem
from dialoog_tui.i18n import Translator


class AnswerPicker(ModalScreen[int | None]):
    """Returns the answering contribution's id, None for 'no reference', or CANCELLED."""

    CSS_PATH = "ladder.tcss"

    CANCELLED = -1
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, t: Translator, interest: str, candidates: Sequence[LadderItem]) -> None:
        super().__init__()
        self._t = t
        self._interest = interest
        self._candidates = candidates

    def compose(self) -> ComposeResult:
        with Vertical(id="answer-picker"):
            yield Label(Text(self._t("ladder.answered_by", interest=visible(self._interest))))
            options = [Option(Text(self._t("ladder.no_reference"), style="italic"), id="none")]
            for item in self._candidates:
                prompt = Text(f"#{item.seq} ")
                prompt.append(visible(item.speaker or "—"), "bold")
                prompt.append(": " + visible(item.text))
                options.append(Option(prompt, id=str(item.contribution_id)))
            yield OptionList(*options)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id
        self.dismiss(None if chosen in (None, "none") else int(chosen))

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(self.CANCELLED)
