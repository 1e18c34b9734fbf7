"""The session picker: start a new session or resume a recent one."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from dialoog_tui.core.display import visible
from dialoog_tui.core.model import NewSession, SessionSummary
from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.commands import Command, PaletteEntry, palette_entries_for, with_commands
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.messages import SessionChosen
from dialoog_tui.tui.screens.base import DialoogScreen
from dialoog_tui.tui.widgets.key_hints import KeyHints
from dialoog_tui.tui.widgets.lists import EndStopOptionList

sessions = LazyModule("dialoog_tui.services.sessions")

NEW_SESSION = "new"

PICKER_COMMANDS: tuple[Command, ...] = (
    Command("open_session", "enter", action="open_highlighted"),
    Command("new_session", "ctrl+n"),
    Command("theme_board", "f3"),
    Command("help", "f1"),
)


class PickerScreen(DialoogScreen[None]):
    """A list of sessions, newest first, with 'new session' on top."""

    def __init__(
        self, gateway: StoreGateway, t: Translator, *, person: Callable[[], str] = str
    ) -> None:
        """`person`: who takes the notes, offered as a new session's note-taker; asked each
        time, as the first session made names them."""
        super().__init__()
        self._gateway = gateway
        self._t = t
        self._person = person
        self._bindings = with_commands(self._bindings, PICKER_COMMANDS, t)

    def compose(self) -> ComposeResult:
        yield Static(Text(self._t("picker.title"), style="bold"), id="picker-title")
        yield EndStopOptionList(id="sessions")
        yield Static(id="picker-hint")
        yield KeyHints(self._t, id="key-hints")

    def on_mount(self) -> None:
        self.query_one("#picker-hint", Static).update(self._t("picker.loading"))
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        # Also on first display; after the frame is drawn, so the screen shows at once.
        self.call_after_refresh(
            self.run_worker, self._load(), group="sessions", exclusive=True, exit_on_error=False
        )

    async def _load(self) -> None:
        summaries = await self._gateway.call(sessions.listing)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_option(Option(Text(self._t("picker.new"), style="bold"), id=NEW_SESSION))
        options.add_options(self._option(summary) for summary in summaries)
        options.highlighted = 1 if summaries else 0
        hint = "" if summaries else self._t("picker.empty")
        self.query_one("#picker-hint", Static).update(hint)

    def _option(self, summary: SessionSummary) -> Option:
        session = summary.session
        prompt = Text()
        prompt.append(session.started_at.astimezone().strftime("%Y-%m-%d %H:%M  "), "dim")
        prompt.append(visible(session.title), "bold")
        prompt.append(f"  ({self._t('picker.count', count=summary.contribution_count)})", "dim")
        if session.question:
            prompt.append("\n    " + visible(session.question), "italic")
        return Option(prompt, id=str(session.id))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def action_open_highlighted(self) -> None:
        """Open the highlighted session (or the new-session form)."""
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(options.get_option_at_index(options.highlighted).id)

    def action_new_session(self) -> None:
        """Ask for the new session's details."""
        from dialoog_tui.tui.screens.new_session import NewSessionScreen

        def start(new: NewSession | None) -> None:
            if new is not None:
                self._request(new)

        self.app.push_screen(NewSessionScreen(self._t, person=self._person()), start)

    def _open(self, option_id: str | None) -> None:
        if option_id == NEW_SESSION:
            self.action_new_session()
        elif option_id is not None:
            self._request(int(option_id))

    def _request(self, request: int | NewSession) -> None:
        self.post_message(SessionChosen(request))

    def action_theme_board(self) -> None:
        """The themes across all sessions, to review and curate."""
        from dialoog_tui.tui.themes.board import ThemeBoardScreen

        self.app.push_screen(ThemeBoardScreen(self._gateway, self._t))

    def action_help(self) -> None:
        """Show the keys."""
        from dialoog_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self._t, PICKER_COMMANDS))

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """The picker's commands for the palette."""
        yield from palette_entries_for(PICKER_COMMANDS, self._t, enabled=lambda _action: True)
