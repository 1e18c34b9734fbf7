"""The capture screen's record keeper: it turns typed lines and undo requests into store calls
and keeps the capture context (people, counts, current speaker, phase) in step.

No widgets here: every method returns what changed, and the screen shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from msgspec import Struct
from msgspec.structs import replace

from dialoog_tui.core.capture import CaptureContext, EntryPreview
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import (
    CommitmentTerms,
    Contribution,
    Logged,
    NewSession,
    Participant,
    Phase,
    SessionRequest,
    Table,
)
from dialoog_tui.core.model import Session as DialogueSession
from dialoog_tui.core.speakers import ROOM, Speaker
from dialoog_tui.core.undo import (
    Change,
    ContributionContent,
    Paraphrased,
    UndoStack,
    WasConsented,
    WasEdited,
    WasLaddered,
    WasLogged,
    WasParaphrased,
    WasRemoved,
)
from dialoog_tui.core.waiting import WaitingLine, new_key
from dialoog_tui.errors import DatabaseAway, StoreError
from dialoog_tui.services import first_look
from dialoog_tui.tui.gateway import StoreGateway

if TYPE_CHECKING:
    from dialoog_tui.core.corrections import Correction, ParticipantRemoved
    from dialoog_tui.services import capture, corrections
    from dialoog_tui.services.capture import CaptureSnapshot
    from dialoog_tui.services.database import Database
    from dialoog_tui.services.first_look import Glance
    from dialoog_tui.services.outbox import Outbox
else:
    from dialoog_tui.lazy import LazyModule

    # Loaded on the store thread when first used, so the screen draws before SQLAlchemy loads.
    capture = LazyModule("dialoog_tui.services.capture")
    corrections = LazyModule("dialoog_tui.services.corrections")

PAGE_SIZE = 200
"""Contributions loaded at a time: the newest page at start, older pages on scrolling up."""


class CaughtUp(Struct, frozen=True):
    """What other screens did in the session since this one last looked."""

    arrived: list[Contribution]
    """Logged by them, in order."""
    corrected: list[Contribution]
    """Changed by them since, as they are now: removed ones that show here, live ones to
    show (in their place, when it is loaded)."""
    reread: bool = False
    """Something changed elsewhere, and the session's people, agenda and facts were read
    anew with it: names, domains and phases may read differently now."""


class RecordChange(Struct, frozen=True):
    """What changed in the record."""

    logged: Contribution | None = None
    """A new contribution, to show at the end."""
    replaced: Contribution | None = None
    """A contribution's new version."""
    removed: Contribution | None = None
    """A contribution taken out."""
    restored: Contribution | None = None
    """A removed contribution brought back."""
    reloaded: CaptureSnapshot | None = None
    """After a correction: the session read again (people, agenda, the newest page)."""
    what: str = ""
    """i18n key describing the change (for undo/redo notifications)."""
    seq: int = 0
    """Number of the contribution concerned."""
    waiting: int = 0
    """Lines waiting in the outbox after this change (a line was kept there)."""


def _ladder(contribution: Contribution) -> Ladder:
    return Ladder(contribution.interests, contribution.values, contribution.condition)


def _content(contribution: Contribution) -> ContributionContent:
    return ContributionContent(
        participant_id=contribution.participant_id,
        kind=contribution.kind,
        text=contribution.text,
        tags=contribution.tags,
        ladder=_ladder(contribution),
        paraphrase=contribution.paraphrase,
        consent=contribution.consent,
        commitment=_terms(contribution.kind, contribution.owner, contribution.due_on),
    )


def _terms(kind: Kind, owner: str | None, due_on: date | None) -> CommitmentTerms | None:
    """A commitment's owner and date (None for any other kind: it has none)."""
    return CommitmentTerms(owner, due_on) if kind is Kind.COMMITMENT else None


