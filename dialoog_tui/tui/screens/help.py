"""The help screen: every key of the screen it was opened from, and the quick-entry syntax."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from dialoog_tui.core.display import fit
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.commands import Command, key_display


class HelpScreen(ModalScreen[None]):
    """Opened with F1; any of Esc, F1 or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "dismiss", show=False)]

    def __init__(self, t: Translator, commands: Sequence[Command]) -> None:
        super().__init__()
        self._t = t
        self._commands = commands

    def compose(self) -> ComposeResult:
        t = self._t
        rows = [
            (key_display(command.key), command.label(t), command.help(t, name="…"))
            for command in self._commands
        ]
        rows.append(("Ctrl+P", "Command palette", ""))
        rows.append(("Ctrl+Q", t("cmd.quit"), t("cmd.quit.help")))
        keys = Text()
        for key, label, description in rows:
            keys.append(fit(key, 10), "bold")
            keys.append(fit(label, 16))
            keys.append(description + "\n")
        with VerticalScroll(id="help-body"):
            yield Static(Text(t("help.title"), style="bold"), classes="help-heading")
            yield Static(Text(t("help.keys"), style="bold underline"))
            yield Static(keys)
            yield Static(Text(t("help.syntax"), style="bold underline"), classes="help-section")
            yield Static(Text(t("help.syntax.body")))
            yield Static(Text(t("help.close"), style="italic"), classes="help-section")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
