"""The capture screen: log a meeting live from one input line that always has the focus."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Input

from dialoog_tui.core.capture import EntryPreview
from dialoog_tui.core.display import abbreviate_domain
from dialoog_tui.core.model import Contribution, SessionRequest
from dialoog_tui.core.quick_entry import (
    ParsedEntry,
    SpeakerMention,
    format_entry,
    split_mention,
    with_speaker,
)
from dialoog_tui.core.speakers import ROOM, ROOM_NAME, Speaker
from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.commands import (
    QUICK_KEYS,
    Command,
    PaletteEntry,
    alt_key,
    key_display,
    make_bindings,
    palette_entries_for,
)
from dialoog_tui.tui.look import Look, look_from_variables
from dialoog_tui.tui.preview import render_preview
from dialoog_tui.tui.recorder import RecordChange, Recorder
from dialoog_tui.tui.screens.base import DialoogScreen
from dialoog_tui.tui.suggest import MentionSuggester
from dialoog_tui.tui.widgets.contribution_log import ContributionLog, SpeakerLabel
from dialoog_tui.tui.widgets.entry_bar import EntryBar, EntryMode
from dialoog_tui.tui.widgets.key_hints import KeyHints
from dialoog_tui.tui.widgets.participants_panel import ParticipantsPanel, Participation
from dialoog_tui.tui.widgets.session_header import SessionHeader

T = TypeVar("T")

session_requests = LazyModule("dialoog_tui.store.session_requests")

DRAFT_SAVE_DELAY = 0.3
"""Seconds of quiet typing after which the input line is saved (a crash loses at most this)."""

CAPTURE_COMMANDS: tuple[Command, ...] = (
    Command("log", "enter", action="log"),
    Command("edit", "ctrl+e", priority=True),
    Command("remove", "ctrl+d", priority=True),
    Command("undo", "ctrl+z"),
    Command("redo", "ctrl+y"),
    Command("phase", "ctrl+g"),
    Command("next_phase", "ctrl+n", show=False),
    Command("reply", "ctrl+r", show=False),
    Command("select_up", "up", show=False, action="select_previous"),
    Command("select_down", "down", show=False, action="select_next"),
    Command("page_up", "pageup", show=False),
    Command("page_down", "pagedown", show=False),
    Command("cancel", "escape", show=False),
    Command("room", alt_key("0"), show=False, priority=True),
    Command("help", "f1"),
    Command("sessions", "ctrl+o", show=False),
)
# Priority: the input line would otherwise take Alt+key as a typed character.
SPEAKER_COMMANDS: tuple[Command, ...] = tuple(
    Command(
        f"speaker_{key}",
        alt_key(key),
        show=False,
        priority=True,
        action=f"speaker({index})",
        text_key="cmd.speaker",
    )
    for index, key in enumerate(QUICK_KEYS)
)


class CaptureScreen(DialoogScreen[None]):
    """Header, log and participants, and the input line with its preview."""

    def __init__(self, request: SessionRequest, recorder: Recorder, t: Translator) -> None:
        super().__init__()
        self._request = request
        self.recorder = recorder
        """Keeps the record; the screen only shows it."""
        self.t = t
        """Interface texts."""
        self._bindings = make_bindings((*CAPTURE_COMMANDS, *SPEAKER_COMMANDS), t)
        self._loaded = asyncio.Event()
        self._look = Look()
        self._draft_timer: Timer | None = None
        self._stash = ""
        self._editing: Contribution | None = None
        self._reply_to: Contribution | None = None

    # --- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        t = self.t
        yield SessionHeader(t, self._look, clock=self.recorder.clock, id="session-header")
        with Horizontal(id="capture-body"):
            yield ContributionLog(
                speaker_label=self._speaker_label,
                kind_label=lambda c: c.kind.label(t.lang),
                placeholder=t("capture.empty_log"),
                look=self._look,
                id="log",
            )
            yield ParticipantsPanel(t, self._look, id="participants")
        yield EntryBar(
            placeholder=t("capture.placeholder"),
            suggester=MentionSuggester(self.recorder.context),
            id="entry-bar",
        )
        yield KeyHints(self.t("cmd.palette"), id="key-hints")

    @property
    def log_view(self) -> ContributionLog:
        """The contribution log."""
        return self.query_one("#log", ContributionLog)

    @property
    def entry_bar(self) -> EntryBar:
        """The input line and its preview."""
        return self.query_one("#entry-bar", EntryBar)

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
        request = self._request
        session_id = await self.recorder.gateway.write(
            lambda db: session_requests.open_session_request(db=db, request=request)
        )
        loaded = await self.recorder.load(session_id)
        self.log_view.reset(loaded.latest, has_older=loaded.has_older)
        entry = self.entry_bar.input
        if loaded.draft and not entry.value:
            entry.value = loaded.draft
            entry.cursor_position = len(loaded.draft)
        self._loaded.set()
        self._show_state()
        self.refresh_bindings()

    # --- showing state -------------------------------------------------------------------

    def _restyle(self) -> None:
        self._look = look_from_variables(self.app.theme_variables)
        self.log_view.restyle(self._look)
        self._show_state()

    def _speaker_label(self, participant_id: int | None) -> SpeakerLabel:
        person = self.recorder.context.participant(participant_id)
        if person is None:
            return SpeakerLabel(self.t("capture.room"), None)
        domains = self.recorder.context.domains
        position = domains.index(person.domain) if person.domain in domains else None
        short = abbreviate_domain(person.domain) if person.domain else ""
        return SpeakerLabel(person.name, position, short)

    def _show_state(self) -> None:
        recorder, context = self.recorder, self.recorder.context
        if recorder.session is None:
            return
        self.query_one("#session-header", SessionHeader).show(
            recorder.session, recorder.current_phase, recorder.total, self._look
        )
        current = context.current_speaker.participant
        self.query_one("#participants", ParticipantsPanel).show(
            Participation(
                people=context.session_participants,
                counts=context.counts,
                domains=context.domains,
                domain_counts=context.domain_counts(),
                current_speaker_id=current.id if current else None,
            ),
            self._look,
        )
        self._show_preview()

    def _preview(self, line: str) -> EntryPreview:
        editing = self._editing
        previous = self.recorder.context.speaker_for(editing.participant_id) if editing else None
        return self.recorder.context.preview(line, previous=previous)

    def _show_preview(self) -> None:
        bar = self.entry_bar
        value = bar.input.value
        if bar.mode is EntryMode.PHASE:
            bar.show_preview(Text(self._phase_hint(value), self._look.meta))
            return
        reply = self._reply_to.seq if self._reply_to else None
        bar.show_preview(
            render_preview(
                self._preview(value),
                self.t,
                self._look,
                domains=self.recorder.context.domains,
                reply_to_seq=reply,
            )
        )

    def _phase_hint(self, typed: str) -> str:
        phases = self.recorder.phases
        listing = "  ".join(f"{p.position}. {p.title}" for p in phases)
        return f"{listing}" if not typed.strip() else f"→ {typed.strip()}"

    def _show_change(self, change: RecordChange) -> None:
        log = self.log_view
        if change.logged is not None:
            log.append(change.logged)
        if change.replaced is not None:
            log.replace(change.replaced)
        if change.removed is not None:
            log.drop(change.removed.id)
        if change.restored is not None:
            log.restore(change.restored)
        if change.replaced is not None:
            log.restyle()  # a speaker's name or domain may be new
        self._show_state()

    # --- typing --------------------------------------------------------------------------

    @on(Input.Changed, "#entry")
    def _typed(self, _event: Input.Changed) -> None:
        self._show_preview()
        if self.entry_bar.mode is EntryMode.CAPTURE and self._loaded.is_set():
            if self._draft_timer is not None:
                self._draft_timer.stop()
            self._draft_timer = self.set_timer(DRAFT_SAVE_DELAY, self.flush_draft)

    async def flush_draft(self) -> None:
        """Save the input line now (also called before quitting)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if not self._loaded.is_set():
            return
        bar = self.entry_bar
        text = bar.input.value if bar.mode is EntryMode.CAPTURE else self._stash
        await self._attempt(self.recorder.save_draft(text))

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
            else:
                consumed = await self._log_line(event.value)
        finally:
            self.entry_bar.input.settle(consumed=consumed)

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
        self._show_change(change)
        return True

    def _warn_not_loggable(self, preview: EntryPreview) -> None:
        from dialoog_tui.tui.preview import problem_text

        reason = problem_text(preview.speaker, self.t) or self.t("preview.empty")
        self.notify(self.t("notify.cannot_log", reason=reason), severity="warning", markup=False)

    async def _attempt(self, work: Awaitable[T]) -> T | None:
        """Await store work; a failure becomes a notification (the app keeps running)."""
        try:
            return await work
        except Exception as error:
            message = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            self.notify(self.t("notify.store_error", error=message), severity="error", markup=False)
            return None

    # --- modes: edit and phase -----------------------------------------------------------

    def _enter_mode(self, mode: EntryMode, label: str, value: str, placeholder: str) -> None:
        bar = self.entry_bar
        if bar.mode is EntryMode.CAPTURE:
            self._stash = bar.input.value
        bar.enter_mode(
            mode, label=Text(label, self._look.strong), value=value, placeholder=placeholder
        )
        self._show_preview()
        self.refresh_bindings()

    def _leave_mode(self) -> None:
        self._editing = None
        self.entry_bar.enter_mode(
            EntryMode.CAPTURE,
            label=Text(""),
            value=self._stash,
            placeholder=self.t("capture.placeholder"),
        )
        self._stash = ""
        self._show_preview()
        self.refresh_bindings()

    def action_edit(self) -> None:
        """Load the selected contribution into the input line for editing."""
        selected = self.log_view.selected
        if selected is None:
            return
        person = self.recorder.context.participant(selected.participant_id)
        mention = SpeakerMention(person.name if person else ROOM_NAME)
        line = format_entry(
            ParsedEntry(speaker=mention, kind=selected.kind, text=selected.text, tags=selected.tags)
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

    # --- selection, removal, undo --------------------------------------------------------

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

    async def action_remove(self) -> None:
        """Remove the selected contribution (Ctrl+Z brings it back)."""
        selected = self.log_view.selected
        if selected is None:
            return
        change = await self._attempt(self.recorder.remove(selected))
        if change is not None:
            self._show_change(change)
            self.notify(self.t("notify.removed", seq=selected.seq))

    async def action_undo(self) -> None:
        """Undo the newest change."""
        await self._undo_or_redo(self.recorder.undo, "notify.undone", "notify.nothing_to_undo")

    async def action_redo(self) -> None:
        """Redo the newest undone change."""
        await self._undo_or_redo(self.recorder.redo, "notify.redone", "notify.nothing_to_redo")

    async def _undo_or_redo(
        self, step: Callable[[], Awaitable[RecordChange | None]], done_key: str, none_key: str
    ) -> None:
        if not self._loaded.is_set():
            return
        try:
            change = await step()
        except Exception as error:
            self.notify(
                self.t("notify.store_error", error=str(error)), severity="error", markup=False
            )
            return
        if change is None:
            self.notify(self.t(none_key))
            return
        self._show_change(change)
        self.notify(self.t(done_key, what=self.t(change.what, seq=change.seq)))

    def action_reply(self) -> None:
        """Make the next contribution a reply to the selected one."""
        selected = self.log_view.selected
        if selected is not None:
            self._reply_to = selected
            self.log_view.clear_selection()
            self._show_preview()

    def action_cancel(self) -> None:
        """Step back: leave edit/phase mode, drop the reply, or clear the selection."""
        if self.entry_bar.mode is not EntryMode.CAPTURE:
            self._leave_mode()
        elif self._reply_to is not None:
            self._reply_to = None
            self._show_preview()
        else:
            self.log_view.clear_selection()

    # --- speakers ------------------------------------------------------------------------

    def action_speaker(self, index: int) -> None:
        """Make the participant on quick key `index` the speaker."""
        person = self.recorder.context.quick_key_participant(index)
        if person is not None:
            self._set_speaker(Speaker(participant=person), SpeakerMention(person.name))

    def action_room(self) -> None:
        """Make the room the speaker."""
        self._set_speaker(ROOM, SpeakerMention(ROOM_NAME))

    def _set_speaker(self, speaker: Speaker, mention: SpeakerMention) -> None:
        entry = self.entry_bar.input
        typed_mention, _rest = split_mention(entry.value)
        if typed_mention is not None:
            # The line names someone already; the key corrects that name in place.
            entry.value = with_speaker(entry.value, mention)
            entry.cursor_position = len(entry.value)
        else:
            self.recorder.context.current_speaker = speaker
        self._show_state()

    # --- commands ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        capturing = self.entry_bar.mode is EntryMode.CAPTURE if self.is_mounted else True
        if action in ("edit", "remove", "reply"):
            return capturing and self.log_view.selected is not None
        if action in ("select_previous", "select_next"):
            return capturing
        return True

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """Commands that apply now, and one entry per participant with a quick key."""
        yield from palette_entries_for(
            CAPTURE_COMMANDS, self.t, enabled=lambda action: self.check_action(action, ())
        )
        for index, person in enumerate(
            self.recorder.context.session_participants[: len(QUICK_KEYS)]
        ):
            key = key_display(f"alt+{QUICK_KEYS[index]}")
            title = Text(f"{self.t('cmd.speaker', key=key)}: ")
            title.append(person.name)
            yield PaletteEntry(
                title, self.t("cmd.speaker.help", name=person.name), f"speaker({index})"
            )

    async def action_log(self) -> None:
        """Log the line in the input (what Enter does)."""
        await self.entry_bar.input.action_submit()

    def action_help(self) -> None:
        """Show the keys and the quick-entry syntax."""
        from dialoog_tui.tui.screens.help import HelpScreen

        # One line in the help stands for all the participant keys.
        speakers = Command("speakers", "alt+1…Z", action="speaker(0)")
        self.app.push_screen(HelpScreen(self.t, (*CAPTURE_COMMANDS, speakers)))

    async def action_sessions(self) -> None:
        """Go back to the session picker."""
        await self.flush_draft()
        await self.app.run_action("app.show_picker")
