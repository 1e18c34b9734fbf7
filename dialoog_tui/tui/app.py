"""The App: wires settings, themes, the store gateway and the screens together. Nothing else."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from msgspec.structs import replace
from textual import on
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import ThemeProvider

from dialoog_tui.collector import SETTLED_AT_LATEST, settle_if_held
from dialoog_tui.config import default_person, load_settings, save_settings
from dialoog_tui.core.model import NewSession, SessionRequest
from dialoog_tui.i18n import Translator
from dialoog_tui.services.database import DatabaseTarget
from dialoog_tui.services.outbox import outbox_for
from dialoog_tui.tui.capture.recorder import Recorder
from dialoog_tui.tui.capture.screen import CaptureScreen
from dialoog_tui.tui.colour_themes import offer_colour_themes
from dialoog_tui.tui.commands import ScreenCommands
from dialoog_tui.tui.found import Chosen
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.messages import BackgroundWorkFailed, SessionChosen, say_failure
from dialoog_tui.tui.palette import DialoogPalette


def utc_clock() -> datetime:
    """The real time, timezone-aware."""
    return datetime.now(UTC)


class DialoogApp(App[int]):
    """dialoog's terminal interface."""

    CSS_PATH = "dialoog.tcss"
    TITLE = "dialoog"
    COMMANDS = App.COMMANDS | {ScreenCommands}

    def __init__(
        self,
        *,
        gateway: StoreGateway,
        request: SessionRequest | None,
        lang: str,
        settings_file: Path,
        theme: str | None = None,
        clock: Callable[[], datetime] = utc_clock,
        live_themes: bool = True,
        table: str | None = None,
        room: bool = False,
    ) -> None:
        super().__init__()
        self.gateway = gateway
        """The way to the store, shared by all screens."""
        self.t = Translator(lang)
        """Interface texts."""
        self.clock = clock
        """Time source (a fixed one in tests)."""
        self.live_themes = live_themes
        """Whether capture opens with the live themes panel."""
        self.table = table
        """The table the note-taker captures at (None: the whole room)."""
        self._room = room
        self._request = request
        self._settings_file = settings_file
        self._settings = load_settings(settings_file)
        offer_colour_themes(self, theme or self._settings.theme)
        if self._settings.keymap:
            self.set_keymap(self._settings.keymap)

    def on_mount(self) -> None:
        # The collector is held back while the app starts (collector.py); capture resumes
        # it once a session is loaded, this in any case.
        self.set_timer(SETTLED_AT_LATEST, settle_if_held)
        self._remember_theme()
        self.theme_changed_signal.subscribe(self, lambda _theme: self._remember_theme())
        # Shown once the app's own mount is over: Textual holds back every frame until then,
        # so a screen pushed now would be laid out and drawn for nothing, and the first frame
        # shown would hold only what changed since (the input line came a frame later).
        self.call_later(self._show_first_screen)

    def _show_first_screen(self) -> None:
        if self._request is None:
            self.push_screen(self._picker())
        elif self._room:
            from dialoog_tui.tui.screens.room import RoomScreen

            self.push_screen(RoomScreen(self._request, self.gateway, self.t))
        else:
            self._open(self._request)

    def _remember_theme(self) -> None:
        if self.theme != self._settings.theme:
            self._settings = replace(self._settings, theme=self.theme)
            save_settings(self._settings_file, self._settings)

    @property
    def person(self) -> str:
        """Who takes the notes: the settings' name, else $DIALOOG_USER or the login."""
        return self._settings.person or default_person()

    @property
    def export_folder(self) -> Path:
        """Where the export dialog proposes to write: where it wrote last, else the user's
        documents folder."""
        from dialoog_tui.paths import documents_dir

        return (
            Path(self._settings.export_folder) if self._settings.export_folder else documents_dir()
        )

    def remember_export_folder(self, folder: Path) -> None:
        """The export dialog wrote into `folder`: propose it next time, also after a restart."""
        if str(folder) != self._settings.export_folder:
            self._settings = replace(self._settings, export_folder=str(folder))
            save_settings(self._settings_file, self._settings)

    def _open(self, request: SessionRequest) -> None:
        if isinstance(request, NewSession) and request.note_taker and not self._settings.person:
            # Asked once: the first session's note-taker is who takes the notes from now on.
            self._settings = replace(self._settings, person=request.note_taker)
            save_settings(self._settings_file, self._settings)
        outbox = outbox_for(self.gateway.target)
        recorder = Recorder(
            self.gateway, self.clock, person=self.person, outbox=outbox, table_name=self.table
        )
        self.push_screen(CaptureScreen(request, recorder, self.t, live_themes=self.live_themes))

    def show_found(self, chosen: Chosen) -> None:
        """Show a contribution a search found where it was said: selected in the capture
        screen of its session (the one open, or its session's in that one's place)."""
        capture = next(
            (s for s in reversed(self.screen_stack) if isinstance(s, CaptureScreen)), None
        )
        if capture is not None:
            while self.screen is not capture:
                self.pop_screen()
            if (
                capture.recorder.session is not None
                and capture.recorder.session_id == chosen.session_id
            ):
                capture.run_worker(
                    capture.show_contribution(chosen.contribution_id, chosen.seq),
                    group="jump",
                    exclusive=True,
                    exit_on_error=False,
                )
                return
        # Another session: captured at no table (a table belongs to the session it was
        # named for, and opening one would seat this note-taker there).
        recorder = Recorder(
            self.gateway, self.clock, person=self.person, outbox=outbox_for(self.gateway.target)
        )
        screen = CaptureScreen(
            chosen.session_id, recorder, self.t, live_themes=self.live_themes, show_first=chosen
        )
        if capture is not None:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        # What is typed next goes to this session now: in the middle of a meeting that
        # must not go unnoticed.
        self.notify(
            self.t("search.other_session", title=chosen.session_title),
            severity="warning",
            timeout=12,
            markup=False,
        )

    @on(SessionChosen)
    def _open_from_picker(self, event: SessionChosen) -> None:
        self._open(event.request)

    def _picker(self) -> Screen[None]:
        # Imported when needed: opening a session directly should not pay for the list widget.
        from dialoog_tui.tui.screens.picker import PickerScreen

        return PickerScreen(self.gateway, self.t, person=lambda: self.person)

    def action_show_picker(self) -> None:
        """Back to the session list (the capture screen stays saved)."""
        from dialoog_tui.tui.screens.picker import PickerScreen

        picker = next((s for s in self.screen_stack if isinstance(s, PickerScreen)), None)
        if picker is None:
            self.switch_screen(self._picker())
        else:
            while self.screen is not picker:
                self.pop_screen()

    async def action_quit(self) -> None:
        """Save every half-typed line, then quit."""
        for screen in self.screen_stack:
            if isinstance(screen, CaptureScreen):
                await screen.flush_draft()
        self.exit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's own palette commands are English, and two of them (Keys, Maximize) are
        # about its widget help, which F1 replaces here; these speak the interface language.
        t = self.t
        yield SystemCommand(t("cmd.theme"), t("cmd.theme.help"), self.action_change_theme)
        yield SystemCommand(t("cmd.quit"), t("cmd.quit.help"), self.action_quit)
        yield SystemCommand(
            t("cmd.screenshot"),
            t("cmd.screenshot.help"),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )

    def action_command_palette(self) -> None:
        """Open the command palette, asking in the interface language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = self.t("palette.search")
            self.push_screen(
                DialoogPalette(
                    id="--command-palette",
                    placeholder=placeholder,
                    no_matches=self.t("palette.no_matches"),
                )
            )

    def search_themes(self) -> None:
        """Offer the colour themes to choose from, asking in the interface language."""
        self.push_screen(
            DialoogPalette(
                providers=[ThemeProvider],
                placeholder=self.t("palette.themes"),
                no_matches=self.t("palette.no_matches"),
            )
        )

    def on_unmount(self) -> None:
        # Queued writes (a last draft save) finish before the database is let go.
        self.gateway.close()

    @on(BackgroundWorkFailed)
    def _background_work_failed(self, event: BackgroundWorkFailed) -> None:
        say_failure(self, self.t, event)


def make_app(
    target: DatabaseTarget,
    request: SessionRequest | None,
    *,
    lang: str,
    settings_file: Path,
    theme: str | None = None,
    clock: Callable[[], datetime] = utc_clock,
    live_themes: bool = True,
    table: str | None = None,
    room: bool = False,
) -> DialoogApp:
    """The app on the database at `target`: the one factory for the CLI and the tests.
    With `table`, capture takes place at that table of the session; with `room`, the
    session opens in the facilitator's room view."""
    return DialoogApp(
        gateway=StoreGateway(target),
        request=request,
        lang=lang,
        settings_file=settings_file,
        theme=theme,
        clock=clock,
        live_themes=live_themes,
        table=table,
        room=room,
    )
