"""The export dialog: format, layout, anonymise, folder — then the file, and a notification
with its path. A session summary from capture, the theme report from the theme board.

The folder it proposes is where it wrote last (remembered in the settings), else the user's
documents folder; a folder that does not exist yet is made. Its options show their state
with a mark, not by colour alone.

The export runs on the store thread, like every use case (it reads the whole session or
every theme), so the dialog stays responsive; a bad folder or an existing file is a
notification, never a crash.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioSet

from dialoog_tui.i18n import Translator

# Light: what an export needs it imports when it runs, on the store thread.
from dialoog_tui.services import exports
from dialoog_tui.services.exports import ExportChoice
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.widgets.toggles import MarkedCheckbox, MarkedRadioButton

FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON", "qdpx": "REFI-QDA"}
LAYOUTS = ("minutes", "by-kind")


class OverwriteBox(MarkedCheckbox, inherit_bindings=False):
    """Ticked with Space; Enter exports. An existing file moves the focus here, and the
    note-taker who ticks it and presses Enter means "export", not "untick"."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "toggle_button", show=False)]


@runtime_checkable
class RemembersFolder(Protocol):
    """An app that keeps the export folder between exports (`DialoogApp`)."""

    @property
    def export_folder(self) -> Path: ...

    def remember_export_folder(self, folder: Path) -> None: ...


class ExportDialog(ModalScreen[Path | None]):
    """Tells the user where the file went, and returns its path (None when cancelled)."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False),
        # Reaches the screen only from a control that leaves Enter alone (`OverwriteBox`).
        Binding("enter", "export", show=False),
    ]

    def __init__(
        self,
        gateway: StoreGateway,
        t: Translator,
        *,
        session_key: str | None = None,
        theme_sessions: Sequence[int] | None = None,
        folder: Path | None = None,
        table: str | None = None,
    ) -> None:
        """A session's summary (`session_key`), else the theme report over `theme_sessions`
        (None: all sessions); `table`: the table the session is captured at, whose own
        minutes are offered (and ticked: its note-taker's most likely wish)."""
        super().__init__()
        self._gateway = gateway
        self._t = t
        self._session_key = session_key
        self._theme_sessions = list(theme_sessions) if theme_sessions is not None else None
        self._folder = folder
        self._table = table
        self._formats = (
            ("md", "html", "json", "qdpx") if session_key is not None else ("md", "html")
        )

    def compose(self) -> ComposeResult:
        t = self._t
        what = "export.session" if self._session_key is not None else "export.themes"
        with Vertical(id="export-dialog"):
            yield Label(t(what), id="export-title")
            yield Label(t("export.format"))
            with RadioSet(id="export-format"):
                for index, fmt in enumerate(self._formats):
                    yield MarkedRadioButton(FORMATS[fmt], value=index == 0, id=f"format-{fmt}")
            if self._session_key is not None:
                yield Label(t("export.layout"))
                with RadioSet(id="export-layout"):
                    for index, layout in enumerate(LAYOUTS):
                        yield MarkedRadioButton(
                            t(f"export.layout.{layout}"), value=index == 0, id=f"layout-{layout}"
                        )
            if self._table is not None:
                yield MarkedCheckbox(
                    t("export.only_table", table=self._table), value=True, id="export-table"
                )
            yield MarkedCheckbox(t("export.anonymize"), id="export-anonymize")
            yield Label(t("export.folder"))
            yield Input(str(self._proposed_folder()), id="export-folder")
            yield OverwriteBox(t("export.overwrite"), id="export-force")
            with Horizontal(id="export-buttons"):
                yield Button(t("export.go"), variant="primary", id="export-go")
                yield Button(t("new.cancel"), id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-format", RadioSet).focus()

    def _proposed_folder(self) -> Path:
        if self._folder is not None:
            return self._folder
        if isinstance(self.app, RemembersFolder):
            return self.app.export_folder
        from dialoog_tui.paths import documents_dir

        return documents_dir()

    def chosen_format(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_index
        return self._formats[max(pressed, 0)]

    def chosen_layout(self) -> str:
        """Minutes or by kind (the theme report has one layout)."""
        if self._session_key is None:
            return LAYOUTS[0]
        return LAYOUTS[max(self.query_one("#export-layout", RadioSet).pressed_index, 0)]

    def chosen_table(self) -> str | None:
        """The table whose own minutes are asked for (None: the whole room)."""
        if self._table is None or not self.query_one("#export-table", Checkbox).value:
            return None
        return self._table

    def action_export(self) -> None:
        if not self.query_one("#export-go", Button).disabled:
            self._go()

    @on(Input.Submitted, "#export-folder")
    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        self.query_one("#export-go", Button).disabled = True
        self.run_worker(self._export(), group="export", exclusive=True, exit_on_error=False)

    async def _export(self) -> None:
        from dialoog_tui.errors import InvalidInput, NotFound
        from dialoog_tui.files import ExistingFile

        folder = Path(self.query_one("#export-folder", Input).value.strip() or ".").expanduser()
        choice = exports.ExportChoice(
            format=self.chosen_format(),
            anonymize=self.query_one("#export-anonymize", Checkbox).value,
            lang=self._t.lang,
            layout=self.chosen_layout(),
            table=self.chosen_table(),
        )
        force = self.query_one("#export-force", Checkbox).value
        try:
            written = await self._write(folder, choice, force)
        except ExistingFile as error:
            self._refused(self._t("export.exists", path=str(error.path)))
            # The message says to tick it: Space does, Enter then exports (the button's
            # focus went to the next control, Cancel, while it was disabled).
            self.query_one("#export-force", Checkbox).focus()
            return
        except (InvalidInput, NotFound) as error:
            self._refused(self._t.explain(error))
            self.query_one("#export-folder", Input).focus()
            return
        if isinstance(self.app, RemembersFolder):
            self.app.remember_export_folder(written[0].parent.resolve())
        names = ", ".join(path.name for path in written[1:])
        said = self._t("export.written", path=str(written[0]))
        if names:
            said += "\n" + self._t("export.beside", names=names)
        self.notify(said, markup=False, timeout=10)
        self.dismiss(written[0])

    def _refused(self, message: str) -> None:
        self.notify(message, severity="error", markup=False)
        self.query_one("#export-go", Button).disabled = False

    async def _write(self, folder: Path, choice: ExportChoice, force: bool) -> list[Path]:
        """Render and write, on the store thread like every use case. Themes as stored:
        finding them here would load the clustering libraries into the TUI and keep the
        dialog waiting (the board's R finds them in a child process)."""
        now = datetime.now(UTC)
        if self._session_key is not None:
            return await self._gateway.call(
                exports.write_session_export,
                self._session_key,
                choice,
                folder,
                now=now,
                force=force,
                find_if_missing=False,
            )
        return await self._gateway.call(
            exports.write_themes_export,
            self._theme_sessions,
            choice,
            folder,
            now=now,
            force=force,
            find_if_missing=False,
        )

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close without writing anything."""
        self.dismiss(None)
