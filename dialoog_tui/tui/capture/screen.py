"""The capture screen: log a meeting live from one input line that always has the focus.

One class. What the input line is for lives in one reactive (`entry`, an `EntryState`),
whose changes redraw the footer's keys and the preview. It composes helpers that see it
through `CaptureSurface`: drawing the record (`view.py`), the prompts (`prompts.py`) and
the record-changing keys (`record_keys.py`); the record itself is the recorder's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Input

from dialoog_tui.collector import settled
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import SessionRequest
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.capture import elsewhere
from dialoog_tui.tui.capture.commands import CAPTURE_COMMANDS, SPEAKER_COMMANDS, speaker_entries
from dialoog_tui.tui.capture.contribution_log import ContributionLog
from dialoog_tui.tui.capture.entry_bar import EntryBar
from dialoog_tui.tui.capture.modes import EntryState
from dialoog_tui.tui.capture.other_screens import OtherScreens
from dialoog_tui.tui.capture.participants_panel import ParticipantsPanel
from dialoog_tui.tui.capture.prompts import Prompts
from dialoog_tui.tui.capture.record_keys import RecordKeys
from dialoog_tui.tui.capture.recorder import Recorder
from dialoog_tui.tui.capture.session_header import SessionHeader
from dialoog_tui.tui.capture.suggest import EntrySuggester
from dialoog_tui.tui.capture.themes_panel import ThemesPanel
from dialoog_tui.tui.capture.view import CaptureView
from dialoog_tui.tui.capture.waiting_lines import WaitingLines
from dialoog_tui.tui.commands import PaletteEntry, palette_entries_for, with_commands
from dialoog_tui.tui.found import Chosen, ShowsFound
from dialoog_tui.tui.screens.base import DialoogScreen
from dialoog_tui.tui.widgets.key_hints import KeyHints

if TYPE_CHECKING:
    from dialoog_tui.tui.capture.live_themes import LiveThemes

NARROW = 100
"""Columns below which the side panel takes less room (a laptop beside a projector: 80)."""

DRAFT_SAVE_DELAY = 0.3
"""Seconds of quiet typing after which the input line is saved (a crash loses at most this)."""


class CaptureScreen(DialoogScreen[None]):
    """Header, log and participants, and the input line with its preview."""

    entry: reactive[EntryState] = reactive(EntryState, init=False)
    """What the input line is for, and what it is about."""

    def __init__(
        self,
        request: SessionRequest,
        recorder: Recorder,
        t: Translator,
        *,
        live_themes: bool = True,
        show_first: Chosen | None = None,
    ) -> None:
        """`show_first`: a contribution to select once the session is loaded (a search
        result)."""
        super().__init__()
        self._request = request
        self._show_first = show_first
        self.recorder = recorder
        """Keeps the record; the screen only shows it."""
        self.t = t
        """Interface texts."""
        self._bindings = with_commands(self._bindings, (*CAPTURE_COMMANDS, *SPEAKER_COMMANDS), t)
        self.view = CaptureView(self)
        """Draws the record."""
        self.prompts = Prompts(self, self.view)
        """The input line's prompts."""
        self.keys = RecordKeys(self, self.view, self.prompts)
        """What the keys that change the record do."""
        self._loaded = asyncio.Event()
        self._draft_timer: Timer | None = None
        self.live_themes_on = live_themes
        """Whether the live themes panel shows (F4 switches)."""
        self.live_themes: LiveThemes | None = None
        """Feeds the panel while it shows."""
        self.waiting = WaitingLines(self)
        """Lines waiting for the database, sent when it answers."""
        self.others = OtherScreens(self)
        """What the other tables log in this session, as it arrives."""

    @property
    def log_view(self) -> ContributionLog:
        """The contribution log."""
        return self.query_one("#log", ContributionLog)

    @property
    def entry_bar(self) -> EntryBar:
        """The input line and its preview."""
        return self.query_one("#entry-bar", EntryBar)

    @property
    def session_header(self) -> SessionHeader:
        """Title, question, time, phase and count."""
        return self.query_one("#session-header", SessionHeader)

    @property
    def participants(self) -> ParticipantsPanel:
        """Who is here, with their keys and how often each spoke."""
        return self.query_one("#participants", ParticipantsPanel)

    def compose(self) -> ComposeResult:
        t, look = self.t, self.view.look
        yield SessionHeader(t, look, clock=self.recorder.clock, id="session-header")
        with Horizontal(id="capture-body"):
            yield ContributionLog(
                speaker_label=self.view.speaker_label,
                kind_label=lambda c: c.kind.label(t.lang),
                reply_label=self.view.reply_label,
                phase_label=self.view.phase_label,
                table_label=self.view.table_label,
                labels=self.view.ladder_labels(),
                placeholder=t("capture.empty_log"),
                look=look,
                id="log",
            )
            with Vertical(id="side"):
                yield ParticipantsPanel(t, look, id="participants")
                yield ThemesPanel(t, id="live-themes")
        yield EntryBar(
            placeholder=t("capture.placeholder"),
            suggester=EntrySuggester(self.recorder.context),
            id="entry-bar",
        )
        yield KeyHints(t, id="key-hints")

    def on_mount(self) -> None:
        self.entry_bar.input.focus()
        self.view.restyle()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.view.restyle())
        # An existing session in an SQLite file is drawn from a first look in the first
        # frame: as many of the newest contributions as the terminal has lines, read now.
        seen = self.recorder.glance(self._request, rows=self.app.size.height)
        if seen is not None:
            self.log_view.reset(seen.latest, has_older=seen.has_older)
            self.view.show_state(preview=False)
            self.call_after_refresh(self._count_first)
        # Draw first, then load: opening the store imports SQLAlchemy on the store thread,
        # which holds the GIL for most of 100-150 ms; begun before, it would slow the first
        # frame down to its pace. The input line takes typing meanwhile.
        self.call_after_refresh(
            self.run_worker, self._open(), group="open", exclusive=True, exit_on_error=False
        )

    def _count_first(self) -> None:
        """Who spoke how often, in the frame after the first look (see `Recorder.glance`)."""
        if self.recorder.count_first():
            self.view.show_state(preview=False)

    async def _open(self) -> None:
        """Find or create the session, then load it (on the store thread)."""
        session_id = await self.recorder.open(self._request)
        loaded = await self.recorder.load(session_id)
        if self.recorder.tables:  # the first look drew its rows without their tables' names
            self.log_view.restyle()
        self.log_view.reset(loaded.latest, has_older=loaded.has_older)
        entry = self.entry_bar.input
        if loaded.draft and not entry.value:
            entry.value = loaded.draft
            entry.cursor_position = len(loaded.draft)
        self._loaded.set()
        self.waiting.resume()
        self.others.start()
        # What exists now (modules, widgets, the loaded page) lives as long as the screen.
        # Left to the collector, a full collection walks it all: 16-48 ms, measured three
        # times in 35 s of capture, each a frozen screen if it falls on an Enter. Frozen,
        # the collector leaves it alone; held back since the start, it collects again now.
        settled()
        self._show_live_themes()
        self.view.show_state()
        self.refresh_bindings()
        if self._show_first is not None:
            await self.show_contribution(self._show_first.contribution_id, self._show_first.seq)

    def watch_entry(self, before: EntryState, after: EntryState) -> None:
        if (before.mode, before.target, before.offered) != (
            after.mode,
            after.target,
            after.offered,
        ):
            self.refresh_bindings()
            self.view.show_preview()
        elif before.reply_to != after.reply_to:
            self.view.show_preview()

    # --- typing --------------------------------------------------------------------------

    @on(Input.Changed, "#entry")
    def _typed(self, _event: Input.Changed) -> None:
        if self.live_themes is not None:
            self.live_themes.typing()
        self.view.show_preview()
        if self.entry.draft_in_input and self._loaded.is_set():
            if self._draft_timer is not None:
                self._draft_timer.stop()
            self._draft_timer = self.set_timer(DRAFT_SAVE_DELAY, self.flush_draft)

    @on(Input.Submitted, "#entry")
    async def _entered(self, event: Input.Submitted) -> None:
        consumed = False
        try:
            await self._loaded.wait()
            if self.entry.is_new_contribution(event.value):
                if not self.entry.capturing:
                    self.prompts.close()  # the offered prompt is declined by typing on
                consumed = await self._log_line(event.value)
            else:
                consumed = await self.prompts.answer(event.value)
        finally:
            self.entry_bar.input.dealt_with(used=consumed)
            # After a new row, the line leaves the input in the frame after it (_log_line).
            self.log_view.when_drawn(self._settle_entry)

    def _settle_entry(self) -> None:
        if not self.entry_bar.input.settle():
            # The line stayed, so no Changed event redraws its preview, and what was
            # logged or changed meanwhile may make it read differently now.
            self.view.show_preview()
        due = self.entry.ladder_due
        if due is not None:
            # Resistance is engagement: ask, without a dialog, what lies under it.
            self.entry = self.entry.expecting_ladder(None)
            self.prompts.ladder(due, offered=True)

    async def _log_line(self, line: str) -> bool:
        """Log a typed line; True if it was used (and may leave the input)."""
        preview = self.recorder.context.preview(line)
        if preview.is_blank:
            return True
        if preview.only_names_speaker:
            self.recorder.context.current_speaker = preview.speaker
            self.view.show_state()
            return True
        if not preview.loggable:
            self.view.warn_not_loggable(preview)
            return False
        reply = self.entry.reply_to
        change = await self.view.attempt(
            self.recorder.log(preview, reply_to_id=reply.id if reply else None)
        )
        if change is None:
            return False
        if reply is not None:
            self.entry = self.entry.replying(None)
        if change.waiting:
            self.waiting.kept(change.waiting)
            return True
        self.log_view.clear_selection()
        # The row first, in a frame of its own; the counts follow in the next one. The logged
        # line then leaves the input (_settle_entry), whose Changed event shows the new line's
        # preview, so reading the old line once more here is wasted.
        self.view.show_change(change, preview=False)
        # Every few lines this starts a theme run, a new process, and redraws the panel: not
        # before the row is out.
        self.log_view.when_drawn(self._count_for_live_themes)
        logged = change.logged
        if logged is not None and logged.kind is Kind.RESISTANCE and not logged.interests:
            self.entry = self.entry.expecting_ladder(logged)  # once the line left the input
        return True

    def _count_for_live_themes(self) -> None:
        if self.live_themes is not None:
            self.live_themes.logged()

    # --- the selection and the record ----------------------------------------------------

    def action_select_previous(self) -> None:
        """Select the contribution above."""
        self.log_view.select_previous()

    def action_select_next(self) -> None:
        """Select the contribution below."""
        self.log_view.select_next()

    def action_page_up(self) -> None:
        """Scroll the log a page back."""
        self.log_view.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        """Scroll the log a page forward."""
        self.log_view.scroll_page_down(animate=False)

    def action_edit(self) -> None:
        """Load the selected contribution into the input line for editing."""
        if (selected := self.log_view.selected) is not None:
            self.prompts.edit(selected)

    def action_ladder(self) -> None:
        """Name the interests, values and condition under the selected contribution."""
        if (selected := self.log_view.selected) is not None:
            self.prompts.ladder(selected, offered=False)

    def action_paraphrase(self) -> None:
        """Write (or change) the paraphrase of the selected contribution."""
        if (selected := self.log_view.selected) is not None:
            self.prompts.paraphrase(selected, offered=False)

    def action_phase(self) -> None:
        """Ask, in the input line, which phase to go to."""
        self.prompts.phase()

    async def action_next_phase(self) -> None:
        """Go to the next agenda item."""
        await self.prompts.next_phase()

    async def action_remove(self) -> None:
        """Remove the selected contribution (Ctrl+Z brings it back)."""
        await self.keys.remove(self.log_view.selected)

    async def action_consent(self) -> None:
        """Cycle the consent of the selected contribution, or of the next one."""
        await self.keys.cycle_consent(self.log_view.selected)

    async def action_undo(self) -> None:
        """Undo the newest change."""
        await self.keys.undo()

    async def action_redo(self) -> None:
        """Redo the newest undone change."""
        await self.keys.redo()

    def action_speaker(self, index: int) -> None:
        """Make the participant on quick key `index` the speaker."""
        self.keys.speaker(index)

    def action_room(self) -> None:
        """Make the room the speaker."""
        self.keys.room()

    def action_reply(self) -> None:
        """Make the next contribution a reply to the selected one."""
        selected = self.log_view.selected
        if selected is not None:
            self.log_view.clear_selection()
            self.entry = self.entry.replying(selected)

    def action_cancel(self) -> None:
        """Step back: leave a prompt, drop the reply, or clear the selection."""
        if not self.entry.capturing:
            self.prompts.close()
        elif self.entry.reply_to is not None:
            self.entry = self.entry.replying(None)
        else:
            self.log_view.clear_selection()

    async def action_log(self) -> None:
        """Log the line in the input (what Enter does)."""
        await self.entry_bar.input.action_submit()

    # --- commands and other screens ------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        selected = self.is_mounted and self.log_view.selected is not None
        return self.entry.allows(action, selected=selected)

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """Commands that apply now, and one entry per participant with a quick key."""
        yield from palette_entries_for(
            CAPTURE_COMMANDS, self.t, enabled=lambda action: self.check_action(action, ())
        )
        yield from speaker_entries(self.recorder.context.session_participants, self.t)

    def action_help(self) -> None:
        """Show the keys and the quick-entry syntax."""
        self.app.push_screen(elsewhere.help_screen(self.t))

    def action_ladder_view(self) -> None:
        """Open the ladder: values, interests, bridging interests and the ledger."""
        if (ladder := elsewhere.ladder_screen(self.recorder, self.t)) is not None:
            self.app.push_screen(ladder)

    def action_theme_board(self) -> None:
        """The themes across all sessions, to review and curate."""
        self.app.push_screen(
            elsewhere.theme_board(self.recorder, self.t), lambda _closed: self._themes_changed()
        )

    def _themes_changed(self) -> None:
        """Back from the board, where themes may have been found again or curated: the live
        panel reads them again rather than show the run it had."""
        if self.live_themes is not None:
            self.live_themes.refresh()

    def action_search(self) -> None:
        """Search what was said in every session (Ctrl+F); the chosen result is shown
        where it was said."""
        self.app.push_screen(elsewhere.search_screen(self.recorder, self.t), self._jump)

    def _jump(self, chosen: Chosen | None) -> None:
        if chosen is not None and isinstance(self.app, ShowsFound):
            self.app.show_found(chosen)

    async def show_contribution(self, contribution_id: int, seq: int) -> None:
        """Select a contribution of this session in the log, reading what lies between it
        and the loaded page first."""
        await self._loaded.wait()
        if not await self.view.show_contribution(contribution_id, seq):
            self.notify(self.t("search.gone"), severity="warning")

    def action_export(self) -> None:
        """Export this session: Markdown, HTML or JSON, with consent honoured."""
        if (dialog := elsewhere.export_dialog(self.recorder, self.t)) is not None:
            self.app.push_screen(dialog)

    def action_corrections(self) -> None:
        """Correct a participant, a phase or the session (F6), starting on the selected
        contribution's speaker or else the current one."""
        selected = self.log_view.selected
        current = self.recorder.context.current_speaker.participant
        chosen = (
            selected.participant_id if selected is not None else (current.id if current else None)
        )
        screen = elsewhere.corrections_screen(
            self.recorder, self.t, chosen=chosen, said=self.log_view.rows
        )
        if screen is not None:
            self.app.push_screen(screen, self.keys.correct)

    def action_side_panel(self) -> None:
        """Show or hide the participants beside the log (F7): on a small screen the log
        then has the whole width."""
        self.query_one("#side").toggle_class("-hidden")

    def on_resize(self, event: events.Resize) -> None:
        # Below 100 columns the side panel narrows, so the log keeps room to be read.
        self.set_class(event.size.width < NARROW, "-narrow")

    def action_live_themes(self) -> None:
        """Show or hide the live themes panel."""
        self.live_themes_on = not self.live_themes_on
        self._show_live_themes()

    def _show_live_themes(self) -> None:
        # Imported when the session has loaded: the theme runner and its child's protocol
        # are not needed for the first frame.
        from dialoog_tui.tui.capture.live_themes import live_panel

        on = self.live_themes_on
        self.live_themes = live_panel(self, self.live_themes, self.recorder, self.t, on=on)

    def on_unmount(self) -> None:
        self.others.stop()
        if self.live_themes is not None:
            self.live_themes.stop()

    async def action_sessions(self) -> None:
        """Go back to the session picker."""
        await self.flush_draft()
        await self.app.run_action("app.show_picker")

    async def flush_draft(self) -> None:
        """Save the input line now (also called before quitting)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if not self._loaded.is_set():
            return
        state, line = self.entry, self.entry_bar.input
        # At an offered ladder prompt the input may already hold the next contribution.
        text = line.unsubmitted if state.draft_in_input else state.stash
        await self.view.attempt(self.recorder.save_draft(text))

    # --- messages from the log -----------------------------------------------------------

    @on(ContributionLog.SelectionChanged)
    def _selection_changed(self) -> None:
        self.refresh_bindings()

    @on(ContributionLog.OlderWanted)
    def _load_older(self, event: ContributionLog.OlderWanted) -> None:
        older = self.view.prepend_older(event.before_seq)
        self.run_worker(older, group="older", exclusive=True, exit_on_error=False)
