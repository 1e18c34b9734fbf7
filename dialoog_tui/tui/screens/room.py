"""The facilitator's room view (`dialoog room SESSION`): every table of a big meeting side by
side, updated as the note-takers log, and the themes heard at more than one table.

Read-only. What it shows may be on a projector, so it comes through the consent gate
(`services/room.py`). It follows the database with the same watch as the capture screen
and reads the room again when something was written; R finds the themes anew, in a child
process, as the theme board does.

As the wall (`dialoog wall`, and in a browser `dialoog serve`) it has no keys at all: the
wall is for anyone to look at, and nothing anyone presses there may change the record (or
start a theme run that stores one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.widgets import Static

from dialoog_tui.core.display import visible
from dialoog_tui.core.model import SessionRequest
from dialoog_tui.errors import StoreError
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.capture.other_screens import watch_session
from dialoog_tui.tui.commands import Command, with_commands
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.screens.base import DialoogScreen
from dialoog_tui.tui.widgets.key_hints import KeyHints

if TYPE_CHECKING:
    from dialoog_tui.services import room
    from dialoog_tui.services.room import Room, TableView
    from dialoog_tui.services.watching import Watch
else:
    from dialoog_tui.lazy import LazyModule

    room = LazyModule("dialoog_tui.services.room")

TABLE_WIDTH = 36
"""Columns a table needs to be read at (a table at 80 columns: two side by side)."""

ROOM_COMMANDS = (
    Command("find_themes", "r"),
    Command("quit_room", "escape,q", action="app.quit"),
)


class RoomScreen(DialoogScreen[None]):
    """Per table what was said last and by whom, and the themes across tables."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("tab", "app.focus_next", show=False)]
    DEFAULT_CSS = """
    RoomScreen #room-title { padding: 0 1; text-style: bold; }
    RoomScreen #room-tables { height: 1fr; layout: grid; grid-size: 3; }
    RoomScreen .room-table { padding: 0 1; border-right: vkey $panel; overflow-y: hidden; }
    RoomScreen #room-themes { height: auto; max-height: 12; padding: 0 1; border-top: hkey $panel; }
    """

    def __init__(
        self, request: SessionRequest, gateway: StoreGateway, t: Translator, *, wall: bool = False
    ) -> None:
        super().__init__()
        self._request = request
        self._gateway = gateway
        self._t = t
        self.wall = wall
        """Shown to anyone (the wall): no keys, not even R."""
        if not wall:
            self._bindings = with_commands(self._bindings, ROOM_COMMANDS, t)
        self._session_id: int | None = None
        self._watch: Watch | None = None
        self._reading = False
        self._again = False
        self._finding = False
        self.shown: Room | None = None
        """What the screen shows now."""

    def compose(self) -> ComposeResult:
        yield Static(Text(self._t("capture.loading")), id="room-title")
        yield Container(id="room-tables")
        with VerticalScroll(id="room-themes"):
            yield Static(id="room-themes-text")
        if not self.wall:
            yield KeyHints(self._t, id="key-hints")

    def on_mount(self) -> None:
        # Group "open": a session that cannot be opened ends the app with the reason.
        self.run_worker(self._open(), group="open", exit_on_error=False)

    def on_unmount(self) -> None:
        if self._watch is not None:
            self._watch.stop()

    async def _open(self) -> None:
        session_id = await self._gateway.call(room.open_room, str(self._request))
        self._session_id = session_id
        self._watch = watch_session(self._gateway.target, session_id, self._wanted)
        await self._read()

    def _wanted(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True  # now, not in the worker: two calls must not start two reads
        self.run_worker(self._read(), group="room-read", exit_on_error=False)

    async def _read(self) -> None:
        if self._session_id is None:
            self._reading = False
            return
        self._reading = True
        try:
            again = True
            while again:
                self._again = False
                try:
                    shown = await self._gateway.call(room.room_view, self._session_id)
                except StoreError:
                    return  # away for now: the watch calls again once it can
                await self._show(shown)
                again = self._again
        finally:
            self._reading = False

    async def _show(self, shown: Room) -> None:
        t = self._t
        self.shown = shown
        title = Text.assemble(
            (f"{t('wall.title' if self.wall else 'room.title')} — ", "bold"),
            (visible(shown.title), "bold"),
            "   ",
        )
        named = sum(1 for table in shown.tables if table.name is not None)
        if named:
            title.append(t("room.tables", count=named), "dim")
        self.query_one("#room-title", Static).update(title)
        tables = self.query_one("#room-tables", Container)
        self._fit_columns()
        panels = list(tables.query(".room-table").results(Static))
        while len(panels) < len(shown.tables):
            panel = Static(classes="room-table")
            await tables.mount(panel)
            panels.append(panel)
        for panel in panels[len(shown.tables) :]:
            await panel.remove()
        for panel, view in zip(panels, shown.tables, strict=False):
            panel.update(self._table_text(view))
        self.query_one("#room-themes-text", Static).update(self._themes_text(shown))

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """As many tables side by side as fit at a readable width; the rest below them."""
        count = len(self.shown.tables) if self.shown is not None else 1
        columns = max(1, min(count, self.size.width // TABLE_WIDTH))
        self.query_one("#room-tables", Container).styles.grid_size_columns = columns

    def _table_text(self, view: TableView) -> Text:
        t = self._t
        text = Text()
        text.append(visible(view.name) if view.name else t("room.no_table"), "bold")
        if view.note_taker:
            text.append(f"  ({visible(view.note_taker)})", "dim")
        text.append("\n")
        text.append(t("picker.count", count=view.total), "dim")
        text.append("\n")
        for domain, count in view.by_domain:
            text.append(f"{visible(domain)} {count}  ", "dim")
        text.append("\n\n")
        # Newest first: where a small screen cuts a table short, it cuts the oldest.
        for line in reversed(view.latest):
            text.append(line.at.astimezone().strftime("%H:%M "), "dim")
            if line.speaker:
                text.append(visible(line.speaker), "bold")
            else:
                text.append(t("room.whole_room" if line.by_room else "room.anonymous"), "bold")
            text.append(f" ({line.kind.label(t.lang)}): ", "dim")
            text.append(visible(line.text) or "…")
            text.append("\n")
        return text

    def _themes_text(self, shown: Room) -> Text:
        t = self._t
        at_tables = any(table.name is not None for table in shown.tables)
        text = Text(t("room.themes" if at_tables else "room.themes_here"), style="bold")
        text.append("\n")
        if self._finding:
            text.append(t("room.finding"), "dim")
            return text
        if not shown.themes_found:
            text.append(t("room.no_run"), "dim")
            return text
        if not shown.themes:
            text.append(t("room.no_themes"), "dim")
        for theme in shown.themes:
            mark = "◆ " if len(theme.tables) > 1 else "· "
            text.append(mark, "bold")
            text.append(visible(theme.title), "bold" if len(theme.tables) > 1 else "")
            if theme.tables:
                text.append(f"  — {', '.join(visible(name) for name in theme.tables)}", "dim")
            text.append(f"  ({theme.heard})\n", "dim")
        return text

    def action_find_themes(self) -> None:
        """Find the themes anew over every session (in a child process)."""
        if self._finding or self.wall:
            return
        self._finding = True
        if self.shown is not None:
            self.query_one("#room-themes-text", Static).update(self._themes_text(self.shown))
        self.run_worker(self._find(), group="room-themes", exit_on_error=False)

    async def _find(self) -> None:
        from dialoog_tui.tui.themes.runner import ThemeRunFailed, ThemeRunner

        runner = ThemeRunner(self._gateway.target)
        try:
            await runner.run(None)
        except ThemeRunFailed as error:
            self.notify(self._t.explain(error), severity="error", markup=False)
        finally:
            self._finding = False
        self._wanted()
