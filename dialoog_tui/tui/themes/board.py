"""The theme board: the themes of chosen sessions, for a facilitator to review and curate.

One row per theme: its mark (★ accepted, ✎ curated, ↻ recurring), name or label, size, how
many sessions it was heard in, a bar per session and the spread over domains. Enter opens the
theme's card; the keys in the footer accept, rename, merge (Space marks themes), reject, undo
and show the history. R finds the themes again in a child process, with progress; C cancels.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Static

from dialoog_tui.core.display import fit, sparkline, visible
from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.commands import Command, PaletteEntry, palette_entries_for, with_commands
from dialoog_tui.tui.found import Chosen, ShowsFound
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.look import Look, look_from_variables
from dialoog_tui.tui.themes.curating import NAME_FIELD, CuratingScreen, curation
from dialoog_tui.tui.themes.rows import domain_spread, theme_mark
from dialoog_tui.tui.themes.runner import ThemeRunFailed, ThemeRunner
from dialoog_tui.tui.widgets.key_hints import KeyHints

if TYPE_CHECKING:
    from dialoog_tui.core.themes.explain import ThemeSummary
    from dialoog_tui.core.themes.progress import Step
    from dialoog_tui.core.themes.run import ThemeReport
    from dialoog_tui.services.themes import BoardData

theme_service = LazyModule("dialoog_tui.services.themes")

BOARD_COMMANDS: tuple[Command, ...] = (
    Command("open_card", "enter"),
    Command("mark", "space"),
    Command("accept", "a"),
    Command("rename", "n"),
    Command("merge", "m"),
    Command("reject", "x"),
    Command("undo", "u,ctrl+z", text_key="cmd.undo_curation"),
    Command("history", "h"),
    Command("recluster", "r"),
    Command("cancel_run", "c"),
    Command("sort", "o", show=False),
    Command("export_themes", "e"),
    Command("search", "ctrl+f"),
    Command("close", "escape", text_key="cmd.back"),
)

SORTS = ("recurrence", "size", "name")


class ThemeBoardScreen(CuratingScreen):
    """Themes across sessions (or of one session), with curation from the keyboard."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("tab", "app.focus_next", show=False)]

    def __init__(
        self,
        gateway: StoreGateway,
        t: Translator,
        *,
        session_ids: Sequence[int] | None = None,
    ) -> None:
        super().__init__(gateway, t)
        self._look = Look()
        """Colours of the current theme (read when mounted)."""
        self._bindings = with_commands(self._bindings, BOARD_COMMANDS, t)
        self.session_ids = list(session_ids) if session_ids is not None else None
        """The sessions shown; None: all of them."""
        self.data: BoardData | None = None
        """What is shown."""
        self.marked: list[str] = []
        """Themes marked (Space) for a merge, in the order marked."""
        self.sort = SORTS[0]
        self.runner = ThemeRunner(gateway.target)

    def compose(self) -> ComposeResult:
        yield Static(id="board-title")
        yield DataTable(id="board-themes", cursor_type="row", zebra_stripes=True)
        yield Static(id="board-status")
        yield Input(id=NAME_FIELD, classes="board-input")
        yield KeyHints(self.t, id="key-hints")

    def on_mount(self) -> None:
        t = self.t
        self._look = look_from_variables(self.app.theme_variables)
        table = self.query_one("#board-themes", DataTable)
        # Fixed width: "● ★" when marked for a merge, so marking never shifts the columns.
        table.add_column(" ", width=3)
        table.add_columns(
            t("themes.theme"),
            t("themes.size"),
            t("themes.sessions"),
            t("themes.per_session"),
            t("themes.domains"),
        )
        table.focus()
        self._status(t("themes.loading"))
        self.run_worker(self._first_load(), group="board", exclusive=True, exit_on_error=False)

    def on_unmount(self) -> None:
        self.runner.cancel()  # a run nobody will see is not worth the machine's time

    async def _first_load(self) -> None:
        await self.reload()
        if self.data is not None and not self.data.sessions:
            self._status(self.t("picker.empty"))
            return
        if self.data is None or self.data.report is None or self.data.stale:
            # Nothing found over these sessions yet: find it now, showing progress.
            self.action_recluster()

    async def reload(self) -> None:
        self.data = await self.gateway.call(theme_service.board, self.session_ids)
        self._show()

    # --- showing -------------------------------------------------------------------------

    def themes(self) -> list[ThemeSummary]:
        """The themes in the order shown."""
        if self.data is None or self.data.report is None:
            return []
        themes = list(self.data.report.themes)  # by recurrence, as the report sorts them
        if self.sort == "size":
            themes.sort(key=lambda theme: (-theme.size, theme.id))
        elif self.sort == "name":
            themes.sort(key=lambda theme: (theme.title.casefold(), theme.id))
        return themes

    def _show(self) -> None:
        t = self.t
        data = self.data
        title = Text(t("themes.board"), style="bold")
        scope = t("themes.all") if self.session_ids is None else t("themes.this_session")
        title.append(f" — {scope}")
        table = self.query_one("#board-themes", DataTable)
        highlighted = self.highlighted_id()
        table.clear()
        report = data.report if data else None
        if report is None:
            self.query_one("#board-title", Static).update(title)
            if not self.runner.running:
                self._status(t("themes.none_yet"))
            return
        when = report.run.at.astimezone().strftime("%Y-%m-%d %H:%M")
        title.append(
            "  " + t("themes.summary", themes=len(report.themes), when=when), style="italic"
        )
        self.query_one("#board-title", Static).update(title)
        sessions = list(report.run.session_ids)
        assert data is not None
        self.marked = [key for key in self.marked if any(th.id == key for th in report.themes)]
        for theme in self.themes():
            per_session = dict(theme.sessions)
            mark = theme_mark(theme, report.min_sessions)
            if theme.id in self.marked:
                mark = Text("● ", style="bold") + mark
            table.add_row(
                mark,
                Text(fit(visible(theme.title), self._title_width())),
                str(theme.size),
                str(len(theme.sessions)),
                Text(sparkline([per_session.get(s, 0) for s in sessions])),
                domain_spread(
                    theme.domains, data.domains, self._look, labels=self.size.width >= 100
                ),
                key=theme.id,
            )
        if highlighted is not None and highlighted in {th.id for th in report.themes}:
            table.move_cursor(row=table.get_row_index(highlighted))
        if not self.runner.running:
            self._status(self._hint(data, report))

    def _title_width(self) -> int:
        """The theme column gives way first on a narrow screen: every other column (status,
        counts, sessions, domains) keeps its room."""
        return max(16, min(44, self.size.width - 52))

    def on_resize(self) -> None:
        if self.data is not None:
            self._show()

    def _hint(self, data: BoardData, report: ThemeReport) -> str:
        """What the status line says under the themes shown."""
        t = self.t
        if data.stale:
            return t("themes.stale")
        if report.unclustered:  # the note-taker logged more since the run
            return t("themes.unclustered", count=len(report.unclustered))
        if not report.themes:
            return t("themes.no_themes")
        return t("themes.unassigned", count=len(report.unassigned))

    def _status(self, text: str) -> None:
        self.query_one("#board-status", Static).update(Text(text))

    def highlighted_id(self) -> str | None:
        table = self.query_one("#board-themes", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    # --- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_run":
            return self.runner.running
        if action == "recluster":
            return not self.runner.running
        if action in ("open_card", "mark", "accept", "rename", "merge", "reject"):
            return self.is_mounted and self.highlighted_id() is not None
        return True

    def action_open_card(self) -> None:
        """Open the highlighted theme's card."""
        from dialoog_tui.tui.themes.card import ThemeCardScreen

        key = self.highlighted_id()
        if key is not None and self.data is not None and self.data.report is not None:
            scope = list(self.data.report.run.session_ids)
            card = ThemeCardScreen(
                self.gateway,
                self.t,
                key=key,
                session_ids=scope,
                domains=self.data.domains,
            )
            self.app.push_screen(card, lambda _result: self._reload_later())

    def _reload_later(self) -> None:
        self.run_worker(self.reload(), group="board", exclusive=True, exit_on_error=False)

    def action_mark(self) -> None:
        """Mark the highlighted theme for a merge (or unmark it)."""
        key = self.highlighted_id()
        if key is None:
            return
        if key in self.marked:
            self.marked.remove(key)
        else:
            self.marked.append(key)
        self._show()
        self.query_one("#board-themes", DataTable).action_cursor_down()

    async def action_accept(self) -> None:
        """Accept the highlighted theme: it keeps its id, name and members from now on."""
        key = self.highlighted_id()
        if key is not None:
            await self.curate(curation.accept_theme, key=key)

    async def action_reject(self) -> None:
        """Mark the highlighted theme as not a theme."""
        key = self.highlighted_id()
        if key is not None:
            await self.curate(curation.reject_theme, key=key)

    async def action_merge(self) -> None:
        """Merge the marked themes (with the highlighted one when only one is marked)."""
        keys = list(self.marked)
        highlighted = self.highlighted_id()
        if len(keys) < 2 and highlighted is not None and highlighted not in keys:
            keys.append(highlighted)
        if len(keys) < 2:
            self.notify(self.t("themes.mark_two"), severity="warning")
            return
        outcome = await self.curate(curation.merge_themes, keys=keys)
        if outcome is not None:
            self.marked = []
            self._show()

    def action_rename(self) -> None:
        """Name the highlighted theme (in the line under the list; Enter saves, Esc not)."""
        key = self.highlighted_id()
        theme = next((th for th in self.themes() if th.id == key), None)
        if theme is not None:
            self.ask_name(theme)

    def focus_list(self) -> None:
        self.query_one("#board-themes", DataTable).focus()

    def action_recluster(self) -> None:
        """Find the themes again (curated ones are kept), in the background."""
        if self.runner.running:
            return
        self._status(self.t("themes.running"))
        self.runner.start()
        self.run_worker(self._recluster(), group="recluster", exclusive=True, exit_on_error=False)
        self.refresh_bindings()

    async def _recluster(self) -> None:
        def progress(step: Step) -> None:
            said = self.t(f"themes.step.{step.key}", count=step.count)
            self._status(self.t("themes.progress", step=said))

        try:
            finished = await self.runner.run(self.session_ids, progress, fresh=True) is not None
        except ThemeRunFailed as error:
            self.notify(self.t.explain(error), severity="error", markup=False)
            finished = False
        self.refresh_bindings()
        if finished:
            await self.reload()
            self.notify(self.t("themes.found", themes=len(self.themes())))
        else:
            self._show()
            if self.runner.cancelled:
                self._status(self.t("themes.cancelled"))

    def action_cancel_run(self) -> None:
        """Stop the run under way; the themes shown stay as they were."""
        self.runner.cancel()

    def action_export_themes(self) -> None:
        """Export the theme report over the board's sessions."""
        from dialoog_tui.tui.screens.export_dialog import ExportDialog

        scope = list(self.data.report.run.session_ids) if self.data and self.data.report else None
        self.app.push_screen(ExportDialog(self.gateway, self.t, theme_sessions=scope))

    def action_sort(self) -> None:
        """Sort by recurrence, size or name."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.notify(self.t(f"themes.sort.{self.sort}"))
        self._show()

    def action_search(self) -> None:
        """Search what was said in every session (Ctrl+F); the chosen result is shown
        where it was said."""
        from dialoog_tui.tui.screens.search import SearchScreen

        def jump(chosen: Chosen | None) -> None:
            if chosen is not None and isinstance(self.app, ShowsFound):
                self.app.show_found(chosen)

        self.app.push_screen(SearchScreen(self.gateway, self.t), jump)

    def action_close(self) -> None:
        """Close the name field, else go back."""
        if self.naming is not None:
            self.close_name_field()
            return
        self.dismiss(None)

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """The board's commands for the palette."""
        yield from palette_entries_for(
            BOARD_COMMANDS, self.t, enabled=lambda action: self.check_action(action, ())
        )

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#board-themes")
    def _selected(self) -> None:
        # The table takes Enter for itself; selecting a row is opening its card.
        self.action_open_card()
