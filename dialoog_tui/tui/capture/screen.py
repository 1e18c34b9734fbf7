"""The capture screen: log a meeting live from one input line that always has the focus."""

from __future__ import annotations

import gc

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import Contribution
from dialoog_tui.core.quick_entry import (
    ParsedEntry,
    SpeakerMention,
    format_annotations,
    format_entry,
    parse_entry,
)
from dialoog_tui.core.speakers import ROOM_NAME
from dialoog_tui.tui.capture.actions import CaptureActions
from dialoog_tui.tui.capture.contribution_log import ContributionLog
from dialoog_tui.tui.capture.entry_bar import EntryBar, EntryMode
from dialoog_tui.tui.capture.log_rows import LadderLabels
from dialoog_tui.tui.capture.participants_panel import ParticipantsPanel
from dialoog_tui.tui.capture.session_header import SessionHeader
from dialoog_tui.tui.capture.suggest import EntrySuggester
from dialoog_tui.tui.capture.themes_panel import ThemesPanel
from dialoog_tui.tui.widgets.key_hints import KeyHints

DRAFT_SAVE_DELAY = 0.3
"""Seconds of quiet typing after which the input line is saved (a crash loses at most this)."""


class CaptureScreen(CaptureActions):
    """Header, log and participants, and the input line with its preview."""

    def compose(self) -> ComposeResult:
        t = self.t
        yield SessionHeader(t, self._look, clock=self.recorder.clock, id="session-header")
        with Horizontal(id="capture-body"):
            yield ContributionLog(
                speaker_label=self._speaker_label,
                kind_label=lambda c: c.kind.label(t.lang),
                labels=LadderLabels(
                    t("ladder.interest"),
                    t("ladder.value"),
                    t("ladder.condition"),
                    t("cmd.paraphrase").lower(),
                ),
                placeholder=t("capture.empty_log"),
                look=self._look,
                id="log",
            )
            with Vertical(id="side"):
                yield ParticipantsPanel(t, self._look, id="participants")
                yield ThemesPanel(t, id="live-themes")
        yield EntryBar(
            placeholder=t("capture.placeholder"),
            suggester=EntrySuggester(self.recorder.context),
            id="entry-bar",
        )
        yield KeyHints(t("cmd.palette"), id="key-hints")

    def on_mount(self) -> None:
        self.entry_bar.input.focus()
        self._restyle()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())
        # Draw first, then load: the input line is ready for typing while the database opens.
        self.call_after_refresh(
            self.run_worker, self._open(), group="open", exclusive=True, exit_on_error=False
        )

    async def _open(self) -> None:
        """Find or create the session, then load it (on the store thread)."""
        session_id = await self.recorder.open(self._request)
        loaded = await self.recorder.load(session_id)
        self.log_view.reset(loaded.latest, has_older=loaded.has_older)
        entry = self.entry_bar.input
        if loaded.draft and not entry.value:
            entry.value = loaded.draft
            entry.cursor_position = len(loaded.draft)
        self._loaded.set()
        # What exists now (modules, widgets, the loaded page) lives as long as the screen.
        # Left to the collector, a full collection walks it all: 16-48 ms, measured three
        # times in 35 s of capture, each a frozen screen if it falls on an Enter. Frozen,
        # the collector leaves it alone.
        gc.freeze()
        if self.live_themes_on:
            self._start_live_themes()
        self._show_state()
        self.refresh_bindings()

    # --- typing --------------------------------------------------------------------------

    @on(Input.Changed, "#entry")
    def _typed(self, _event: Input.Changed) -> None:
        if self.live_themes is not None:
            self.live_themes.typing()
        self._show_preview()
        mode = self.entry_bar.mode
        holds_capture = mode is EntryMode.CAPTURE or (
            mode is EntryMode.LADDER and self._ladder_offered
        )
        if holds_capture and self._loaded.is_set():
            if self._draft_timer is not None:
                self._draft_timer.stop()
            self._draft_timer = self.set_timer(DRAFT_SAVE_DELAY, self.flush_draft)

    @on(Input.Submitted, "#entry")
    async def _entered(self, event: Input.Submitted) -> None:
        consumed = False
        try:
            await self._loaded.wait()
            mode = self.entry_bar.mode
            if mode is EntryMode.PHASE:
                consumed = await self._enter_phase(event.value)
            elif mode is EntryMode.EDIT:
                consumed = await self._save_edit(event.value)
            elif mode is EntryMode.LADDER:
                consumed = await self._save_ladder(event.value)
            elif mode is EntryMode.PARAPHRASE:
                consumed = await self._save_paraphrase(event.value)
            else:
                consumed = await self._log_line(event.value)
        finally:
            self.entry_bar.input.dealt_with(used=consumed)
            # After a new row, the line leaves the input in the frame after it (_log_line).
            self.log_view.when_drawn(self._settle_entry)

    def _settle_entry(self) -> None:
        if not self.entry_bar.input.settle():
            # The line stayed, so no Changed event redraws its preview, and what was
            # logged or changed meanwhile may make it read differently now.
            self._show_preview()
        offer, self._offer_ladder_for = self._offer_ladder_for, None
        if offer is not None:
            # Resistance is engagement: ask, without a dialog, what lies under it.
            self._ask_ladder(offer, after_logging=True)

    async def _log_line(self, line: str) -> bool:
        """Log a typed line; True if it was used (and may leave the input)."""
        preview = self.recorder.context.preview(line)
        if preview.is_blank:
            return True
        if preview.only_names_speaker:
            self.recorder.context.current_speaker = preview.speaker
            self._show_state()
            return True
        if not preview.loggable:
            self._warn_not_loggable(preview)
            return False
        reply, self._reply_to = self._reply_to, None
        change = await self._attempt(
            self.recorder.log(preview, reply_to_id=reply.id if reply else None)
        )
        if change is None:
            self._reply_to = reply
            return False
        self.log_view.clear_selection()
        # The row first, in a frame of its own; the counts follow in the next one. The logged
        # line then leaves the input (_settle_entry), whose Changed event shows the new line's
        # preview, so reading the old line once more here is wasted.
        self._show_change(change, preview=False)
        # Every few lines this starts a theme run, a new process, and redraws the panel: not
        # before the row is out.
        self.log_view.when_drawn(self._count_for_live_themes)
        logged = change.logged
        if logged is not None and logged.kind is Kind.RESISTANCE and not logged.interests:
            self._offer_ladder_for = logged  # once the line has left the input
        return True

    def _count_for_live_themes(self) -> None:
        if self.live_themes is not None:
            self.live_themes.logged()

    # --- the input line's modes: edit, ladder, phase -------------------------------------

    def action_edit(self) -> None:
        """Load the selected contribution into the input line for editing."""
        selected = self.log_view.selected
        if selected is None:
            return
        person = self.recorder.context.participant(selected.participant_id)
        mention = SpeakerMention(person.name if person else ROOM_NAME)
        line = format_entry(
            ParsedEntry(
                speaker=mention,
                kind=selected.kind,
                text=selected.text,
                tags=selected.tags,
                interests=selected.interests,
                values=selected.values,
                condition=selected.condition,
                paraphrase=selected.paraphrase,
            )
        )
        self._editing = selected
        self._enter_mode(EntryMode.EDIT, self.t("mode.edit", seq=selected.seq), line, "")

    async def _save_edit(self, line: str) -> bool:
        """Store the edited line; False (and stay in edit mode) if it cannot be."""
        original = self._editing
        if original is None:
            return False
        preview = self._preview(line)
        if not preview.loggable:
            self._warn_not_loggable(preview)
            return False
        change = await self._attempt(self.recorder.edit(original, preview))
        if change is None:
            return False
        self._leave_mode()
        self._show_change(change)
        return True

    def action_ladder(self) -> None:
        """Name the interests, values and condition under the selected contribution."""
        selected = self.log_view.selected
        if selected is not None:
            self._ask_ladder(selected, after_logging=False)

    def _ask_ladder(self, contribution: Contribution, *, after_logging: bool) -> None:
        self._laddering = contribution
        self._ladder_offered = after_logging
        # Offered after logging, the line starts empty (what was typed inline stays and this
        # adds to it); asked for with Ctrl+L, it shows the ladder to change.
        current = (
            ""
            if after_logging
            else format_annotations(
                contribution.interests, contribution.values, contribution.condition
            )
        )
        label = self.t("mode.ladder", seq=contribution.seq)
        hint = self.t("mode.ladder.skip" if after_logging else "mode.ladder.placeholder")
        self._enter_mode(EntryMode.LADDER, label, current, hint)

    async def _save_ladder(self, line: str) -> bool:
        target = self._laddering
        if target is None:
            return False
        if self._ladder_offered and not _has_annotations(line):
            # The prompt after a resistance is only an offer: a line without belang:/waarde:/
            # voorwaarde: is simply the next contribution, so typing on never goes astray.
            self._leave_mode()
            return await self._log_line(line)
        interests, values, condition = self._ladder_of(line)
        if self._ladder_offered:
            interests = (*target.interests, *interests)
            values = (*target.values, *values)
            condition = condition or target.condition
        ladder = Ladder(interests, values, condition)
        if ladder.is_empty and target.interests == () and target.values == ():
            self._leave_mode()  # an empty answer to the prompt is the same as Esc
            return True
        change = await self._attempt(self.recorder.set_ladder(target, ladder))
        if change is None:
            return False
        self._leave_mode()
        self._show_change(change)
        return True

    def action_phase(self) -> None:
        """Ask, in the input line, which phase to go to."""
        self._enter_mode(
            EntryMode.PHASE, self.t("mode.phase"), "", self.t("mode.phase.placeholder")
        )

    async def _enter_phase(self, typed: str) -> bool:
        """Go to the typed phase (an empty line just leaves the prompt)."""
        if not typed.strip():
            self._leave_mode()
            return True
        phase = await self._attempt(self.recorder.go_to_phase(typed))
        if phase is None:
            return False
        self._leave_mode()
        self.notify(self.t("notify.phase", title=phase.title), markup=False)
        self._show_state()
        return True

    async def action_next_phase(self) -> None:
        """Go to the next agenda item."""
        following = self.recorder.next_phase()
        if following is None:
            self.notify(self.t("notify.no_next_phase"), severity="warning")
            return
        phase = await self._attempt(self.recorder.go_to_phase(str(following.position)))
        if phase is not None:
            self.notify(self.t("notify.phase", title=phase.title), markup=False)
            self._show_state()

    # --- messages from the log -----------------------------------------------------------

    @on(ContributionLog.SelectionChanged)
    def _selection_changed(self) -> None:
        self.refresh_bindings()

    @on(ContributionLog.OlderWanted)
    def _load_older(self, event: ContributionLog.OlderWanted) -> None:
        self.run_worker(
            self._prepend_older(event.before_seq),
            group="older",
            exclusive=True,
            exit_on_error=False,
        )

    async def _prepend_older(self, before_seq: int) -> None:
        page = await self.recorder.older(before_seq)
        self.log_view.prepend(page, has_older=len(page) > 0 and page[0].seq > 1)


def _has_annotations(line: str) -> bool:
    entry = parse_entry(line)
    return bool(entry.interests or entry.values or entry.condition)
