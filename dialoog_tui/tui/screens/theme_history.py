"""Every curation action: who did what, when, and whether it was undone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from dialoog_tui.core.display import visible
from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.commands import Command, PaletteEntry, palette_entries_for, with_commands
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.screens.base import DialoogScreen
from dialoog_tui.tui.widgets.key_hints import KeyHints

curation_store = LazyModule("dialoog_tui.store.curation")

HISTORY_COMMANDS: tuple[Command, ...] = (Command("close", "escape,h", text_key="cmd.back"),)


class ThemeHistoryScreen(DialoogScreen[None]):
    """The curation history, newest first."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("tab", "app.focus_next", show=False)]

    def __init__(self, gateway: StoreGateway, t: Translator) -> None:
        super().__init__()
        self._gateway = gateway
        self._t = t
        self._bindings = with_commands(self._bindings, HISTORY_COMMANDS, t)

    def compose(self) -> ComposeResult:
        yield Static(Text(self._t("themes.history"), style="bold"), id="board-title")
        yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield KeyHints(self._t("cmd.palette"), id="key-hints")

    def on_mount(self) -> None:
        t = self._t
        table = self.query_one(DataTable)
        table.add_columns(
            t("themes.when"),
            t("themes.who"),
            t("themes.action"),
            t("themes.theme"),
            t("themes.what"),
        )
        table.focus()
        self.run_worker(self._load(), group="history", exclusive=True, exit_on_error=False)

    async def _load(self) -> None:
        actions = await self._gateway.read(lambda db: curation_store.history(db=db))
        table = self.query_one(DataTable)
        for action in reversed(actions):
            detail = Text(visible(action.detail))
            if action.undone_at is not None:
                detail.append(f"  ({self._t('themes.was_undone')})", "italic")
            table.add_row(
                action.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                Text(visible(action.actor)),
                action.kind.value,
                ", ".join(action.themes),
                detail,
            )
        if not actions:
            self.notify(self._t("themes.no_history"))

    def action_close(self) -> None:
        """Back."""
        self.dismiss(None)

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """The history's commands for the palette."""
        yield from palette_entries_for(HISTORY_COMMANDS, self._t, enabled=lambda _action: True)
