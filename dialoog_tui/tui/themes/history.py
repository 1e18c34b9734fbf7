"""Every curation action: who did what, when, and whether it was undone."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

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

if TYPE_CHECKING:
    from dialoog_tui.core.themes.curation import ThemeAction

curation = LazyModule("dialoog_tui.services.curation")

HISTORY_COMMANDS: tuple[Command, ...] = (Command("close", "escape,h", text_key="cmd.back"),)


class ThemeHistoryScreen(DialoogScreen[None]):
    """The curation history, newest first."""

    CSS_PATH = "themes.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("tab", "app.focus_next", show=False)]

    def __init__(self, gateway: StoreGateway, t: Translator) -> None:
        super().__init__()
        self._gateway = gateway
        self._t = t
        self._bindings = with_commands(self._bindings, HISTORY_COMMANDS, t)

    def compose(self) -> ComposeResult:
        yield Static(Text(self._t("themes.history"), style="bold"), id="board-title")
        yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield KeyHints(self._t, id="key-hints")

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
        actions, titles = await self._gateway.call(curation.history_with_titles)
        table = self.query_one(DataTable)
        by_id = {action.id: action for action in actions}
        for action in reversed(actions):
            detail = Text(visible(self._described(action, by_id)))
            if action.undone_at is not None:
                detail.append(f"  ({self._t('themes.was_undone')})", "italic")
            table.add_row(
                action.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                Text(visible(action.actor)),
                self._t(f"themes.action.{action.kind}"),
                Text(visible(", ".join(titles.get(key) or key for key in action.themes))),
                detail,
            )
        if not actions:
            self.notify(self._t("themes.no_history"))

    def _described(self, action: ThemeAction, by_id: Mapping[int, ThemeAction]) -> str:
        """What the action did; for an undo, which action it reversed, in this language
        (an undo's stored detail names the action by its identifier, for the CLI)."""
        undone = by_id.get(action.undoes) if action.undoes is not None else None
        if undone is None:
            return action.detail
        return f"{self._t(f'themes.action.{undone.kind}')} — {undone.detail}"

    def action_close(self) -> None:
        """Back."""
        self.dismiss(None)

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """The history's commands for the palette."""
        yield from palette_entries_for(HISTORY_COMMANDS, self._t, enabled=lambda _action: True)