class Recorder:
    """Keeps one session's record, through the store gateway."""

    def __init__(
        self,
        gateway: StoreGateway,
        clock: Callable[[], datetime],
        *,
        person: str | None = None,
        outbox: Outbox | None = None,
        table_name: str | None = None,
    ) -> None:
        self.gateway = gateway
        """The way to the store."""
        self.person = person
        """Who takes the notes: kept on every contribution logged."""
        self.clock = clock
        """Gives the time stamped on new contributions."""
        self.outbox = outbox
        """Where lines wait while the database cannot be reached (None: nowhere, an error)."""
        self.table_name = table_name
        """The table to capture at, as asked for (None: the whole room)."""
        self.table: Table | None = None
        """That table, once the session is loaded."""
        self.tables: dict[int, str] = {}
        """The names of the session's tables, by id (the log names another table's lines)."""
        self.held = 0
        """Waiting lines the database refused for good, kept aside (`Outbox.hold`)."""
        self.context = CaptureContext()
        """People, counts and the current speaker."""
        self.counted = True
        """Whether the context's counts are the session's: not between a first look and the
        count that follows it."""
        self.session: DialogueSession | None = None
        """The session, once loaded."""
        self.phases: list[Phase] = []
        """The session's agenda."""
        self.undo_stack: UndoStack[Change | Correction] = UndoStack()
        """Changes that can be undone."""
        self._contributions: dict[int, Contribution] = {}
        self._forgotten: dict[int, ParticipantRemoved] = {}
        """Speakers removed with the undone line that introduced them, by contribution id."""
        self._stored_draft: str | None = None
        """The draft as this recorder last left it in the store (None: not known)."""
        self._read_up_to = 0
        """The highest contribution number read from the store (a load or a catch-up): all
        others' contributions up to it are known. Not this screen's own lines: another
        table's line may have been numbered just below one of them and not be read yet."""
        self._changes_seen = 0
        """The session's count of changes when this screen last read them (a load or a
        catch-up): every correction up to it is shown."""

    @property
    def session_id(self) -> int:
        """The id of the loaded session."""
        assert self.session is not None, "no session loaded yet"
        return self.session.id

    @property
    def current_phase(self) -> Phase | None:
        """The agenda item new contributions go to."""
        if self.session is None:
            return None
        return next((p for p in self.phases if p.id == self.session.current_phase_id), None)

    @property
    def total(self) -> int:
        """Live contributions in the session (as far as counted: see `counted`)."""
        return sum(self.context.counts.values())

    async def open(self, request: SessionRequest) -> int:
        """The id of the session asked for, made first if it is new."""
        return await self.gateway.call(capture.open_session, request)

    def glance(self, request: SessionRequest, *, rows: int) -> Glance | None:
        """A first look at an existing session: its newest `rows` contributions, read on this
        thread before the store is open (a few milliseconds of SQLite, no SQLAlchemy; None:
        not possible, and the full load shows it). Takes over its people and agenda, so the
        log can name speakers and phases; `load` replaces all of it."""
        if isinstance(request, NewSession):
            return None
        seen = first_look.first_look(self.gateway.target, request, page_size=rows)
        if seen is None:
            return None
        self._take_over(seen, domains=seen.domains)
        self.counted = False
        return seen

    def count_first(self) -> bool:
        """After a first look, count who spoke how often, on this thread too (a few
        milliseconds, not waiting for the store); False when it cannot be counted so, and
        the full load counts."""
        if self.counted or self.session is None:
            return False
        counts = first_look.first_counts(self.gateway.target, self.session.id)
        if counts is None:
            return False
        self._count_as(counts)
        return True

    async def load(self, session_id: int) -> CaptureSnapshot:
        """Read the session and take over its people, counts and phase."""
        loaded = await self.gateway.call(capture.load, session_id, page_size=PAGE_SIZE)
        if self.table_name is not None and self.table is None:
            self.table = await self.gateway.call(
                capture.take_seat, session_id, self.table_name, note_taker=self.person
            )
        self._take_over(loaded, domains=[d.name for d in loaded.domains])
        self._count_as(loaded.counts)
        self._read_up_to = loaded.latest[-1].seq if loaded.latest else 0
        self._changes_seen = loaded.changes
        self._stored_draft = loaded.draft
        context = self.context
        context.known_participants = list(loaded.known_participants)
        context.former_names = loaded.former_names
        self.tables = dict(loaded.tables)
        context.values = [term.name for term in loaded.values]
        context.interests = [term.name for term in loaded.interests]
        context.today = self.clock().astimezone().date()
        if loaded.latest:
            context.current_speaker = context.speaker_for(loaded.latest[-1].participant_id)
        return loaded

    def _take_over(self, read: Glance | CaptureSnapshot, *, domains: list[str]) -> None:
        """The session, agenda, people, domains and newest page that a first look or a load
        read."""
        self.session, self.phases = read.session, read.phases
        context = self.context
        context.session_participants = list(read.session_participants)
        context.domains = domains
        self._remember(*read.latest)

    def _count_as(self, counts: Mapping[int | None, int]) -> None:
        """Take over the session's contributions per participant, as read from the store."""
        self.context.counts.clear()
        self.context.counts.update(counts)
        self.counted = True

    async def older(self, before_seq: int, *, count: int = PAGE_SIZE) -> list[Contribution]:
        """The `count` contributions before number `before_seq` (a page)."""
        page = await self.gateway.call(
            capture.older, self.session_id, before_seq=before_seq, limit=count
        )
        self._remember(*page)
        return page

    async def log(self, preview: EntryPreview, *, reply_to_id: int | None) -> RecordChange:
        """Store a previewed line durably; returns once it is on disk: in the database, or,
        while that cannot be reached, in the outbox (`RecordChange.waiting`)."""
        entry, phase = preview.entry, self.current_phase
        line = WaitingLine(
            key=new_key(),
            session_id=self.session_id,
            speaker=preview.speaker,
            kind=entry.kind,
            text=entry.text,
            at=self.clock(),
            tags=tuple(entry.tags),
            phase_id=phase.id if phase else None,
            reply_to_id=reply_to_id,
            ladder=preview.ladder,
            consent=self.context.next_consent,
            commitment=CommitmentTerms(entry.owner, preview.due_on),
            paraphrase=entry.paraphrase,
            recorded_by=self.person,
            table_id=self.table.id if self.table else None,
        )
        if self.outbox is not None and len(self.outbox):
            return self._keep(line)  # behind the lines waiting already: order is kept
        try:
            logged = await self.gateway.call(capture.log_typed, line)
        except DatabaseAway:
            if self.outbox is None:
                raise
            return self._keep(line)
        self.context.next_consent = None
        self._stored_draft = ""  # logging cleared it, in the same transaction
        self._took_effect(logged)
        self.context.counts[logged.contribution.participant_id] += 1
        introduced = preview.speaker.new_name is not None
        self.undo_stack.push(WasLogged(logged.contribution.id, introduced))
        return RecordChange(logged=logged.contribution, seq=logged.contribution.seq)

    def _keep(self, line: WaitingLine) -> RecordChange:
        """Keep `line` in the outbox (durably) until the database answers again."""
        assert self.outbox is not None
        self.outbox.add(line)
        self.context.next_consent = None
        # The speaker speaks on, as after a stored line: known, or new by name (their lines
        # then become one participant, see `store.participants`).
        if not line.speaker.is_room:
            self.context.current_speaker = replace(line.speaker, domain_ignored=False)
        return RecordChange(waiting=len(self.outbox))

    async def send_waiting(self) -> tuple[int, list[RecordChange]]:
        """Write the outbox's lines, oldest first, while the database answers: how many it
        took, and a change for each line of this session among them. Stops at the first line
        the database did not take (it is tried again later)."""
        changes: list[RecordChange] = []
        written = 0
        if self.outbox is None:
            return written, changes
        for line in self.outbox.waiting:
            try:
                logged = await self.gateway.call(capture.log_waiting, line)
            except DatabaseAway:
                break
            except StoreError:
                # A link the line carries does not fit any more (its phase went to another
                # session…): the line itself must still be stored, without its links.
                try:
                    logged = await self.gateway.call(
                        capture.log_waiting, replace(line, phase_id=None, reply_to_id=None)
                    )
                except DatabaseAway:
                    break
                except StoreError:
                    # Refused for good: kept aside, durably, so the lines behind it go on.
                    self.outbox.hold(line)
                    self.held += 1
                    continue
            self.outbox.written(line.key)
            written += 1
            # A line whose first commit went through before the connection broke may have
            # been read already, as if another screen had logged it (`catch_up`).
            known = logged.contribution.id in self._contributions
            if line.session_id == self.session_id and not known:
                changes.append(self._arrived(line, logged))
        return written, changes

    def newest_speaks_on(self) -> None:
        """The speaker of the session's newest contribution is the current speaker (as
        when a session is opened)."""
        live = [c for c in self._contributions.values() if c.deleted_at is None]
        if live:
            newest = max(live, key=lambda c: c.seq)
            self.context.current_speaker = self.context.speaker_for(newest.participant_id)

    def _arrived(self, line: WaitingLine, logged: Logged) -> RecordChange:
        """A line of this session that waited is stored now: count it, and make it undoable."""
        context, participant = self.context, logged.participant
        context.remember(participant)
        context.learn(logged.contribution)
        self._remember(logged.contribution)
        context.counts[logged.contribution.participant_id] += 1
        # Someone named anew while offline is a participant now: the lines that follow go
        # to them by id.
        named = context.current_speaker.new_name
        if participant is not None and named and named.casefold() == participant.name.casefold():
            context.current_speaker = Speaker(participant=participant)
        self.undo_stack.push(WasLogged(logged.contribution.id, line.speaker.new_name is not None))
        return RecordChange(logged=logged.contribution, seq=logged.contribution.seq)

    async def edit(
        self, original: Contribution, preview: EntryPreview, *, loaded: Contribution
    ) -> RecordChange:
        """Change a logged contribution (`original`, as it is now) to what the edited line
        says; `loaded` is the version the line was made from (another screen may have changed
        it since)."""
        before = _content(original)
        entry = preview.entry
        speaker = preview.speaker.participant
        after = ContributionContent(
            participant_id=speaker.id if speaker is not None else None,
            kind=entry.kind,
            text=entry.text,
            tags=entry.tags,
            ladder=preview.ladder,
            paraphrase=entry.paraphrase,
            # The owner is whoever said it unless the line names someone, as when logged.
            commitment=_terms(
                entry.kind, entry.owner or (speaker.name if speaker else None), preview.due_on
            ),
        )
        if after.commitment == _terms(loaded.kind, loaded.owner, loaded.due_on):
            # Owner and date as the line was loaded: left alone in the store (and by an
            # undo), so one set elsewhere meanwhile (`dialoog commitment`) is not put back,
            # whether it reached this screen before the edit began or during it.
            before, after = replace(before, commitment=None), replace(after, commitment=None)
        if preview.speaker.new_name is None and replace(after, consent=before.consent) == before:
            return RecordChange()  # nothing to store, to mark as edited or to undo
        change = await self._edit(original.id, preview.speaker, after)
        assert change.replaced is not None
        done = _content(change.replaced)
        if after.commitment is None:
            done = replace(done, commitment=None)
        self.undo_stack.push(WasEdited(original.id, before, done))
        return change

    async def set_ladder(self, contribution: Contribution, ladder: Ladder) -> RecordChange:
        """Give a contribution these interests, values and condition (undoable)."""
        before = _ladder(contribution)
        change = await self._set_ladder(contribution.id, ladder)
        assert change.replaced is not None
        self.undo_stack.push(WasLaddered(contribution.id, before, _ladder(change.replaced)))
        return change

    async def set_consent(self, contribution: Contribution, consent: Consent) -> RecordChange:
        """Change a contribution's consent (undoable)."""
        change = await self._set_consent(contribution.id, consent)
        self.undo_stack.push(WasConsented(contribution.id, contribution.consent, consent))
        return change

    async def set_paraphrase(self, contribution: Contribution, paraphrase: str) -> RecordChange:
        """Give a contribution the note-taker's paraphrase (undoable); a quotable consent
        becomes paraphrase."""
        before = Paraphrased(contribution.paraphrase, contribution.consent)
        change = await self._set_paraphrase(contribution.id, paraphrase, None)
        assert change.replaced is not None
        after = Paraphrased(change.replaced.paraphrase, change.replaced.consent)
        self.undo_stack.push(WasParaphrased(contribution.id, before, after))
        return change

    async def remove(self, contribution: Contribution) -> RecordChange:
        """Take a contribution out of the record (undoable)."""
        change = await self._remove(contribution.id)
        self.undo_stack.push(WasRemoved(contribution.id))
        return change

    async def undo(self) -> RecordChange | None:
        """Reverse the newest change; None if there is nothing to undo."""
        change = self.undo_stack.peek_undo()
        if change is None:
            return None
        try:
            result = await self._step(change, backwards=True)
        except Exception:
            # Not undoable any more (the record moved on): say why once, and let Ctrl+Z go
            # on to the changes before it rather than fail on this one forever.
            self.undo_stack.drop_undo()
            raise
        self.undo_stack.undone()
        return result

    async def redo(self) -> RecordChange | None:
        """Repeat the newest undone change; None if there is nothing to redo."""
        change = self.undo_stack.peek_redo()
        if change is None:
            return None
        try:
            result = await self._step(change, backwards=False)
        except Exception:
            self.undo_stack.drop_redo()
            raise
        self.undo_stack.redone()
        return result

    async def correct(self, correction: Callable[[Database], Correction]) -> RecordChange:
        """Make a correction of a participant, phase or session (undoable), and read the
        session again: names, places and the agenda may all have changed."""
        made = await self.gateway.call(correction)
        self.undo_stack.push(made)
        return replace(await self._reload(made), what=f"undo.{type(made).__name__}")

    async def _reload(self, made: Correction | None = None) -> RecordChange:
        """Read the session again after a correction (`made`, when it was a merge: the
        speaker merged away speaks on as the one they became)."""
        speaker = self.context.current_speaker
        own = self.session.current_phase_id if self.session is not None else None
        loaded = await self.load(self.session_id)
        if speaker.participant is not None:
            # Loaded already (a correction was made); not at start, where it would cost time.
            from dialoog_tui.core.corrections import ParticipantsMerged

            speaking = speaker.participant.id
            if isinstance(made, ParticipantsMerged) and speaking == made.gone.id:
                speaking = made.kept.id
            self.context.current_speaker = self.context.speaker_for(speaking)
        if self.session is not None:  # where this correction took it off: where its lines went
            self._stay_in(own, if_gone=self.session.current_phase_id)
        return RecordChange(reloaded=loaded)

    async def _step(self, change: Change | Correction, *, backwards: bool) -> RecordChange:
        """Undo (`backwards`) or redo one change in the store."""
        match change:
            case WasLogged(contribution_id, introduced):
                if backwards:
                    return replace(
                        await self._unlog(contribution_id, introduced), what="undo.logged"
                    )
                return replace(await self._relog(contribution_id), what="undo.logged")
            case WasRemoved(contribution_id):
                step = self._restore if backwards else self._remove
                return replace(await step(contribution_id), what="undo.removed")
            case WasEdited(contribution_id, before, after):
                result = await self._apply(contribution_id, before if backwards else after)
                return replace(result, what="undo.edited")
            case WasLaddered(contribution_id, before, after):
                result = await self._set_ladder(contribution_id, before if backwards else after)
                return replace(result, what="undo.laddered")
            case WasConsented(contribution_id, before, after):
                result = await self._set_consent(contribution_id, before if backwards else after)
                return replace(result, what="undo.consented")
            case WasParaphrased(contribution_id, before, after):
                state = before if backwards else after
                result = await self._set_paraphrase(
                    contribution_id, state.paraphrase, state.consent
                )
                return replace(result, what="undo.paraphrased")
            case _:
                undo_or_redo = corrections.reverse if backwards else corrections.repeat
                await self.gateway.call(undo_or_redo, change)
                merged = None if backwards else change  # a merge redone: as when it was made
                return replace(await self._reload(merged), what=f"undo.{type(change).__name__}")

    async def save_draft(self, text: str) -> None:
        """Remember the half-typed line. The emptied line after an Enter is not written
        again: the Enter's own transaction cleared the draft, and a write would only queue
        on the store thread before the next Enter."""
        if text == self._stored_draft or (self.outbox is not None and len(self.outbox)):
            return  # while lines wait, the database is away: the draft goes with the next
        session_id = self.session_id
        try:
            await self.gateway.call(capture.save_draft, session_id, text)
        except DatabaseAway:
            return  # tried again with the next change of the line; Enter says it plainly
        self._stored_draft = text

    async def go_to_phase(self, typed: str) -> Phase:
        """Enter the phase numbered or named `typed`; a new name adds it to the agenda."""
        phase, self.phases = await self.gateway.call(
            capture.go_to_phase, self.session_id, typed, agenda=self.phases
        )
        assert self.session is not None
        self.session = replace(self.session, current_phase_id=phase.id)
        return phase

    def next_phase(self) -> Phase | None:
        """The agenda item after the current one, if any."""
        current = self.current_phase
        position = current.position if current else 0
        return next((p for p in self.phases if p.position > position), None)

    # --- helpers -------------------------------------------------------------------------

    def known(self, contribution_id: int) -> Contribution | None:
        """A contribution seen by this recorder (loaded or logged)."""
        return self._contributions.get(contribution_id)

    def _remember(self, *loaded: Contribution) -> None:
        for contribution in loaded:
            self._contributions[contribution.id] = contribution

    async def catch_up(self) -> CaughtUp:
        """What others logged in this session since this screen last looked (in order):
        counted, and their speakers known; and the contributions shown here that others
        corrected since (edited, removed, restored…), recounted."""
        known = [p.id for p in self.context.session_participants]
        seen = [c.id for c in self._contributions.values() if c.seq > self._read_up_to]
        arrived = await self.gateway.call(
            capture.since,
            self.session_id,
            seq=self._read_up_to,
            known=known,
            seen=seen,
            changes=self._changes_seen,
            known_tables=list(self.tables),
        )
        if arrived.tables is not None:
            self.tables = arrived.tables
        self._read_up_to = max(self._read_up_to, arrived.up_to)
        self._changes_seen = max(self._changes_seen, arrived.changes)
        fresh = [c for c in arrived.contributions if c.id not in self._contributions]
        self._remember(*fresh)
        corrected = []
        for now in arrived.changed:
            before = self._contributions.get(now.id)
            if before == now or (before is None and now.deleted_at is not None):
                continue  # this screen's own change, or nothing to show
            self.context.learn(now)
            self._remember(now)
            corrected.append(now)
        if arrived.counts is None:
            for person in arrived.session_participants:
                self.context.remember(person)
            self.context.count(fresh, 1)
        else:  # corrected: what changed may lie on a page not loaded here
            self._people_now(arrived.session_participants)
            if arrived.former_names is not None:
                self.context.former_names = arrived.former_names
            self._count_as(arrived.counts)
            if arrived.session is not None:
                self._agenda_now(arrived.session, arrived.phases)
        return CaughtUp(fresh, corrected, reread=arrived.counts is not None)

    def _agenda_now(self, session: DialogueSession, phases: list[Phase]) -> None:
        """The session's facts and agenda as another screen left them; when it took this
        screen's phase off, no phase."""
        own = self.session.current_phase_id if self.session is not None else None
        self.session, self.phases = session, phases
        self._stay_in(own, if_gone=None)

    def _stay_in(self, own: int | None, *, if_gone: int | None) -> None:
        """After the session was read anew: this screen stays in its own phase, or in none,
        whatever another table entered last (each table moves on at its own pace); in
        `if_gone` when its phase is no longer on the agenda."""
        assert self.session is not None
        on_agenda = own is None or any(phase.id == own for phase in self.phases)
        self.session = replace(self.session, current_phase_id=own if on_agenda else if_gone)

    def _people_now(self, people: Sequence[Participant]) -> None:
        """The session's participants as another screen left them: one merged away there is
        gone here too, and when they were speaking, the speaker of the newest line speaks
        on (a line for them would be refused)."""
        context = self.context
        now = {person.id for person in people}
        speaking = context.current_speaker.participant
        for gone in [p.id for p in context.session_participants if p.id not in now]:
            context.forget(gone)
        for person in people:
            context.remember(person)
        if speaking is not None and speaking.id not in now:
            self.newest_speaks_on()
        elif speaking is not None:  # under their name and domain as they are now
            context.current_speaker = context.speaker_for(speaking.id)

    def _took_effect(self, logged: Logged) -> None:
        self.context.remember(logged.participant)
        participant = logged.participant
        self.context.current_speaker = Speaker(participant=participant) if participant else ROOM
        self.context.learn(logged.contribution)
        self._remember(logged.contribution)

    async def _edit(
        self, contribution_id: int, speaker: Speaker, content: ContributionContent
    ) -> RecordChange:
        old = self._contributions.get(contribution_id)
        logged = await self.gateway.call(
            capture.edit,
            contribution_id,
            speaker=speaker,
            kind=content.kind,
            text=content.text,
            tags=content.tags,
            ladder=content.ladder,
            paraphrase=content.paraphrase,
            consent=content.consent,
            commitment=content.commitment,
        )
        self.context.remember(logged.participant)
        self.context.learn(logged.contribution)
        self._remember(logged.contribution)
        if old is not None and old.deleted_at is None:
            self.context.counts[old.participant_id] -= 1
            self.context.counts[logged.contribution.participant_id] += 1
        return RecordChange(replaced=logged.contribution, seq=logged.contribution.seq)

    async def _apply(self, contribution_id: int, content: ContributionContent) -> RecordChange:
        speaker = self.context.speaker_for(content.participant_id)
        return await self._edit(contribution_id, speaker, content)

    async def _set_ladder(self, contribution_id: int, ladder: Ladder) -> RecordChange:
        changed = await self.gateway.call(capture.set_ladder, contribution_id, ladder)
        self.context.learn(changed)
        self._remember(changed)
        return RecordChange(replaced=changed, seq=changed.seq)

    async def _set_consent(self, contribution_id: int, consent: Consent) -> RecordChange:
        changed = await self.gateway.call(capture.set_consent, contribution_id, consent)
        self._remember(changed)
        return RecordChange(replaced=changed, seq=changed.seq)

    async def _set_paraphrase(
        self, contribution_id: int, paraphrase: str | None, consent: Consent | None
    ) -> RecordChange:
        changed = await self.gateway.call(
            capture.set_paraphrase, contribution_id, paraphrase, consent
        )
        self._remember(changed)
        return RecordChange(replaced=changed, seq=changed.seq)

    async def _remove(self, contribution_id: int) -> RecordChange:
        removed = await self.gateway.call(capture.remove, contribution_id)
        self.context.counts[removed.participant_id] -= 1
        self._remember(removed)
        return RecordChange(removed=removed, seq=removed.seq)

    async def _unlog(self, contribution_id: int, introduced: bool) -> RecordChange:
        removed, forgotten = await self.gateway.call(
            capture.unlog, contribution_id, forget_speaker=introduced
        )
        self.context.counts[removed.participant_id] -= 1
        if forgotten is not None:
            self._forgotten[contribution_id] = forgotten
            speaking = self.context.current_speaker.participant
            self.context.forget(forgotten.participant.id)
            removed = replace(removed, participant_id=None)
        self._remember(removed)
        if (
            forgotten is not None
            and speaking is not None
            and speaking.id == forgotten.participant.id
        ):
            # The one the line brought in is gone with it: whoever spoke before speaks on,
            # not the room (the next line without @ would be the room's).
            self.newest_speaks_on()
        return RecordChange(removed=removed, seq=removed.seq)

    async def _relog(self, contribution_id: int) -> RecordChange:
        forgotten = self._forgotten.pop(contribution_id, None)
        restored = await self.gateway.call(capture.relog, contribution_id, forgotten)
        if forgotten is not None:
            self.context.remember(forgotten.participant)
            newest = max(
                (c.seq for c in self._contributions.values() if c.deleted_at is None), default=0
            )
            if restored.seq > newest:  # as when it was logged: the one it brought in speaks on
                self.context.current_speaker = Speaker(participant=forgotten.participant)
        self.context.counts[restored.participant_id] += 1
        self._remember(restored)
        return RecordChange(restored=restored, seq=restored.seq)

    async def _restore(self, contribution_id: int) -> RecordChange:
        restored = await self.gateway.call(capture.restore, contribution_id)
        self.context.counts[restored.participant_id] += 1
        self._remember(restored)
        return RecordChange(restored=restored, seq=restored.seq)
