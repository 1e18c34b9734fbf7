"""Showing the capture screen's record: the header, the participants panel, the line under
the input (how the typed line will be read) and the log's rows after a change. Every redraw
of those goes through here; the screen decides when."""

from __future__ import annotations

from collections.abc import Awaitable
from functools import partial
from typing import TypeVar

from rich.text import Text

from dialoog_tui.core.agenda import phase_matches, resembling
from dialoog_tui.core.capture import EntryPreview
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.display import abbreviate_domain, visible
from dialoog_tui.core.quick_entry import parse_entry
from dialoog_tui.tui.capture.log_rows import LadderLabels, SpeakerLabel
from dialoog_tui.tui.capture.modes import EntryMode, ladder_of
from dialoog_tui.tui.capture.participants_panel import Participation
from dialoog_tui.tui.capture.preview import ladder_text, problem_text, render_preview
from dialoog_tui.tui.capture.recorder import RecordChange
from dialoog_tui.tui.capture.surface import CaptureSurface
from dialoog_tui.tui.look import Look, look_from_variables
from dialoog_tui.tui.messages import trouble

T = TypeVar("T")

CONTEXT_ABOVE = 5
"""Contributions read above one a search jumps to, to read it in context."""


class CaptureView:
    """Draws what the screen's recorder holds, in the screen's look."""

    def __init__(self, screen: CaptureSurface) -> None:
        self._screen = screen
        self.look = Look()
        """The colours everything is drawn in (from the colour theme)."""

    def restyle(self) -> None:
        """Take the colour theme's colours and draw everything again."""
        screen = self._screen
        self.look = look_from_variables(screen.app.theme_variables)
        screen.log_view.restyle(self.look)
        self.show_state()

    def speaker_label(self, participant_id: int | None) -> SpeakerLabel:
        """How the log names a speaker: name, domain colour, short domain."""
        screen = self._screen
        person = screen.recorder.context.participant(participant_id)
        if person is None:
            return SpeakerLabel(screen.t("capture.room"), None)
        domains = screen.recorder.context.domains
        position = domains.index(person.domain) if person.domain in domains else None
        short = abbreviate_domain(person.domain) if person.domain else ""
        return SpeakerLabel(person.name, position, short)

    def reply_label(self, contribution_id: int) -> str | None:
        """`#12 Anna`: what a reply answers (None: not loaded, so not known here)."""
        target = self._screen.recorder.known(contribution_id)
        if target is None:
            return None
        return f"#{target.seq} {self.speaker_label(target.participant_id).name}"

    def table_label(self, table_id: int | None) -> str | None:
        """The name of the table a line was said at, when that is not this screen's (None:
        this table's, the whole room's, or not known here yet)."""
        recorder = self._screen.recorder
        if table_id is None or (recorder.table is not None and table_id == recorder.table.id):
            return None
        return recorder.tables.get(table_id)

    def phase_label(self, phase_id: int) -> str | None:
        """`2. Ideeën`: the phase as the divider in the log names it."""
        phase = next((p for p in self._screen.recorder.phases if p.id == phase_id), None)
        return f"{phase.position}. {phase.title}" if phase is not None else None

    def show_state(self, *, preview: bool = True) -> None:
        """The header and the participants panel as the record is now (and the preview)."""
        screen = self._screen
        recorder, context = screen.recorder, screen.recorder.context
        if recorder.session is None:
            return
        if recorder.table is not None:
            screen.session_header.show_table(recorder.table.name)
        screen.session_header.show(
            recorder.session,
            recorder.current_phase,
            recorder.total if recorder.counted else None,
            self.look,
        )
        current = context.current_speaker.participant
        screen.participants.show(
            Participation(
                people=context.session_participants,
                counts=context.counts if recorder.counted else None,
                domains=context.domains,
                domain_counts=context.domain_counts(),
                current_speaker_id=current.id if current else None,
            ),
            self.look,
        )
        if preview:
            self.show_preview()

    def show_change(self, change: RecordChange, *, preview: bool = True) -> None:
        """A change in the log's rows; the rest follows in the frame after the row."""
        log = self._screen.log_view
        if change.reloaded is not None:
            log.reset(change.reloaded.latest, has_older=change.reloaded.has_older)
            log.restyle()  # names, domains and phases may all read differently now
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
        log.when_drawn(partial(self.show_state, preview=preview))

    async def prepend_older(self, before_seq: int) -> None:
        """Load the page of contributions before number `before_seq` into the log."""
        page = await self._screen.recorder.older(before_seq)
        self._screen.log_view.prepend(page, has_older=len(page) > 0 and page[0].seq > 1)

    async def show_contribution(self, contribution_id: int, seq: int) -> bool:
        """Select contribution `seq` in the log, reading the contributions between it and
        the oldest loaded one first; False when it is not there (removed since)."""
        log = self._screen.log_view
        if log.rows and seq < log.rows[0].seq and log.has_older:
            first = log.rows[0].seq
            # One read of everything in between (and a few before, to read it in context):
            # page by page, each page would lay the whole log out again.
            page = await self._screen.recorder.older(first, count=first - seq + CONTEXT_ABOVE)
            log.prepend(page, has_older=len(page) > 0 and page[0].seq > 1)
        return log.select(contribution_id)

    def next_consent(self) -> Consent:
        """The consent the next contribution will get, as things stand."""
        recorder = self._screen.recorder
        default = recorder.session.default_consent if recorder.session else Consent.NAMED
        return recorder.context.next_consent or default

    def preview(self, line: str) -> EntryPreview:
        """How `line` will be read (when editing, with the edited one's speaker as the
        previous speaker)."""
        screen = self._screen
        target = screen.entry.target if screen.entry.mode is EntryMode.EDIT else None
        context = screen.recorder.context
        previous = context.speaker_for(target.participant_id) if target else None
        return context.preview(line, previous=previous)

    def show_preview(self) -> None:
        """The line under the input: how what is typed now will be read."""
        screen, t, look = self._screen, self._screen.t, self.look
        bar, state = screen.entry_bar, screen.entry
        value = bar.input.value
        if state.mode is EntryMode.PHASE:
            bar.show_preview(self._phase_hint(value))
            return
        if state.mode is EntryMode.LADDER and not state.is_new_contribution(value):
            bar.show_preview(ladder_text(ladder_of(value), t, look))
            return
        if state.mode is EntryMode.PARAPHRASE:
            bar.show_preview(Text(t("preview.paraphrase_enter"), look.meta))
            return
        context = screen.recorder.context
        consent = state.consent_of_line(
            parse_entry(value).paraphrase,
            chosen=context.next_consent,
            default=self.next_consent(),
        )
        bar.show_preview(
            render_preview(
                self.preview(value),
                t,
                look,
                domains=context.domains,
                reply_to_seq=state.reply_to.seq if state.reply_to else None,
                consent=consent,
            )
        )

    def _phase_hint(self, typed: str) -> Text:
        """The agenda; once something is typed, the phase Enter goes to, as the store
        will pick it (`agenda.phase_matches`): an existing one, a new one, or none yet."""
        t, look = self._screen.t, self.look
        phases = self._screen.recorder.phases
        if not typed.strip():
            return Text("  ".join(f"{p.position}. {visible(p.title)}" for p in phases), look.meta)
        matches = phase_matches(typed, phases)
        if len(matches) == 1:
            chosen = matches[0]
            return Text(f"→ {chosen.position}. {visible(chosen.title)}", look.meta)
        if matches:
            titles = ", ".join(visible(p.title) for p in matches)
            return Text("⚠ " + t("preview.phase_several", titles=titles), look.strong)
        title = " ".join(typed.split())
        hint = Text(t("preview.phase_new", title=visible(title)), look.meta)
        meant = resembling(title, phases)  # a title typed wrong?
        if meant is not None:
            hint.append("  ⚠ " + t("preview.resembles", name=visible(meant.title)), look.strong)
        return hint

    def ladder_labels(self) -> LadderLabels:
        """The words the log puts before interests, values, a condition and a paraphrase."""
        t = self._screen.t
        return LadderLabels(
            t("ladder.interest"),
            t("ladder.value"),
            t("ladder.condition"),
            t("cmd.paraphrase").lower(),
            owner=t("log.owner"),
            due=t("log.due"),
            more=t("log.more"),
        )

    async def attempt(self, work: Awaitable[T]) -> T | None:
        """Await store work; a failure becomes a notification (the app keeps running)."""
        try:
            return await work
        except Exception as error:
            message, severity = trouble(self._screen.t, error)
            self._screen.notify(message, severity=severity, markup=False)
            return None

    def warn_not_loggable(self, preview: EntryPreview) -> None:
        """Say why the line cannot be logged (it stays in the input)."""
        t = self._screen.t
        if preview.due_unreadable:
            reason = t("preview.due_unreadable", due=preview.entry.due or "")
        else:
            reason = problem_text(preview.speaker, t) or t("preview.empty")
        self._screen.notify(t("notify.cannot_log", reason=reason), severity="warning", markup=False)
