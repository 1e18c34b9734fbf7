"""The help screen: every key of the screen it was opened from, and the quick-entry syntax."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from dialoog_tui.i18n import Translator
from dialoog_tui.tui.commands import Command, key_display


class HelpScreen(ModalScreen[None]):
    """Opened with F1; any of Esc, F1 or q closes it."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "dismiss", show=False)]

    def __init__(self, t: Translator, commands: Sequence[Command]) -> None:
        super().__init__()
        self._t = t
        self._commands = commands

    def compose(self) -> ComposeResult:
        t = self._t
        rows = [
            (key_display(command.key, t), command.label(t), command.help(t, name="…"))
            for command in self._commands
        ]
        rows.append(("Ctrl+P", t("cmd.palette"), t("cmd.palette.help")))
        rows.append(("Ctrl+Q", t("cmd.quit"), t("cmd.quit.help")))
        # Three columns: a description that wraps goes on under itself, not under the keys.
        keys = Table.grid(padding=(0, 1))
        keys.add_column(style="bold", no_wrap=True)
        keys.add_column(no_wrap=True, max_width=16, overflow="ellipsis")
        keys.add_column(ratio=1)
        for key, label, description in rows:
            keys.add_row(Text(key), Text(label), Text(description))
        with VerticalScroll(id="help-body"):
            yield Static(Text(t("help.title"), style="bold"), classes="help-heading")
            yield Static(Text(t("help.keys"), style="bold underline"))
            yield Static(keys, id="help-keys")
            yield Static(Text(t("help.syntax"), style="bold underline"), classes="help-section")
            yield Static(Text(t("help.syntax.body")))
            yield Static(Text(t("help.close"), style="italic"), classes="help-section")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
