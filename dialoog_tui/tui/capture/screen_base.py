"""What the capture screen's parts share: its state, and showing that state."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual.timer import Timer

from dialoog_tui.core.capture import EntryPreview
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.display import abbreviate_domain
from dialoog_tui.core.model import Contribution, SessionRequest
from dialoog_tui.core.quick_entry import parse_entry
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.capture.commands import CAPTURE_COMMANDS, SPEAKER_COMMANDS
from dialoog_tui.tui.capture.contribution_log import ContributionLog
from dialoog_tui.tui.capture.entry_bar import EntryBar, EntryMode
from dialoog_tui.tui.capture.log_rows import SpeakerLabel
from dialoog_tui.tui.capture.participants_panel import ParticipantsPanel, Participation
from dialoog_tui.tui.capture.preview import ladder_text, problem_text, render_preview
from dialoog_tui.tui.capture.recorder import RecordChange, Recorder
from dialoog_tui.tui.capture.session_header import SessionHeader
from dialoog_tui.tui.commands import with_commands
from dialoog_tui.tui.look import Look, look_from_variables
from dialoog_tui.tui.screens.base import DialoogScreen

if TYPE_CHECKING:
    from dialoog_tui.tui.capture.live_themes import LiveThemes

T = TypeVar("T")


class CaptureBase(DialoogScreen[None]):
    """State of one capture screen; the subclasses add actions and the input line's modes."""

    def __init__(
        self,
        request: SessionRequest,
        recorder: Recorder,
        t: Translator,
        *,
        live_themes: bool = True,
    ) -> None:
        super().__init__()
        self._request = request
        self.recorder = recorder
        """Keeps the record; the screen only shows it."""
        self.t = t
        """Interface texts."""
        self._bindings = with_commands(self._bindings, (*CAPTURE_COMMANDS, *SPEAKER_COMMANDS), t)
        self._loaded = asyncio.Event()
        self._look = Look()
        self._draft_timer: Timer | None = None
        self._stash = ""
        self._editing: Contribution | None = None
        self._laddering: Contribution | None = None
        self._paraphrasing: Contribution | None = None
        self._ladder_offered = False
        self._offer_ladder_for: Contribution | None = None
        self._reply_to: Contribution | None = None
        self.live_themes_on = live_themes
        """Whether the live themes panel shows (F4 switches)."""
        self.live_themes: LiveThemes | None = None
        """Feeds the panel while it shows."""

    @property
    def log_view(self) -> ContributionLog:
        """The contribution log."""
        return self.query_one("#log", ContributionLog)

    @property
    def entry_bar(self) -> EntryBar:
        """The input line and its preview."""
        return self.query_one("#entry-bar", EntryBar)

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

    def _show_state(self, *, preview: bool = True) -> None:
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
        if preview:
            self._show_preview()

    def _next_consent(self) -> Consent:
        """The consent the next contribution will get."""
        session = self.recorder.session
        default = session.default_consent if session else Consent.NAMED
        return self.recorder.context.next_consent or default

    def _consent_of(self, paraphrase: str | None) -> Consent:
        """The consent the line in the input will have: as chosen, else the session's default
        (or as it is, when editing); a first paraphrase makes a quotable one paraphrase, as
        the store will (`Consent.with_paraphrase`)."""
        editing = self._editing
        if editing is not None:
            first = editing.paraphrase is None
            return editing.consent.with_paraphrase(paraphrase) if first else editing.consent
        chosen = self.recorder.context.next_consent
        return chosen if chosen is not None else self._next_consent().with_paraphrase(paraphrase)

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
        entry = parse_entry(value)
        offered_but_new_line = self._ladder_offered and not (
            entry.interests or entry.values or entry.condition
        )
        if bar.mode is EntryMode.LADDER and not offered_but_new_line:
            bar.show_preview(ladder_text(self._ladder_of(value), self.t, self._look))
            return
        if bar.mode is EntryMode.PARAPHRASE:
            bar.show_preview(Text(self.t("preview.paraphrase_enter"), self._look.meta))
            return
        reply = self._reply_to.seq if self._reply_to else None
        consent = self._consent_of(entry.paraphrase)
        bar.show_preview(
            render_preview(
                self._preview(value),
                self.t,
                self._look,
                domains=self.recorder.context.domains,
                reply_to_seq=reply,
                consent=consent,
            )
        )

    def _phase_hint(self, typed: str) -> str:
        phases = self.recorder.phases
        listing = "  ".join(f"{p.position}. {p.title}" for p in phases)
        return f"{listing}" if not typed.strip() else f"→ {typed.strip()}"

    def _ladder_of(self, line: str) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
        """What a line typed at the ladder prompt means: plain words are an interest."""
        entry = parse_entry(line)
        interests = entry.interests
        if entry.text and entry.text.casefold() not in {i.casefold() for i in interests}:
            interests = (entry.text, *interests)
        return interests, entry.values, entry.condition

    def _show_change(self, change: RecordChange, *, preview: bool = True) -> None:
        log = self.log_view
        if change.logged is not None:
            log.append(change.logged)
        if change.replaced is not None:
            log.replace(change.replaced)
            log.restyle()  # a speaker's name or domain may be new
        if change.removed is not None:
            log.drop(change.removed.id)
        if change.restored is not None:
            log.restore(change.restored)
        # After a new row, in the frame after it (ContributionLog.when_drawn says why).
        log.when_drawn(partial(self._show_state, preview=preview))

    # --- failures ------------------------------------------------------------------------

    def _warn_not_loggable(self, preview: EntryPreview) -> None:
        if preview.due_unreadable:
            reason = self.t("preview.due_unreadable", due=preview.entry.due or "")
        else:
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

    # --- input modes ---------------------------------------------------------------------

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
        self._laddering = None
        self._paraphrasing = None
        self._ladder_offered = False
        self.entry_bar.enter_mode(
            EntryMode.CAPTURE,
            label=Text(""),
            value=self._stash,
            placeholder=self.t("capture.placeholder"),
        )
        self._stash = ""
        self._show_preview()
        self.refresh_bindings()
